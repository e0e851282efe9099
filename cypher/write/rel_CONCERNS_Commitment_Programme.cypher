// Merge (Commitment)-[:CONCERNS]->(Programme) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Commitment {key: row.src})
MATCH (b:Programme {name: row.dst})
MERGE (a)-[r:CONCERNS]->(b)
SET r += row.props
