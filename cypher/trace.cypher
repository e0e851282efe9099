// What did this jurisdiction promise (for a year), and what does its report for that year show?
// One row per commitment: the trace status graph/tracing.py wrote (no_later_report, not_mentioned,
// mentioned, done, progressed; null if never traced), the FOLLOWED_BY links with their evidence,
// the later report's sentences that say the same thing, and the shortcomings the item answers.
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR j.name = $jurisdiction OR $jurisdiction IN coalesce(j.aliases, [])
MATCH (j)<-[:ABOUT]-(r:Report)-[:COMMITS_TO]->(c:Commitment)
WITH j, r, c, coalesce(c.trace_year, c.year) AS year
WHERE ($year IS NULL OR year = $year) AND ($status IS NULL OR c.trace_status = $status)
RETURN j.name AS jurisdiction, j.id AS jurisdiction_id, r.id AS report, r.year AS report_year, year,
       c.ordinal AS ordinal, c.text AS text, c.trace_status AS status, c.trace_report AS later_report,
       COLLECT { MATCH (c)-[f:FOLLOWED_BY]->(t)
                 RETURN {label: labels(t)[0], key: coalesce(t.key, t.name, t.title),
                         name: coalesce(t.raw, t.name, t.title), value: t.value, unit: t.unit,
                         report: f.report, match: f.match, score: f.score, section: f.section,
                         evidence: f.evidence} AS x
                 ORDER BY x.report, x.label, x.key } AS links,
       [i IN range(0, size(coalesce(c.trace_evidence, [])) - 1) |
         {report: c.trace_evidence_reports[i], section: c.trace_evidence_sections[i], text: c.trace_evidence[i],
          score: c.trace_evidence_scores[i]}] AS evidence,
       [i IN range(0, size(coalesce(c.trace_answers, [])) - 1) |
         {text: c.trace_answers[i], score: c.trace_answer_scores[i]}] AS answers
ORDER BY jurisdiction_id, report, ordinal
SKIP $skip LIMIT $limit
