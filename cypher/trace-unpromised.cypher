// The reverse view of tracing: what a jurisdiction's report achieved (metrics, programmes carried
// out, in its measures or leadership sections) that none of the jurisdiction's commitments for
// that year was followed by. Only reports some commitment was for (an earlier plan exists).
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
// the jurisdiction first: without this horizon the planner scans every ABOUT of the graph and
// runs the EXISTS below for each report before it looks at the name (1.5 million db hits at
// 10,000 reports, 400 ms)
WITH DISTINCT j
MATCH (j)<-[:ABOUT]-(r:Report)
WHERE ($year IS NULL OR r.year = $year)
  AND EXISTS { MATCH (j)<-[:ABOUT]-(e:Report)-[:COMMITS_TO]->(c:Commitment)
               WHERE e <> r AND coalesce(c.trace_year, c.year) = r.year }
CALL {
  WITH j, r
  MATCH (r)-[a:ACHIEVED]->(m:Metric)
  WHERE a.section IN ['measures', 'leadership']
    AND NOT EXISTS { MATCH (j)<-[:ABOUT]-(:Report)-[:COMMITS_TO]->(:Commitment)-[:FOLLOWED_BY {report: r.id}]->(m) }
  RETURN 'Metric' AS label, m.key AS key, m.raw AS name, m.indicator AS indicator, m.value AS value, m.unit AS unit,
         a.section AS section, a.evidence AS evidence
  UNION
  WITH j, r
  MATCH (r)-[a:IMPLEMENTS]->(p:Programme)
  WHERE a.section IN ['measures', 'leadership']
    AND NOT EXISTS { MATCH (j)<-[:ABOUT]-(:Report)-[:COMMITS_TO]->(:Commitment)-[:FOLLOWED_BY {report: r.id}]->(p) }
  RETURN 'Programme' AS label, p.name AS key, p.name AS name, null AS indicator, null AS value, null AS unit,
         a.section AS section, a.evidence AS evidence
}
RETURN j.name AS jurisdiction, j.id AS jurisdiction_id, r.id AS report, r.year AS year, label, key, name, indicator,
       value, unit, section, evidence
ORDER BY jurisdiction_id, report, label, key
SKIP $skip LIMIT $limit
