// Merge Indicator nodes on their key (name). Rows: {key, props, aliases}.
// Later values win, nulls never erase (the writer drops them), aliases are a sorted union.
UNWIND $rows AS row
MERGE (n:Indicator {name: row.key})
SET n += row.props
