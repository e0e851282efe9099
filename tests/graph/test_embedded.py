"""The embedded store: idempotent ingest, replacement without stale facts, safe persistence."""

from __future__ import annotations

import dataclasses
import gzip

import pytest

from govkg.errors import StoreError
from govkg.graph.embedded import EmbeddedStore
from govkg.graph.rows import build_rows
from govkg.graph.store import EmbeddedGraph


def ingest_all(path, records):
    g = EmbeddedGraph(path)
    for r in records:
        g.ingest(r)
    g.close()
    return g


def test_ingesting_the_seeds_twice_changes_nothing(tmp_path, seed_records):
    path = tmp_path / "store.json.gz"
    first = ingest_all(path, seed_records).counts()
    assert first["relationships"] > 0
    second = ingest_all(path, seed_records).counts()
    assert second == first
    assert EmbeddedGraph(path).counts() == first  # and the file holds the same graph


def test_a_changed_report_replaces_its_own_facts(tmp_path, seed_records):
    rec = next(r for r in seed_records if r.laws)
    g = EmbeddedGraph(tmp_path / "s.json.gz")
    g.ingest(rec)
    before = g.counts()
    changed = dataclasses.replace(rec, laws=rec.laws[:1])
    g.ingest(changed)
    cited = {law for _, law in _cites(g.store)}
    assert cited == {rec.laws[0].title}
    assert g.counts()["relationships"] < before["relationships"]
    g.ingest(rec)
    assert g.counts() == before


def _cites(store):
    for u, v, d in store.g.edges(data=True):
        if d["type"] == "CITES":
            yield u, store.g.nodes[v]["key"]


def test_removing_a_report_leaves_no_orphans(tmp_path, seed_records):
    g = EmbeddedGraph(tmp_path / "s.json.gz")
    g.ingest(seed_records[0])
    assert g.remove(seed_records[0].report.id)
    assert g.counts()["nodes"] == 0


def test_shared_nodes_stay_while_another_report_points_at_them(tmp_path, seed_records):
    a, b = seed_records[0], seed_records[1]
    common = {x.title for x in a.laws} & {x.title for x in b.laws}
    g = EmbeddedGraph(tmp_path / "s.json.gz")
    g.ingest(a)
    g.ingest(b)
    g.remove(a.report.id)
    laws = {key for _, key in ((n, d["key"]) for n, d in g.store.g.nodes(data=True) if d["label"] == "Law")}
    assert {x.title for x in b.laws} <= laws
    assert common <= laws


@pytest.mark.parametrize("content", [b"", b"not gzip at all", gzip.compress(b"{not json"), gzip.compress(b"[]")])
def test_a_damaged_store_file_is_an_error_not_an_empty_graph(tmp_path, content):
    path = tmp_path / "store.json.gz"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=str(path)):
        EmbeddedStore.open(path)


def test_a_failed_save_leaves_the_previous_store_intact(tmp_path, seed_records, monkeypatch):
    path = tmp_path / "store.json.gz"
    ingest_all(path, seed_records[:1])
    before = path.read_bytes()
    store = EmbeddedStore.open(path)
    store.ingest(build_rows(seed_records[1]))

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("govkg.graph.embedded.os.replace", crash)
    with pytest.raises(OSError):
        store.save()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["store.json.gz"]  # no temp file left behind
