"""The Neo4j store against a real local Neo4j: schema, idempotent per-report loading."""

from __future__ import annotations

import dataclasses

import pytest

from govkg.graph.store import EmbeddedGraph
from tests.conftest import connect_local_neo4j

pytestmark = pytest.mark.neo4j


@pytest.fixture
def graph(neo4j_settings):
    g = connect_local_neo4j(neo4j_settings)
    g.clear()
    yield g
    g.close()


def test_one_uniqueness_constraint_per_node_key(graph):
    from govkg.graph.rows import KEY_PROP

    with graph.driver.session() as s:
        rows = s.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type").data()
    unique = {(r["labelsOrTypes"][0], r["properties"][0]) for r in rows if r["type"] == "UNIQUENESS"}
    assert unique == set(KEY_PROP.items())


def test_fulltext_index_uses_the_cjk_analyzer(graph):
    with graph.driver.session() as s:
        row = s.run("SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'govkg_names' RETURN options").single()
    assert row["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"


def test_ingesting_the_seeds_twice_changes_nothing(graph, seed_records):
    for rec in seed_records:
        graph.ingest(rec)
    first = graph.counts()
    assert first["relationships"] > 0
    for rec in seed_records:
        graph.ingest(rec)
    assert graph.counts() == first


def test_a_changed_report_replaces_its_facts_and_leaves_no_orphans(graph, seed_records, tmp_path):
    rec = next(r for r in seed_records if len(r.laws) > 2)
    graph.ingest(rec)
    before = graph.counts()
    changed = dataclasses.replace(rec, laws=rec.laws[:1], programmes=(), commitments=())
    graph.ingest(changed)
    titles = {r["law"] for r in graph.query("laws-cited-by", jurisdiction=rec.report.jurisdiction, limit=1000)}
    assert titles == {rec.laws[0].title}
    assert "Programme" not in graph.counts()["labels"]
    embedded = EmbeddedGraph(tmp_path / "s.json.gz")
    embedded.ingest(rec)
    embedded.ingest(changed)
    assert graph.counts() == embedded.counts()
    graph.ingest(rec)
    assert graph.counts() == before
    assert graph.remove(rec.report.id)
    assert graph.counts()["nodes"] == 0
