"""Tracing in a store: read a jurisdiction's reports, trace them, write the links back.

The tracer (:mod:`govkg.graph.trace`) is pure; this module feeds it from either
store and writes what it finds, so the embedded store and Neo4j hold the same
trace:

- ``(:Commitment)-[:FOLLOWED_BY {report, match, score, section, evidence}]->(Metric|Programme|Law)``,
  one per (commitment, target, later report);
- on each Commitment: ``trace_status``, ``trace_year``, ``trace_report`` (the later
  report the status comes from), ``trace_reports`` (every later report
  compared), the sentences that bear on it (``trace_evidence`` with
  ``trace_evidence_reports/_sections/_scores``) and the shortcomings it answers
  (``trace_answers`` with ``trace_answer_scores``).

A jurisdiction is always traced whole (:func:`retrace`): its links are deleted
and computed again from the store's own data. :func:`after_ingest` runs after a
report is (re-)ingested or removed: it stores the report's passages and retraces
every jurisdiction the report touches, the one it is ABOUT and those whose
commitments were followed in it, so replacing either report of a pair
recomputes their links.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from govkg.extractors.records import ExtractionRecord
from govkg.graph import trace as tr
from govkg.graph.embedded import EmbeddedStore, edge_key, node_id
from govkg.graph.embedded_queries import match_named

Words = Callable[[str], Sequence[str]]
TRACE_PROPS = ("trace_status", "trace_year", "trace_report", "trace_reports", "trace_evidence",
               "trace_evidence_reports", "trace_evidence_sections", "trace_evidence_scores", "trace_answers",
               "trace_answer_scores")  # fmt: skip


@cache
def default_words() -> Words:
    """pkuseg words, from the segmenter the extractors use (the model loads on first use)."""
    from govkg.extractors.segment import Segmenter

    return Segmenter().words


# --- the store-independent part ------------------------------------------------------


def report_in(row: dict[str, Any]) -> tr.ReportIn:
    """One report as the tracer sees it, from the same row shape both stores produce; canonical order."""
    passages = _passages(row)
    commitments = tuple(sorted(
        (tr.CommitmentIn(c["key"], c.get("ordinal") or 0, c.get("text") or "", c.get("year"), c.get("start") or 0,
                         tuple(sorted((str(x[0]), str(x[1])) for x in c.get("concerns") or [])))
         for c in row.get("commitments") or []), key=lambda c: c.key))  # fmt: skip
    metrics = tuple(sorted(
        (tr.MetricIn(m["key"], m.get("raw") or "", m.get("value"), m.get("unit") or "", m.get("indicator"),
                     m.get("section") or "other", m.get("evidence") or "") for m in row.get("metrics") or []),
        key=lambda m: m.key))  # fmt: skip
    programmes = tuple(sorted(
        (tr.ProgrammeIn(p["name"], tuple(sorted(p.get("aliases") or [])), p.get("section") or "other",
                        p.get("evidence") or "") for p in row.get("programmes") or []), key=lambda p: p.name))  # fmt: skip
    laws = tuple(sorted(
        (tr.LawIn(x["title"], x.get("action") or "cite", x.get("short"), tuple(sorted(x.get("aliases") or [])),
                  x.get("section") or "other", x.get("evidence") or "") for x in row.get("laws") or []),
        key=lambda x: (x.title, x.action)))  # fmt: skip
    return tr.ReportIn(
        row["id"], row.get("year"), commitments, metrics, programmes, laws, passages, row.get("issuer")
    )


def _passages(row: dict[str, Any]) -> tuple[tr.PassageIn, ...]:
    texts = row.get("passages") or []
    if texts:
        sections, starts = row.get("passage_sections") or [], row.get("passage_starts") or []
        return tuple(sorted((tr.PassageIn(s, t, int(o)) for t, s, o in zip(texts, sections, starts, strict=False)),
                            key=lambda p: (p.start, p.section, p.text)))  # fmt: skip
    # no passages stored (records from before passages existed): the sentences its facts came from
    found = {(str(s or "other"), str(t)) for s, t in row.get("evidence") or [] if t}
    return tuple(tr.PassageIn(s, t) for s, t in sorted(found))


def status_rows(results: Sequence[tr.CommitmentTrace], laters: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The Commitment properties that hold each trace (a None removes the property)."""
    rows = []
    for t in results:
        props: dict[str, Any] = {
            "trace_status": t.status, "trace_year": t.year, "trace_report": t.later,
            "trace_reports": laters.get(t.key) or None,
            "trace_evidence": [e.text for e in t.evidence] or None,
            "trace_evidence_reports": [e.report for e in t.evidence] or None,
            "trace_evidence_sections": [e.section for e in t.evidence] or None,
            "trace_evidence_scores": [e.score for e in t.evidence] or None,
            "trace_answers": [e.text for e in t.answers] or None,
            "trace_answer_scores": [e.score for e in t.answers] or None,
        }  # fmt: skip
        rows.append({"key": t.key, "props": props})
    return rows


