// Merge Programme nodes on their key (name). Rows: {key, props, aliases}.
// Later values win, nulls never erase (the writer drops them), aliases are a sorted union.
UNWIND $rows AS row
MERGE (n:Programme {name: row.key})
SET n += row.props
WITH n, row
WHERE row.aliases IS NOT NULL
SET n.aliases = COLLECT { UNWIND coalesce(n.aliases, []) + row.aliases AS a RETURN DISTINCT a ORDER BY a }
