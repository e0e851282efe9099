// Merge (Report)-[:REPORTS_ROLE]->(Role) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Report {id: row.src})
MATCH (b:Role {key: row.dst})
MERGE (a)-[r:REPORTS_ROLE]->(b)
SET r += row.props