def link_rows(results: Sequence[tr.CommitmentTrace]) -> dict[str, list[dict[str, Any]]]:
    """FOLLOWED_BY rows per target label, in the shape of ``cypher/write/rel_FOLLOWED_BY_*``."""
    out: dict[str, list[dict[str, Any]]] = {}
    for t in results:
        for x in t.links:
            props = {"match": x.match, "score": x.score, "section": x.section, "evidence": x.evidence}
            out.setdefault(x.label, []).append({"src": x.commitment, "dst": x.key, "ident": {"report": x.report},
                                                "props": props})  # fmt: skip
    return out


def later_reports(reports: Sequence[tr.ReportIn]) -> dict[str, list[str]]:
    """For each commitment, the ids of the reports it is followed in (same jurisdiction, its year)."""
    return {c.key: [x.id for x in tr.later_reports_for(r, tr.commitment_year(c, r), reports)]
            for r in reports for c in r.commitments}  # fmt: skip


def compute(
    rows: Sequence[dict[str, Any]], words: Words | None = None
) -> tuple[list[tr.ReportIn], list[tr.CommitmentTrace]]:
    reports = [report_in(r) for r in rows]
    return reports, tr.trace_jurisdiction(reports, words or default_words())


# --- the embedded store ----------------------------------------------------------------


def embedded_rows(es: EmbeddedStore, jurisdiction: str) -> list[dict[str, Any]]:
    """What ``cypher/write/trace_read.cypher`` returns, read from the embedded graph."""
    j = node_id("Jurisdiction", jurisdiction)
    if j not in es.g:
        return []
    rows = [_embedded_report(es, r) for r, _ in es.into(j, "ABOUT")]
    return sorted(rows, key=lambda x: x["id"])


def _embedded_report(es: EmbeddedStore, r: str) -> dict[str, Any]:
    rp = es.props(r)
    evidence = {(d["props"].get("section") or "other", d["props"]["evidence"])
                for _, _, d in es.g.out_edges(r, data=True) if d["props"].get("evidence")}  # fmt: skip
    commitments = []
    for c, a in es.out(r, "COMMITS_TO"):
        cp = es.props(c)
        concerns = {(es.label(x), es.g.nodes[x]["key"]) for x, _ in es.out(c, "CONCERNS")}
        commitments.append({"key": cp["key"], "ordinal": cp.get("ordinal"), "text": cp.get("text"),
                            "year": cp.get("year"), "start": a.get("start"), "concerns": sorted(concerns)})  # fmt: skip
    metrics = [{**{k: es.props(m).get(k) for k in ("key", "raw", "value", "unit", "indicator")},
                "section": a.get("section"), "evidence": a.get("evidence")} for m, a in es.out(r, "ACHIEVED")]  # fmt: skip
    programmes = [{"name": es.props(p)["name"], "aliases": es.props(p).get("aliases"), "section": a.get("section"),
                   "evidence": a.get("evidence")} for p, a in es.out(r, "IMPLEMENTS")]  # fmt: skip
    laws = [{"title": es.props(x)["title"], "short": es.props(x).get("short"), "aliases": es.props(x).get("aliases"),
             "action": a.get("action"), "section": a.get("section"), "evidence": a.get("evidence")}
            for x, a in es.out(r, "CITES")]  # fmt: skip
    return {"id": rp["id"], "year": rp.get("year"), "issuer": rp.get("issuer"), "passages": rp.get("passages"),
            "passage_sections": rp.get("passage_sections"), "passage_starts": rp.get("passage_starts"),
            "evidence": sorted(evidence), "commitments": commitments, "metrics": metrics, "programmes": programmes,
            "laws": laws}  # fmt: skip


def embedded_retrace(
    es: EmbeddedStore, jurisdiction: str, words: Words | None = None
) -> list[tr.CommitmentTrace]:
    reports, results = compute(embedded_rows(es, jurisdiction), words)
    targets = _embedded_clear(es, [c.key for r in reports for c in r.commitments])
    laters = later_reports(reports)
    for row in status_rows(results, laters):
        props = es.props(node_id("Commitment", row["key"]))
        for k, v in row["props"].items():
            if v is None:
                props.pop(k, None)
            else:
                props[k] = v
    for label, rows in link_rows(results).items():
        for row in rows:
            u, v = node_id("Commitment", row["src"]), node_id(label, row["dst"])
            if u in es.g and v in es.g:
                es.g.add_edge(u, v, key=edge_key("FOLLOWED_BY", row["ident"]), type="FOLLOWED_BY",
                              props={**row["ident"], **row["props"]})  # fmt: skip
    es.prune(targets)
    return results


def _embedded_clear(es: EmbeddedStore, commitments: list[str]) -> set[str]:
    """Delete the FOLLOWED_BY links of these commitments; return their targets (to prune)."""
    edges = [(u, v, k) for c in commitments for u, v, k, d in es.g.out_edges(node_id("Commitment", c), keys=True,
                                                                            data=True) if d["type"] == "FOLLOWED_BY"]  # fmt: skip
    es.g.remove_edges_from(edges)
    return {v for _, v, _ in edges}


