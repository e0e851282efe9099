// commitments, drawn: the jurisdiction, its reports' plan items and what each item concerns.
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
MATCH p = (j)<-[:ABOUT]-(:Report)-[:COMMITS_TO]->(c:Commitment)
WHERE $year IS NULL OR c.year = $year
OPTIONAL MATCH q = (c)-[:CONCERNS]->()
RETURN p, q
LIMIT $limit
