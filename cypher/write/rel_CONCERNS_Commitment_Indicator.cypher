// Merge (Commitment)-[:CONCERNS]->(Indicator) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Commitment {key: row.src})
MATCH (b:Indicator {name: row.dst})
MERGE (a)-[r:CONCERNS]->(b)
SET r += row.props
