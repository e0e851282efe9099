// Merge (Role)-[:IN]->(Jurisdiction) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Role {key: row.src})
MATCH (b:Jurisdiction {id: row.dst})
MERGE (a)-[r:IN]->(b)
SET r += row.props
