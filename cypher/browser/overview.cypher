// The graph at a glance, drawn: one report (the first by id) with everything it states —
// the jurisdiction it is about and those it mentions, laws, programmes, roles, metrics, commitments —
// and what those hang on: jurisdictions' parents, metrics' indicators, commitments' concerns, roles' holders.
MATCH (r:Report)
WITH r ORDER BY r.id LIMIT 1
MATCH p = (r)-[]->(x)
OPTIONAL MATCH q = (x)-[:PART_OF|OF|CONCERNS|IN]->()
OPTIONAL MATCH h = (x)<-[:HOLDS]-(:Person)
RETURN p, q, h
LIMIT 300
