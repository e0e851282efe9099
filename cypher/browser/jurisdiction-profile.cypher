// jurisdiction-profile, drawn: the jurisdiction, its parent, its reports and everything they state.
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
OPTIONAL MATCH up = (j)-[:PART_OF]->(:Jurisdiction)
OPTIONAL MATCH p = (j)<-[:ABOUT]-(:Report)-[]->()
RETURN j, up, p
LIMIT 300
