// search, drawn: the nodes the full-text index finds, best first.
CALL db.index.fulltext.queryNodes('govkg_names', $lucene) YIELD node, score
WHERE $label IS NULL OR labels(node)[0] = $label
RETURN node
ORDER BY score DESC
LIMIT $limit
