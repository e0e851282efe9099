"""Latency of every named query on a store, against the cheapest possible query on the same path.

The arguments are the heavy, realistic ones: the most cited law, the jurisdiction with the most
reports, the most common programme and indicator (the queries a user runs first are the
popular ones). ``RETURN 1`` goes through the same driver path as a named query (a session, a
managed read transaction with the query timeout, records to dicts), so the ratio is the work
of the query itself.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from neo4j import ManagedTransaction, unit_of_work

from govkg.graph.embedded import EmbeddedStore


def popular_args(es: EmbeddedStore) -> dict[str, dict[str, Any]]:
    """Arguments for every named query: the most popular law, place, programme, indicator; and
    under "typical" a place with the median number of reports (for the API's typical route)."""
    g = es.g
    counts: dict[str, Counter[str]] = {t: Counter() for t in ("CITES", "ABOUT", "IMPLEMENTS", "OF")}
    for _, v, d in g.edges(data=True):
        if d["type"] in counts:
            counts[d["type"]][v] += 1
    law = es.props(counts["CITES"].most_common(1)[0][0])
    place = es.props(counts["ABOUT"].most_common(1)[0][0])
    programme = es.props(counts["IMPLEMENTS"].most_common(1)[0][0])["name"]
    indicator = es.props(counts["OF"].most_common(1)[0][0])["name"]
    law_name = law.get("short") or law["title"]
    word = programme[:4]
    places = sorted(counts["ABOUT"].items(), key=lambda kv: (kv[1], kv[0]))
    typical = es.props(places[len(places) // 2][0])["name"]  # the median place by number of reports
    return {
        "typical": {"jurisdiction": typical},
        "regions-citing": {"law": law_name, "limit": 100},
        "laws-cited-by": {"jurisdiction": place["name"], "limit": 100},
        "programme-regions": {"programme": programme, "limit": 100},
        "jurisdiction-profile": {"jurisdiction": place["name"]},
        "metric-comparison": {"indicator": indicator, "limit": 100},
        "commitments": {"jurisdiction": place["name"], "limit": 100},
        "search": {"q": word, "limit": 20},
        "neighbourhood": {"label": "Law", "key": law["title"], "limit": 100},
        "stats": {},
        "resolve": {"label": "Law", "ref": law_name},
        "trace": {"jurisdiction": place["name"], "limit": 100},
        "trace-unpromised": {"jurisdiction": place["name"], "limit": 100},
    }


def return_one(graph: Any) -> Callable[[], Any]:
    """RETURN 1 the way Neo4jGraph.query runs a named query."""

    @unit_of_work(timeout=graph.settings.query_timeout)
    def run(tx: ManagedTransaction) -> list[dict[str, Any]]:
        return [rec.data() for rec in tx.run("RETURN 1 AS one")]

    def call() -> Any:
        with graph.driver.session(database=graph.database) as s:
            return s.execute_read(run)

    return call


def percentiles(samples: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(samples, n=20, method="inclusive")
    return {"p50_ms": round(statistics.median(samples) * 1000, 2), "p95_ms": round(qs[18] * 1000, 2),
            "n": len(samples)}  # fmt: skip


def time_queries(store: Any, args: dict[str, dict[str, Any]], reps: int, baseline: Callable[[], Any] | None = None,
                 warmup: int = 3) -> dict[str, dict[str, float]]:  # fmt: skip
    """p50/p95 of each query (and of the baseline), taken round-robin so that noise hits all alike."""
    calls: dict[str, Callable[[], Any]] = {name: (lambda n=name, a=a: store.query(n, **a)) for name, a in args.items()}
    if baseline is not None:
        calls = {"RETURN 1": baseline, **calls}
    for call in calls.values():
        for _ in range(warmup):
            call()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(reps):
        for name, call in calls.items():
            t = time.perf_counter()
            call()
            samples[name].append(time.perf_counter() - t)
    return {name: percentiles(s) for name, s in samples.items()}


def same_answers(a: Any, b: Any, args: dict[str, dict[str, Any]]) -> dict[str, bool]:
    """Each query's rows equal on both stores (search: the same nodes; scores differ by design)."""
    out = {}
    for name, x in args.items():
        x = {**x, "limit": 1000} if name == "search" else x  # all matches: the top few differ by score
        ra, rb = a.query(name, **x), b.query(name, **x)
        if name == "search":
            ra, rb = ({(r["label"], r["key"]) for r in rows} for rows in (ra, rb))
        out[name] = ra == rb
    return out
