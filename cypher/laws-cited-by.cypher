// The laws a jurisdiction's reports cite (or enact, draft, revise, repeal), with evidence.
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
MATCH (r:Report)-[:ABOUT]->(j)
WHERE ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
MATCH (r)-[c:CITES]->(l:Law)
RETURN j.name AS jurisdiction, j.id AS jurisdiction_id, j.level AS level, l.title AS law, l.short AS short,
       l.category AS category, c.action AS action, r.id AS report, r.year AS year, c.section AS section,
       c.evidence AS evidence
ORDER BY jurisdiction_id, law, action, year, report
SKIP $skip LIMIT $limit
