// Merge (Report)-[:ACHIEVED]->(Metric) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Report {id: row.src})
MATCH (b:Metric {key: row.dst})
MERGE (a)-[r:ACHIEVED]->(b)
SET r += row.props
