"""Report metadata: title, jurisdiction, year, published date, kind, issuer.

The jurisdiction a report is about is read, in order of reliability, from
its title (重庆市XX区XX镇人民政府2025年… -> XX镇, the last of the chain of
places the title starts with), the subject of its opening sentence
(2023年,XX区坚持… / 在市委…领导下,XX镇人民政府…), its signature (the issuing
body on the last lines), a national body (司法部 -> 中华人民共和国), and
finally the level the subject names without a place (我区, 区政府, 全省, 市司法局:
the place of that level the report names most often). A zone's administrative
committee may sign under another of the zone's names than the one the text uses
(see ``_named_in_text``). Patterns live in :mod:`govkg.extractors.patterns.report`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from govkg.extractors.document import Document
from govkg.extractors.gazetteer import NATION, Gazetteer, Place, with_parent
from govkg.extractors.patterns import report as P
from govkg.extractors.records import ReportMeta

_HEAD_CHARS = 3000  # titles, headers and opening sentences sit in the first screen of text
_TAIL_LINES = 6  # a signature block: issuer and date on the last lines
# A review names the people's-congress group that made it in its first paragraph (the address to
# 主任、副主任 and "根据…安排,…调研组…"); further down, a government's own report may mention such a
# group it received (配合市人大常委会执法检查组…), which does not make it a review.
_REVIEW_HEAD_CHARS = 800
# The levels a level word in a subject may stand for (市 may be a 县级市, 区 a development zone).
_CUE_LEVELS = {
    "省": ("province",), "自治区": ("province",), "市": ("prefecture", "county"), "州": ("prefecture",),
    "区": ("county", "zone"), "县": ("county",), "旗": ("county",), "镇": ("township",), "乡": ("township",),
    "街道": ("township",),
}  # fmt: skip
# A subject that is a bare zone word (高新区坚持…, 综保区深入…, 园区始终…) is the report's own zone,
# as 我区 is: every zone word of the suffix table, plus 园区, the usual short word for any park.
_PARK = "园区"

Mention = tuple[int, int, Place]


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str


def _lines(text: str, limit: int | None = None) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if limit is not None and pos > limit:
            break
        if raw.strip():
            out.append(_Line(pos, raw))
        pos += len(raw) + 1
    return out


# ---- title ---------------------------------------------------------------------------------------


def find_title(text: str) -> tuple[str, int] | None:
    """The report's own title and its offset, from a metadata field or a title line near the top."""
    lines = _lines(text, _HEAD_CHARS)
    for ln in lines:
        m = P.TITLE_FIELD.match(ln.text.strip())
        if m and P.TITLE.match(m.group("title")):
            return m.group("title"), ln.start + ln.text.index(m.group("title"))
    for i, ln in enumerate(lines):
        line = P.TITLE_TRIM.sub("", ln.text)
        m = P.TITLE.match(line)
        if m and not P.NOT_TITLE.match(line):
            return _joined(lines, i, m.group("title")), ln.start
        nxt = P.TITLE_TRIM.sub("", lines[i + 1].text) if i + 1 < len(lines) else ""
        if "法治" in line and len(line) < 40 and P.TITLE_TAIL.match(nxt) and "。" not in line:
            return line + nxt, ln.start
        if P.OPENING_YEAR.match(line) or len(line) > 100:
            break  # the body has begun: a heading further down is not the title
    return None


def _joined(lines: list[_Line], i: int, title: str) -> str:
    """A title whose first half (the issuing body) stands on the line before it."""
    if i > 0 and P.TITLE_START.match(title):
        head = P.TITLE_TRIM.sub("", lines[i - 1].text)
        if P.TITLE_HEAD.match(head):
            return head + title
    return title


# ---- opening sentence ----------------------------------------------------------------------------


def find_opening(text: str) -> _Line | None:
    """The body's first line that starts with a year (2023年,我区…), not a title nor a date."""
    for ln in _lines(text, _HEAD_CHARS):
        line = ln.text.strip()
        if P.OPENING_YEAR.match(line) and not P.TITLE.match(line) and not P.DATE_LINE.match(line):
            return ln
    return None


