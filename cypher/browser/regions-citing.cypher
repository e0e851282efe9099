// regions-citing, drawn: the law, the reports that cite it and the jurisdictions they are about.
MATCH (l:Law)
WHERE l.title IN [$law, '中华人民共和国' + $law] OR l.short = $law OR $law IN coalesce(l.aliases, [])
MATCH p = (l)<-[:CITES]-(r:Report)
WHERE ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
OPTIONAL MATCH q = (r)-[:ABOUT]->(j:Jurisdiction)
WITH p, q, j
WHERE $level IS NULL OR j.level = $level
RETURN p, q
LIMIT $limit
