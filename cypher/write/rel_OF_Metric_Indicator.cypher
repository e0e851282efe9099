// Merge (Metric)-[:OF]->(Indicator) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Metric {key: row.src})
MATCH (b:Indicator {name: row.dst})
MERGE (a)-[r:OF]->(b)
SET r += row.props
