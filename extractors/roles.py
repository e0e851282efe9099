"""Officials' roles (title, organisation) and their holders.

A role is a title from ``data/role_titles.tsv`` read in its sentence:

- the holder is the 2-4 hanzi after the title when they start with a common
  surname and end where a verb, 同志 or punctuation starts (乡长何春燕任组长 ->
  何春燕); placeholders (XXX, 某某) leave the role without a person;
- titles joined by 、 share the holder named after the last one
  (区党工委书记、管委会主任赵明亮: one person, two roles);
- "由A、B任组长" / "以A为主任、B和C为副主任" gives the holders listed together
  the group's position (领导小组组长, 委员会副主任), the group named in the same
  sentence;
- a title that modifies a noun (主任办公会议, 市长热线), a title inside
  《》, and titles after 各 (各办公室主任) are not roles.

One entry per (title, person); a title without a holder is dropped when the
same title is also given with one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from govkg.extractors.document import Document
from govkg.extractors.patterns import roles as P
from govkg.extractors.records import ReportMeta, RoleMention
from govkg.extractors.segment import Segmenter

_HAN = re.compile(r"[\u4e00-\u9fff]")
DUTY_TITLE = "党政主要负责人"
_POSITIONS = (
    "常务副组长", "第一副组长", "副组长", "组长", "副主任", "主任", "副书记", "书记",
    "副总召集人", "总召集人", "副召集人", "召集人",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TitleRow:
    title: str
    org: str  # template, see data/role_titles.tsv
    flags: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Hit:
    """A title found in a sentence; offsets are into the sentence."""

    title: str
    org: str
    start: int
    end: int
    person: str | None = None
    after: int = 0  # end of the holder's name (and 同志), or ``end`` when there is none
    placeholder: bool = False
    jurisdiction: str | None = None


@cache
def title_rows() -> dict[str, TitleRow]:
    text = files("govkg.extractors").joinpath("data/role_titles.tsv").read_text("utf-8")
    rows = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            title, org, flags, _why = line.split("\t")
            rows[title] = TitleRow(title, org, frozenset(f for f in flags.split(",") if f))
    return rows


@cache
def title_regex() -> re.Pattern[str]:
    """All titles, longest first, so 人大常委会副主任 wins over 委员会副主任 and 副县长 over 县长."""
    titles = sorted(title_rows(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, titles)))


@cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character, compound) common surnames."""
    text = files("govkg.extractors").joinpath("data/surnames.tsv").read_text("utf-8")
    names = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def find_roles(doc: Document, report: ReportMeta, segmenter: Segmenter) -> tuple[RoleMention, ...]:
    quoted = [m.span() for m in P.BOOK_TITLE.finditer(doc.text)]
    found: list[RoleMention] = []
    lead = ""
    for s, e in doc.sentences:
        sentence, previous, lead = doc.text[s:e], lead, doc.text[s:e]
        if not title_regex().search(sentence) and not P.FIRST_HOLDER.search(sentence):
            continue  # segment only the sentences that can hold a role
        for hit in sentence_roles(sentence, report.jurisdiction, segmenter, previous):
            start, end = s + hit.start, s + hit.end
            if any(qs <= start < qe for qs, qe in quoted):
                continue
            found.append(_mention(doc, hit, start, end))
    return dedupe(found)


