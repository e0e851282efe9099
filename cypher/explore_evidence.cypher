// Explorer read (graph/explore.py; not a named query): the relationships that carry evidence,
// either those of one type from one node to another ($type, $dst_label, $dst_key given) or every
// one touching the node (they null), newest report first. Each row has the stating report's title
// and year and the passage (sentence) that holds the mention, to mark the mention in the sentence.
CALL () {
  MATCH (n:Report {id: $key}) WHERE $label = 'Report' RETURN n
  UNION MATCH (n:Jurisdiction {id: $key}) WHERE $label = 'Jurisdiction' RETURN n
  UNION MATCH (n:Law {title: $key}) WHERE $label = 'Law' RETURN n
  UNION MATCH (n:Programme {name: $key}) WHERE $label = 'Programme' RETURN n
  UNION MATCH (n:Indicator {name: $key}) WHERE $label = 'Indicator' RETURN n
  UNION MATCH (n:Role {key: $key}) WHERE $label = 'Role' RETURN n
  UNION MATCH (n:Person {key: $key}) WHERE $label = 'Person' RETURN n
  UNION MATCH (n:Metric {key: $key}) WHERE $label = 'Metric' RETURN n
  UNION MATCH (n:Commitment {key: $key}) WHERE $label = 'Commitment' RETURN n
}
WITH n LIMIT 1
MATCH (n)-[x]-(m)
WHERE x.evidence IS NOT NULL AND x.evidence <> ''
  AND ($type IS NULL OR (type(x) = $type AND startNode(x) = n AND labels(m)[0] = $dst_label
       AND CASE $dst_label WHEN 'Report' THEN m.id WHEN 'Jurisdiction' THEN m.id WHEN 'Law' THEN m.title
                           WHEN 'Programme' THEN m.name WHEN 'Indicator' THEN m.name ELSE m.key END = $dst_key))
WITH x, [y IN [startNode(x), endNode(x)] | labels(y)[0] + ':' +
         CASE labels(y)[0] WHEN 'Report' THEN y.id WHEN 'Jurisdiction' THEN y.id WHEN 'Law' THEN y.title
                           WHEN 'Programme' THEN y.name WHEN 'Indicator' THEN y.name ELSE y.key END] AS refs
OPTIONAL MATCH (rep:Report {id: x.report})
WITH x, refs, rep, coalesce(rep.passage_starts, []) AS starts
ORDER BY coalesce(rep.year, -1) DESC, coalesce(x.report, ''), x.start, type(x), refs[0], refs[1],
         coalesce(x.action, ''), coalesce(x.relation, '')
LIMIT $limit
WITH x, refs, rep, starts,
     [i IN range(0, size(starts) - 1) WHERE starts[i] <= x.start
                                        AND (i + 1 = size(starts) OR x.start < starts[i + 1])] AS hit
RETURN type(x) AS type, refs[0] AS src, refs[1] AS dst, properties(x) AS props,
       rep.title AS report_title, rep.year AS report_year,
       CASE WHEN size(hit) > 0 THEN starts[hit[0]] END AS passage_start,
       CASE WHEN size(hit) > 0 THEN rep.passages[hit[0]] END AS passage
