// write/delete_report for several reports at once (graph/bulk.py): each report, the Metric and
// Commitment nodes it owns, and the HOLDS it stated.
UNWIND $reports AS report
MATCH (r:Report {id: report})
OPTIONAL MATCH (r)-[:REPORTS_ROLE]->(:Role)<-[h:HOLDS {report: report}]-(:Person)
DELETE h
WITH DISTINCT r
OPTIONAL MATCH (r)-->(o)
WHERE o:Metric OR o:Commitment
DETACH DELETE o
WITH DISTINCT r
DETACH DELETE r