def sentence_roles(
    sentence: str, jurisdiction: str | None, segmenter: Segmenter, lead: str = ""
) -> list[_Hit]:
    """The roles one sentence states, in order (pure but for the segmenter); ``lead`` is the sentence
    before it (an item lead may state the duty whose holder this sentence names)."""
    bounds = segmenter.boundaries(sentence)
    hits = []
    taken = [m.span() for m in title_regex().finditer(sentence)]
    for m in title_regex().finditer(sentence):
        row = title_rows()[m.group()]
        if not _is_role(sentence, m.start(), m.end(), row, bounds):
            continue
        person, after, placeholder = (
            (None, m.end(), False) if "duty" in row.flags else holder_after(sentence, m.end(), bounds)
        )
        if "named" in row.flags and not person:
            continue
        org = _organisation(sentence, m.start(), row, jurisdiction, segmenter)
        juris = _jurisdiction(sentence, m.start(), row.title, jurisdiction)
        if row.org == "{ORG}" and org[:1] in P.LEVEL_CHARS:
            juris = None  # the written organisation names a level other than the report's (县司法局 in a 镇)
        hits.append(_Hit(row.title, org, m.start(), m.end(), person, after, placeholder, juris))
    joint = party_government_heads(sentence, jurisdiction)
    taken += [(h.start, h.end) for h in joint]
    hits += joint + first_responsible(sentence, lead, jurisdiction, segmenter, taken)
    hits = assigned_holders(sentence, share_holders(sentence, sorted(hits, key=lambda h: h.start)))
    groups = group_roles(sentence, hits, jurisdiction, segmenter)
    collective = collective_positions(sentence, groups, segmenter, jurisdiction)
    return hits + deputies(sentence, hits) + groups + collective


def _is_role(sentence: str, start: int, end: int, row: TitleRow, bounds: frozenset[int]) -> bool:
    if P.MODIFIER_AFTER.match(sentence, end):
        return False
    if "duty" in row.flags:
        return not P.COUNT_BEFORE.search(sentence[:start])
    if P.COLLECTIVE_BEFORE.search(sentence[:start]):
        return False
    if len(row.title) > 3:
        return True
    # short titles must be words: 大同市|长城 is not 市长, 乡镇|长效 not 镇长
    # (a level prefix glued on by the segmenter is allowed: 镇|县长 or 镇县长 alike)
    starts = start in bounds or (start - 1 in bounds and sentence[start - 1] in P.LEVEL_CHARS)
    return starts and end in bounds


def first_responsible(
    sentence: str, lead: str, jurisdiction: str | None, seg: Segmenter, taken: list[tuple[int, int]]
) -> list[_Hit]:
    """The principal leader of a body stated as the first responsible person for rule-of-law work
    (GUIDELINES: 党政主要负责人 as 法治建设第一责任人 is one role, however the report words it):
    in a sentence that states the duty, or first in the sentence after an item lead that states it
    ("一是扛牢法治建设第一责任人职责。区政府主要领导带头…")."""
    in_sentence = _states_duty(sentence)
    if not in_sentence and not (P.ITEM_LEAD.match(lead) and _states_duty(lead)):
        return []
    books = [m.span() for m in P.BOOK_TITLE.finditer(sentence)]
    out = []
    for m in P.FIRST_HOLDER.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken + books):
            continue  # 党政主要负责人 (the lexicon's duty title), or inside a document title
        before = re.split(r"[,，。;；:：!！?？]", sentence[: m.start()])[-1]
        if not in_sentence and before != sentence[: m.start()]:
            continue  # after an item lead, the holder is the sentence's subject
        if P.COLLECTIVE_ORG.search(P.OBJECT_START.split(before)[-1]):
            continue
        hit = _first_holder_hit(sentence, m, before, jurisdiction, seg)
        if hit:
            out.append(hit)
    return out


def party_government_heads(sentence: str, jurisdiction: str | None) -> list[_Hit]:
    """市委、市政府主要负责人 -> the duty role 党政主要负责人 of the party committee and the government."""
    out = []
    for m in P.PARTY_GOV_HEAD.finditer(sentence):
        if P.COUNT_BEFORE.search(sentence[: m.start()]):
            continue  # 32名党委、政府主要负责人: subordinate units' leaders
        level = m.group()[0] if m.group()[0] in P.LEVEL_CHARS else ""
        juris = jurisdiction if not level or (jurisdiction and jurisdiction.endswith(level)) else None
        org = fill_org(title_rows()[DUTY_TITLE].org, juris, "", level)
        out.append(_Hit(DUTY_TITLE, org, m.start(), m.end(), None, m.end(), False, juris))
    return out


