"""What the explorer (``/explore``) and the report view (``/reports/{id}``) read, from either store.

The drawing itself comes from the named ``neighbourhood`` query and the search box from
``search``; this module adds what they do not give: the evidence of one relationship or of
every relationship touching a node (with the stating report and the mention marked in its
sentence), a node's properties, the years of reports (the explorer's year filter), and a whole
report with every fact it states at its offsets (the report view).

Neo4j runs ``cypher/explore_*.cypher``; the embedded store answers the same in Python, row for
row (``tests/api/test_explore.py`` compares them on a real Neo4j).
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govkg.errors import QueryError, StoreUnavailableError
from govkg.extractors.records import ExtractionRecord
from govkg.graph.embedded import EmbeddedStore, node_id
from govkg.graph.embedded_queries import DISPLAY_PROP
from govkg.graph.rows import KEY_PROP, LABELS, build_rows

Row = dict[str, Any]

# White space a passage is trimmed of (extractors/passages.py): an evidence sentence may keep it.
_SPACE = " \t\u3000\r\n"
# Node properties too bulky for a side panel: the report's sentences and the tracer's lists.
HIDDEN_PROPS = ("passages", "passage_sections", "passage_starts")
MAX_EVIDENCE = 200


def split_ref(ref: str) -> tuple[str, str]:
    """``Law:中华人民共和国安全生产法`` -> (label, key); QueryError for anything else."""
    label, sep, key = ref.partition(":")
    if not sep or label not in LABELS or not key:
        raise QueryError(f"{ref!r} is not a node id: write Label:key with a label of {', '.join(LABELS)}")
    return label, key


def ref(label: str, key: str) -> str:
    return f"{label}:{key}"


def display(label: str, props: dict[str, Any]) -> str:
    return props.get(DISPLAY_PROP.get(label, "name")) or ""


def key_of(label: str, props: dict[str, Any]) -> str:
    return str(props.get(KEY_PROP.get(label, "key")) or "")


def mention_in(evidence: str, start: int, end: int, passage_start: int | None,
               passage: str | None) -> tuple[int, int] | None:  # fmt: skip
    """Where ``text[start:end]`` lies in its evidence sentence: (from, to), or None if unknown.

    The sentence is the passage with the white space the passage was trimmed of; a mention
    running past its sentence (a plan item of several sentences) is cut at the sentence's end."""
    if passage_start is None or not passage or not evidence or end <= start:
        return None
    lead = len(evidence) - len(evidence.lstrip(_SPACE))
    if evidence[lead : lead + len(passage)] != passage:
        return None
    at = start - passage_start + lead
    if not 0 <= at < len(evidence):
        return None
    return at, min(len(evidence), at + end - start)


# --- the stores ----------------------------------------------------------------------------


def _embedded(store: Any) -> EmbeddedStore | None:
    return store.store if getattr(store, "kind", None) == "embedded" else None


def _neo4j_read(store: Any, name: str, **params: Any) -> list[Row]:
    """Run ``cypher/<name>.cypher`` in a read transaction with the store's query timeout."""
    from neo4j import ManagedTransaction, unit_of_work
    from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

    from govkg import cypher

    text = cypher.load(name)

    @unit_of_work(timeout=store.settings.query_timeout)
    def run(tx: ManagedTransaction) -> list[Row]:
        return [rec.data() for rec in tx.run(text, params)]

    try:
        with store.driver.session(database=store.database) as s:
            return s.execute_read(run)
    except (ServiceUnavailable, SessionExpired) as e:
        raise StoreUnavailableError(f"Neo4j at {store.location} is not reachable ({e})") from e
    except Neo4jError as e:
        if "Timeout" in (e.code or "") or "terminated" in (e.message or "").lower():
            raise QueryError(f"{name} took longer than {store.settings.query_timeout}s") from e
        raise


# --- evidence ------------------------------------------------------------------------------


def _evidence_sort(row: Row) -> tuple[Any, ...]:
    p = row["props"]
    year = row.get("report_year")
    return (-(year if year is not None else -1), p.get("report") or "", p.get("start") or 0, row["type"],
            row["src"], row["dst"], p.get("action") or "", p.get("relation") or "")  # fmt: skip


