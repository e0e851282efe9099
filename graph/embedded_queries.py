"""The named queries answered by the embedded store, one function per ``cypher/*.cypher``.

Each function returns exactly what its Cypher twin returns (same columns,
same order, same paging), which ``tests/graph/test_parity.py`` checks on a
real Neo4j.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from govkg.graph.embedded import EmbeddedStore, node_id

Row = dict[str, Any]
NATIONAL_PREFIX = "中华人民共和国"


def _nulls_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


def sort_rows(rows: Iterable[Row], *keys: str) -> list[Row]:
    """ORDER BY keys ascending, nulls last (Cypher's order)."""
    return sorted(rows, key=lambda r: tuple(_nulls_last(r[k]) for k in keys))


def page(rows: list[Row], skip: int | None, limit: int | None) -> list[Row]:
    start = skip or 0
    return rows[start : start + limit] if limit is not None else rows[start:]


def _in_years(year: int | None, p: dict[str, Any]) -> bool:
    if p.get("year_from") is not None and (year is None or year < p["year_from"]):
        return False
    return not (p.get("year_to") is not None and (year is None or year > p["year_to"]))


def match_law(props: dict[str, Any], name: str) -> bool:
    return (
        props.get("title") in (name, NATIONAL_PREFIX + name)
        or props.get("short") == name
        or name in (props.get("aliases") or [])
    )


def match_named(props: dict[str, Any], name: str, key_prop: str = "name") -> bool:
    return props.get(key_prop) == name or props.get("name") == name or name in (props.get("aliases") or [])


def _about(store: EmbeddedStore, report: str) -> list[tuple[str, dict[str, Any]]]:
    found = [(j, store.props(j)) for j, _ in store.out(report, "ABOUT")]
    return found or [("", {})]


def _jurisdictions(store: EmbeddedStore, name: str) -> list[str]:
    return [n for n, p in store.nodes("Jurisdiction") if match_named(p, name, "id")]


def _reports_about(store: EmbeddedStore, j: str, p: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for r, _ in store.into(j, "ABOUT"):
        rp = store.props(r)
        if _in_years(rp.get("year"), p):
            out.append((r, rp))
    return out


def _place(jp: dict[str, Any]) -> Row:
    return {"jurisdiction": jp.get("name"), "jurisdiction_id": jp.get("id"), "level": jp.get("level")}


def regions_citing(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    rows = []
    for law, lp in store.nodes("Law"):
        if not match_law(lp, p["law"]):
            continue
        for r, c in store.into(law, "CITES"):
            rp = store.props(r)
            if not _in_years(rp.get("year"), p):
                continue
            for _, jp in _about(store, r):
                if p.get("level") and jp.get("level") != p["level"]:
                    continue
                rows.append({**_place(jp), "report": rp["id"], "title": rp.get("title"), "year": rp.get("year"),
                             "law": lp["title"], "action": c.get("action"), "section": c.get("section"),
                             "evidence": c.get("evidence")})  # fmt: skip
    rows = sort_rows(rows, "jurisdiction_id", "year", "report", "law", "action")
    return page(rows, p.get("skip"), p.get("limit"))


def laws_cited_by(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    rows = []
    for j in _jurisdictions(store, p["jurisdiction"]):
        jp = store.props(j)
        for r, rp in _reports_about(store, j, p):
            for law, c in store.out(r, "CITES"):
                lp = store.props(law)
                rows.append({**_place(jp), "law": lp["title"], "short": lp.get("short"),
                             "category": lp.get("category"), "action": c.get("action"), "report": rp["id"],
                             "year": rp.get("year"), "section": c.get("section"),
                             "evidence": c.get("evidence")})  # fmt: skip
    rows = sort_rows(rows, "jurisdiction_id", "law", "action", "year", "report")
    return page(rows, p.get("skip"), p.get("limit"))


def programme_regions(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    rows = []
    for prog, pp in store.nodes("Programme"):
        if not match_named(pp, p["programme"]):
            continue
        for r, i in store.into(prog, "IMPLEMENTS"):
            rp = store.props(r)
            if not _in_years(rp.get("year"), p):
                continue
            for _, jp in _about(store, r):
                rows.append({"programme": pp["name"], **_place(jp), "report": rp["id"], "year": rp.get("year"),
                             "section": i.get("section"), "evidence": i.get("evidence")})  # fmt: skip
    rows = sort_rows(rows, "programme", "jurisdiction_id", "year", "report")
    return page(rows, p.get("skip"), p.get("limit"))


def jurisdiction_profile(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    out = []
    for j in _jurisdictions(store, p["jurisdiction"]):
        jp = store.props(j)
        reports = _reports_about(store, j, {})
        parents = sorted(store.props(x).get("name") or "" for x, _ in store.out(j, "PART_OF"))
        out.append({
            "id": jp["id"], "name": jp.get("name"), "level": jp.get("level"), "adcode": jp.get("adcode"),
            "parent": parents[0] if parents else None,
            "reports": sort_rows(({"id": rp["id"], "title": rp.get("title"), "year": rp.get("year"),
                                   "kind": rp.get("kind")} for _, rp in reports), "year", "id"),
            "laws": sorted({store.props(x)["title"] for r, _ in reports for x, _ in store.out(r, "CITES")}),
            "programmes": sorted({store.props(x)["name"] for r, _ in reports for x, _ in store.out(r, "IMPLEMENTS")}),
            "roles": _profile_roles(store, reports),
            "metrics": sort_rows(_distinct(
                {"indicator": m.get("indicator"), "value": m.get("value"), "unit": m.get("unit"),
                 "year": m.get("year"), "raw": m.get("raw"), "report": rp["id"]}
                for r, rp in reports for m in (store.props(x) for x, _ in store.out(r, "ACHIEVED"))),
                "report", "year", "raw", "value", "unit"),
            "commitments": sort_rows(_distinct(
                {"report": rp["id"], "year": c.get("year"), "ordinal": c.get("ordinal"), "text": c.get("text")}
                for r, rp in reports for c in (store.props(x) for x, _ in store.out(r, "COMMITS_TO"))),
                "report", "ordinal"),
        })  # fmt: skip
    return sort_rows(out, "id")


def _distinct(rows: Iterable[Row]) -> list[Row]:
    seen, out = set(), []
    for r in rows:
        k = tuple(sorted((a, repr(b)) for a, b in r.items()))
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _profile_roles(store: EmbeddedStore, reports: list[tuple[str, dict[str, Any]]]) -> list[Row]:
    rows = []
    for r, rp in reports:
        for role, _ in store.out(r, "REPORTS_ROLE"):
            ro = store.props(role)
            persons = [store.props(pe)["name"] for pe, h in store.into(role, "HOLDS") if h.get("report") == rp["id"]]
            for person in persons or [None]:
                rows.append({"title": ro.get("title"), "organisation": ro.get("organisation"), "person": person})
    return sort_rows(_distinct(rows), "title", "organisation", "person")


def metric_comparison(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    rows = []
    ind = node_id("Indicator", p["indicator"])
    if ind not in store.g:
        return []
    for m, _ in store.into(ind, "OF"):
        mp = store.props(m)
        for r, a in store.into(m, "ACHIEVED"):
            rp = store.props(r)
            year = mp.get("year") if mp.get("year") is not None else rp.get("year")
            if not _in_years(year, p):
                continue
            for _, jp in _about(store, r):
                if p.get("level") and jp.get("level") != p["level"]:
                    continue
                rows.append({"indicator": p["indicator"], **_place(jp), "year": year, "value": mp.get("value"),
                             "unit": mp.get("unit"), "approx": mp.get("approx"), "scope": mp.get("scope"),
                             "raw": mp.get("raw"), "report": rp["id"], "section": a.get("section"),
                             "evidence": a.get("evidence")})  # fmt: skip
    rows = sort_rows(rows, "year", "jurisdiction_id", "report", "value", "raw")
    return page(rows, p.get("skip"), p.get("limit"))


def commitments(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    rows = []
    for j in _jurisdictions(store, p["jurisdiction"]):
        jp = store.props(j)
        for r, rp in _reports_about(store, j, {}):
            for c, a in store.out(r, "COMMITS_TO"):
                cp = store.props(c)
                if p.get("year") is not None and cp.get("year") != p["year"]:
                    continue
                concerns = sorted({_display(store, x) for x, _ in store.out(c, "CONCERNS")})
                rows.append({"jurisdiction": jp.get("name"), "jurisdiction_id": jp["id"], "report": rp["id"],
                             "report_year": rp.get("year"), "year": cp.get("year"), "ordinal": cp.get("ordinal"),
                             "text": cp.get("text"), "concerns": concerns, "section": a.get("section"),
                             "evidence": a.get("evidence")})  # fmt: skip
    rows = sort_rows(rows, "jurisdiction_id", "report", "ordinal")
    return page(rows, p.get("skip"), p.get("limit"))


DISPLAY_PROP = {"Report": "title", "Jurisdiction": "name", "Law": "title", "Programme": "name",
                "Indicator": "name", "Role": "title", "Person": "name", "Metric": "raw", "Commitment": "text"}  # fmt: skip


def _display(store: EmbeddedStore, nid: str) -> str:
    return store.props(nid).get(DISPLAY_PROP[store.label(nid)]) or ""


# --- full-text search: the same tokens as Lucene's CJK analyzer ---------------

SEARCH_LABELS = ("Jurisdiction", "Law", "Programme", "Indicator", "Report", "Person", "Commitment")
SEARCH_PROPS = ("name", "title", "short", "text")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+")


def cjk_tokens(text: str) -> set[str]:
    """Bigrams of hanzi runs (a lone hanzi stays a unigram), lower-cased latin/digit words."""
    out: set[str] = set()
    for run in _CJK_RUN.findall(text or ""):
        if run.isascii():
            out.add(run.lower())
        elif len(run) == 1:
            out.add(run)
        else:
            out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def search(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    query = cjk_tokens(p["q"])
    rows = []
    for nid, d in store.g.nodes(data=True):
        if d["label"] not in SEARCH_LABELS or (p.get("label") and d["label"] != p["label"]):
            continue
        doc_tokens: set[str] = set()
        for prop in SEARCH_PROPS:
            value = d["props"].get(prop)
            if isinstance(value, str):
                doc_tokens |= cjk_tokens(value)
        shared = len(query & doc_tokens)
        if shared:
            score = shared / math.sqrt(len(doc_tokens))
            rows.append({"label": d["label"], "key": d["key"], "name": _display(store, nid), "score": score})
    rows.sort(key=lambda r: (-r["score"], r["label"], r["key"]))
    return rows[: p.get("limit") or 20]


def neighbourhood(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    center = node_id(p["label"], p["key"])
    if center not in store.g:
        return []
    links = [(d["type"], v, center, v, d["props"]) for _, v, d in store.g.out_edges(center, data=True)]
    links += [(d["type"], u, u, center, d["props"]) for u, _, d in store.g.in_edges(center, data=True)]
    edges = [{"type": t, "src": _ref(store, s), "dst": _ref(store, e), "action": pr.get("action"),
              "relation": pr.get("relation"), "report": pr.get("report"), "_m": m} for t, m, s, e, pr in links]
    edges = sort_rows(({**e, "_ml": store.label(e["_m"]), "_mref": _ref(store, e["_m"])} for e in edges),
                      "type", "_ml", "_mref", "src", "dst", "action", "relation", "report")[: p.get("limit") or 100]
    nodes = {center} | {e["_m"] for e in edges}
    return [{
        "center": _node_view(store, center),
        "nodes": sorted((_node_view(store, n) for n in nodes), key=lambda n: (n["label"], n["key"])),
        "edges": [{k: v for k, v in e.items() if not k.startswith("_")} for e in edges],
    }]  # fmt: skip


def _ref(store: EmbeddedStore, nid: str) -> str:
    return f"{store.label(nid)}:{store.g.nodes[nid]['key']}"


def _node_view(store: EmbeddedStore, nid: str) -> Row:
    label = store.label(nid)
    return {"id": _ref(store, nid), "label": label, "key": store.g.nodes[nid]["key"], "name": _display(store, nid)}


def stats(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    c = store.counts()
    rows = [{"kind": "label", "name": k, "count": v} for k, v in c["labels"].items()]
    rows += [{"kind": "type", "name": k, "count": v} for k, v in c["types"].items()]
    return sort_rows(rows, "kind", "name")


# Labels a name can denote in several ways (title, short title, alias), matched as the
# query that takes such a name matches it; every other label is found by its key alone.
_NAME_MATCH: dict[str, Callable[[dict[str, Any], str], bool]] = {
    "Law": match_law,
    "Jurisdiction": lambda props, name: match_named(props, name, "id"),
    "Programme": match_named,
}


def resolve(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    """The nodes a name denotes: an existence check before answering "not found"."""
    match = _NAME_MATCH.get(p["label"])
    if match is None:
        nid = node_id(p["label"], p["ref"])
        found = [nid] if nid in store.g else []
    else:
        found = [n for n, props in store.nodes(p["label"]) if match(props, p["ref"])]
    rows = [{"label": p["label"], "key": store.g.nodes[n]["key"], "name": _display(store, n)} for n in found]
    return sort_rows(rows, "key")[: p.get("limit") or 20]


# --- tracing (graph/trace.py): what graph/tracing.py wrote, read as cypher/trace*.cypher reads it ---

OUTCOME_SECTIONS = ("measures", "leadership")


def trace(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    rows = []
    for j in _jurisdictions(store, p["jurisdiction"]):
        jp = store.props(j)
        for r, rp in _reports_about(store, j, {}):
            for c, _ in store.out(r, "COMMITS_TO"):
                cp = store.props(c)
                year = _coalesce(cp.get("trace_year"), cp.get("year"))
                if (p.get("year") is not None and year != p["year"]) or (
                        p.get("status") is not None and cp.get("trace_status") != p["status"]):  # fmt: skip
                    continue
                rows.append({"jurisdiction": jp.get("name"), "jurisdiction_id": jp["id"], "report": rp["id"],
                             "report_year": rp.get("year"), "year": year, "ordinal": cp.get("ordinal"),
                             "text": cp.get("text"), "status": cp.get("trace_status"),
                             "later_report": cp.get("trace_report"), "links": _trace_links(store, c),
                             "evidence": _trace_evidence(cp), "answers": _trace_answers(cp)})  # fmt: skip
    rows = sort_rows(rows, "jurisdiction_id", "report", "ordinal")
    return page(rows, p.get("skip"), p.get("limit"))


def _trace_links(store: EmbeddedStore, c: str) -> list[Row]:
    links = []
    for t, f in store.out(c, "FOLLOWED_BY"):
        tp = store.props(t)
        links.append({"label": store.label(t), "key": store.g.nodes[t]["key"],
                      "name": _coalesce(tp.get("raw"), tp.get("name"), tp.get("title")), "value": tp.get("value"),
                      "unit": tp.get("unit"), "report": f.get("report"), "match": f.get("match"),
                      "score": f.get("score"), "section": f.get("section"), "evidence": f.get("evidence")})  # fmt: skip
    return sort_rows(links, "report", "label", "key")


def _coalesce(*values: Any) -> Any:
    """Cypher's coalesce: the first value that is not null."""
    return next((v for v in values if v is not None), None)


def _trace_evidence(cp: dict[str, Any]) -> list[Row]:
    keys = ("trace_evidence_reports", "trace_evidence_sections", "trace_evidence", "trace_evidence_scores")
    cols = [cp.get(k) or [] for k in keys]
    return [{"report": a, "section": b, "text": c, "score": d} for a, b, c, d in zip(*cols, strict=False)]


def _trace_answers(cp: dict[str, Any]) -> list[Row]:
    texts, scores = cp.get("trace_answers") or [], cp.get("trace_answer_scores") or []
    return [{"text": t, "score": s} for t, s in zip(texts, scores, strict=False)]


def trace_unpromised(store: EmbeddedStore, p: dict[str, Any]) -> list[Row]:
    rows = []
    for j in _jurisdictions(store, p["jurisdiction"]):
        jp = store.props(j)
        reports = _reports_about(store, j, {})
        commitments = [(r, store.props(c)) for r, _ in reports for c, _ in store.out(r, "COMMITS_TO")]
        for r, rp in reports:
            promised = rp.get("year") is not None and any(
                e != r and _coalesce(cp.get("trace_year"), cp.get("year")) == rp["year"] for e, cp in commitments)
            if not promised or (p.get("year") is not None and rp.get("year") != p["year"]):
                continue
            reached = {t for e, _ in reports for c, _ in store.out(e, "COMMITS_TO")
                       for t, f in store.out(c, "FOLLOWED_BY") if f.get("report") == rp["id"]}  # fmt: skip
            rows += [{"jurisdiction": jp.get("name"), "jurisdiction_id": jp["id"], "report": rp["id"],
                      "year": rp.get("year"), **_unpromised_row(store, t, a)}
                     for type_ in ("ACHIEVED", "IMPLEMENTS") for t, a in store.out(r, type_)
                     if a.get("section") in OUTCOME_SECTIONS and t not in reached]  # fmt: skip
    rows = sort_rows(rows, "jurisdiction_id", "report", "label", "key")
    return page(rows, p.get("skip"), p.get("limit"))


def _unpromised_row(store: EmbeddedStore, t: str, a: dict[str, Any]) -> Row:
    tp, label = store.props(t), store.label(t)
    metric = label == "Metric"
    return {"label": label, "key": store.g.nodes[t]["key"], "name": tp.get("raw") if metric else tp.get("name"),
            "indicator": tp.get("indicator") if metric else None, "value": tp.get("value") if metric else None,
            "unit": tp.get("unit") if metric else None, "section": a.get("section"), "evidence": a.get("evidence")}  # fmt: skip


RUNNERS: dict[str, Callable[[EmbeddedStore, dict[str, Any]], list[Row]]] = {
    "regions-citing": regions_citing,
    "laws-cited-by": laws_cited_by,
    "programme-regions": programme_regions,
    "jurisdiction-profile": jurisdiction_profile,
    "metric-comparison": metric_comparison,
    "commitments": commitments,
    "search": search,
    "neighbourhood": neighbourhood,
    "stats": stats,
    "resolve": resolve,
    "trace": trace,
    "trace-unpromised": trace_unpromised,
}