def _states_duty(sentence: str) -> bool:
    """Whether 第一责任人 stands in the sentence outside 《》 titles."""
    return bool(P.FIRST_DUTY.search(P.BOOK_TITLE.sub("", sentence)))


def _first_holder_hit(
    sentence: str, m: re.Match[str], before: str, jurisdiction: str | None, seg: Segmenter
) -> _Hit | None:
    """政府主要负责人 standing alone is the regulation's term (the title); 区政府主要领导 is the 主要领导
    of the 区政府; a leader without a body before it is not taken."""
    prefix = m.group(1) or ""
    if prefix and not P.HOLDER_ORG_PREFIX.search(before):
        template = "{GOV}" if prefix == "政府" else "{PARTY}"
        return _Hit(m.group(), fill_org(template, jurisdiction, "", ""), m.start(), m.end(), None, m.end(),
                    False, jurisdiction)  # fmt: skip
    if not P.HOLDER_ORG_END.search(before + prefix):
        return None
    word_start = m.start() + len(prefix)
    org = _written_org(sentence, m.start(), word_start, seg, jurisdiction) if prefix else ""
    org = org or _written_org(sentence, m.start(), m.start(), seg, jurisdiction)
    level = org[:1] if org[:1] in P.LEVEL_CHARS else ""
    juris = jurisdiction if not level or (jurisdiction and jurisdiction.endswith(level)) else None
    if level == "区" and jurisdiction and P.ZONE_NAME.search(jurisdiction):
        juris = jurisdiction
    return _Hit(m.group()[len(prefix) :], org, word_start, m.end(), None, m.end(), False, juris)


def holder_after(sentence: str, pos: int, bounds: frozenset[int]) -> tuple[str | None, int, bool]:
    """(name, end of name, placeholder?) for the words right after a title at ``pos``."""
    gap = P.NAME_GAP.match(sentence, pos)
    if gap:
        pos = gap.end()
    ph = P.PLACEHOLDER.match(sentence, pos)
    if ph:
        return None, ph.end(), True
    if P.NAME_FOLLOWER.match(sentence, pos):
        return None, pos, False
    single, compound = surnames()
    if sentence[pos : pos + 2] in compound:
        lengths = (3, 4)
    elif sentence[pos : pos + 1] in single:
        lengths = (2, 3)
    else:
        return None, pos, False
    name = _name_length(sentence, pos, lengths, bounds)
    if not name:
        return None, pos, False
    end = pos + name
    if sentence.startswith("同志", end):
        end += 2
    return sentence[pos : pos + name], end, False


def _name_length(sentence: str, pos: int, lengths: tuple[int, ...], bounds: frozenset[int]) -> int:
    """How many characters of the name: the length after which a follower word starts,
    preferring one the segmenter agrees with; else the segmenter's word alone."""
    ok = [
        n for n in lengths if _all_han(sentence[pos : pos + n]) and P.NAME_FOLLOWER.match(sentence, pos + n)
    ]
    agreed = [n for n in ok if pos + n in bounds]
    if agreed or ok:
        return (agreed or ok)[0]
    # without a follower, trust only a three-character word of the segmenter's: two-character
    # words after a title are mostly adverbs and verbs (公开述法, 高度重视)
    word = 3 in lengths and _all_han(sentence[pos : pos + 3]) and pos + 3 in bounds
    inner = [b for b in bounds if pos < b < pos + 3]
    return 3 if word and not inner else 0


def _all_han(s: str) -> bool:
    return bool(s) and all(_HAN.match(c) for c in s)


def share_holders(sentence: str, hits: list[_Hit]) -> list[_Hit]:
    """Titles joined by 、 without a holder of their own take the next title's holder."""
    out = list(hits)
    for i in range(len(out) - 2, -1, -1):
        h, nxt = out[i], out[i + 1]
        if h.person or h.placeholder or not nxt.person:
            continue
        gap = sentence[h.after : nxt.start]
        if P.SHARED_HOLDER_GAP.fullmatch(gap):
            out[i] = replace(h, person=nxt.person)
    return out


