"""Commitments: the items of a report's plans section, with what they concern.

The plans section(s) are the stretches where ``doc.section_at`` is ``plans``.
Within them, items are marked (一)…, 一是…, 1.…, (1)/①… or 第一,… . The
marker kind that itemises the section is the outermost one with a run
一, 二, … ; a deeper kind is used instead when it itemises every outer item
too (the deepest consistent level). A section with no items gives one
commitment per sentence that commits to an action.

``text`` is the item's lead: its words up to the first 。/；/line end.
``year`` is the year the plans are for: a year in the plans heading, else the
report's year + 1, else the year the section's first sentence plans for
("2024年,我县将…"), else a guess from the document's dates. ``concerns`` are the programmes,
laws and indicator-bearing metrics found inside the item's span, and the rate
indicators its words name (出庭应诉率, 调解成功率: see ``rate_indicators``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from govkg.extractors.document import Document
from govkg.extractors.patterns import commitments as P
from govkg.extractors.records import (
    Commitment,
    Concern,
    LawMention,
    MetricMention,
    ProgrammeMention,
    Provenance,
    ReportMeta,
)

_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫"
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A committing sentence states an action and its object: five characters is the shortest that
# holds a two-character verb and a three-character object ("深化放管服"). Shorter lines in a plans
# part without items are headings or closing words (特此报告, 谢谢), not commitments.
_MIN_COMMIT_HAN = 5


@dataclass(frozen=True, slots=True)
class Marker:
    kind: str
    number: int
    start: int  # where the marker starts
    body: int  # where the item's words start


@dataclass(frozen=True, slots=True)
class Item:
    start: int  # the item's words (after the marker)
    end: int  # the end of the item's span (next item or section end)


def find_commitments(
    doc: Document,
    report: ReportMeta,
    laws: tuple[LawMention, ...],
    programmes: tuple[ProgrammeMention, ...],
    metrics: tuple[MetricMention, ...],
) -> tuple[Commitment, ...]:
    out: list[Commitment] = []
    for start, end, heading in plan_spans(doc):
        year = plan_year(doc, report, heading, start, end)
        for a, b, span_end in section_items(doc.text, start, end):
            concerns = _concerns(doc.text, a, span_end, laws, programmes, metrics)
            out.append(Commitment(doc.text[a:b], year, len(out) + 1, concerns, doc.provenance(a, b)))
    return tuple(out)


def plan_spans(doc: Document) -> list[tuple[int, int, str]]:
    """(body start, body end, heading) of each plans stretch, without its heading
    and without the closing lines (特此报告, signature, date). A plans sub-part of another
    part ("三、存在的问题和下一步打算" / "(二)下一步打算") has both headings, for the year."""
    out = []
    for start, end, kind in doc.kind_runs():
        if kind != "plans":
            continue
        head = doc.heading_at(start)
        heading = head.text if head and head.start == start else ""
        top = doc.heading_at(start, level=1)
        if top and head and top is not head:
            heading = top.text + heading
        body = _after_heading(doc.text, start, head.text) if head and head.start == start else start
        out.append((body, trim_closing(doc.text, body, end), heading))
    return out


def _after_heading(text: str, start: int, heading: str) -> int:
    """Where a section's body starts: after its heading, which may run on into the first
    sentence ("四、下一步打算。一是…")."""
    pos = start + len(heading) if text.startswith(heading, start) else text.find("\n", start) + 1 or start
    while pos < len(text) and text[pos] in "。;；:： \n":
        pos += 1
    return pos


def trim_closing(text: str, start: int, end: int) -> int:
    """The end of a section body once the closing lines at its end are cut off."""
    while end > start:
        line_start = text.rfind("\n", start, end - 1) + 1 if text.rfind("\n", start, end - 1) >= 0 else start
        line = text[line_start:end].strip()
        if line and not P.SIGNATURE_LINE.match(line):
            break
        end = line_start
        if end > start and text[end - 1] == "\n":
            end -= 1
    return end


def section_items(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(lead start, lead end, item end) for each item, or for each committing sentence."""
    items = itemise(text, start, end)
    if items:
        return [(it.start, lead_end(text, it.start, it.end), it.end) for it in items]
    return [(s, e, e) for s, e in committing_sentences(text, start, end)]


