"""Jurisdictions named in a report, resolved against the gazetteer.

Every named place with a government of its own (GUIDELINES.md, Jurisdictions),
one entry per place (its key: adcode, else the name qualified by its parent),
with the provenance of its first mention. The written short forms go to
``aliases``. ``relation`` comes from the hierarchy: the report's own place is
``about``, its ancestors ``superior``, places under it ``subordinate``; the
rest are ``partner`` when their sentence speaks of cooperation, else ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from govkg.extractors.document import Document
from govkg.extractors.gazetteer import NATION, Gazetteer, Place
from govkg.extractors.records import JurisdictionMention, ReportMeta
from govkg.extractors.report import report_place

# Words of cooperation in a place's sentence: the place is a partner.
#   "与天津、内蒙古…对接合作" / "与邻县建立执法协作机制" / "跨区域通办" / "结对帮扶" / "赴外地交流学习"
PARTNER_WORDS = re.compile(r"合作|协作|对接|联动|结对|帮扶|对口|共建|互认|通办|联防联控|交流|签订|签署")
# A pronoun for the report's own place, used as provenance when its name is never written.
#   "我区" / "全县" / "本镇"
OWN_PRONOUN = re.compile(r"[我全本](?:省|市|区|县|旗|镇|乡|街道)")

_RANK = {"province": 0, "prefecture": 1, "county": 2, "zone": 3, "township": 4, "village": 5}


@dataclass
class _Group:
    place: Place
    start: int
    end: int
    surfaces: list[str] = field(default_factory=list)


def about_place(report: ReportMeta, gazetteer: Gazetteer, doc: Document | None = None) -> Place | None:
    """The report's own place as a Place: from its key when the gazetteer knows it; else, when the
    report stage reads the same place from the document, that Place (a zone's key does not carry
    its parent, nor the signature's other name for it); else rebuilt from the record."""
    if not report.jurisdiction:
        return None
    if report.jurisdiction_key in gazetteer.places:
        return gazetteer.places[report.jurisdiction_key]
    if report.jurisdiction == NATION.name:
        return NATION
    read = report_place(doc, gazetteer) if doc is not None else None
    if read is not None and read.key == report.jurisdiction_key and read.name == report.jurisdiction:
        return read
    parent_key = report.jurisdiction_key.rsplit("/", 1)[0] if report.jurisdiction_key and "/" in report.jurisdiction_key else None  # fmt: skip
    parent = gazetteer.places.get(parent_key or "")
    return Place(report.jurisdiction, report.level or "unknown", None, parent.name if parent else None,
                 parent_key, report.jurisdiction_key or report.jurisdiction,
                 anonymized=bool(re.match(r"[Xx×*]{2}", report.jurisdiction)))  # fmt: skip


def _group(doc: Document, mentions: list[tuple[int, int, Place]], about: Place | None) -> list[_Group]:
    """One group per place, in order of first mention; the about place absorbs its own names."""
    groups: dict[str, _Group] = {}
    for s, e, p in mentions:
        if p.key == NATION.key:
            continue
        if about and (p.name == about.name or about.name in p.aliases or p.name in about.aliases):
            p = about
        g = groups.setdefault(p.key, _Group(p, s, e))
        g.surfaces.append(doc.text[s:e])
    return list(groups.values())


def _relation(g: Gazetteer, place: Place, about: Place | None, evidence: str) -> str:
    if about is None:
        return "other"
    if place.key == about.key:
        return "about"
    above = [about.parent_key, *g.ancestors(about.parent_key)] if about.parent_key else g.ancestors(about.key)
    if place.key in above:
        return "superior"
    if about.key in (place.parent_key, *g.ancestors(place.parent_key)):
        return "subordinate"
    if not place.adcode and not place.parent_key and _RANK.get(place.level, 9) > _RANK.get(about.level, 9):
        return "subordinate"  # a township or zone named bare in a county's report lies in it
    if place.anonymized and about.anonymized and _RANK.get(place.level, 9) < _RANK.get(about.level, 9):
        return "superior"  # XXX省 in a report about XX市
    return "partner" if PARTNER_WORDS.search(evidence) else "other"


def _parent(place: Place, about: Place | None, relation: str) -> tuple[str | None, str | None]:
    if place.parent_name or about is None:
        return place.parent_name, place.parent_key
    if relation == "subordinate":
        return about.name, about.key
    return None, None


def _mention(doc: Document, g: Gazetteer, grp: _Group, about: Place | None) -> JurisdictionMention:
    prov = doc.provenance(grp.start, grp.end)
    place = grp.place
    relation = _relation(g, place, about, prov.evidence)
    parent, parent_key = _parent(place, about, relation)
    if parent_key and not place.adcode and not place.parent_key and place.level != "zone":
        place = replace(place, key=f"{parent_key}/{place.name}")  # a township of the report's own county
    aliases = tuple(dict.fromkeys(s for s in grp.surfaces if s != place.name))
    return JurisdictionMention(
        name=place.name, level=place.level, parent=parent, relation=relation, key=place.key,
        adcode=place.adcode, parent_key=parent_key, anonymized=place.anonymized, aliases=aliases,
        surface=doc.text[grp.start : grp.end], prov=prov,
    )  # fmt: skip


def _about_fallback(doc: Document, gazetteer: Gazetteer, about: Place) -> _Group | None:
    """The report's own place when no mention was found for it: a written form of its name
    (XX综保区 for XX综合保税区), else provenance on 我区/全县."""
    for form in gazetteer.written_forms(about):
        i = doc.text.find(form)
        if i >= 0:
            return _Group(about, i, i + len(form), [form])
    m = OWN_PRONOUN.search(doc.text)
    return _Group(about, m.start(), m.end(), []) if m else None


def find_jurisdictions(
    doc: Document, report: ReportMeta, gazetteer: Gazetteer
) -> tuple[JurisdictionMention, ...]:
    about = about_place(report, gazetteer, doc)
    context = about.key if about and about.adcode else (about.parent_key if about else None)
    groups = _group(doc, gazetteer.find(doc.text, context=context), about)
    if about and about.key != NATION.key and not any(grp.place.key == about.key for grp in groups):
        fallback = _about_fallback(doc, gazetteer, about)
        groups = [fallback, *groups] if fallback else groups
    mentions = [(grp.place.key, _mention(doc, gazetteer, grp, about)) for grp in groups]
    return tuple(_under_named_parents(mentions))


def _under_named_parents(mentions: list[tuple[str, JurisdictionMention]]) -> list[JurisdictionMention]:
    """A village under a township that is itself under the report's place (XX街道XX村 in a county's
    report) is subordinate too, and keyed under its parent's final key (a zone keeps its own key,
    see gazetteer)."""
    final = dict(mentions)
    for _ in range(2):  # village under township under zone: two levels at most
        for orig, m in list(final.items()):
            parent = final.get(m.parent_key or "")
            if m.adcode or parent is None or parent.key == m.parent_key:
                continue
            relation = "subordinate" if parent.relation in ("about", "subordinate") else m.relation
            key = m.key if m.level == "zone" else f"{parent.key}/{m.name}"
            final[orig] = replace(m, key=key, parent_key=parent.key, relation=relation)
    return list(final.values())
