"""Laws and other normative instruments cited, enacted, drafted, revised or repealed.

``find_laws`` reads a Document and returns one :class:`LawMention` per
(instrument, action). Instruments are found three ways:

* titles in 《》 (also 〈〉 and titles that lost one of their marks);
* national laws named bare, from a lexicon of their usual short names
  (``data/law_bare_names.tsv``; with a catalogue, its law names too);
* bare titles of documents a report issues or follows (…2022年依法行政工作要点,
  …条例草案), which need an issuer-like start and a document head.

The category comes from title-form rules (``data/law_categories.tsv``) and,
when a catalogue knows the title, from its level; the action from the verbs
around the mention (``data/law_actions.tsv``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from govkg.extractors.catalogue import LawCatalogue, title_key
from govkg.extractors.document import Document
from govkg.extractors.patterns import laws as P
from govkg.extractors.records import LawMention

_STRONG = {"repeal": 4, "draft": 3, "revise": 2, "enact": 1, "cite": 0}
_LOCAL_ACTIONS = {"enact", "draft", "revise", "repeal"}
# sentence words saying the instruments named are local regulations: …2部地方性法规 / 经济特区条例
_LOCAL_CONTEXT = re.compile(r"地方性法规|经济特区.{0,4}条例|法规草案")


@dataclass(frozen=True, slots=True)
class _Hit:
    """A raw mention: the written title, its span in doc.text and what marks it carried."""

    written: str
    start: int
    end: int
    # "title" (《》), "inner" (nested in a title), "bare" (lexicon), "event" (a bare law naming a day,
    # week or month: 国家宪法日, 宪法宣传周, 消费者权益保护法宣传日), "doc" (bare document)
    kind: str
    full: str | None = None  # the lexicon's full title for a bare short name
    category: str | None = None  # the lexicon's category for a bare short name
    draft: bool = False


# ---------------------------------------------------------------- lexicons


def _rows(name: str) -> list[list[str]]:
    text = files("govkg.extractors").joinpath(f"data/{name}").read_text("utf-8")
    return [r.split("\t") for r in text.splitlines() if r.strip() and not r.startswith("#")]


@cache
def category_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((cat, re.compile(rx)) for cat, rx, _why in _rows("law_categories.tsv"))


@cache
def action_verbs() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of the verbs (longest first, so 印发实施 beats 实施) and verb -> action."""
    table = {verb: action for verb, action, _why in _rows("law_actions.tsv")}
    alt = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.compile(alt), table


@cache
def bare_names() -> dict[str, tuple[str, str]]:
    """Short name -> (full title without prefix, category)."""
    return {short: (full, cat) for short, full, cat, _why in _rows("law_bare_names.tsv")}


