// Node counts per label and relationship counts per type. One count per label and type the
// writers create (tests/graph/test_stats_cypher.py keeps the lists complete): Neo4j answers
// each from its count store at once, where counting labels(n) over all nodes reads the whole
// graph (over a second at 10,000 reports). A node has one label.
CALL () {
  MATCH (n:Commitment) WITH count(n) AS count RETURN 'label' AS kind, 'Commitment' AS name, count
  UNION ALL
  MATCH (n:Indicator) WITH count(n) AS count RETURN 'label' AS kind, 'Indicator' AS name, count
  UNION ALL
  MATCH (n:Jurisdiction) WITH count(n) AS count RETURN 'label' AS kind, 'Jurisdiction' AS name, count
  UNION ALL
  MATCH (n:Law) WITH count(n) AS count RETURN 'label' AS kind, 'Law' AS name, count
  UNION ALL
  MATCH (n:Metric) WITH count(n) AS count RETURN 'label' AS kind, 'Metric' AS name, count
  UNION ALL
  MATCH (n:Person) WITH count(n) AS count RETURN 'label' AS kind, 'Person' AS name, count
  UNION ALL
  MATCH (n:Programme) WITH count(n) AS count RETURN 'label' AS kind, 'Programme' AS name, count
  UNION ALL
  MATCH (n:Report) WITH count(n) AS count RETURN 'label' AS kind, 'Report' AS name, count
  UNION ALL
  MATCH (n:Role) WITH count(n) AS count RETURN 'label' AS kind, 'Role' AS name, count
  UNION ALL
  MATCH ()-[r:ABOUT]->() WITH count(r) AS count RETURN 'type' AS kind, 'ABOUT' AS name, count
  UNION ALL
  MATCH ()-[r:ACHIEVED]->() WITH count(r) AS count RETURN 'type' AS kind, 'ACHIEVED' AS name, count
  UNION ALL
  MATCH ()-[r:CITES]->() WITH count(r) AS count RETURN 'type' AS kind, 'CITES' AS name, count
  UNION ALL
  MATCH ()-[r:COMMITS_TO]->() WITH count(r) AS count RETURN 'type' AS kind, 'COMMITS_TO' AS name, count
  UNION ALL
  MATCH ()-[r:CONCERNS]->() WITH count(r) AS count RETURN 'type' AS kind, 'CONCERNS' AS name, count
  UNION ALL
  MATCH ()-[r:FOLLOWED_BY]->() WITH count(r) AS count RETURN 'type' AS kind, 'FOLLOWED_BY' AS name, count
  UNION ALL
  MATCH ()-[r:HOLDS]->() WITH count(r) AS count RETURN 'type' AS kind, 'HOLDS' AS name, count
  UNION ALL
  MATCH ()-[r:IMPLEMENTS]->() WITH count(r) AS count RETURN 'type' AS kind, 'IMPLEMENTS' AS name, count
  UNION ALL
  MATCH ()-[r:IN]->() WITH count(r) AS count RETURN 'type' AS kind, 'IN' AS name, count
  UNION ALL
  MATCH ()-[r:MENTIONS]->() WITH count(r) AS count RETURN 'type' AS kind, 'MENTIONS' AS name, count
  UNION ALL
  MATCH ()-[r:OF]->() WITH count(r) AS count RETURN 'type' AS kind, 'OF' AS name, count
  UNION ALL
  MATCH ()-[r:PART_OF]->() WITH count(r) AS count RETURN 'type' AS kind, 'PART_OF' AS name, count
  UNION ALL
  MATCH ()-[r:REPORTS_ROLE]->() WITH count(r) AS count RETURN 'type' AS kind, 'REPORTS_ROLE' AS name, count
}
WITH kind, name, count
WHERE count > 0
RETURN kind, name, count
ORDER BY kind, name
