// Full-text search (CJK analyzer) over names and titles. $lucene is the user's text with
// Lucene's special characters escaped by govkg.graph.queries.lucene_terms.
CALL db.index.fulltext.queryNodes('govkg_names', $lucene) YIELD node, score
WITH node, score, labels(node)[0] AS label
WHERE $label IS NULL OR label = $label
RETURN label,
       CASE label WHEN 'Report' THEN node.id WHEN 'Jurisdiction' THEN node.id WHEN 'Law' THEN node.title
                  WHEN 'Programme' THEN node.name WHEN 'Indicator' THEN node.name ELSE node.key END AS key,
       CASE label WHEN 'Report' THEN node.title WHEN 'Law' THEN node.title WHEN 'Role' THEN node.title
                  WHEN 'Metric' THEN node.raw WHEN 'Commitment' THEN node.text ELSE node.name END AS name,
       score
ORDER BY score DESC, label, key
LIMIT $limit
