// The jurisdiction keys a name denotes (id, full name or alias), as the named queries match it.
MATCH (j:Jurisdiction)
WHERE j.id = $name OR j.name = $name OR $name IN coalesce(j.aliases, [])
RETURN j.id AS id
ORDER BY id