def evidence(store: Any, label: str, key: str, type_: str | None = None, dst: str | None = None,
             limit: int = 50) -> list[Row]:  # fmt: skip
    """The relationships with evidence touching ``label:key`` (or only those of ``type_`` to ``dst``)."""
    dst_label, dst_key = split_ref(dst) if dst else (None, None)
    limit = max(1, min(limit, MAX_EVIDENCE))
    es = _embedded(store)
    if es is None:
        rows = _neo4j_read(store, "explore_evidence", label=label, key=key, type=type_, dst_label=dst_label,
                           dst_key=dst_key, limit=limit)  # fmt: skip
    else:
        rows = _embedded_evidence(es, label, key, type_, dst_label, dst_key)[:limit]
    return [_evidence_row(r) for r in rows]


def _embedded_evidence(es: EmbeddedStore, label: str, key: str, type_: str | None, dst_label: str | None,
                       dst_key: str | None) -> list[Row]:  # fmt: skip
    n = node_id(label, key)
    if n not in es.g:
        return []
    if type_ is not None:
        m = node_id(dst_label or "", dst_key or "")
        links = [(n, m, d) for d in (es.g.get_edge_data(n, m) or {}).values() if d["type"] == type_]
    else:
        links = [(n, v, d) for _, v, d in es.g.out_edges(n, data=True)]
        links += [(u, n, d) for u, _, d in es.g.in_edges(n, data=True) if u != n]
    rows = []
    for u, v, d in links:
        p = d["props"]
        if not p.get("evidence"):
            continue
        rep = es.g.nodes.get(node_id("Report", p.get("report") or ""))
        rp = rep["props"] if rep else {}
        passage_start, passage = _passage_at(rp, p.get("start"))
        rows.append({"type": d["type"], "src": _ref(es, u), "dst": _ref(es, v), "props": p,
                     "report_title": rp.get("title"), "report_year": rp.get("year"),
                     "passage_start": passage_start, "passage": passage})  # fmt: skip
    return sorted(rows, key=_evidence_sort)


def _passage_at(report_props: dict[str, Any], start: int | None) -> tuple[int | None, str | None]:
    starts = report_props.get("passage_starts") or []
    if start is None or not starts:
        return None, None
    i = bisect.bisect_right(starts, start) - 1
    return (starts[i], report_props["passages"][i]) if i >= 0 else (None, None)


def _ref(es: EmbeddedStore, nid: str) -> str:
    d = es.g.nodes[nid]
    return ref(d["label"], d["key"])


def _evidence_row(r: Row) -> Row:
    """One relationship as the explorer shows it: what, where, and the mention in its sentence."""
    p = r["props"]
    sentence = p.get("evidence") or ""
    where = mention_in(sentence, p.get("start") or 0, p.get("end") or 0, r.get("passage_start"), r.get("passage"))
    return {"type": r["type"], "src": r["src"], "dst": r["dst"], "report": p.get("report"),
            "report_title": r.get("report_title"), "report_year": r.get("report_year"),
            "section": p.get("section"), "sentence": sentence, "start": p.get("start"), "end": p.get("end"),
            "mention_from": where[0] if where else None, "mention_to": where[1] if where else None,
            "action": p.get("action"), "relation": p.get("relation"), "surface": p.get("surface"),
            "match": p.get("match"), "score": p.get("score")}  # fmt: skip


# --- a node --------------------------------------------------------------------------------


def node(store: Any, label: str, key: str) -> Row | None:
    """A node's properties (without the bulky ones) and how many statements touch it; None if absent."""
    es = _embedded(store)
    if es is None:
        rows = _neo4j_read(store, "explore_node", label=label, key=key)
        if not rows:
            return None
        props, statements = rows[0]["props"], rows[0]["statements"]
    else:
        n = node_id(label, key)
        if n not in es.g:
            return None
        props = es.props(n)
        statements = sum(1 for *_, d in es.g.in_edges(n, data=True) if d["props"].get("evidence"))
        statements += sum(1 for _, v, d in es.g.out_edges(n, data=True) if d["props"].get("evidence") and v != n)
    shown = {k: v for k, v in sorted(props.items()) if k not in HIDDEN_PROPS and v is not None and v != []}
    return {"id": ref(label, key), "label": label, "key": key, "name": display(label, props), "props": shown,
            "statements": statements}  # fmt: skip


# --- years ---------------------------------------------------------------------------------


