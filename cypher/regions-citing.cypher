// Which regions cite this regulation? Jurisdictions whose reports cite a law named by
// canonical title, short title (安全生产法) or alias, with report, year and evidence.
MATCH (l:Law)
WHERE l.title IN [$law, '中华人民共和国' + $law] OR l.short = $law OR $law IN coalesce(l.aliases, [])
MATCH (r:Report)-[c:CITES]->(l)
WHERE ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
OPTIONAL MATCH (r)-[:ABOUT]->(j:Jurisdiction)
WITH l, r, c, j
WHERE $level IS NULL OR j.level = $level
RETURN j.name AS jurisdiction, j.id AS jurisdiction_id, j.level AS level, r.id AS report, r.title AS title,
       r.year AS year, l.title AS law, c.action AS action, c.section AS section, c.evidence AS evidence
ORDER BY jurisdiction_id, year, report, law, action
SKIP $skip LIMIT $limit
