"""A report as the extractors see it: normalised text, sections, sentences.

``build_document`` is the first stage of the pipeline: raw text in, a frozen
:class:`Document` out. Every later stage reads a Document and returns records
whose offsets point into ``Document.text``.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from govkg.extractors.normalise import Normalised, normalise
from govkg.extractors.records import Provenance, Section

# Heading numbering, most to least prominent. Worked examples:
#   "一、主要举措和成效" -> 1;  "第二部分 存在问题" -> 1
#   "(一)加强组织领导" / "（一）" / "七)…" -> 2;   "1.强化法治学习" -> 3
#   "一是抓学法用法" is an item, not a heading.
HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}部分)\s*(?=\S)")),
    (2, re.compile(r"^\(?\s*[一二三四五六七八九十]{1,3}\s*\)")),
    (3, re.compile(r"^\d{1,2}\s*[、.．](?!\d)")),
)
# A line starting with a bare 、 is a level-1 heading whose numeral was lost in scraping
# ("、下一步工作计划") -- but only when its words fix a section kind (``classify_heading``): a
# stray 、 at a line start (a list wrapped over two lines) opens no part.
_LOST_NUMERAL = re.compile(r"^、(?=\S)")
_NUMERAL_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
# A heading is a short line. A longer line that starts like a level-1 heading is a paragraph
# (第二部分 in running text), unless it is numbered 一、…, which may run on into its first
# sentences; the longest real headings (a part naming both the measures and the leaders' duty)
# stay well under 80 characters.
_HEADING_MAX = 80
_SENTENCE_END = re.compile(r"[。!?！？]+[”’」』)]?|\n")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    kind: str | None  # the kind its words fix, or None when they fix none
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    id: str
    source: str
    text: str
    original: str
    sha256: str
    converted: bool = False
    headings: tuple[Heading, ...] = ()
    sections: tuple[Section, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False)
    _kind_starts: tuple[int, ...] = field(default=(), repr=False)
    _kinds: tuple[str, ...] = field(default=(), repr=False)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]

    def section_at(self, offset: int) -> str:
        """The section kind at an offset, refined by sub-headings (see ``_kind_spans``)."""
        i = bisect_right(self._kind_starts, offset) - 1
        return self._kinds[i] if i >= 0 else "other"

    def kind_runs(self) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each stretch of one section kind, in text order."""
        ends = [*self._kind_starts[1:], len(self.text)]
        return [(s, e, k) for s, e, k in zip(self._kind_starts, ends, self._kinds, strict=True) if e > s]

    def heading_at(self, offset: int, level: int | None = None) -> Heading | None:
        """The last heading (of ``level``, or of any level) starting at or before ``offset``."""
        found = None
        for h in self.headings:
            if h.start > offset:
                break
            if level is None or h.level == level:
                found = h
        return found

    def provenance(self, start: int, end: int) -> Provenance:
        s, e = self.sentence_at(start)
        return Provenance(section=self.section_at(start), evidence=self.text[s:e], start=start, end=end)

    def sentences_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(s, e) for s, e in self.sentences if s < end and e > start]


@cache
def _kind_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = files("govkg.extractors").joinpath("data/section_kinds.tsv").read_text("utf-8").splitlines()
    return tuple(
        (k, re.compile(p)) for k, p, _ in (r.split("\t") for r in rows if r and not r.startswith("#"))
    )


def classify_heading(text: str) -> str | None:
    """The section kind a heading's words fix: 存在问题 -> shortcomings; None if nothing fits."""
    head = text[:60]
    for kind, pat in _kind_rules():
        if pat.search(head):
            return kind
    return None


def find_headings(text: str) -> list[Heading]:
    """Numbered heading lines. A 一、 line whose numbering restarts inside a later part
    (四、下一年度工作安排 / 一、加强… / 二、…) is an item of that part, not a new part."""
    out: list[Heading] = []
    pos = 0
    top_number = 0
    item_number = 0  # inside a restarted list, the number of the last item
    for line in text.split("\n"):
        level = _heading_level(line)
        if level:
            head = re.split(r"[。;；]", line, maxsplit=1)[0]  # a heading may run on: 一是抓学法。坚持…
            kind = classify_heading(head)
            number = _numeral(line) if level == 1 else None
            if number is not None:
                if number < top_number or (
                    item_number and number == item_number + 1 and kind in (None, "measures")
                ):
                    level, item_number = 2, number  # the numbering restarted: items inside the current part
                else:
                    top_number, item_number = number, 0
            out.append(Heading(level, kind, pos, pos + len(line), head))
        pos += len(line) + 1
    return out


