// Explorer read (graph/explore.py; not a named query): one report with its sentences (passages,
// written by tracing) and every fact it states with provenance, for the report view /reports/{id}.
MATCH (r:Report {id: $id})
RETURN r {.*} AS report,
       COLLECT { MATCH (r)-[x]->(m) WHERE x.start IS NOT NULL
                 RETURN {type: type(x), label: labels(m)[0], node: m {.*}, props: properties(x)} AS f } AS facts