def opening_subject(line: str) -> str:
    """Who the opening sentence is about: 2022年,在区委…领导下,XX镇坚持… -> XX镇."""
    m = P.OPENING_YEAR.match(line)
    body = line[m.end() :] if m else line
    for sentence in re.split(r"。", body)[:2]:
        s = sentence.lstrip()
        if s.startswith(("是", "以来是")):
            continue
        while True:
            lead = P.LEAD_CLAUSE.match(s)
            if not lead:
                break
            s = s[lead.end() :]
        end = P.SUBJECT_END.search(s)
        subject = s[: end.start()] if end else s[:12]
        if subject:
            return subject
    return ""


# ---- jurisdiction --------------------------------------------------------------------------------


def outermost_chain(spans: list[Mention]) -> Place | None:
    """The place a name like 重庆市XX区XX镇 ends with: the last of the places chained from the first."""
    spans = sorted(spans, key=lambda t: (t[0], -t[1]))
    chain: list[Mention] = []
    for s, e, p in spans:
        if not chain:
            chain.append((s, e, p))
        elif s >= chain[-1][1]:
            if s - chain[-1][1] > 1:
                break
            chain.append((s, e, p))
    return chain[-1][2] if chain else None


def _resolved(place: Place, mentions: list[Mention]) -> Place:
    """A name read alone (鼓楼区) takes the resolution the whole text gives it (南京市鼓楼区)."""
    if place.adcode or place.parent_key:
        return place
    same = [
        p for _, _, p in mentions if (p.name == place.name or place.name in p.aliases) and p.key != place.key
    ]
    return same[0] if same and (same[0].adcode or same[0].parent_key) else place


def _named_in_text(place: Place, mentions: list[Mention], body_end: int, gazetteer: Gazetteer) -> Place:
    """The report's zone as its text names it, when the place came from the signature.

    One administrative committee often governs a zone that carries several zone words (an 经济区
    that is also a national 经济技术开发区, a 新区 that is also a 高新区: 一个管委会、几块牌子). The
    signature gives the committee's name; the text names the place it reports on. So when the
    signature's zone is never named before the signature, and the text names a zone of the same
    parent and proper name under another zone word, the report is about that one (the most named,
    first on a tie), and the signature's name is an alias of it. Zones of different proper names,
    or any zone the text itself names, stay apart."""
    stem = gazetteer.zone_stem(place)
    if not stem or any(p.key == place.key for s, _, p in mentions if s < body_end):
        return place
    siblings = [
        (s, e, p) for s, e, p in mentions
        if s < body_end and p.key != place.key and gazetteer.zone_stem(p) == stem
        and _same_parent(p, place)
    ]  # fmt: skip
    named = _most_named(siblings, ("zone",))
    if named is None:
        return place
    return replace(named, aliases=tuple(dict.fromkeys((*named.aliases, place.name))))


def _most_named(mentions: list[Mention], levels: tuple[str, ...], ending: str = "") -> Place | None:
    """The place of the given levels the text names most often (first named on a tie)."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for _, _, p in mentions:
        if p.level in levels and not p.anonymized and p.name.endswith(ending):
            counts[p.key] += 1
            first.setdefault(p.key, p)
    return first[counts.most_common(1)[0][0]] if counts else None


def _same_parent(a: Place, b: Place) -> bool:
    """Two places under the same parent, as far as the text tells (an unknown parent agrees)."""
    return a.parent_key is None or b.parent_key is None or a.parent_key == b.parent_key


def _signature_place(doc: Document, gazetteer: Gazetteer) -> tuple[Place | None, int]:
    """The place in the issuing body's name on the last lines, and where that line starts."""
    for ln in reversed(_lines(doc.text)[-_TAIL_LINES:]):
        m = P.ISSUER.match(ln.text.strip())
        if m:
            return outermost_chain(gazetteer.find(m.group("org"))), ln.start
    return None, len(doc.text)


