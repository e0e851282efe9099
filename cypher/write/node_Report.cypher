// Merge Report nodes on their key (id). Rows: {key, props, aliases}.
// Later values win, nulls never erase (the writer drops them), aliases are a sorted union.
UNWIND $rows AS row
MERGE (n:Report {id: row.key})
SET n += row.props
