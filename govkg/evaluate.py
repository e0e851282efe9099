"""Measure extraction against annotated reports (``govkg eval``).

Gold files have the shape of extraction records, one JSON file per report,
named after the report file's stem. Matching follows the annotation
guidelines: lists are compared as sets after normalisation (width, quotes,
spaces, 、·-— and brackets removed, the 中华人民共和国 prefix ignored for
laws); ``optional`` gold items never count as misses nor as false positives.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govkg.errors import InputError

Item = dict[str, Any]
_STRIP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】、,，。·•\-—–_:：;；!！?？]")
LISTS = ("report", "laws", "law_titles", "law_categories", "jurisdictions", "programmes", "roles", "metrics",
         "indicators", "commitments")  # fmt: skip


def norm(s: Any) -> str:
    return "" if s is None else _STRIP.sub("", unicodedata.normalize("NFKC", str(s)))


def norm_law(s: Any) -> str:
    s = norm(s).removeprefix("中华人民共和国")
    for tail in ("修订草案", "草案"):
        s = s.removesuffix(tail)
    return s


def names(item: Item, key: str, f: Callable[[Any], str] = norm) -> set[str]:
    return {x for x in {f(item.get(key)), *(f(a) for a in item.get("aliases") or [])} if x}


@dataclass
class Tally:
    tp: int = 0
    misses: list[Item] = field(default_factory=list)
    extras: list[Item] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.misses += other.misses
        self.extras += other.extras

    def prf(self) -> tuple[float, float, float]:
        fp, fn = len(self.extras), len(self.misses)
        p = self.tp / (self.tp + fp) if self.tp + fp else 1.0
        r = self.tp / (self.tp + fn) if self.tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(gold: list[Item], pred: Iterable[Item], gold_keys: Callable[[Item], set[Any]],
          pred_key: Callable[[Item], Any]) -> Tally:  # fmt: skip
    """Greedy one-to-one matching; optional gold is neither missed nor an extra when hit."""
    used = [False] * len(gold)
    t = Tally()
    for p in pred:
        k = pred_key(p)
        hit = None
        for i, g in enumerate(gold):
            if not used[i] and k in gold_keys(g):
                hit = i
                if not g.get("optional"):
                    break
        if hit is None:
            t.extras.append(p)
        else:
            used[hit] = True
            t.tp += 0 if gold[hit].get("optional") else 1
    t.misses = [g for i, g in enumerate(gold) if not used[i] and not g.get("optional")]
    return t


def distinct(items: Iterable[Item], key: Callable[[Item], Any], keep_required: bool = False) -> list[Item]:
    seen: dict[Any, int] = {}
    out: list[Item] = []
    for x in items:
        k = key(x)
        if k in seen:
            if keep_required and not x.get("optional"):
                out[seen[k]] = x
            continue
        seen[k] = len(out)
        out.append(x)
    return out


def _bigrams(s: str) -> set[str]:
    s = norm(s)
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


def overlap(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / max(1, min(len(x), len(y)))


def _num(v: Any) -> float | None:
    try:
        return round(float(v), 4)
    except (TypeError, ValueError):
        return None


def _law_key(x: Item) -> str:
    return norm_law(x.get("title"))


def _role_key(x: Item) -> tuple[str, str]:
    return (norm(x.get("title")), norm(x.get("person")) if x.get("person") else "")


def _metric_key(x: Item) -> tuple[float | None, str]:
    return (_num(x.get("value")), norm(x.get("unit")))


def _indicator_key(x: Item) -> tuple[float | None, str, str]:
    return (*_metric_key(x), norm(x.get("indicator")))


def score_commitments(gold: list[Item], pred: list[Item]) -> Tally:
    """Same year and ≥ 0.6 shared character bigrams over the shorter text."""
    used = [False] * len(gold)
    t = Tally()
    for c in pred:
        best, bi = 0.0, None
        for i, g in enumerate(gold):
            if used[i] or g.get("year") != c.get("year"):
                continue
            o = overlap(g.get("text", ""), c.get("text", ""))
            if o > best:
                best, bi = o, i
        if bi is not None and best >= 0.6:
            used[bi] = True
            t.tp += 0 if gold[bi].get("optional") else 1
        else:
            t.extras.append(c)
    t.misses = [g for i, g in enumerate(gold) if not used[i] and not g.get("optional")]
    return t


def score_report(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Tally]:
    """Score the lists the gold file states (a list it leaves out was not annotated)."""
    g = lambda k: gold.get(k) or []  # noqa: E731
    p = lambda k: pred.get(k) or []  # noqa: E731
    laws_g = distinct(g("laws"), _law_key, keep_required=True)
    laws_p = distinct(p("laws"), _law_key)
    res = {
        "laws": match(g("laws"), distinct(p("laws"), lambda x: (_law_key(x), x.get("action"))),
                      lambda x: {(n, x.get("action")) for n in names(x, "title", norm_law)},
                      lambda x: (_law_key(x), x.get("action"))),
        "law_titles": match(laws_g, laws_p, lambda x: names(x, "title", norm_law), _law_key),
        "law_categories": match(laws_g, laws_p, lambda x: {(n, x.get("category")) for n in names(x, "title", norm_law)},
                                lambda x: (_law_key(x), x.get("category"))),
        "jurisdictions": match(g("jurisdictions"), distinct(p("jurisdictions"), lambda x: norm(x.get("name"))),
                               lambda x: names(x, "name"), lambda x: norm(x.get("name"))),
        "programmes": match(g("programmes"), distinct(p("programmes"), lambda x: norm(x.get("name"))),
                            lambda x: names(x, "name"), lambda x: norm(x.get("name"))),
        "roles": match(g("roles"), distinct(p("roles"), _role_key), lambda x: {_role_key(x)}, _role_key),
        "metrics": match(g("metrics"), p("metrics"), lambda x: {_metric_key(x)}, _metric_key),
        "indicators": match([x for x in g("metrics") if x.get("indicator")],
                            [x for x in p("metrics") if x.get("indicator")],
                            lambda x: {_indicator_key(x)}, _indicator_key),
        "commitments": score_commitments(g("commitments"), p("commitments")),
        "report": _score_meta(gold.get("report") or {}, pred.get("report") or {}),
    }  # fmt: skip
    stated = {k for k in gold if k != "report"} | {"report"}
    if "laws" in stated:
        stated |= {"law_titles", "law_categories"}
    if "metrics" in stated:
        stated.add("indicators")
    return {k: v for k, v in res.items() if k in stated}


def _score_meta(gold: Item, pred: Item) -> Tally:
    if gold.get("optional"):
        return Tally()
    ok = norm(pred.get("jurisdiction")) in {norm(gold.get("jurisdiction")), *(norm(a) for a in gold.get("aliases", []))}
    ok = ok and pred.get("year") == gold.get("year")
    return Tally(tp=1) if ok else Tally(misses=[gold], extras=[pred])


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: no such folder of gold files")
    gold = {}
    for f in sorted(gold_dir.glob("*.json")):
        try:
            gold[f.stem] = json.loads(f.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise InputError(f"{f}: not a JSON gold file ({e})") from e
    if not gold:
        raise InputError(f"{gold_dir}: holds no *.json gold files")
    return gold


def evaluate(gold: dict[str, dict[str, Any]], preds: Iterable[dict[str, Any]]) -> tuple[dict[str, Tally], int]:
    """Totals per list over the gold reports; a gold report without a prediction counts as all missed."""
    by_stem = {Path(str(p.get("source") or "")).stem: p for p in preds}
    totals = {k: Tally() for k in LISTS}
    for stem, g in gold.items():
        for k, t in score_report(g, by_stem.get(stem, {})).items():
            for x in t.misses + t.extras:
                x.setdefault("_report", stem)
            totals[k].add(t)
    return totals, sum(1 for s in gold if s in by_stem)


def format_scores(totals: dict[str, Tally], matched: int, n_gold: int, misses: bool = False) -> str:
    lines = [f"{'list':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fn':>6}{'fp':>6}"]
    for k, t in totals.items():
        p, r, f = t.prf()
        lines.append(f"{k:<16}{p:>7.3f}{r:>7.3f}{f:>7.3f}{t.tp:>6}{len(t.misses):>6}{len(t.extras):>6}")
    lines.append(f"reports matched: {matched}/{n_gold}")
    if misses:
        shown = ("title", "name", "value", "unit", "indicator", "text", "person", "action", "category", "year")
        for k, t in totals.items():
            for kind, items in (("miss", t.misses), ("extra", t.extras)):
                for x in items:
                    brief = {a: x[a] for a in shown if x.get(a) is not None}
                    lines.append(f"{k}\t{x.get('_report', '')}\t{kind}\t{json.dumps(brief, ensure_ascii=False)}")
    return "\n".join(lines)