_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def _numeral(line: str) -> int | None:
    """The number of a 一、/十二、 heading (None for other heading forms)."""
    m = re.match(r"^([一二三四五六七八九十]{1,3})\s*[、.．]", line)
    if not m:
        return None
    digits = m.group(1)
    if digits == "十":
        return 10
    if digits.startswith("十"):
        return 10 + _CN_DIGITS.get(digits[1], 0)
    if "十" in digits:
        tens, _, ones = digits.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(digits[0])


def _heading_level(line: str) -> int:
    for level, pat in HEADING_PATTERNS:
        if pat.match(line):
            if level == 1 and len(line) > _HEADING_MAX and not _NUMERAL_HEADING.match(line):
                return 0
            return level
    if _LOST_NUMERAL.match(line) and len(line) <= _HEADING_MAX:
        return 1 if classify_heading(re.split(r"[。;；]", line, maxsplit=1)[0]) else 0
    return 0


# A level-1 heading that names both the measures and the leaders' duty
# ("工作举措成效和主要负责人履行…第一责任人职责情况") is mixed: its sub-headings decide.
_MEASURES_STRONG = re.compile(r"举措|成效|做法|成绩|工作开展|主要工作")
# Sub-headings that open a shortcomings part inside another part ("(一)存在的问题"), strictly:
# 补齐短板 or 缩小差距 in a measures heading is work done, not a shortcoming.
_SHORTCOMINGS_STRICT = re.compile(
    r"存在(的)?(主要)?(问题|不足|困难)|不足(之处|和|与|及)|问题(和|与|及)(不足|原因)"
)


def _kind_spans(text: str, headings: list[Heading]) -> list[tuple[int, str]]:
    """(start, kind) runs. A heading's kind is its parent's, except that
    - under a measures or mixed part, a sub-heading naming the leaders' duty is leadership
      and any other level-2 heading is measures;
    - outside plans, a sub-heading that opens plans (or, strictly, shortcomings) starts that
      kind ("三、存在问题和下一步打算" / "(二)下一步工作打算"), for everything under it."""
    spans: list[tuple[int, str]] = [(0, "other")]
    top: str | None = None
    kinds: dict[int, str] = {}
    for h in headings:
        kinds = {lvl: k for lvl, k in kinds.items() if lvl < h.level}
        if h.level == 1:
            top = h.kind or "measures"
            if top == "leadership" and _MEASURES_STRONG.search(h.text):
                top = "mixed"
            if top == "plans" and _SHORTCOMINGS_STRICT.search(h.text):
                top = "shortcomings"  # 存在问题和下一步打算: the problems come first, a sub-heading opens the plans
            kind = "measures" if top == "mixed" else top
        else:
            parent = kinds[max(kinds)] if kinds else (top or "other")
            kind = _sub_kind(h, parent, top)
        kinds[h.level] = kind
        if kind != spans[-1][1]:
            spans.append((h.start, kind))
    return spans


def _sub_kind(h: Heading, parent: str, top: str | None) -> str:
    if parent != "plans" and h.kind == "plans":
        return "plans"
    if parent not in ("plans", "shortcomings") and _SHORTCOMINGS_STRICT.search(h.text[:40]):
        return "shortcomings"
    if top in ("measures", "mixed") and parent in ("measures", "leadership"):
        if h.kind == "leadership":
            return "leadership"
        return "measures" if h.level == 2 else parent
    return parent


def _sections(text: str, headings: list[Heading], spans: list[tuple[int, str]]) -> tuple[Section, ...]:
    tops = [h for h in headings if h.level == 1]
    out = []
    if not tops or tops[0].start > 0:
        out.append(Section("other", "", 0, tops[0].start if tops else len(text)))
    for i, h in enumerate(tops):
        end = tops[i + 1].start if i + 1 < len(tops) else len(text)
        out.append(Section(h.kind or "measures", h.text, h.start, end))
    return tuple(out)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences end at 。!? (with a closing quote) or a line break; spaces are trimmed off."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def report_id(source: str) -> str:
    """A report's stable key: its file name without extension (so a corrected file replaces it)."""
    stem = source.rsplit("/", 1)[-1]
    return stem.rsplit(".", 1)[0] if "." in stem else stem


def build_document(raw: str, source: str, doc_id: str | None = None) -> Document:
    """Raw report text to a Document: normalise, then find its structure."""
    return structure_document(normalise(raw), source, doc_id)


def structure_document(norm: Normalised, source: str, doc_id: str | None = None) -> Document:
    text = norm.text
    headings = find_headings(text)
    spans = _kind_spans(text, headings)
    sentences = split_sentences(text)
    return Document(
        id=doc_id or report_id(source),
        source=source,
        text=text,
        original=norm.original,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        converted=norm.converted,
        headings=tuple(headings),
        sections=_sections(text, headings, spans),
        sentences=tuple(sentences),
        _sentence_starts=tuple(s for s, _ in sentences),
        _kind_starts=tuple(s for s, _ in spans),
        _kinds=tuple(k for _, k in spans),
    )
