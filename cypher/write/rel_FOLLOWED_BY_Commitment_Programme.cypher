// Merge (Commitment)-[:FOLLOWED_BY]->(Programme) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Commitment {key: row.src})
MATCH (b:Programme {name: row.dst})
MERGE (a)-[r:FOLLOWED_BY {report: row.ident.report}]->(b)
SET r += row.props
