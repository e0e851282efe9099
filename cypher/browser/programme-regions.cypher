// programme-regions, drawn: the programme, the reports that carry it out and their jurisdictions.
MATCH (g:Programme)
WHERE g.name = $programme OR $programme IN coalesce(g.aliases, [])
MATCH p = (g)<-[:IMPLEMENTS]-(r:Report)
WHERE ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
OPTIONAL MATCH q = (r)-[:ABOUT]->(:Jurisdiction)
RETURN p, q
LIMIT $limit
