// A commitment's trace: status, the year and later report(s) it was followed in, the sentences
// that bear on it and the shortcomings it answers. Rows: {key, props}; a null prop removes it.
UNWIND $rows AS row
MATCH (c:Commitment {key: row.key})
SET c += row.props
