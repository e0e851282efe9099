// Node counts per label and relationship counts per type.
CALL () {
  MATCH (n) RETURN 'label' AS kind, labels(n)[0] AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() RETURN 'type' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count
ORDER BY kind, name
