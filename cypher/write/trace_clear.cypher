// Before a jurisdiction is traced again: delete the FOLLOWED_BY links of its commitments and
// return their targets (checked for orphans afterwards, as after a report's removal).
MATCH (:Jurisdiction {id: $jurisdiction})<-[:ABOUT]-(:Report)-[:COMMITS_TO]->(:Commitment)-[f:FOLLOWED_BY]->(t)
WITH f, elementId(t) AS t
DELETE f
RETURN collect(DISTINCT t) AS targets
