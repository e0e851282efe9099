// A report's passages (every sentence, its section kind and offset) for tracing by text.
// The Report node is replaced with the report, so stale passages never survive a re-ingest.
MATCH (r:Report {id: $report})
SET r.passages = $texts, r.passage_sections = $sections, r.passage_starts = $starts
