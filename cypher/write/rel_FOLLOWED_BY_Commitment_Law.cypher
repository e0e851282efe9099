// Merge (Commitment)-[:FOLLOWED_BY]->(Law) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Commitment {key: row.src})
MATCH (b:Law {title: row.dst})
MERGE (a)-[r:FOLLOWED_BY {report: row.ident.report}]->(b)
SET r += row.props
