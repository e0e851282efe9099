// Everything the graph knows about a jurisdiction: its reports, the laws and programmes
// they name, officials' roles, metrics and commitments. One row per matching jurisdiction.
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
RETURN j.id AS id, j.name AS name, j.level AS level, j.adcode AS adcode,
       COLLECT { MATCH (j)-[:PART_OF]->(p) RETURN coalesce(p.name, '') AS n ORDER BY n }[0] AS parent,
       COLLECT { MATCH (j)<-[:ABOUT]-(r:Report)
                 RETURN {id: r.id, title: r.title, year: r.year, kind: r.kind} AS x ORDER BY x.year, x.id } AS reports,
       COLLECT { MATCH (j)<-[:ABOUT]-(:Report)-[:CITES]->(l:Law) RETURN DISTINCT l.title AS t ORDER BY t } AS laws,
       COLLECT { MATCH (j)<-[:ABOUT]-(:Report)-[:IMPLEMENTS]->(p:Programme)
                 RETURN DISTINCT p.name AS n ORDER BY n } AS programmes,
       COLLECT { MATCH (j)<-[:ABOUT]-(r:Report)-[:REPORTS_ROLE]->(ro:Role)
                 OPTIONAL MATCH (pe:Person)-[:HOLDS {report: r.id}]->(ro)
                 RETURN DISTINCT {title: ro.title, organisation: ro.organisation, person: pe.name} AS x
                 ORDER BY x.title, x.organisation, x.person } AS roles,
       COLLECT { MATCH (j)<-[:ABOUT]-(r:Report)-[:ACHIEVED]->(m:Metric)
                 RETURN DISTINCT {indicator: m.indicator, value: m.value, unit: m.unit, year: m.year, raw: m.raw,
                                  report: r.id} AS x
                 ORDER BY x.report, x.year, x.raw, x.value, x.unit, x.indicator } AS metrics,
       COLLECT { MATCH (j)<-[:ABOUT]-(r:Report)-[:COMMITS_TO]->(c:Commitment)
                 RETURN DISTINCT {report: r.id, year: c.year, ordinal: c.ordinal, text: c.text} AS x
                 ORDER BY x.report, x.ordinal } AS commitments
ORDER BY id
