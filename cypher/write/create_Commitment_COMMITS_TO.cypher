// Bulk loading (graph/bulk.py): a report's own Commitment nodes created together with the
// (Report)-[:COMMITS_TO]->(Commitment) relationship that owns each. Only after delete_reports in the same
// transaction: the report's old ones are gone, and a key holds its report's id, so none exists.
// Rows: {src, props, rel}, one per key (the writer merges duplicate rows first).
UNWIND $rows AS row
MATCH (a:Report {id: row.src})
CREATE (a)-[r:COMMITS_TO]->(n:Commitment)
SET n = row.props, r = row.rel