def assigned_holders(sentence: str, hits: list[_Hit]) -> list[_Hit]:
    """县长李强担任领导小组组长 / 联席会议召集人: a title without a holder of its own, taken on by the
    named holder of the title just before it, is held by that person."""
    out = list(hits)
    for i in range(1, len(out)):
        h, prev = out[i], out[i - 1]
        if h.person or h.placeholder or not prev.person:
            continue
        if P.ASSIGNED_GAP.fullmatch(sentence[prev.after : h.start]):
            out[i] = replace(h, person=prev.person)
    return out


def deputies(sentence: str, hits: list[_Hit]) -> list[_Hit]:
    """委员会主任和副主任 -> also 委员会副主任 (held by no one named)."""
    out = []
    for h in hits:
        m = P.DEPUTY_AFTER.match(sentence, h.end)
        if m and not h.person and h.title.endswith(m.group(1)) and not h.title.endswith("副" + m.group(1)):
            title = h.title[: -len(m.group(1))] + "副" + m.group(1)
            out.append(replace(h, title=title, start=m.start(), end=m.end()))
    return out


def group_roles(
    sentence: str, hits: list[_Hit], jurisdiction: str | None, segmenter: Segmenter
) -> list[_Hit]:
    """由党委书记王海涛、乡长何春燕任组长 -> 领导小组组长 for both holders."""
    out: list[_Hit] = []
    pending: list[_Hit] = []
    for i, h in enumerate(hits):
        pending.append(h)
        m = P.GROUP_ASSIGN.match(sentence, h.after)
        if not m:
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            if nxt is None or not P.LISTED_GAP.fullmatch(sentence[h.after : nxt.start]):
                pending = []  # the next holder is not listed together with this one
            continue
        group = _group(sentence, m.group(3))
        if group:
            title = group.group() + (m.group(1) or "") + (m.group(2) or "") + m.group(3)
            org = _written_org(sentence, group.start(), group.end(), segmenter, jurisdiction)
            out += [_Hit(title, org, m.start(), m.end(), p.person, m.end(), p.placeholder, jurisdiction)
                    for p in pending]  # fmt: skip
        pending = []
    return out


def collective_positions(
    sentence: str, taken: list[_Hit], segmenter: Segmenter, jurisdiction: str | None
) -> list[_Hit]:
    """各分管领导为副组长 -> 领导小组副组长 held by no one named: a class of people still fills the
    group's position (a position already given to a titled holder is not read again)."""
    done = {h.start for h in taken}
    out = []
    for m in P.GROUP_ASSIGN.finditer(sentence):
        clause = re.split(r"[,，。;；:：、]", sentence[: m.start()])[-1]
        if m.start() in done or not P.COLLECTIVE_HOLDER.search(clause):
            continue
        group = _group(sentence, m.group(3))
        if group:
            title = group.group() + (m.group(1) or "") + (m.group(2) or "") + m.group(3)
            org = _written_org(sentence, group.start(), group.end(), segmenter, jurisdiction)
            out.append(_Hit(title, org, m.start(), m.end(), None, m.end(), False, jurisdiction))
    return out


def _group(sentence: str, position: str) -> re.Match[str] | None:
    """The group the sentence sets up: its first group word of the position's kind (a 召集人 is a
    mechanism's), else its first group word (a later one is usually the group's office:
    "…领导小组,由A任组长…,领导小组办公室设在…")."""
    own = P.GROUP_FOR_POSITION.get(position)
    return (own.search(sentence) if own else None) or P.GROUP_WORD.search(sentence)


