// Merge (Report)-[:COMMITS_TO]->(Commitment) relationships. Rows: {src, dst, ident, props}.
UNWIND $rows AS row
MATCH (a:Report {id: row.src})
MATCH (b:Commitment {key: row.dst})
MERGE (a)-[r:COMMITS_TO]->(b)
SET r += row.props
