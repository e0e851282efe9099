"""Both stores answer every named query the same after ingesting the same reports."""

from __future__ import annotations

import pytest

from govkg.graph.queries import QUERIES
from govkg.graph.store import EmbeddedGraph
from tests.conftest import connect_local_neo4j

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def stores(tmp_path_factory, neo4j_settings, seed_records, example_records):
    records = [*seed_records, *example_records]
    embedded = EmbeddedGraph(tmp_path_factory.mktemp("parity") / "store.json.gz")
    neo = connect_local_neo4j(neo4j_settings)
    neo.clear()
    for rec in records:
        embedded.ingest(rec)
        neo.ingest(rec)
    yield embedded, neo, records
    neo.close()


def cases(records) -> list[tuple[str, dict]]:
    """Arguments for every named query, drawn from what the records hold (and some misses)."""
    laws = sorted({x.title for r in records for x in r.laws})
    shorts = sorted({x.short for r in records for x in r.laws if x.short})
    places = sorted({r.report.jurisdiction for r in records if r.report.jurisdiction})
    keys = sorted({r.report.jurisdiction_key for r in records if r.report.jurisdiction_key})
    programmes = sorted({x.name for r in records for x in r.programmes})
    indicators = sorted({x.indicator for r in records for x in r.metrics if x.indicator})
    out = [("stats", {})]
    out += [("regions-citing", {"law": t, "limit": 1000}) for t in laws[:40] + shorts[:20] + ["不存在的法"]]
    out += [("regions-citing", {"law": "安全生产法", "year_from": 2022, "level": "county"})]
    out += [("laws-cited-by", {"jurisdiction": j, "limit": 1000}) for j in places + keys]
    out += [("laws-cited-by", {"jurisdiction": places[0], "limit": 3, "skip": 2})]
    out += [("programme-regions", {"programme": p, "limit": 1000}) for p in programmes[:40]]
    out += [("jurisdiction-profile", {"jurisdiction": j}) for j in places + keys]
    out += [("metric-comparison", {"indicator": i, "limit": 1000}) for i in indicators]
    out += [("metric-comparison", {"indicator": i, "year_from": 2022, "year_to": 2023}) for i in indicators]
    out += [("commitments", {"jurisdiction": j, "limit": 1000}) for j in places]
    out += [("commitments", {"jurisdiction": j, "year": 2023}) for j in places]
    out += [("resolve", {"label": "Law", "ref": t}) for t in laws[:10] + shorts[:10] + ["不存在的法"]]
    out += [("resolve", {"label": "Jurisdiction", "ref": j}) for j in places + keys]
    out += [("resolve", {"label": "Programme", "ref": p}) for p in programmes[:10]]
    out += [("resolve", {"label": "Indicator", "ref": i}) for i in indicators]
    out += [("trace", {"jurisdiction": j, "limit": 1000}) for j in places]
    out += [("trace-unpromised", {"jurisdiction": j, "limit": 1000}) for j in places]
    out += [("neighbourhood", {"label": "Law", "key": t, "limit": 1000}) for t in laws[:15]]
    out += [("neighbourhood", {"label": "Jurisdiction", "key": k, "limit": 1000}) for k in keys]
    out += [("neighbourhood", {"label": "Report", "key": r.report.id, "limit": 1000}) for r in records]
    return out


def test_every_named_query_has_cases(seed_records, example_records):
    covered = {name for name, _ in cases([*seed_records, *example_records])} | {"search"}
    assert covered == set(QUERIES)


def test_both_stores_give_the_same_answers(stores):
    embedded, neo, records = stores
    differ = []
    for name, args in cases(records):
        a, b = embedded.query(name, **args), neo.query(name, **args)
        if a != b:
            differ.append((name, args, a[:2], b[:2]))
    assert not differ, differ[:3]


@pytest.mark.parametrize("q", ["安全生产", "证照分离改革", "行政复议", "湖州", "民法典", "***", "a OR b"])
def test_search_finds_the_same_nodes(stores, q):
    """Scores differ (Lucene's BM25 against a simple overlap), the matched nodes do not."""
    embedded, neo, _ = stores
    found = [{(r["label"], r["key"]) for r in s.query("search", q=q, limit=1000)} for s in (embedded, neo)]
    assert found[0] == found[1]
