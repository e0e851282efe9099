// One indicator (行政复议案件数, 行政机关负责人出庭应诉率 ...) across jurisdictions and years.
MATCH (i:Indicator {name: $indicator})<-[:OF]-(m:Metric)<-[a:ACHIEVED]-(r:Report)
WITH i, m, a, r, coalesce(m.year, r.year) AS year
WHERE ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
OPTIONAL MATCH (r)-[:ABOUT]->(j:Jurisdiction)
WITH i, m, a, r, year, j
WHERE $level IS NULL OR j.level = $level
RETURN i.name AS indicator, j.name AS jurisdiction, j.id AS jurisdiction_id, j.level AS level, year,
       m.value AS value, m.unit AS unit, m.approx AS approx, m.scope AS scope, m.raw AS raw, r.id AS report,
       a.section AS section, a.evidence AS evidence
ORDER BY year, jurisdiction_id, report, value, raw, unit, scope, evidence
SKIP $skip LIMIT $limit
