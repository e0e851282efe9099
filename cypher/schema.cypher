// Constraints (one per node key), indexes for what the queries look up, and a
// full-text index with the CJK analyzer. Every statement is idempotent.
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT law_title IF NOT EXISTS FOR (n:Law) REQUIRE n.title IS UNIQUE;
CREATE CONSTRAINT programme_name IF NOT EXISTS FOR (n:Programme) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT indicator_name IF NOT EXISTS FOR (n:Indicator) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT role_key IF NOT EXISTS FOR (n:Role) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT metric_key IF NOT EXISTS FOR (n:Metric) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT commitment_key IF NOT EXISTS FOR (n:Commitment) REQUIRE n.key IS UNIQUE;
CREATE INDEX report_year IF NOT EXISTS FOR (n:Report) ON (n.year);
CREATE INDEX jurisdiction_name IF NOT EXISTS FOR (n:Jurisdiction) ON (n.name);
CREATE INDEX law_short IF NOT EXISTS FOR (n:Law) ON (n.short);
CREATE INDEX metric_report IF NOT EXISTS FOR (n:Metric) ON (n.report);
CREATE INDEX metric_indicator IF NOT EXISTS FOR (n:Metric) ON (n.indicator);
CREATE INDEX commitment_report IF NOT EXISTS FOR (n:Commitment) ON (n.report);
CREATE INDEX commitment_year IF NOT EXISTS FOR (n:Commitment) ON (n.year);
CREATE FULLTEXT INDEX govkg_names IF NOT EXISTS
FOR (n:Jurisdiction|Law|Programme|Indicator|Report|Person|Commitment)
ON EACH [n.name, n.title, n.short, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