def _from_subject(
    subject: str, gazetteer: Gazetteer, mentions: list[Mention], loose: list[Mention]
) -> Place | None:
    """The place a subject names, or the one its level word (我区, 市政府, 高新区) points to."""
    if not subject:
        return None
    found = outermost_chain(gazetteer.find(subject)) or gazetteer.lookup(subject)
    if found is not None:
        return found
    if P.NATIONAL_BODY.match(subject):
        return NATION
    zone_words = (*(s.suffix for s in gazetteer.suffixes if s.level == "zone"), _PARK)
    if subject.startswith(zone_words):
        return _most_named(mentions, ("zone",))
    cue = P.LEVEL_SUBJECT.match(subject)
    if cue:
        levels = _CUE_LEVELS[cue.group(1)]
        ending = cue.group(1) if cue.group(1) in ("市", "区", "县") else ""
        return _most_named(mentions, levels, ending) or _most_named(loose, levels, ending)
    return None


def find_jurisdiction(doc: Document, gazetteer: Gazetteer, title: str | None) -> tuple[Place | None, str]:
    """The place the report is about, and the opening subject it was read from (or "")."""
    mentions = gazetteer.find(doc.text)
    opening = find_opening(doc.text)
    subject = opening_subject(opening.text) if opening else ""
    place = _own_place(doc, gazetteer, title, subject, mentions)
    if place is None:
        return None, subject
    return _placed(_resolved(place, mentions), mentions), subject


def report_place(doc: Document, gazetteer: Gazetteer) -> Place | None:
    """The report's own place with what its key does not carry (parent, aliases), for the stages
    that run after the report's metadata."""
    found = find_title(doc.text)
    return find_jurisdiction(doc, gazetteer, found[0] if found else None)[0]


def _own_place(
    doc: Document, gazetteer: Gazetteer, title: str | None, subject: str, mentions: list[Mention]
) -> Place | None:
    """The report's place from the most reliable source that names one (module docstring)."""
    place = outermost_chain(gazetteer.find(title)) if title else None
    if place is None and title and P.NATIONAL_BODY.match(title):
        place = NATION
    if place is None and subject:
        place = outermost_chain(gazetteer.find(subject)) or gazetteer.lookup(subject)
    if place is None:
        place, signature_start = _signature_place(doc, gazetteer)
        place = _named_in_text(place, mentions, signature_start, gazetteer) if place else None
    if place is None and title:
        place = _from_subject(title, gazetteer, mentions, [])
    if place is None:
        place = _from_subject(subject, gazetteer, mentions, gazetteer.find(doc.text, strict=False))
    return place or _most_named(mentions, ("province", "prefecture", "county", "zone", "township"))


def _placed(place: Place, mentions: list[Mention]) -> Place:
    """A township or zone without a parent goes under the next level up the text names most: a
    township's county; a zone's county, city or province."""
    if place.level not in ("township", "zone") or place.parent_key:
        return place
    levels = (("county",),) if place.level == "township" else (("county",), ("prefecture",), ("province",))
    parent = next((p for lv in levels if (p := _most_named(mentions, lv))), None)
    return with_parent(place, parent) if parent else place


# ---- year, dates, kind, issuer -------------------------------------------------------------------


