// Merge (Commitment)-[:CONCERNS]->(Law) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Commitment {key: row.src})
MATCH (b:Law {title: row.dst})
MERGE (a)-[r:CONCERNS]->(b)
SET r += row.props
