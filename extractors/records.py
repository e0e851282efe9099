"""The extraction record: the one data contract between extractors, stores and gold.

Shape and field names follow ``design/schema.md`` ("Extraction record
format"). Every item is a frozen dataclass; ``to_dict`` gives the JSON form
that ``govkg extract`` prints and ``../shared/tools/score.py`` reads, and
``record_from_dict`` reads it back (so ``govkg ingest`` also takes JSONL).

Offsets (``start``/``end``) are character offsets into the report's
normalised text (:attr:`Document.text`); ``evidence`` is the sentence that
holds the mention, so ``text[start:end]`` is always inside it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

SectionKind = Literal["measures", "shortcomings", "leadership", "plans", "other"]
SECTION_KINDS: tuple[str, ...] = ("measures", "shortcomings", "leadership", "plans", "other")

ReportKind = Literal["annual_report", "review", "work_report"]
Level = Literal["province", "prefecture", "county", "township", "zone", "village", "unknown"]
Relation = Literal["about", "subordinate", "superior", "partner", "other"]
LawCategory = Literal[
    "law",
    "administrative_regulation",
    "local_regulation",
    "rule",
    "judicial_interpretation",
    "party_regulation",
    "policy_document",
]
LawAction = Literal["cite", "enact", "draft", "revise", "repeal"]
ProgrammeKind = Literal["reform", "system", "campaign", "project", "platform"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact was read: section kind, the sentence, and the mention's offsets."""

    section: str = "other"
    evidence: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of the normalised text under one top-level heading."""

    kind: str
    heading: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ReportMeta:
    id: str
    title: str
    jurisdiction: str | None
    year: int | None
    published: str | None = None
    kind: str = "annual_report"
    issuer: str | None = None
    jurisdiction_key: str | None = None
    level: str | None = None
    source: str | None = None
    sha256: str | None = None
    chars: int = 0


@dataclass(frozen=True, slots=True)
class JurisdictionMention:
    name: str
    level: str = "unknown"
    parent: str | None = None
    relation: str = "other"
    key: str | None = None  # adcode, else the name qualified by its parent
    adcode: str | None = None
    parent_key: str | None = None
    anonymized: bool = False
    aliases: tuple[str, ...] = ()
    surface: str = ""
    prov: Provenance = field(default_factory=Provenance)


@dataclass(frozen=True, slots=True)
class LawMention:
    title: str
    category: str
    action: str = "cite"
    surface: str = ""
    short: str | None = None
    aliases: tuple[str, ...] = ()
    level: str | None = None  # the catalogue's level (法律, 行政法规 ...) when a catalogue knows it
    published: str | None = None
    valid_from: str | None = None
    in_force: bool | None = None
    prov: Provenance = field(default_factory=Provenance)


@dataclass(frozen=True, slots=True)
class ProgrammeMention:
    name: str
    surface: str = ""
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    prov: Provenance = field(default_factory=Provenance)


@dataclass(frozen=True, slots=True)
class RoleMention:
    title: str
    organisation: str | None = None
    person: str | None = None
    jurisdiction: str | None = None
    prov: Provenance = field(default_factory=Provenance)


@dataclass(frozen=True, slots=True)
class MetricMention:
    value: float
    unit: str
    raw: str
    indicator: str | None = None
    approx: str | None = None
    scope: str | None = None
    year: int | None = None
    surface: str = ""
    prov: Provenance = field(default_factory=Provenance)


@dataclass(frozen=True, slots=True)
class Concern:
    """What a commitment is about: a node of the graph, by label and key."""

    label: Literal["Programme", "Law", "Indicator"]
    name: str


@dataclass(frozen=True, slots=True)
class Commitment:
    text: str
    year: int | None
    ordinal: int
    concerns: tuple[Concern, ...] = ()
    prov: Provenance = field(default_factory=Provenance)


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence of the report with its section kind: what tracing compares by text.

    ``text`` is ``Document.text[start:end]``. Tracing (``graph/trace.py``) matches a
    plan item against the sentences of the same jurisdiction's next report, and a
    plan item against its own report's shortcomings, so it needs every sentence,
    not only those that hold an extracted fact."""

    section: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractionRecord:
    source: str
    report: ReportMeta
    jurisdictions: tuple[JurisdictionMention, ...] = ()
    laws: tuple[LawMention, ...] = ()
    programmes: tuple[ProgrammeMention, ...] = ()
    roles: tuple[RoleMention, ...] = ()
    metrics: tuple[MetricMention, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    sections: tuple[Section, ...] = ()
    passages: tuple[Passage, ...] = ()  # every sentence (extractors/passages.py); () when not extracted

    def to_dict(self) -> dict[str, Any]:
        return record_to_dict(self)


LISTS: tuple[str, ...] = ("jurisdictions", "laws", "programmes", "roles", "metrics", "commitments")
_ITEM_TYPES = {
    "jurisdictions": JurisdictionMention,
    "laws": LawMention,
    "programmes": ProgrammeMention,
    "roles": RoleMention,
    "metrics": MetricMention,
    "commitments": Commitment,
}


def item_to_dict(item: Any) -> dict[str, Any]:
    """One list item as JSON: its fields with provenance flattened in."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if f.name == "prov":
            out.update(dataclasses.asdict(value))
        elif f.name == "concerns":
            out["concerns"] = [c.name for c in value]
            out["concern_labels"] = [c.label for c in value]
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        else:
            out[f.name] = value
    return out


def record_to_dict(rec: ExtractionRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"source": rec.source, "report": dataclasses.asdict(rec.report)}
    for name in LISTS:
        out[name] = [item_to_dict(x) for x in getattr(rec, name)]
    out["sections"] = [dataclasses.asdict(s) for s in rec.sections]
    if rec.passages:  # only when the pipeline gives them: the gold-shaped output stays as it was
        out["passages"] = [dataclasses.asdict(p) for p in rec.passages]
    return out


def _item_from_dict(cls: type, d: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for k in names - {"prov", "concerns"}:
        if k in d:
            v = d[k]
            kwargs[k] = tuple(v) if isinstance(v, list) else v
    if "prov" in names:
        kwargs["prov"] = Provenance(
            section=d.get("section") or "other",
            evidence=d.get("evidence") or "",
            start=int(d.get("start") or 0),
            end=int(d.get("end") or 0),
        )
    if "concerns" in names:
        labels = d.get("concern_labels") or []
        kwargs["concerns"] = tuple(
            Concern(label=labels[i] if i < len(labels) else "Programme", name=n)
            for i, n in enumerate(d.get("concerns") or [])
        )
    return cls(**kwargs)


def record_from_dict(d: dict[str, Any]) -> ExtractionRecord:
    """Read back what :func:`record_to_dict` wrote (``govkg extract`` output)."""
    r = d["report"]
    report = ReportMeta(**{f.name: r.get(f.name) for f in dataclasses.fields(ReportMeta) if f.name in r})
    lists = {name: tuple(_item_from_dict(_ITEM_TYPES[name], x) for x in d.get(name) or []) for name in LISTS}
    sections = tuple(Section(**s) for s in d.get("sections") or [])
    passages = tuple(Passage(**p) for p in d.get("passages") or [])
    return ExtractionRecord(source=d.get("source") or report.source or report.id, report=report, sections=sections,
                            passages=passages, **lists)  # fmt: skip