def embedded_touched(es: EmbeddedStore, report_ids: Sequence[str]) -> list[str]:
    """What ``cypher/write/trace_touched.cypher`` returns for each report, from the embedded graph (one pass)."""
    ids = set(report_ids)
    out = set()
    for rid in ids:
        r = node_id("Report", rid)
        if r in es.g:
            out |= {es.props(j)["id"] for j, _ in es.out(r, "ABOUT")}
    for c, cp in es.nodes("Commitment"):
        if ids & set(cp.get("trace_reports") or []):
            out |= {es.props(j)["id"] for rep, _ in es.into(c, "COMMITS_TO") for j, _ in es.out(rep, "ABOUT")}
    return sorted(out)


def embedded_store_passages(es: EmbeddedStore, record: ExtractionRecord) -> None:
    r = node_id("Report", record.report.id)
    if r in es.g and record.passages:
        es.props(r).update(passage_props(record))


def passage_props(record: ExtractionRecord) -> dict[str, list[Any]]:
    return {"passages": [p.text for p in record.passages], "passage_sections": [p.section for p in record.passages],
            "passage_starts": [p.start for p in record.passages]}  # fmt: skip


# --- Neo4j --------------------------------------------------------------------------


def neo4j_retrace(tx: Any, jurisdiction: str, words: Words | None = None) -> list[tr.CommitmentTrace]:
    """The same as :func:`embedded_retrace`, inside one Neo4j write transaction."""
    from govkg import cypher
    from govkg.graph.neo4j_store import prune

    rows = [rec.data() for rec in tx.run(cypher.load("write/trace_read"), jurisdiction=jurisdiction)]
    reports, results = compute(rows, words)
    rec = tx.run(cypher.load("write/trace_clear"), jurisdiction=jurisdiction).single()
    targets = rec["targets"] if rec else []
    tx.run(cypher.load("write/trace_status"), rows=status_rows(results, later_reports(reports))).consume()
    for label, items in sorted(link_rows(results).items()):
        tx.run(cypher.load(f"write/rel_FOLLOWED_BY_Commitment_{label}"), rows=items).consume()
    prune(tx, targets)
    return results


# --- either store ---------------------------------------------------------------------


def retrace(store: Any, jurisdiction: str, words: Words | None = None) -> list[tr.CommitmentTrace]:
    """Trace one jurisdiction (by key) again from the store's data; write and return the results."""
    if store.kind == "embedded":
        results = embedded_retrace(store.store, jurisdiction, words)
        store.dirty = True
        return results
    return store._write(lambda tx: neo4j_retrace(tx, jurisdiction, words))


def touched(store: Any, report_ids: Sequence[str]) -> list[str]:
    """Keys of the jurisdictions whose trace depends on these reports."""
    if store.kind == "embedded":
        return embedded_touched(store.store, report_ids)
    from govkg import cypher

    def run(tx: Any) -> set[str]:
        return {k for rid in report_ids for rec in [tx.run(cypher.load("write/trace_touched"), report=rid).single()]
                if rec for k in rec["ids"]}  # fmt: skip

    return sorted(store._write(run))


def store_passages(store: Any, record: ExtractionRecord) -> None:
    """Keep the report's passages on its Report node (nothing if the record has none)."""
    if not record.passages:
        return
    if store.kind == "embedded":
        embedded_store_passages(store.store, record)
        store.dirty = True
        return
    from govkg import cypher

    props = passage_props(record)
    store._write(lambda tx: tx.run(cypher.load("write/trace_passages"), report=record.report.id,
                                   texts=props["passages"], sections=props["passage_sections"],
                                   starts=props["passage_starts"]).consume())  # fmt: skip


def after_ingest(store: Any, record: ExtractionRecord, words: Words | None = None) -> list[str]:
    """Run after ``store.ingest(record)``: store its passages, retrace what it touches; the keys retraced."""
    store_passages(store, record)
    return after_change(store, record.report.id, words)


def after_change(store: Any, report_id: str, words: Words | None = None) -> list[str]:
    """Run after a report is ingested or removed: retrace every jurisdiction it touches."""
    return after_changes(store, [report_id], words)


def after_changes(store: Any, report_ids: Sequence[str], words: Words | None = None) -> list[str]:
    """After several reports changed: each touched jurisdiction retraced once; the keys retraced."""
    keys = touched(store, report_ids)
    for key in keys:
        retrace(store, key, words)
    return keys


def jurisdiction_keys(store: Any, name: str) -> list[str]:
    """The keys of the jurisdictions ``name`` denotes (id, full name or alias)."""
    if store.kind == "embedded":
        return sorted(p["id"] for _, p in store.store.nodes("Jurisdiction") if match_named(p, name, "id"))
    from govkg import cypher

    rows = store._write(
        lambda tx: [r["id"] for r in tx.run(cypher.load("write/trace_jurisdictions"), name=name)]
    )
    return list(rows)
