// Tracing reads: the reports ABOUT one jurisdiction (by key) with what the tracer compares:
// their passages (or, without them, the sentences their facts were read from), commitments
// with what they concern, metrics achieved, programmes carried out, laws cited.
// graph/tracing.py turns each row into a graph.trace.ReportIn, exactly as the embedded store does.
MATCH (:Jurisdiction {id: $jurisdiction})<-[:ABOUT]-(r:Report)
RETURN r.id AS id, r.year AS year, r.issuer AS issuer,
       r.passages AS passages, r.passage_sections AS passage_sections, r.passage_starts AS passage_starts,
       COLLECT { MATCH (r)-[e]->() WHERE e.evidence IS NOT NULL AND e.evidence <> ''
                 RETURN DISTINCT [coalesce(e.section, 'other'), e.evidence] AS x } AS evidence,
       COLLECT { MATCH (r)-[a:COMMITS_TO]->(c:Commitment)
                 RETURN {key: c.key, ordinal: c.ordinal, text: c.text, year: c.year, start: a.start,
                         concerns: COLLECT { MATCH (c)-[:CONCERNS]->(x)
                                             RETURN DISTINCT [labels(x)[0], coalesce(x.name, x.title)] AS y }} AS x }
         AS commitments,
       COLLECT { MATCH (r)-[a:ACHIEVED]->(m:Metric)
                 RETURN {key: m.key, raw: m.raw, value: m.value, unit: m.unit, indicator: m.indicator,
                         section: a.section, evidence: a.evidence} AS x } AS metrics,
       COLLECT { MATCH (r)-[a:IMPLEMENTS]->(p:Programme)
                 RETURN {name: p.name, aliases: p.aliases, section: a.section, evidence: a.evidence} AS x }
         AS programmes,
       COLLECT { MATCH (r)-[a:CITES]->(l:Law)
                 RETURN {title: l.title, short: l.short, aliases: l.aliases, action: a.action, section: a.section,
                         evidence: a.evidence} AS x } AS laws
ORDER BY id
