// metric-comparison, drawn: the indicator, its metrics, the reports that state them and their jurisdictions.
MATCH p = (:Indicator {name: $indicator})<-[:OF]-(m:Metric)<-[:ACHIEVED]-(r:Report)
WITH p, r, coalesce(m.year, r.year) AS year
WHERE ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
OPTIONAL MATCH q = (r)-[:ABOUT]->(j:Jurisdiction)
WITH p, q, j
WHERE $level IS NULL OR j.level = $level
RETURN p, q
LIMIT $limit
