// Merge (Jurisdiction)-[:PART_OF]->(Jurisdiction) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Jurisdiction {id: row.src})
MATCH (b:Jurisdiction {id: row.dst})
MERGE (a)-[r:PART_OF]->(b)
SET r += row.props
