// trace, drawn: the jurisdiction's commitments, what they were followed by, and the later report that says so.
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
MATCH p = (j)<-[:ABOUT]-(:Report)-[:COMMITS_TO]->(c:Commitment)
WITH p, c, coalesce(c.trace_year, c.year) AS year
WHERE ($year IS NULL OR year = $year) AND ($status IS NULL OR c.trace_status = $status)
OPTIONAL MATCH q = (c)-[f:FOLLOWED_BY]->()<-[]-(later:Report)
WHERE later.id = f.report
RETURN p, q
LIMIT $limit
