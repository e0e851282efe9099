"""Quantities: value, unit, approximation, scope, year, the words naming them, indicator.

Every number with a measure word (``data/units.tsv``) that reports work done
or a state reached becomes a :class:`MetricMention` (GUIDELINES, Metrics).
Skipped: ordinals (第三次, 第三、四、五次会议), a bare 一 (一个窗口 is an
article, not a count), numbers in quoted names and titles (“一件事一次办”,
《…十条措施》), numbered formulas (``data/number_names.tsv``: 三项制度, 四个意识),
ranks (前三名). Targets and standards (力争…90%, 5%的标准) and every quantity
of a ``plans`` section are not outcomes: ``find_targets`` returns them, for
the commitments they belong to.

The words naming a quantity (``raw``) are its clause: the words before the
number back to a clause boundary, plus the words after the measure word when
the count comes first (答复21件县人大代表建议). The indicator, scope and
year are read from those words and the sentence (``data/indicators.tsv``,
``data/scopes.tsv``).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from govkg.extractors.document import Document
from govkg.extractors.numbers import parse_number
from govkg.extractors.patterns import metrics as pat
from govkg.extractors.records import MetricMention, ReportMeta


@dataclass(frozen=True, slots=True)
class IndicatorRule:
    indicator: str
    units: frozenset[str]
    words: re.Pattern[str]
    context: re.Pattern[str] | None
    exclude: re.Pattern[str] | None


def _rows(name: str) -> list[list[str]]:
    text = files("govkg.extractors").joinpath(f"data/{name}").read_text("utf-8")
    return [r.split("\t") for r in text.splitlines() if r.strip() and not r.startswith("#")]


@cache
def _units() -> dict[str, str]:
    """Measure word as written -> unit recorded (部门 -> 个)."""
    return {r[0]: r[1] for r in _rows("units.tsv")}


@cache
def _quantity() -> re.Pattern[str]:
    return pat.quantity_pattern((r[0], r[2]) for r in _rows("units.tsv"))


@cache
def _number_names() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r[0]) for r in _rows("number_names.tsv"))


@cache
def _scopes() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r[0]), r[1]) for r in _rows("scopes.tsv"))


@cache
def _indicator_rules() -> tuple[IndicatorRule, ...]:
    def opt(p: str) -> re.Pattern[str] | None:
        return re.compile(p) if p else None

    return tuple(
        IndicatorRule(r[0], frozenset(r[1].split(",")), re.compile(r[2]), opt(r[3]), opt(r[4]))
        for r in _rows("indicators.tsv")
    )


def find_metrics(doc: Document, report: ReportMeta) -> tuple[MetricMention, ...]:
    """Quantities reporting work done or a state reached (not targets, not standards)."""
    return _find(doc, report, targets=False)


def find_targets(doc: Document, report: ReportMeta) -> tuple[MetricMention, ...]:
    """Quantities set as targets or standards, and every quantity of a ``plans`` section
    (力争…出庭应诉率达到100%): not metrics, but what a commitment concerns."""
    return _find(doc, report, targets=True)


def _find(doc: Document, report: ReportMeta, targets: bool) -> tuple[MetricMention, ...]:
    text = doc.text
    quoted = [(m.start(), m.end()) for m in pat.QUOTED.finditer(text)]
    quantities = [m for m in _quantity().finditer(text) if _is_quantity(doc, m, quoted)]
    matches = [m for m in quantities if _is_target(doc, m) == targets]
    respective = _respective_names(doc, matches)
    out: list[MetricMention] = []
    for i, m in enumerate(matches):
        prev_end = matches[i - 1].end() if i else 0
        next_start = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        year = _default_year(doc, report, m) if targets else report.year
        mention = _mention(doc, m, prev_end, next_start, year)
        if i in respective:
            name, context = respective[i]
            indicator = _indicator(name, mention.unit, context + name)
            mention = dataclasses.replace(mention, raw=name, indicator=indicator)
        out.extend(_split_rates(doc, mention))
    return _distinct(out)


def _respective_names(doc: Document, matches: list[re.Match[str]]) -> dict[int, tuple[str, str]]:
    """Names given one by one to a run of figures: 行政复议案件、行政诉讼案件分别为56件、32件
    gives 行政复议案件 to 56件 and 行政诉讼案件 to 32件. Index in ``matches`` -> (name, the
    words before the names)."""
    out: dict[int, tuple[str, str]] = {}
    joined = [
        bool(pat.RUN_JOIN.fullmatch(doc.text, a.end(), b.start()))
        for a, b in zip(matches, matches[1:], strict=False)
    ]
    i = 0
    while i < len(matches):
        j = i
        while j < len(joined) and joined[j]:
            j += 1
        s, _ = doc.sentence_at(matches[i].start())
        hit = pat.RESPECTIVELY.search(doc.text, s, matches[i].start())
        names = [n for n in pat.RATE_LIST_SPLIT.split(hit["names"]) if n] if hit and j > i else []
        if len(names) == j - i + 1:
            context = doc.text[s : hit.start("names")]
            out.update({i + k: (name, context) for k, name in enumerate(names)})
        i = j + 1
    return out


def _distinct(mentions: list[MetricMention]) -> tuple[MetricMention, ...]:
    """Each fact once: a figure repeated with the same words (a summary restating the
    body, a page scraped twice) is one metric; the first mention carries provenance."""
    seen: set[tuple[float, str, str, str | None]] = set()
    out = []
    for m in mentions:
        key = (m.value, m.unit, m.raw, m.indicator)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return tuple(out)


def _default_year(doc: Document, report: ReportMeta, m: re.Match[str]) -> int | None:
    """A plan is for the year after the one reported on."""
    plans = doc.section_at(m.start()) == "plans"
    return report.year + 1 if plans and report.year else report.year


def _split_rates(doc: Document, mention: MetricMention) -> list[MetricMention]:
    """One mention per rate when several rates share the figure (合法审查率、备案率和统一发布率达100%)."""
    if mention.unit != "%":
        return [mention]
    head = doc.text[doc.sentence_at(mention.prov.start)[0] : mention.prov.start]
    head = head[max((m.end() for m in pat.AFTER_BREAK.finditer(head)), default=0) :]
    hit = pat.RATE_LIST.search(head)
    if not hit:
        return [mention]
    names = [n for n in pat.RATE_LIST_SPLIT.split(hit["names"]) if n]
    context = head[: hit.start()]
    return [dataclasses.replace(mention, raw=n, indicator=_indicator(n, "%", context + n)) for n in names]


def _num_start(m: re.Match[str]) -> int:
    """Where the written number starts (a range starts at its lower end: 3-5次)."""
    for group in ("pnum", "znum", "lo", "num"):
        if m[group]:
            return m.start(group)
    return m.start()


def _is_quantity(doc: Document, m: re.Match[str], quoted: list[tuple[int, int]]) -> bool:
    """False for numbers that count nothing: see the module docstring."""
    text, start = doc.text, _num_start(m)
    before = text[max(0, start - 16) : start]
    return not (
        (m["num"] == "一" and not m["mult"])
        or _inside(start, quoted)
        or bool(pat.ORDINAL_BEFORE.search(before))
        or (bool(pat.SESSION_BEFORE.search(before)) and m["unit"] == "次")
        or (bool(pat.RANK_BEFORE.search(before)) and m["unit"] in ("名", "位"))
        or _in_number_name(text, start)
        or _number(m) is None
    )


def _is_target(doc: Document, m: re.Match[str]) -> bool:
    """A target, requirement or standard rather than an outcome; or any quantity of a plan."""
    start = _num_start(m)
    _, clause = _clause_before(doc, start)
    return (
        bool(pat.TARGET_BEFORE.search(clause))
        or bool(pat.STANDARD_AFTER.match(doc.text, m.end()))
        or doc.section_at(start) == "plans"
    )


def _in_number_name(text: str, start: int) -> bool:
    """True when a numbered name or idiom (data/number_names.tsv) covers the number's start."""
    lo, hi = max(0, start - 4), min(len(text), start + 12)
    return any(h.start() <= start < h.end() for p in _number_names() for h in p.finditer(text, lo, hi))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect_left(spans, (pos + 1,)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _clause_before(doc: Document, pos: int, strong: bool = False) -> tuple[int, str]:
    """Where the clause holding ``pos`` starts, and its words before ``pos``: back to a
    clause break or an open aside (with ``strong``, a list comma 、 is no break)."""
    s, _ = doc.sentence_at(pos)
    head = doc.text[s:pos].rstrip(" :")  # a label before its figure: 行政复议案件:56件
    brk = pat.AFTER_BREAK if strong else pat.BEFORE_BREAK
    closed = _closed_asides(head)
    breaks = [*brk.finditer(head), *pat.ASIDE_OPEN.finditer(head)]
    cut = max((m.end() for m in breaks if not _inside_span(m.start(), closed)), default=0)
    return s + cut, head[cut:]


def _closed_asides(head: str) -> list[tuple[int, int]]:
    """Bracketed asides opened and closed before the number: their punctuation breaks no
    clause (扣押物品(一种珊瑚,属国家二级保护动物)价值8000多万元 is named by 扣押物品…价值)."""
    spans, opened = [], []
    for i, c in enumerate(head):
        if c == "(":
            opened.append(i)
        elif c == ")" and opened:
            start = opened.pop()
            if not opened:
                spans.append((start, i + 1))
    return spans


def _inside_span(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _mention(
    doc: Document, m: re.Match[str], prev_end: int, next_start: int, default_year: int | None
) -> MetricMention:
    text = doc.text
    sent_start, _ = doc.sentence_at(m.start())
    raw = _raw(doc, m, prev_end, next_start)
    unit = _units()[m["unit"]] if m["unit"] else "%"
    context = text[sent_start : m.start()]
    return MetricMention(
        value=_value(m),
        unit=unit,
        raw=raw,
        indicator=_indicator(raw, unit, context + raw),
        approx=_approx(m),
        scope=_scope(_before_words(doc, m, prev_end)) or (_scope(context) if len(raw) <= _BARE else None),
        year=_year(context) or default_year,
        surface=m.group(),
        prov=doc.provenance(m.start(), m.end()),
    )


# A raw name this short (调解成功率, 办结率) names no scope itself; its sentence's scope
# (全县各级调解组织…, 调解成功率99.1%) is the quantity's.
_BARE = 6


def _number(m: re.Match[str]) -> int | float | None:
    """The number with its 万/亿 multiplier: 12.6万 -> 126000, 4127余万(元) -> 41270000;
    百分之九十 -> 90, 百分之百 -> 100."""
    if m["pnum"]:
        return 100 if m["pnum"] == "百" else parse_number(m["pnum"])
    if m["znum"]:
        return 0
    return parse_number(m["num"] + (m["mult"] or ""))


def _value(m: re.Match[str]) -> int | float:
    value = _number(m)
    assert value is not None  # _is_quantity drops numbers that do not parse
    return value


def _approx(m: re.Match[str]) -> str | None:
    word = m["before"] or m["mid"] or m["mid2"] or m["after"]
    return pat.APPROX_CANON.get(word) if word else None


def _before_words(doc: Document, m: re.Match[str], prev_end: int) -> str:
    """The words before the quantity in its clause, after any earlier quantity of the clause."""
    start, clause = _clause_before(doc, m.start())
    if prev_end > start:
        return ""  # 赋权…开发区666项市级事项: the earlier quantity's words end here
    wide_start, wide = _clause_before(doc, m.start(), strong=True)
    if prev_end <= wide_start:
        # no earlier quantity in the clause, so its 、 join the nouns counted, not
        # quantities: 开展送法进企业、进校园等活动15场次 names all the activities
        clause = wide
    return pat.LEAD_CONNECTOR.sub("", clause)


def _after_words(doc: Document, m: re.Match[str], next_start: int) -> str:
    """The words after the measure word up to a clause end or the next quantity."""
    text, end = doc.text, m.end()
    if text[end : end + 1] in ("、", ")"):
        return ""  # the quantity ends a list item or an aside
    brk = pat.AFTER_BREAK.search(text, end)
    aside = pat.ASIDE_OPEN.search(text, end)
    stop = min(
        brk.start() if brk else len(text),
        aside.start() if aside else len(text),
        next_start,
        doc.sentence_at(end)[1] or len(text),
    )
    return pat.LIST_JOIN.sub("", text[end:stop].strip())


def _raw(doc: Document, m: re.Match[str], prev_end: int, next_start: int) -> str:
    """The words naming the quantity as written (design/schema.md, Metric.raw), without
    the verb that links them to the figure (调解和解率达32.1% -> 调解和解率)."""
    before = _before_words(doc, m, prev_end)
    after = _after_words(doc, m, next_start)
    if after:
        return f"{before}{m.group()}{after}"
    before = pat.LINK_VERB_END.sub("", before) or before
    before = pat.LONG_ASIDE.sub("", before) or before
    return before or doc.text[doc.sentence_at(m.start())[0] : m.start()]


def _indicator(raw: str, unit: str, context: str) -> str | None:
    for rule in _indicator_rules():
        if unit not in rule.units or not rule.words.search(raw):
            continue
        if rule.exclude and rule.exclude.search(raw):
            continue
        if rule.context and not rule.context.search(context):
            continue
        return rule.indicator
    return None


def _scope(words: str) -> str | None:
    """The scope word nearest the end of ``words``: 今年,县本级共收到… -> 县本级."""
    best: tuple[int, str] | None = None
    for regex, template in _scopes():
        for hit in regex.finditer(words):
            if best is None or hit.start() > best[0]:
                best = (hit.start(), template.format(**hit.groupdict()))
    return best[1] if best else None


def _year(context: str) -> int | None:
    """The last year in the sentence before the number that dates it (not 较2021年, 2007—2021年)."""
    year = None
    for hit in pat.YEAR.finditer(context):
        if not pat.YEAR_NOT_DATING.search(context[: hit.start()]):
            year = int(hit.group(1))
    return year
