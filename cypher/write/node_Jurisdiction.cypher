// Merge Jurisdiction nodes on their key (id). Rows: {key, props, aliases}.
// Later values win, nulls never erase (the writer drops them), aliases are a sorted union.
UNWIND $rows AS row
MERGE (n:Jurisdiction {id: row.key})
SET n += row.props
WITH n, row
WHERE row.aliases IS NOT NULL
SET n.aliases = COLLECT { UNWIND coalesce(n.aliases, []) + row.aliases AS a RETURN DISTINCT a ORDER BY a }
