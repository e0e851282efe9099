// The shared nodes a report's facts touch: checked for orphans after the report is replaced.
MATCH (r:Report {id: $report})
CALL (r) {
  MATCH (r)-->(x)
  WHERE NOT x:Metric AND NOT x:Commitment
  RETURN x
  UNION
  MATCH (r)-->(o)-->(x)
  WHERE (o:Metric OR o:Commitment) AND NOT x:Metric AND NOT x:Commitment AND NOT x:Report
  RETURN x
  UNION
  MATCH (r)-[:REPORTS_ROLE]->(:Role)<-[:HOLDS {report: $report}]-(x:Person)
  RETURN x
}
RETURN collect(DISTINCT elementId(x)) AS touched
