// What did this jurisdiction promise (for a year)? Plan items with what they concern.
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
MATCH (r:Report)-[:ABOUT]->(j)
MATCH (r)-[a:COMMITS_TO]->(c:Commitment)
WHERE $year IS NULL OR c.year = $year
RETURN j.name AS jurisdiction, j.id AS jurisdiction_id, r.id AS report, r.year AS report_year, c.year AS year,
       c.ordinal AS ordinal, c.text AS text,
       COLLECT { MATCH (c)-[:CONCERNS]->(x) RETURN DISTINCT coalesce(x.name, x.title, '') AS n ORDER BY n }
         AS concerns,
       a.section AS section, a.evidence AS evidence
ORDER BY jurisdiction_id, report, ordinal
SKIP $skip LIMIT $limit
