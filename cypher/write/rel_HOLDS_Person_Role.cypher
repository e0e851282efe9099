// Merge (Person)-[:HOLDS]->(Role) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Person {key: row.src})
MATCH (b:Role {key: row.dst})
MERGE (a)-[r:HOLDS {report: row.ident.report}]->(b)
SET r += row.props
