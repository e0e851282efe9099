// A node (by label and key) with its neighbours and the relationships between them, for drawing.
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
OPTIONAL CALL (n) {
  MATCH (n)-[r]-(m)
  WITH r, m, startNode(r) AS s, endNode(r) AS e
  WITH r, m, [x IN [m, s, e] | labels(x)[0] + ':' +
         CASE labels(x)[0] WHEN 'Report' THEN x.id WHEN 'Jurisdiction' THEN x.id WHEN 'Law' THEN x.title
                           WHEN 'Programme' THEN x.name WHEN 'Indicator' THEN x.name ELSE x.key END] AS refs
  RETURN r, m, refs
  ORDER BY type(r), labels(m)[0], refs[0], refs[1], refs[2], r.action, r.relation, r.report
  LIMIT $limit
}
WITH n, collect(m) AS ms,
     collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), src: refs[1], dst: refs[2], action: r.action,
                                                 relation: r.relation, report: r.report} END) AS edges
WITH n, edges, [x IN [n] + ms | {label: labels(x)[0],
       key: CASE labels(x)[0] WHEN 'Report' THEN x.id WHEN 'Jurisdiction' THEN x.id WHEN 'Law' THEN x.title
                              WHEN 'Programme' THEN x.name WHEN 'Indicator' THEN x.name ELSE x.key END,
       name: CASE labels(x)[0] WHEN 'Report' THEN x.title WHEN 'Law' THEN x.title WHEN 'Role' THEN x.title
                               WHEN 'Metric' THEN x.raw WHEN 'Commitment' THEN x.text ELSE x.name END}] AS views
WITH views[0] AS center, edges,
     COLLECT { UNWIND views AS v RETURN DISTINCT v {.*, id: v.label + ':' + v.key} AS x
               ORDER BY x.label, x.key } AS nodes
RETURN center {.*, id: center.label + ':' + center.key} AS center, nodes, edges