def _iso(y: str, m: str, d: str) -> str | None:
    year, month, day = _num(y), _num(m), _num(d)
    if not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _num(s: str) -> int:
    """Arabic or Chinese numerals: "2022" -> 2022, "二〇二二" -> 2022, "十八" -> 18."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return int("".join(str(_CN_DIGITS.get(c, 0)) for c in s))


def find_published(text: str) -> str | None:
    """The publication date: a labelled date in the header, the signature date, a meeting date,
    or a date line in the header."""
    head = text[:_HEAD_CHARS]
    for m in P.LABELLED_DATE.finditer(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        if not P.NOT_A_DATE.search(head[line_start : m.end() + 8]):
            return _iso(*m.groups())
    for ln in reversed(_lines(text)[-_TAIL_LINES:]):
        m = P.DATE_LINE.match(ln.text.strip())
        if m:
            return _iso(*m.groups())
    for ln in _lines(text, _HEAD_CHARS)[:20]:
        line = ln.text.strip()
        m = P.MEETING_DATE.match(line) or P.DATE_LINE.match(line)
        if m and not P.NOT_A_DATE.search(line):
            return _iso(*m.groups())
    return None


def find_year(doc: Document, title: str | None, published: str | None) -> int | None:
    """The year reported on: the title's year, the opening line's year, else the year the
    text names most (outside plans), else the year before publication."""
    if title:
        m = P.TITLE_YEAR.search(title)
        if m:
            return int(m.group(1))
    opening = find_opening(doc.text)
    if opening:
        return int(P.OPENING_YEAR.match(opening.text.strip()).group(1))  # type: ignore[union-attr]
    pub_year = int(published[:4]) if published else None
    counts: Counter[int] = Counter()
    for m in P.YEAR_MENTION.finditer(doc.text):
        year = int(m.group(1))
        if doc.section_at(m.start()) != "plans" and (pub_year is None or year <= pub_year):
            counts[year] += 1
    if counts:
        return counts.most_common(1)[0][0]
    return pub_year - 1 if pub_year else None


def find_kind(title: str | None, text: str) -> str:
    """annual_report; review for a 人大 research/review report; work_report for a 政府工作报告."""
    if title and P.REVIEW_TITLE.search(title):
        return "review"
    if P.REVIEW_OPENING.search(text[:_REVIEW_HEAD_CHARS]):
        return "review"
    if title and P.WORK_REPORT_TITLE.search(title):
        return "work_report"
    return "annual_report"


def find_issuer(doc: Document, title: str | None, subject: str, place: Place | None) -> str | None:
    """The body that wrote the report: the signature line, the title's issuing body, the page's
    source field, or the opening subject when it is a body (区司法局)."""
    for ln in reversed(_lines(doc.text)[-_TAIL_LINES:]):
        m = P.ISSUER.match(ln.text.strip())
        if m:
            return m.group("org")
    if title:
        m = P.ISSUER.match(title)
        if m:
            return m.group("org")
    for m in P.SOURCE_FIELD.finditer(doc.text[:_HEAD_CHARS]):
        if place and place.name[:2] in m.group(1):
            return m.group(1)
    m = P.ISSUER.match(subject)
    return m.group("org") if m else None


def compose_title(place: Place | None, year: int | None, issuer: str | None) -> str:
    """The title a reader would give a report that shows none: <jurisdiction><year>年法治政府建设情况报告;
    a department's report is titled by the department (XX区司法局…)."""
    who = place.name if place else ""
    if issuer and place and not re.search(r"政府|管委会|管理委员会|工委", issuer):
        who = issuer if place.name in issuer else place.name + re.sub(r"^[省市县区镇乡]", "", issuer)
    return f"{who}{year or ''}年法治政府建设情况报告" if year else f"{who}法治政府建设情况报告"


def find_report(doc: Document, gazetteer: Gazetteer) -> ReportMeta:
    found = find_title(doc.text)
    title = found[0] if found else None
    place, subject = find_jurisdiction(doc, gazetteer, title)
    published = find_published(doc.text)
    year = find_year(doc, title, published)
    issuer = find_issuer(doc, title, subject, place)
    return ReportMeta(
        id=doc.id,
        title=title or compose_title(place, year, issuer),
        jurisdiction=place.name if place else None,
        year=year,
        published=published,
        kind=find_kind(title, doc.text),
        issuer=issuer,
        jurisdiction_key=place.key if place else None,
        level=place.level if place else None,
        source=doc.source,
        sha256=doc.sha256,
        chars=len(doc.text),
    )
