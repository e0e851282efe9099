"""Bulk loading (graph/bulk.py) builds exactly the graph the per-report loader builds, on a real Neo4j."""

from __future__ import annotations

import json

import pytest

from govkg.graph import bulk
from govkg.graph.rows import GraphRows
from tests.conftest import connect_local_neo4j


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
    got = [[r.report_id for r in b] for b in bulk.batches((GraphRows(i) for i in ids), per_tx=2)]
    assert got == runs


@pytest.mark.parametrize(
    ("rows", "merged"),
    [
        # later values win, earlier ones stay, aliases are a sorted union (None: none given)
        ([{"key": "k", "props": {"a": 1, "b": 2}, "aliases": None}, {"key": "k", "props": {"a": 3}, "aliases": ["y"]},
          {"key": "k", "props": {}, "aliases": ["x", "y"]}],
         [{"key": "k", "props": {"a": 3, "b": 2}, "aliases": ["x", "y"]}]),
        ([{"key": "k", "props": {}, "aliases": []}, {"key": "j", "props": {}, "aliases": None}],
         [{"key": "k", "props": {}, "aliases": []}, {"key": "j", "props": {}, "aliases": None}]),
    ],
)  # fmt: skip
def test_node_rows_merged_as_merge_would(rows, merged) -> None:
    assert bulk.merge_node_rows(rows) == merged


def test_rel_rows_merged_per_identity() -> None:
    rows = [{"src": "r", "dst": "l", "ident": {"action": "cite"}, "props": {"start": 1}},
            {"src": "r", "dst": "l", "ident": {"action": "enact"}, "props": {"start": 2}},
            {"src": "r", "dst": "l", "ident": {"action": "cite"}, "props": {"start": 3}}]  # fmt: skip
    assert [r["props"]["start"] for r in bulk.merge_rel_rows(rows)] == [3, 2]


def test_owned_nodes_created_with_their_owner(example_records) -> None:
    from govkg.graph.rows import build_rows

    nodes, created, rels = bulk.batch_rows([build_rows(r) for r in example_records])
    assert "Metric" not in nodes and "Commitment" not in nodes
    assert "write/rel_ACHIEVED_Report_Metric" not in rels
    made = created["write/create_Metric_ACHIEVED"]
    assert made and all(m["props"]["key"].startswith(m["src"] + "|") for m in made)


@pytest.mark.neo4j
def test_same_graph_as_one_report_at_a_time(graph, seed_records, example_records) -> None:
    records = [*seed_records, *example_records]
    order = [*records, *records[:3]]  # the first three again: replaced, not doubled
    for rec in order:
        graph.ingest(rec)
    one_by_one = dump(graph)
    graph.clear()
    assert bulk.ingest_many(graph, order, per_tx=4) == len(order)
    assert dump(graph) == one_by_one
