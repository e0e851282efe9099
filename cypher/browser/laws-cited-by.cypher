// laws-cited-by, drawn: the jurisdiction, its reports and the laws they cite (or enact, revise ...).
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
MATCH p = (j)<-[:ABOUT]-(r:Report)-[:CITES]->(:Law)
WHERE ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
RETURN p
LIMIT $limit
