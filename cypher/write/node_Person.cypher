// Merge Person nodes on their key (key). Rows: {key, props, aliases}.
// Later values win, nulls never erase (the writer drops them), aliases are a sorted union.
UNWIND $rows AS row
MERGE (n:Person {key: row.key})
SET n += row.props
