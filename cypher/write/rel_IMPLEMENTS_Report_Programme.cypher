// Merge (Report)-[:IMPLEMENTS]->(Programme) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Report {id: row.src})
MATCH (b:Programme {name: row.dst})
MERGE (a)-[r:IMPLEMENTS]->(b)
SET r += row.props