def report_years(store: Any, ids: Iterable[str] | None = None) -> dict[str, int | None]:
    """Each report's year (every report's if ``ids`` is None)."""
    wanted = None if ids is None else sorted(set(ids))
    if wanted == []:
        return {}
    es = _embedded(store)
    if es is None:
        return {r["id"]: r["year"] for r in _neo4j_read(store, "explore_years", ids=wanted)}
    if wanted is None:
        return {p["id"]: p.get("year") for _, p in es.nodes("Report")}
    return {i: es.props(node_id("Report", i)).get("year") for i in wanted if node_id("Report", i) in es.g}


# --- a report with its facts ---------------------------------------------------------------


@dataclass(frozen=True)
class PageFact:
    """One statement of the report: the relationship from the Report, its target and provenance."""

    type: str
    label: str
    key: str
    name: str
    section: str
    evidence: str
    start: int
    end: int
    node: dict[str, Any] = field(default_factory=dict, compare=False)
    props: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ReportPage:
    """A report as the report view shows it. ``text`` is None when the store has no sentences of
    it; ``exact`` is False when the text was rebuilt from the stored sentences (the white space
    between sentences is then a guess; every character of every sentence is where it was)."""

    id: str
    props: dict[str, Any]
    text: str | None
    exact: bool
    facts: tuple[PageFact, ...]

    @property
    def jurisdiction(self) -> str | None:
        return next((f.name for f in self.facts if f.type == "ABOUT"), None)


def report_page(store: Any, report_id: str) -> ReportPage | None:
    """The report with its text (rebuilt from its passages) and every fact it states; None if absent."""
    es = _embedded(store)
    if es is None:
        rows = _neo4j_read(store, "explore_report", id=report_id)
        if not rows:
            return None
        props, facts = rows[0]["report"], [f for f in rows[0]["facts"] if f.get("type")]
    else:
        rid = node_id("Report", report_id)
        if rid not in es.g:
            return None
        props = es.props(rid)
        facts = [{"type": d["type"], "label": es.label(v), "node": es.props(v), "props": d["props"]}
                 for _, v, d in es.g.out_edges(rid, data=True) if d["props"].get("start") is not None]  # fmt: skip
    text = rebuild_text(props)
    # the report's hash is the normalised text's: when the rebuilt text has it, it is the text itself
    exact = text is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() == props.get("sha256")
    return ReportPage(report_id, {k: v for k, v in props.items() if k not in HIDDEN_PROPS}, text, exact,
                      _page_facts(facts))  # fmt: skip


def _page_facts(rows: list[Row]) -> tuple[PageFact, ...]:
    out = []
    for f in rows:
        p, n = f["props"], f["node"] or {}
        out.append(PageFact(f["type"], f["label"], key_of(f["label"], n), display(f["label"], n),
                            p.get("section") or "other", p.get("evidence") or "", int(p.get("start") or 0),
                            int(p.get("end") or 0), n, p))  # fmt: skip
    return tuple(sorted(out, key=lambda x: (x.start, -x.end, x.type, x.label, x.key, str(x.props.get("action")))))


def rebuild_text(report_props: dict[str, Any]) -> str | None:
    """The normalised text from the stored passages: each sentence at its offset, the white space
    between sentences (which passages leave out) as a line break, then spaces; None without passages."""
    texts, starts = report_props.get("passages") or [], report_props.get("passage_starts") or []
    if not texts or len(texts) != len(starts):
        return None
    parts: list[str] = []
    at = 0
    for start, text in sorted(zip(starts, texts, strict=True)):
        if start < at:  # overlapping passages cannot come from one text: show none rather than a wrong one
            return None
        if start > at:
            parts.append("\n" + " " * (start - at - 1))
        parts.append(text)
        at = start + len(text)
    chars = report_props.get("chars") or 0
    if chars > at:
        parts.append("\n" * (chars - at))
    return "".join(parts)


def page_from_record(rec: ExtractionRecord, text: str | None = None) -> ReportPage:
    """The same page for a record that is in no store (``govkg show FILE``), with its exact text if given."""
    es = EmbeddedStore(Path("/nonexistent/govkg-show.json.gz"))
    es.ingest(build_rows(rec))
    from govkg.graph.tracing import embedded_store_passages

    embedded_store_passages(es, rec)

    class _One:  # the Store shape report_page reads
        kind = "embedded"
        store = es

    page = report_page(_One(), rec.report.id)
    assert page is not None  # the record was just put there
    if text is None:
        return page
    return ReportPage(page.id, page.props, text, True, page.facts)
