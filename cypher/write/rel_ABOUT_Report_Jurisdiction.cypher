// Merge (Report)-[:ABOUT]->(Jurisdiction) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Report {id: row.src})
MATCH (b:Jurisdiction {id: row.dst})
MERGE (a)-[r:ABOUT]->(b)
SET r += row.props
