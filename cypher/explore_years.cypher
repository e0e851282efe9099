// Explorer read (graph/explore.py; not a named query): the year of each report asked for
// ($ids: report ids; null for every report).
MATCH (r:Report)
WHERE $ids IS NULL OR r.id IN $ids
RETURN r.id AS id, r.year AS year
ORDER BY id
