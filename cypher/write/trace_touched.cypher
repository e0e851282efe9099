// The jurisdictions whose trace a report's (re-)ingest or removal changes: the one it is ABOUT,
// and those whose commitments were followed in it.
CALL {
  MATCH (:Report {id: $report})-[:ABOUT]->(j:Jurisdiction)
  RETURN j.id AS id
  UNION
  MATCH (c:Commitment) WHERE $report IN coalesce(c.trace_reports, [])
  MATCH (c)<-[:COMMITS_TO]-(:Report)-[:ABOUT]->(j:Jurisdiction)
  RETURN j.id AS id
}
RETURN collect(DISTINCT id) AS ids