@cache
def _bare_pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    names = set(bare_names()) | set(extra)
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def _catalogue_bare(catalogue: LawCatalogue | None) -> tuple[str, ...]:
    """Catalogue laws that may be named bare: plain names of three characters or more."""
    if catalogue is None:
        return ()
    names = catalogue.names(("宪法", "法律"))
    return tuple(n for n in names if len(n) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+(?:法|法典)", n))


# ---------------------------------------------------------------- titles


def normalise_title(title: str) -> str:
    """Half-width, one dash form, year ranges as 2021-2025: the canonical spelling of a written title."""
    s = unicodedata.normalize("NFKC", title)
    s = re.sub(r"\s+", " ", s).strip()
    s = P.DASHES.sub("-", s)
    s = P.YEAR_RANGE.sub(r"\1-\2", s)
    # inner marks as 〈〉, the typographic convention inside 《》 (scraped text often has <>)
    return re.sub(r"<([^<>]+)>", r"〈\1〉", s)


def split_draft(title: str) -> tuple[str, bool]:
    """(title without a draft mark, whether it had one): …条例(修订草案) -> (…条例, True)."""
    m = P.DRAFT_TAIL.search(title)
    if m and m.start() > 0:
        return title[: m.start()].rstrip(), True
    return title, False


def title_stem(title: str) -> str:
    """The title without trailing brackets or quotes: the part whose last word is the head."""
    s = P.TRAILING_BRACKETS.sub("", title)
    return P.TRAILING_MARKS.sub("", s)


def place_level(title: str) -> str:
    """HIGH (province/city), LOW (county/district/township) or NONE for a title's leading place."""
    m = P.PLACE_HIGH.match(title)
    hi = m.end() if m else 0
    rest = title[hi:]
    if P.PLACE_LOW.match(rest):
        return "LOW"
    return "HIGH" if hi else "NONE"


def is_instrument_title(title: str) -> bool:
    """False for courses, books, shows and refer-backs (《纲要》, 该条例) whatever their head."""
    stem = title_stem(title)
    if len(stem) < 2 or P.REFER_BACK.match(stem) or P.NOT_INSTRUMENT.search(stem):
        return False
    return bool(P.HEAD.search(stem))


def classify(title: str, issuer: str = "") -> str | None:
    """The category the title's form fixes, or None when the title is not an instrument."""
    if not is_instrument_title(title):
        return None
    stem = title_stem(title)
    subject = f"{place_level(stem)}|{issuer}{stem}"
    for cat, rx in category_rules():
        if rx.search(subject):
            return cat
    return None


def canonical(title: str, category: str) -> str:
    """National laws carry the 中华人民共和国 prefix; everything else keeps its written title."""
    if category == "law" and not title.startswith((P.NATIONAL_PREFIX, "全国人民代表大会", "全国人大")):
        return P.NATIONAL_PREFIX + title
    return title


# ---------------------------------------------------------------- finding mentions


def _title_hits(text: str) -> list[_Hit]:
    """《》 titles, their nested 〈〉 titles, and 〈〉 titles standing alone."""
    hits: list[_Hit] = []
    covered: list[tuple[int, int]] = []
    for m in P.TITLE.finditer(text):
        hits.append(_Hit(m.group(1), m.start(), m.end(), "title"))
        covered.append((m.start(), m.end()))
        for inner in P.ANGLE_TITLE.finditer(m.group(1)):
            s = m.start(1) + inner.start()
            hits.append(_Hit(inner.group(1), s, s + len(inner.group()), "inner"))
        for inner in P.TITLE.finditer(m.group(1)):
            s = m.start(1) + inner.start()
            hits.append(_Hit(inner.group(1), s, s + len(inner.group()), "inner"))
    for m in P.ANGLE_TITLE.finditer(text):
        if not _inside(m.start(), covered):
            hits.append(_Hit(m.group(1), m.start(), m.end(), "title"))
    return hits + _broken_hits(text, covered)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _broken_hits(text: str, covered: list[tuple[int, int]]) -> list[_Hit]:
    """Titles that lost their closing or opening mark; they count only with an instrument head."""
    out: list[_Hit] = []
    for m in P.OPEN_ONLY.finditer(text):
        if _inside(m.start(), covered):
            continue
        title = _cut_at_head(m.group(1))
        if title:
            out.append(_Hit(title, m.start(), m.start() + 1 + len(title), "title"))
    for m in P.CLOSE_ONLY.finditer(text):
        if _inside(m.end() - 1, covered):
            continue
        title = _strip_verbs(m.group(1))
        if title:
            s = m.end() - 1 - len(title)
            out.append(_Hit(title, s, m.end(), "title"))
    return out


def _cut_at_head(s: str) -> str | None:
    """The longest prefix of s ending in an instrument head: 大同市绿化条例等文件 -> 大同市绿化条例."""
    for end in range(len(s), 1, -1):
        # the head must end the cut (a head inside quotes, “一规划两纲要”, names something else)
        cut = s[:end]
        if cut.count("“") > cut.count("”"):
            continue
        if P.HEAD.search(P.TRAILING_BRACKETS.sub("", cut)) and classify(cut):
            return s[:end]
    return None


def _strip_verbs(s: str) -> str | None:
    """Cut the verbs and particles a broken title ran into: 认真贯彻安全生产法 -> 安全生产法."""
    verbs, _ = action_verbs()
    last = None
    for m in verbs.finditer(s):
        last = m
    title = s[last.end() :] if last else s
    title = re.sub(r"^[了的和及与、]+", "", title)
    return title if len(title) >= 3 and classify(title) else None


def _bare_hits(text: str, catalogue: LawCatalogue | None, covered: list[tuple[int, int]]) -> list[_Hit]:
    """National laws named without 《》: 民法典宣传, 劳动法、婚姻法, 新修订行政复议法, 监督法."""
    lexicon = bare_names()
    out: list[_Hit] = []
    for m in _bare_pattern(_catalogue_bare(catalogue)).finditer(text):
        if _inside(m.start(), covered) or not _bare_ok(text, m.start(), m.end()):
            continue
        full, cat = lexicon.get(m.group(), (m.group(), "law"))
        kind = "event" if _names_event(text, m.start(), m.end()) else "bare"
        out.append(_Hit(m.group(), m.start(), m.end(), kind, full=full, category=cat))
    return out


def _bare_ok(text: str, start: int, end: int) -> bool:
    """A bare name must end a word (宪法学会, 公司法人 are other words) and not refer back (该法)."""
    after, before = text[end : end + 4], text[max(0, start - 4) : start]
    return not P.BARE_LAW_STOP.match(after) and not before.endswith(("该", "本", "此"))


def _names_event(text: str, start: int, end: int) -> bool:
    """True when the law names a day, week or month held to publicise it (国家宪法日, “宪法宣传周”,
    民法典宣传月, 消费者权益保护法宣传日): the report cites the law, whatever verb governs the event."""
    return bool(
        P.BARE_LAW_DAY.match(text, end) or P.BARE_LAW_DAY_BEFORE.search(text, max(0, start - 4), start)
    )


def _doc_hits(text: str, covered: list[tuple[int, int]]) -> list[_Hit]:
    """Bare titles of documents (no 《》) right after a verb or a mark, with an issuer-like start."""
    verbs, table = action_verbs()
    out: list[_Hit] = []
    for v in verbs.finditer(text):
        if table[v.group()] == "cite" and v.group() not in P.BARE_DOC_CITE_VERBS:
            continue
        hit = _doc_after(text, v.end(), covered)
        if hit:
            out.append(hit)
    for dash in P.TITLE_DASH.finditer(text):  # a dash introducing a title: 重点项目——某某条例草案
        hit = _doc_after(text, dash.end(), covered)
        if hit:
            out.append(hit)
    return out


def table_action(before: str) -> str | None:
    """The action of the verb that ends ``before`` (推动出台 -> enact), if one does."""
    verbs, table = action_verbs()
    last = None
    for m in verbs.finditer(before):
        last = m
    return table[last.group()] if last and last.end() == len(before) else None


def _doc_after(text: str, pos: int, covered: list[tuple[int, int]]) -> _Hit | None:
    """A bare document title starting at pos (after a verb or a dash), if one does: it must
    start like a title (an issuer, a place or a year), or be a 条例 drafted or made here."""
    pos += len(text[pos : pos + 1]) if text[pos : pos + 1] == "了" else 0
    m = P.BARE_DOC.match(text, pos, min(len(text), pos + 60))
    if not m or _inside(pos, covered) or text[pos : pos + 1] in "《〈“":
        return None
    title = m.group("title")
    ok_start = P.BARE_DOC_START.search(title) or place_level(title) != "NONE"
    made = table_action(text[max(0, pos - 4) : pos]) in _LOCAL_ACTIONS
    if not ok_start and not (title.endswith("条例") and (m.group("draft") or made)):
        return None
    if not classify(title) or "“" in title[:1] or P.BARE_DOC_SHORT.fullmatch(title):
        return None
    return _Hit(title, m.start(), m.end(), "doc", draft=bool(m.group("draft")))


# ---------------------------------------------------------------- actions


def _verb_action(text: str, start: int, end: int, floor: int) -> str | None:
    """The action of the verb chain nearest to the left of [start, end) in its clause."""
    clause_start = floor
    for b in P.CLAUSE_BREAK.finditer(text, floor, start):
        clause_start = b.end()
    verbs, table = action_verbs()
    found = list(verbs.finditer(text, clause_start, start))
    if not found:
        return None
    chain = [found[-1]]
    for m in reversed(found[:-1]):
        if re.fullmatch(r"[并和及与且、]?", text[m.end() : chain[-1].start()]):
            chain.append(m)
        else:
            break
    if not P.VERB_GAP.match(_gap(text[found[-1].end() : start])):
        return "cite"
    actions = [table[m.group()] for m in chain]
    strong = [a for a in actions if a != "cite"]
    return strong[0] if strong else "cite"


def _gap(s: str) -> str:
    """The words between a verb and a mention, without other titles and category nouns."""
    s = P.TITLE.sub("", s)
    return re.sub("|".join(P.CATEGORY_NOUNS), "", s)


def _right_action(text: str, end: int) -> str | None:
    after = text[end : end + 8]
    for action, rx in P.RIGHT_ACTION:
        if rx.match(after):
            return action
    return None


def _actions(doc: Document, hits: list[_Hit]) -> list[str]:
    """One action per hit; a hit in a list (《A》、《B》和《C》) shares the action of the list's first item."""
    text = doc.text
    out: list[str] = []
    prev: _Hit | None = None
    for h in hits:
        floor = doc.sentence_at(h.start)[0]
        if h.kind == "inner":
            floor = max(floor, text.rfind("《", 0, h.start) + 1)
        if h.kind == "event":  # 制定宪法宣传周活动方案 makes the plan, not the Constitution
            out.append("cite")
            prev = h
            continue
        action = "draft" if h.draft else _right_action(text, h.end)
        if (
            action is None
            and prev is not None
            and prev.end <= h.start
            and P.LIST_GAP.match(text[prev.end : h.start])
        ):
            action = out[-1]
        if action is None:
            action = _verb_action(text, h.start, h.end, floor) or "cite"
        out.append(action)
        prev = h
    return out


# ---------------------------------------------------------------- assembling


def _issuer(text: str, start: int) -> str:
    m = P.ISSUER_BEFORE.search(text[max(0, start - 16) : start])
    return m.group(1) if m else ""


def _mention(doc: Document, hit: _Hit, action: str, catalogue: LawCatalogue | None) -> LawMention | None:
    written = normalise_title(hit.full or hit.written)
    title, draft = split_draft(written)
    if draft:
        action = "draft"
    category = hit.category or classify(title, _issuer(doc.text, hit.start))
    if category is None:
        return None
    named = _named_category(doc.text, hit) if hit.kind == "title" else None
    if named and category != "law":
        category = named
    if (
        category == "administrative_regulation"
        and title.endswith("条例")
        and _is_local(doc, hit, action, title)
    ):
        category = "local_regulation"
    if category == "rule" and not named and _congress_made(doc.text, hit):
        category = "local_regulation"
    entry = catalogue.get(title) if catalogue else None
    if entry and entry.category:
        category = entry.category
    canon = canonical(title, category)
    short = canon[len(P.NATIONAL_PREFIX) :] if canon.startswith(P.NATIONAL_PREFIX) else None
    notice = P.NOTICE_OF.match(title)
    inner = notice.group(1).strip("《》〈〉") if notice else None
    inner = inner if inner and classify(inner) else None
    forms = (normalise_title(hit.written), short, inner)
    aliases = tuple(dict.fromkeys(a for a in forms if a and a != canon))
    return LawMention(
        title=canon,
        category=category,
        action=action,
        surface=doc.text[hit.start : hit.end],
        short=short,
        aliases=aliases,
        level=entry.level if entry else None,
        published=entry.published if entry else None,
        valid_from=entry.valid_from if entry else None,
        in_force=(not entry.expired) if entry else None,
        prov=doc.provenance(hit.start, hit.end),
    )


def _named_category(text: str, hit: _Hit) -> str | None:
    """A category noun the report puts before the title or after the list that holds it."""
    left = P.CATEGORY_NOUN.search(text[max(0, hit.start - 8) : hit.start])
    if left:
        return P.CATEGORY_NOUNS[left.group(1)]
    end = hit.end
    while (m := _next_in_list(text, end)) is not None:
        end = m
    right = P.RIGHT_CATEGORY.match(text, end, end + 40)
    return P.CATEGORY_NOUNS[right.group(1)] if right else None


def _congress_made(text: str, hit: _Hit) -> bool:
    """True when the clause holding the title says a people's congress adopts it (P.CONGRESS_MADE)."""
    lo = max(0, hit.start - 60)
    start = max((b.end() for b in P.CLAUSE_BREAK.finditer(text, lo, hit.start)), default=lo)
    end = _clause_end(text, hit.end)
    if P.BY_CLAUSE.match(text, end + 1):  # 《X规定》,经市人大常委会审议通过
        end = _clause_end(text, end + 1)
    window = text[start : hit.start] + "《》" + text[hit.end : end]
    return bool(P.CONGRESS_MADE.search(window))


def _clause_end(text: str, pos: int) -> int:
    stop = P.CLAUSE_BREAK.search(text, pos, pos + 60)
    return stop.start() if stop else min(len(text), pos + 60)


def _next_in_list(text: str, end: int) -> int | None:
    """The end of the title that follows ``end`` as the next item of a list, if one does."""
    m = P.TITLE.search(text, end, end + 200)
    if m and P.LIST_GAP.match(text[end : m.start()]):
        return m.end()
    return None


def _is_local(doc: Document, hit: _Hit, action: str, title: str) -> bool:
    """A 条例 without a place is local when the report makes it, or its sentence says so."""
    if title.startswith(("国务院", P.NATIONAL_PREFIX)) or _issuer(doc.text, hit.start).startswith("国务院"):
        return False
    s, e = doc.sentence_at(hit.start)
    return action in _LOCAL_ACTIONS or bool(_LOCAL_CONTEXT.search(doc.text[s:e]))


def _merge(mentions: list[LawMention]) -> tuple[LawMention, ...]:
    """One entry per (title, action), first provenance kept, written forms gathered as aliases."""
    out: dict[tuple[str, str], LawMention] = {}
    for m in mentions:
        key = (title_key(m.title), m.action)
        if key in out:
            old = out[key]
            aliases = tuple(dict.fromkeys(old.aliases + m.aliases))
            out[key] = replace(old, aliases=aliases)
        else:
            out[key] = m
    return tuple(out.values())


def find_laws(doc: Document, catalogue: LawCatalogue | None = None) -> tuple[LawMention, ...]:
    """Every instrument the report names, one entry per (title, action)."""
    text = doc.text
    titled = _title_hits(text)
    covered = [(h.start, h.end) for h in titled]
    hits = titled + _bare_hits(text, catalogue, covered)
    covered += [(h.start, h.end) for h in hits[len(titled) :]]
    hits += _doc_hits(text, covered)
    hits = sorted(_dedupe_spans(hits), key=lambda h: h.start)
    actions = _actions(doc, hits)
    mentions = [_mention(doc, h, a, catalogue) for h, a in zip(hits, actions, strict=True)]
    return _merge([m for m in mentions if m is not None])


def _dedupe_spans(hits: list[_Hit]) -> list[_Hit]:
    """One hit per span (a nested title may also be found as a title of its own)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for h in hits:
        if (h.start, h.end) not in seen:
            seen.add((h.start, h.end))
            out.append(h)
    return out
