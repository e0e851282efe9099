// A programme (by name or alias) and the jurisdictions whose reports say they carry it out.
MATCH (p:Programme)
WHERE p.name = $programme OR $programme IN coalesce(p.aliases, [])
MATCH (r:Report)-[i:IMPLEMENTS]->(p)
WHERE ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
OPTIONAL MATCH (r)-[:ABOUT]->(j:Jurisdiction)
RETURN p.name AS programme, j.name AS jurisdiction, j.id AS jurisdiction_id, j.level AS level, r.id AS report,
       r.year AS year, i.section AS section, i.evidence AS evidence
ORDER BY programme, jurisdiction_id, year, report
SKIP $skip LIMIT $limit