def lead_end(text: str, start: int, end: int) -> int:
    m = P.LEAD_END.search(text, start, end)
    stop = m.start() if m else end
    while stop > start and text[stop - 1] in " ,，、:：":
        stop -= 1
    return stop


def markers(text: str, start: int, end: int) -> dict[str, list[Marker]]:
    """Every item marker in ``text[start:end]``, by kind, in order."""
    found: dict[str, list[Marker]] = {}
    for kind, pat in P.ITEM_MARKERS.items():
        for m in pat.finditer(text, start, end):
            number = _number(m)
            if number:
                found.setdefault(kind, []).append(Marker(kind, number, m.start(), m.end()))
    return found


def _number(m: re.Match[str]) -> int:
    groups = m.groupdict()
    if groups.get("c"):
        return _CIRCLED.index(groups["c"]) + 1
    n = groups.get("n") or ""
    if n.isdigit():
        return int(n)
    return cn_number(n)


def cn_number(s: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23; 0 when not a numeral."""
    if not s or any(c not in _CN_DIGITS and c != "十" for c in s):
        return 0
    if "十" not in s:
        return _CN_DIGITS[s] if len(s) == 1 else 0
    tens, _, units = s.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


def runs(ms: list[Marker]) -> list[list[Marker]]:
    """Runs 1, 2, 3 … of markers (a new run starts at each 1); runs of one are dropped."""
    out: list[list[Marker]] = []
    for m in ms:
        if m.number == 1:
            out.append([m])
        elif out and m.number == out[-1][-1].number + 1:
            out[-1].append(m)
    return [r for r in out if len(r) >= 2]


def itemise(text: str, start: int, end: int) -> list[Item]:
    """The items of the deepest marker kind that itemises the section consistently."""
    found = {k: runs(v) for k, v in markers(text, start, end).items()}
    found = {k: v for k, v in found.items() if v}
    if not found:
        return []
    # the outer kind: markers that start lines before inline ones, then the one met first
    outer_kind = min(found, key=lambda k: (not _at_line_starts(text, found[k][0]), found[k][0][0].start))
    outer = _items(found[outer_kind][0], end)
    for kind, kind_runs in found.items():
        if kind == outer_kind:
            continue
        inner = [_items(r, _enclosing(outer, r[0].start).end) for r in kind_runs
                 if _enclosing(outer, r[0].start) is not None]  # fmt: skip
        covered = {_enclosing(outer, r[0].start) for r in kind_runs}
        if all(it in covered for it in outer):
            return [it for items in inner for it in items]
    return outer


def _at_line_starts(text: str, run: list[Marker]) -> bool:
    return all(m.start == 0 or text[m.start - 1] == "\n" for m in run)


def _items(run: list[Marker], end: int) -> list[Item]:
    ends = [m.start for m in run[1:]] + [end]
    return [Item(m.body, e) for m, e in zip(run, ends, strict=True)]


def _enclosing(items: list[Item], pos: int) -> Item | None:
    return next((it for it in items if it.start <= pos < it.end), None)


def committing_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of a section that commit to an action (for sections without items)."""
    out = []
    for m in re.finditer(r"[^。!！?？\n]+[。!！?？]?", text[start:end]):
        s, e = start + m.start(), start + m.end()
        sentence = text[s:e].strip()
        if len(_HAN.findall(sentence)) >= _MIN_COMMIT_HAN and P.COMMIT_VERB.search(sentence):
            s += len(text[s:e]) - len(text[s:e].lstrip())
            e = s + len(sentence.rstrip("。!！?？"))
            out.append((s, e))
    return out


def plan_year(doc: Document, report: ReportMeta, heading: str, start: int, end: int) -> int | None:
    """The year the plans are for (see module docstring for the order of evidence)."""
    years = [int(y) for y in P.YEAR.findall(P.YEAR_RANGE.sub("", heading))]
    if years:
        return max(years)
    if report.year:
        return report.year + 1
    first = P.LEAD_END.search(doc.text, start, end)
    opening = P.PLAN_YEAR_OPENING.search(doc.text, start, first.start() if first else end)
    if opening:
        return int(opening.group(1))
    return guess_year(doc.text)


def guess_year(text: str) -> int | None:
    """Without the report's year: the publication year if a date gives the latest year,
    else the latest year mentioned plus one (plan periods and 《》 titles left out)."""
    plain = P.YEAR_RANGE.sub("", re.sub(r"《[^》]*》", "", text))
    dated = {int(y) for y in P.DATE.findall(plain)}
    years = [int(y) for y in P.YEAR.findall(plain)] + list(dated)
    if not years:
        return None
    latest = max(years)
    return latest if latest in dated else latest + 1


RateRule = tuple[str, re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]


@cache
def rate_indicators() -> tuple[RateRule, ...]:
    """(indicator, words, context, not) for the rate indicators of the metrics lexicon
    (``data/indicators.tsv``, unit %): a rate named in a plan item (提高行政机关负责人出庭应诉率)
    is what the item concerns even without a number. Count indicators are left out: their
    words (学习, 提案) are too common in plan prose to name an indicator without a number."""
    try:
        text = files("govkg.extractors").joinpath("data/indicators.tsv").read_text("utf-8")
    except FileNotFoundError:
        return ()
    out = []
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 5 or cols[1] != "%":
            continue
        try:
            out.append((cols[0], re.compile(cols[2]), _opt(cols[3]), _opt(cols[4])))
        except re.error:
            continue  # a row this stage cannot read is not worth failing the extraction
    return tuple(out)


def _opt(pattern: str) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


def indicator_words(text: str, start: int, end: int) -> list[tuple[int, Concern]]:
    """Rate indicators named in ``text[start:end]``, clause by clause."""
    out = []
    for clause in re.finditer(r"[^,，;；。]+", text[start:end]):
        words = clause.group()
        for name, pat, context, not_ in rate_indicators():
            named = pat.search(words) and not (not_ and not_.search(words))
            if named and (not context or context.search(text, start, end)):
                out.append((start + clause.start(), Concern("Indicator", name)))
    return out


def _concerns(
    text: str,
    start: int,
    end: int,
    laws: tuple[LawMention, ...],
    programmes: tuple[ProgrammeMention, ...],
    metrics: tuple[MetricMention, ...],
) -> tuple[Concern, ...]:
    """The programmes, laws and indicators named inside an item's span, each once, in text order;
    a name inside a longer one (一网通办 in “一网通办+跨省通办”改革) is not named on its own."""
    found: list[tuple[int, int, Concern]] = [(a, a, c) for a, c in indicator_words(text, start, end)]
    for p in programmes:
        span = _named_at(text, start, end, p.prov, (p.surface, p.name, *p.aliases))
        if span:
            found.append((*span, Concern("Programme", p.name)))
    for x in laws:
        span = _named_at(text, start, end, x.prov, (x.surface, x.title))
        if span:
            found.append((*span, Concern("Law", x.title)))
    found += [(m.prov.start, m.prov.end, Concern("Indicator", m.indicator))
              for m in metrics if m.indicator and start <= m.prov.start < end]  # fmt: skip
    out: list[Concern] = []
    for a, b, c in sorted(found, key=lambda x: (x[0], -x[1])):
        inside = any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, _ in found)
        if c not in out and not inside:
            out.append(c)
    return tuple(out)


def _named_at(
    text: str, start: int, end: int, prov: Provenance, forms: tuple[str, ...]
) -> tuple[int, int] | None:
    """Where an item names a programme or law: its mention's own span, or, since the other
    stages list each fact once (at its first mention, often in the measures section), the
    first place one of its written forms occurs in the item."""
    if start <= prov.start < end:
        return prov.start, prov.end
    hits = [(i, i + len(f)) for f in forms if len(f) >= 2 and (i := text.find(f, start, end)) >= 0]
    return min(hits, default=None)
