"""govkg export --format graphml (Gephi, Cytoscape), and exporting from Neo4j (store.iter_graph)."""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest

from govkg.graph import export as ex
from govkg.graph.store import EmbeddedGraph
from tests.conftest import connect_local_neo4j


def ingest_as_the_cli_does(graph, records) -> None:
    from govkg.graph import tracing

    for rec in records:
        graph.ingest(rec)
        tracing.store_passages(graph, rec)
    tracing.after_changes(graph, [rec.report.id for rec in records])


@pytest.fixture(scope="module")
def records(seed_records, example_records):
    return [*seed_records, *example_records]


@pytest.fixture(scope="module")
def embedded(tmp_path_factory, records):
    graph = EmbeddedGraph(tmp_path_factory.mktemp("graphml") / "store.json.gz")
    ingest_as_the_cli_does(graph, records)
    return graph


@pytest.mark.parametrize(
    ("rows", "types"),
    [
        ([{"year": 2021}, {"year": 2022}], {"year": int}),
        ([{"value": 3}, {"value": 2.5}], {"value": float}),
        ([{"n": "3"}, {"n": 3}], {"n": str}),
        ([{"a": True}, {"a": 1}], {"a": str}),  # a flag and a number under one name: text
        ([{"aliases": "[]"}], {"aliases": str}),
    ],
)
def test_one_type_per_attribute(rows, types):
    assert ex._graphml_types(rows) == types


def read(path):
    return nx.read_graphml(path, force_multigraph=True)


def test_graphml_round_trip(embedded, tmp_path):
    summary = ex.export(embedded.store, "graphml", tmp_path)
    g = read(tmp_path / "graph.graphml")
    counts = embedded.counts()
    assert (g.number_of_nodes(), g.number_of_edges()) == (counts["nodes"], counts["relationships"])
    assert (summary.nodes, summary.relationships, summary.files) == (counts["nodes"], counts["relationships"],
                                                                      ["graph.graphml"])  # fmt: skip
    assert Counter(d["govkg_label"] for _, d in g.nodes(data=True)) == Counter(counts["labels"])
    assert Counter(d["govkg_type"] for *_, d in g.edges(data=True)) == Counter(counts["types"])
    law = g.nodes["Law:中华人民共和国安全生产法"]
    assert law["label"] == law["title"] == "中华人民共和国安全生产法" and law["govkg_key"] == law["title"]
    assert "安全生产法" in json.loads(law["aliases"])  # lists as JSON text
    report = g.nodes["Report:anji_2023"]
    assert report["year"] == 2023 and report["label"].startswith("安吉县2023年") and "passages" not in report
    metrics = [d for _, d in g.nodes(data=True) if d["govkg_label"] == "Metric"]
    assert all(isinstance(d["value"], float) for d in metrics)
    cites = [d for u, v, d in g.edges(data=True) if u == "Report:anji_2023" and v == "Law:中华人民共和国安全生产法"]
    assert cites and all(d["label"] == "CITES" and d["section"] and d["evidence"] for d in cites)


def test_graphml_to_a_file_named_by_the_user(embedded, tmp_path):
    out = tmp_path / "for-gephi.graphml"
    ex.export(embedded.store, "graphml", out)
    assert read(out).number_of_nodes() == embedded.counts()["nodes"]


def test_embedded_iter_graph_is_the_store(embedded):
    from govkg.graph.rows import NodeRow, RelRow

    items = list(embedded.iter_graph())
    nodes = [x for x in items if isinstance(x, NodeRow)]
    rels = [x for x in items if isinstance(x, RelRow)]
    assert items == nodes + rels  # nodes first: an importer can create them before the relationships
    assert (len(nodes), len(rels)) == (embedded.counts()["nodes"], embedded.counts()["relationships"])
    assert ex.graph_from_store(embedded) is embedded.store


def shape(store) -> tuple[Counter, Counter]:
    """Every node with its properties, every relationship with its ends and properties."""
    g = store.g
    nodes = Counter((d["label"], d["key"], json.dumps(d["props"], sort_keys=True, ensure_ascii=False))
                    for _, d in g.nodes(data=True))  # fmt: skip
    rels = Counter((d["type"], g.nodes[u]["key"], g.nodes[v]["key"], json.dumps(d["props"], sort_keys=True,
                                                                                  ensure_ascii=False))
                   for u, v, d in g.edges(data=True))  # fmt: skip
    return nodes, rels


@pytest.fixture(scope="module")
def neo4j(neo4j_settings, records):
    """The local Neo4j holding the seeds and examples as govkg ingest leaves them (others expect them)."""
    graph = connect_local_neo4j(neo4j_settings)
    graph.clear()
    ingest_as_the_cli_does(graph, records)
    yield graph
    graph.close()


@pytest.mark.neo4j
def test_neo4j_exports_the_same_graph(neo4j, embedded, tmp_path):
    copy = ex.graph_from_store(neo4j)
    a_nodes, a_rels = shape(embedded.store)
    b_nodes, b_rels = shape(copy)
    assert a_nodes == b_nodes
    assert a_rels == b_rels
    ex.export(copy, "graphml", tmp_path)
    g = read(tmp_path / "graph.graphml")
    assert (g.number_of_nodes(), g.number_of_edges()) == (neo4j.counts()["nodes"], neo4j.counts()["relationships"])


@pytest.mark.neo4j
def test_cli_exports_from_neo4j(neo4j, tmp_path):
    from govkg.cli import main

    assert main(["export", "--format", "graphml", "--neo4j", neo4j.location, str(tmp_path)]) == 0
    g = read(tmp_path / "graph.graphml")
    assert (g.number_of_nodes(), g.number_of_edges()) == (neo4j.counts()["nodes"], neo4j.counts()["relationships"])
