"""Extraction records to graph rows: nodes with stable keys, relationships with provenance.

Both stores (embedded and Neo4j) write exactly these rows, so they hold the
same graph. Keys follow design/schema.md; labels whose schema key is a tuple
(Role, Person, Metric, Commitment) get one synthetic ``key`` property made of
those parts, because MERGE cannot match on a missing (null) property.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govkg.extractors.records import (
    Commitment,
    ExtractionRecord,
    JurisdictionMention,
    LawMention,
    MetricMention,
    Provenance,
    RoleMention,
)

# The property that holds each label's stable key.
KEY_PROP: dict[str, str] = {
    "Report": "id",
    "Jurisdiction": "id",
    "Law": "title",
    "Programme": "name",
    "Indicator": "name",
    "Role": "key",
    "Person": "key",
    "Metric": "key",
    "Commitment": "key",
}
LABELS = tuple(KEY_PROP)
# Nodes that belong to one report and go when it is re-ingested.
OWNED_LABELS = ("Metric", "Commitment")
# Nodes shared by reports: kept while anything still points at them.
SHARED_LABELS = ("Jurisdiction", "Law", "Programme", "Indicator", "Role", "Person")
# Relationships that are world knowledge, not a report's statement.
STRUCTURAL_TYPES = ("PART_OF", "IN")


@dataclass(frozen=True, slots=True)
class NodeRow:
    label: str
    key: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RelRow:
    """A relationship; ``ident`` holds the properties that tell two of the same type apart."""

    type: str
    src: tuple[str, str]  # (label, key)
    dst: tuple[str, str]
    ident: dict[str, Any] = field(default_factory=dict)
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class GraphRows:
    report_id: str
    nodes: list[NodeRow] = field(default_factory=list)
    rels: list[RelRow] = field(default_factory=list)

    def node(self, label: str, key: str, **props: Any) -> tuple[str, str]:
        self.nodes.append(NodeRow(label, key, {KEY_PROP[label]: key, **props}))
        return (label, key)

    def rel(self, type_: str, src: tuple[str, str], dst: tuple[str, str],
            ident: dict[str, Any] | None = None, **props: Any) -> None:  # fmt: skip
        self.rels.append(RelRow(type_, src, dst, ident or {}, props))


def _prov(p: Provenance, report_id: str) -> dict[str, Any]:
    return {"report": report_id, "section": p.section, "evidence": p.evidence, "start": p.start, "end": p.end}


def jurisdiction_key(j: JurisdictionMention) -> str:
    return j.key or j.adcode or (f"{j.parent}/{j.name}" if j.parent else j.name)


def build_rows(rec: ExtractionRecord) -> GraphRows:
    """All nodes and relationships one report contributes."""
    r = rec.report
    rows = GraphRows(r.id)
    report = rows.node("Report", r.id, title=r.title, year=r.year, published=r.published, kind=r.kind,
                       issuer=r.issuer, source=r.source or rec.source, sha256=r.sha256, chars=r.chars)  # fmt: skip
    about = _add_jurisdictions(rows, rec, report)
    _add_laws(rows, rec.laws, report)
    for p in rec.programmes:
        prog = rows.node("Programme", p.name, aliases=sorted({p.surface, *p.aliases} - {"", p.name}), kind=p.kind)
        if p.prov.section != "plans":
            rows.rel("IMPLEMENTS", report, prog, None, surface=p.surface, **_prov(p.prov, r.id))
    _add_roles(rows, rec.roles, report, about, r.year)
    _add_metrics(rows, rec.metrics, report)
    _add_commitments(rows, rec.commitments, report)
    return rows


def _add_jurisdictions(rows: GraphRows, rec: ExtractionRecord, report: tuple[str, str]) -> str | None:
    about_key = rec.report.jurisdiction_key
    for j in rec.jurisdictions:
        key = jurisdiction_key(j)
        node = rows.node("Jurisdiction", key, name=j.name, level=j.level, adcode=j.adcode,
                         anonymized=j.anonymized, aliases=sorted(set(j.aliases) - {j.name}))  # fmt: skip
        if j.relation == "about":
            about_key = about_key or key
            rows.rel("ABOUT", report, node, None, **_prov(j.prov, rec.report.id))
        else:
            rows.rel("MENTIONS", report, node, None, relation=j.relation, **_prov(j.prov, rec.report.id))
        if j.parent_key and j.parent_key != key:
            parent = rows.node("Jurisdiction", j.parent_key, name=j.parent)
            rows.rel("PART_OF", node, parent)
    if about_key and not any(j.relation == "about" for j in rec.jurisdictions) and rec.report.jurisdiction:
        node = rows.node("Jurisdiction", about_key, name=rec.report.jurisdiction, level=rec.report.level)
        rows.rel("ABOUT", report, node, None, report=rec.report.id, section="other", evidence="", start=0, end=0)
    return about_key


def _add_laws(rows: GraphRows, laws: tuple[LawMention, ...], report: tuple[str, str]) -> None:
    for law in laws:
        node = rows.node("Law", law.title, short=law.short, category=law.category,
                         aliases=sorted({law.surface.strip("《》"), *law.aliases} - {"", law.title}),
                         level=law.level, published=law.published, valid_from=law.valid_from,
                         in_force=law.in_force)  # fmt: skip
        rows.rel("CITES", report, node, {"action": law.action}, surface=law.surface, **_prov(law.prov, report[1]))


def role_key(role: RoleMention, jurisdiction: str | None) -> str:
    return "|".join((jurisdiction or "", role.organisation or "", role.title))


def _add_roles(rows: GraphRows, roles: tuple[RoleMention, ...], report: tuple[str, str],
               about: str | None, year: int | None) -> None:  # fmt: skip
    for role in roles:
        jkey = about  # roles named in a report are the report's own jurisdiction's officials
        node = rows.node("Role", role_key(role, jkey), title=role.title, organisation=role.organisation,
                         jurisdiction=role.jurisdiction)  # fmt: skip
        rows.rel("REPORTS_ROLE", report, node, None, **_prov(role.prov, report[1]))
        if jkey:
            rows.rel("IN", node, ("Jurisdiction", jkey))
        if role.person:
            person = rows.node("Person", f"{jkey or ''}|{role.person}", name=role.person)
            rows.rel("HOLDS", person, node, {"report": report[1]}, year=year)


def metric_key(report_id: str, m: MetricMention) -> str:
    return "|".join((report_id, m.indicator or m.raw, m.scope or "", f"{m.value:g}", m.unit, str(m.prov.start)))


def _add_metrics(rows: GraphRows, metrics: tuple[MetricMention, ...], report: tuple[str, str]) -> None:
    for m in metrics:
        node = rows.node("Metric", metric_key(report[1], m), value=m.value, unit=m.unit, raw=m.raw,
                         approx=m.approx, scope=m.scope, year=m.year, indicator=m.indicator,
                         report=report[1])  # fmt: skip
        rows.rel("ACHIEVED", report, node, None, **_prov(m.prov, report[1]))
        if m.indicator:
            ind = rows.node("Indicator", m.indicator, unit=m.unit)
            rows.rel("OF", node, ind)


def commitment_key(report_id: str, c: Commitment) -> str:
    return f"{report_id}#{c.ordinal}"


def _add_commitments(rows: GraphRows, commitments: tuple[Commitment, ...], report: tuple[str, str]) -> None:
    for c in commitments:
        node = rows.node("Commitment", commitment_key(report[1], c), text=c.text, year=c.year,
                         ordinal=c.ordinal, report=report[1])  # fmt: skip
        rows.rel("COMMITS_TO", report, node, None, **_prov(c.prov, report[1]))
        for concern in c.concerns:
            target = rows.node(concern.label, concern.name)
            rows.rel("CONCERNS", node, target)
