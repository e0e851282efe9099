// Merge (Report)-[:CITES]->(Law) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Report {id: row.src})
MATCH (b:Law {title: row.dst})
MERGE (a)-[r:CITES {action: row.ident.action}]->(b)
SET r += row.props
