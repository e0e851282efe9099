// write/touched for several reports at once (graph/bulk.py): the shared nodes their facts touch.
UNWIND $reports AS report
MATCH (r:Report {id: report})
CALL (r, report) {
  MATCH (r)-->(x)
  WHERE NOT x:Metric AND NOT x:Commitment
  RETURN x
  UNION
  MATCH (r)-->(o)-->(x)
  WHERE (o:Metric OR o:Commitment) AND NOT x:Metric AND NOT x:Commitment AND NOT x:Report
  RETURN x
  UNION
  MATCH (r)-[:REPORTS_ROLE]->(:Role)<-[:HOLDS {report: report}]-(x:Person)
  RETURN x
}
RETURN collect(DISTINCT elementId(x)) AS touched
