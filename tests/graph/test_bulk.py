"""Bulk loading (graph/bulk.py) builds exactly the graph the per-report loader builds, on a real Neo4j."""

from __future__ import annotations

import json

import pytest

from govkg.graph import bulk
from tests.conftest import connect_local_neo4j

pytestmark = pytest.mark.neo4j


@pytest.fixture
def graph(neo4j_settings):
    g = connect_local_neo4j(neo4j_settings)
    g.clear()
    yield g
    g.clear()
    g.close()


def dump(graph) -> tuple[set[str], set[str]]:
    with graph.driver.session() as s:
        nodes = {json.dumps([r["l"], r["p"]], sort_keys=True, ensure_ascii=False)
                 for r in s.run("MATCH (n) RETURN labels(n)[0] AS l, properties(n) AS p")}  # fmt: skip
        rels = {json.dumps([r["t"], r["a"], r["b"], r["p"]], sort_keys=True, ensure_ascii=False)
                for r in s.run("MATCH (a)-[x]->(b) RETURN type(x) AS t, properties(a) AS a, properties(b) AS b, "
                               "properties(x) AS p")}  # fmt: skip
    return nodes, rels


@pytest.mark.parametrize(("ids", "runs"), [(["a", "b", "c"], [["a", "b"], ["c"]]), (["a", "a", "b"], [["a"], ["a", "b"]]),
                                           (["a", "b", "a"], [["a", "b"], ["a"]])])  # fmt: skip
def test_batches_never_hold_a_report_twice(ids, runs) -> None:
    from govkg.graph.rows import GraphRows

    got = [[r.report_id for r in b] for b in bulk.batches((GraphRows(i) for i in ids), per_tx=2)]
    assert got == runs


def test_same_graph_as_one_report_at_a_time(graph, seed_records, example_records) -> None:
    records = [*seed_records, *example_records]
    order = [*records, *records[:3]]  # the first three again: replaced, not doubled
    for rec in order:
        graph.ingest(rec)
    one_by_one = dump(graph)
    graph.clear()
    assert bulk.ingest_many(graph, order, per_tx=4) == len(order)
    assert dump(graph) == one_by_one
