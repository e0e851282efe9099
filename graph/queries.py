"""The named queries: one list of names and parameters that both stores answer.

Neo4j runs ``cypher/<name>.cypher`` with the parameters; the embedded store
runs the Python function of the same name in :mod:`govkg.graph.embedded_queries`.
Parameters are checked and normalised here, once, for both: values are only
ever passed as parameters, never spliced into query text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from govkg.errors import QueryError


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: type = str
    required: bool = False
    default: Any = None
    help: str = ""


@dataclass(frozen=True, slots=True)
class QuerySpec:
    name: str
    help: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise QueryError(f"query {self.name!r} has no parameter {name!r}; it takes {self.param_names()}")

    def param_names(self) -> str:
        return ", ".join(p.name for p in self.params) or "no parameters"


YEAR_FROM = Param("year_from", int, help="first report year")
YEAR_TO = Param("year_to", int, help="last report year")
LEVEL = Param("level", str, help="jurisdiction level: province, prefecture, county, township, zone")
LIMIT = Param("limit", int, default=100, help="most rows to return")
OFFSET = Param("skip", int, default=0, help="rows to skip (paging)")

QUERIES: dict[str, QuerySpec] = {
    q.name: q
    for q in (
        QuerySpec("regions-citing", "jurisdictions whose reports cite a law (canonical title, short title or alias)",
                  (Param("law", required=True, help="law title, short title or alias"), YEAR_FROM, YEAR_TO, LEVEL,
                   LIMIT, OFFSET)),
        QuerySpec("laws-cited-by", "laws cited by a jurisdiction's reports",
                  (Param("jurisdiction", required=True, help="name, alias or id (adcode)"), YEAR_FROM, YEAR_TO,
                   LIMIT, OFFSET)),
        QuerySpec("programme-regions", "jurisdictions that report carrying out a programme",
                  (Param("programme", required=True, help="programme name or alias"), YEAR_FROM, YEAR_TO, LIMIT,
                   OFFSET)),
        QuerySpec("jurisdiction-profile", "a jurisdiction's reports, laws, programmes, roles, metrics, commitments",
                  (Param("jurisdiction", required=True, help="name, alias or id (adcode)"),)),
        QuerySpec("metric-comparison", "one indicator across jurisdictions and years",
                  (Param("indicator", required=True, help="canonical indicator, e.g. 行政复议案件数"), YEAR_FROM,
                   YEAR_TO, LEVEL, LIMIT, OFFSET)),
        QuerySpec("commitments", "a jurisdiction's commitments (plan items), optionally for one year",
                  (Param("jurisdiction", required=True, help="name, alias or id (adcode)"),
                   Param("year", int, help="the year the commitments are for"), LIMIT, OFFSET)),
        QuerySpec("search", "full-text search over names and titles",
                  (Param("q", required=True, help="words to look for"), Param("label", help="only this label"),
                   Param("limit", int, default=20, help="most results"))),
        QuerySpec("neighbourhood", "a node and its neighbours, for drawing",
                  (Param("label", required=True, help="node label, e.g. Law"),
                   Param("key", required=True, help="the node's key (id, title or name)"),
                   Param("limit", int, default=100, help="most neighbours"))),
        QuerySpec("stats", "node and relationship counts", ()),
        QuerySpec("resolve", "the nodes a name denotes, matched as the other queries match it (existence check)",
                  (Param("label", required=True, help="Law, Jurisdiction, Programme, Indicator (or any label, by key)"),
                   Param("ref", required=True, help="a name, title, short title, alias or key"),
                   Param("limit", int, default=20, help="most nodes"))),
        QuerySpec("trace", "a jurisdiction's commitments and what its report for that year shows (graph/trace.py)",
                  (Param("jurisdiction", required=True, help="name, alias or id (adcode)"),
                   Param("year", int, help="the year the commitments are for"),
                   Param("status", help="only this status: no_later_report, not_mentioned, mentioned, done, progressed"),
                   LIMIT, OFFSET)),
        QuerySpec("trace-unpromised", "what a jurisdiction's reports achieved that none of its commitments promised",
                  (Param("jurisdiction", required=True, help="name, alias or id (adcode)"),
                   Param("year", int, help="the year reported on"), LIMIT, OFFSET)),
    )
}  # fmt: skip

MAX_LIMIT = 1000
MAX_TEXT = 200
LABELS_ALLOWED = ("Report", "Jurisdiction", "Law", "Programme", "Indicator", "Role", "Person", "Metric", "Commitment")


def spec(name: str) -> QuerySpec:
    try:
        return QUERIES[name]
    except KeyError:
        raise QueryError(f"no query named {name!r}; known queries: {', '.join(sorted(QUERIES))}") from None


def clean_text(value: str) -> str:
    """Half-width, no control characters, no 《》 or quotes around a name, trimmed."""
    value = unicodedata.normalize("NFKC", value)
    value = re.sub(r"[\x00-\x1f\x7f]", "", value).strip()
    return value.strip("《》〈〉“”\"' ")


def bind(name: str, args: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise a query's arguments; every parameter present (None if not given)."""
    q = spec(name)
    unknown = set(args) - {p.name for p in q.params}
    if unknown:
        raise QueryError(f"query {name!r} has no parameter {', '.join(sorted(unknown))}; it takes {q.param_names()}")
    out: dict[str, Any] = {}
    for p in q.params:
        value = args.get(p.name)
        if value is None or value == "":
            if p.required:
                raise QueryError(f"query {name!r} needs {p.name!r} ({p.help})")
            out[p.name] = p.default
            continue
        out[p.name] = _coerce(name, p, value)
    return out


def _coerce(query: str, p: Param, value: Any) -> Any:
    if p.type is int:
        try:
            n = int(value)
        except (TypeError, ValueError):
            raise QueryError(f"{query}: {p.name} must be a whole number, not {value!r}") from None
        if p.name == "limit":
            if not 1 <= n <= MAX_LIMIT:
                raise QueryError(f"{query}: limit must be between 1 and {MAX_LIMIT}")
        elif n < 0:
            raise QueryError(f"{query}: {p.name} must not be negative")
        return n
    text = clean_text(str(value))
    if not text:
        raise QueryError(f"{query}: {p.name} is empty after removing quotes and control characters")
    if len(text) > MAX_TEXT:
        raise QueryError(f"{query}: {p.name} is longer than {MAX_TEXT} characters")
    if p.name == "label" and text not in LABELS_ALLOWED:
        raise QueryError(f"{query}: label must be one of {', '.join(LABELS_ALLOWED)}")
    return text


# Lucene's query syntax characters: escaped so that user text is only ever words.
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_LUCENE_WORDS = re.compile(r"\b(AND|OR|NOT|TO)\b")


def lucene_terms(q: str) -> str:
    """User text as a Lucene query of plain terms: specials escaped, operators lower-cased."""
    q = _LUCENE_SPECIAL.sub(r"\\\1", q)
    return _LUCENE_WORDS.sub(lambda m: m.group(1).lower(), q)
