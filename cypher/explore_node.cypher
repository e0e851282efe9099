// Explorer read (graph/explore.py; not a named query): one node's properties and how many
// relationships with evidence touch it.
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
RETURN properties(n) AS props, COUNT { (n)-[x]-() WHERE x.evidence IS NOT NULL AND x.evidence <> '' } AS statements