def _organisation(sentence: str, start: int, row: TitleRow, jurisdiction: str | None, seg: Segmenter) -> str:
    juris = _jurisdiction(sentence, start, row.title, jurisdiction)
    if "duty" in row.flags:
        return fill_org(row.org, juris, row.title, "")
    position = next((p for p in _POSITIONS if row.title.endswith(p)), "")
    org_end = start + len(row.title) - len(position) if position else start
    written = _written_org(sentence, start, org_end, seg, jurisdiction) if org_end > start else ""
    if not written and row.org == "{ORG}":
        written = _written_org(sentence, start, start, seg, jurisdiction)
    return fill_org(row.org, juris, written, _level_char(sentence, start, row.title))


def fill_org(template: str, juris: str | None, written: str, level: str) -> str:
    """Fill an organisation template (see data/role_titles.tsv)."""
    zone = bool(juris and P.ZONE_NAME.search(juris))
    name = juris or level
    if not name:  # neither the report's jurisdiction nor a level is known
        return template.format(J="", PARTY="党委", GOV="政府", ORG=written)
    party = f"中共{name}工委" if zone else f"中共{name}委"
    gov = f"{name}管委会" if zone else f"{name}人民政府"
    return template.format(J=name, PARTY=party, GOV=gov, ORG=written)


def _written_org(sentence: str, start: int, end: int, seg: Segmenter, jurisdiction: str | None) -> str:
    """The organisation as written: the words before ``end`` back to a verb or punctuation,
    with the report's jurisdiction in front of a bare level prefix (区党工委 -> X区党工委)."""
    words = _words_before(sentence, start, seg)
    head = sentence[start:end]
    for w in reversed(words):
        if P.ORG_STOP.match(w) or not _all_han(w) or len(head) + len(w) > 30:
            break
        head = w + head
    head = P.ORG_LEAD_VERB.sub("", head)
    if jurisdiction and head and head[0] in P.LEVEL_CHARS and jurisdiction.endswith(head[0]):
        head = jurisdiction + head[1:]
    return head


def _words_before(sentence: str, pos: int, seg: Segmenter) -> list[str]:
    bounds = sorted(b for b in seg.boundaries(sentence) if b <= pos)
    if not bounds or bounds[-1] != pos:
        bounds.append(pos)
    return [sentence[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _level_char(sentence: str, start: int, title: str) -> str:
    """The level a title names: 市长 -> 市, 镇党委书记 -> 镇, 党委书记 -> ''."""
    if title.lstrip("副")[:1] in P.LEVEL_CHARS and not title.startswith("党"):
        return title.lstrip("副")[0]
    if start > 0 and sentence[start - 1] in P.LEVEL_CHARS:
        return sentence[start - 1]
    return ""


def _jurisdiction(sentence: str, start: int, title: str, jurisdiction: str | None) -> str | None:
    """The report's jurisdiction unless the title names another level (市委书记 in a 县 report)."""
    if title not in title_rows() or "duty" in title_rows()[title].flags:
        return jurisdiction
    level = _level_char(sentence, start, title)
    if not jurisdiction:
        return None
    if not level or jurisdiction.endswith(level) or (level == "区" and P.ZONE_NAME.search(jurisdiction)):
        return jurisdiction
    return None


def _mention(doc: Document, hit: _Hit, start: int, end: int) -> RoleMention:
    return RoleMention(
        title=hit.title,
        organisation=hit.org or None,
        person=hit.person,
        jurisdiction=hit.jurisdiction,
        prov=doc.provenance(start, end),
    )


def dedupe(roles: list[RoleMention]) -> tuple[RoleMention, ...]:
    """One per (title, person); a holderless title goes when the title also has a holder. Where the
    report states the duty role 党政主要负责人, the first responsible person's other wordings
    (区委区政府主要负责同志, 主要领导) are the same people and go too."""
    named = {r.title for r in roles if r.person}
    duty = any(r.title == DUTY_TITLE for r in roles)
    seen: set[tuple[str, str | None]] = set()
    out = []
    for r in roles:
        key = (r.title, r.person)
        if key in seen or (r.person is None and r.title in named):
            continue
        if duty and r.title.startswith("主要"):
            continue
        seen.add(key)
        out.append(r)
    return tuple(out)
