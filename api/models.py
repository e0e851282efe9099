"""Response models: what every route returns, as the OpenAPI schema shows it.

Every fact a report states comes with its :class:`Evidence` (the report, the
section kind, the sentence), so an answer can always be checked against the
text. Rows of the named queries (``govkg.graph.embedded_queries`` and their
Cypher twins) are turned into these models by the ``from_row`` constructors.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Literal, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from govkg.graph.embedded_queries import SEARCH_LABELS
from govkg.graph.queries import LABELS_ALLOWED
from govkg.graph.trace import STATUSES

T = TypeVar("T")

# The labels the queries accept (one list, in govkg.graph), as enums in the schema.
Label = Literal[LABELS_ALLOWED]  # type: ignore[valid-type]
SearchLabel = Literal[SEARCH_LABELS]  # type: ignore[valid-type]


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Evidence(Model):
    """Where a fact was read."""

    report: str = Field(description="the report's id")
    section: str | None = Field(
        None, description="section kind: measures, shortcomings, leadership, plans, other"
    )
    sentence: str | None = Field(None, description="the sentence that states the fact")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Evidence:
        return cls(report=row["report"], section=row.get("section"), sentence=row.get("evidence"))


class Fact(Model):
    """A statement of one report, with its evidence."""

    # Query columns renamed in the model (e.g. the report's ``title`` is ``report_title``).
    RENAMED: ClassVar[dict[str, str]] = {}

    evidence: Evidence

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        data = {
            cls.RENAMED.get(k, k): v for k, v in row.items() if k not in ("report", "section", "evidence")
        }
        return cls(**data, evidence=Evidence.from_row(row))


class Place(Model):
    jurisdiction: str | None = Field(None, description="the jurisdiction the report is about")
    jurisdiction_id: str | None = Field(
        None, description="its id: adcode, else the name qualified by its parent"
    )
    level: str | None = None


class Page(Model, Generic[T]):
    """One page of answers; ask again with ``skip=next_skip`` for the next."""

    items: list[T]
    limit: int
    skip: int
    next_skip: int | None = Field(None, description="skip value of the next page; null on the last page")


# --- laws -------------------------------------------------------------------


class LawRegion(Place, Fact):
    """A jurisdiction whose report cites (enacts, revises ...) a law."""

    RENAMED = {"title": "report_title"}

    law: str = Field(description="the law's canonical title")
    action: str | None = Field(None, description="cite, enact, draft, revise or repeal")
    year: int | None = Field(None, description="the year the report is about")
    report_title: str | None = None


class LawRegions(Page[LawRegion]):
    pass


# --- jurisdictions ----------------------------------------------------------


class ReportRef(Model):
    id: str
    title: str | None = None
    year: int | None = None
    kind: str | None = None


class RoleRef(Model):
    title: str | None = None
    organisation: str | None = None
    person: str | None = None


class MetricRef(Model):
    indicator: str | None = None
    value: float | None = None
    unit: str | None = None
    year: int | None = None
    raw: str | None = None
    report: str


class CommitmentRef(Model):
    report: str
    year: int | None = None
    ordinal: int | None = None
    text: str | None = None


class JurisdictionProfile(Model):
    """An overview; the facts with their evidence are under /jurisdictions/{name}/laws, /commitments ..."""

    id: str
    name: str | None = None
    level: str | None = None
    adcode: str | None = None
    parent: str | None = None
    reports: list[ReportRef] = []
    laws: list[str] = []
    programmes: list[str] = []
    roles: list[RoleRef] = []
    metrics: list[MetricRef] = []
    commitments: list[CommitmentRef] = []


class JurisdictionProfiles(Model):
    """Every jurisdiction the name denotes (a name like 鼓楼区 can denote several; ask by id to pick one)."""

    name: str
    jurisdictions: list[JurisdictionProfile]


class JurisdictionLaw(Place, Fact):
    """A law a jurisdiction's report cites."""

    law: str
    short: str | None = None
    category: str | None = None
    action: str | None = None
    year: int | None = None


class JurisdictionLaws(Page[JurisdictionLaw]):
    pass


# --- programmes ---------------------------------------------------------------


class ProgrammeRegion(Place, Fact):
    """A jurisdiction whose report says it carries out a programme."""

    programme: str
    year: int | None = None


class ProgrammeRegions(Page[ProgrammeRegion]):
    pass


# --- indicators and metrics ---------------------------------------------------


class MetricObservation(Place, Fact):
    """One reported value of an indicator."""

    indicator: str
    year: int | None = Field(None, description="the year the value is for (else the report's year)")
    value: float | None = None
    unit: str | None = None
    approx: str | None = Field(None, description="余, 以上, 约, 近, 超 or null")
    scope: str | None = Field(None, description="市本级, 全市 ...")
    raw: str | None = Field(None, description="the words naming the quantity, as written")


class MetricObservations(Page[MetricObservation]):
    pass


# --- commitments --------------------------------------------------------------


class CommitmentItem(Fact):
    """One item of a report's plans for the next year."""

    jurisdiction: str | None = None
    jurisdiction_id: str | None = None
    report_year: int | None = None
    year: int | None = Field(None, description="the year the commitment is for")
    ordinal: int | None = None
    text: str | None = None
    concerns: list[str] = Field([], description="programmes, laws and indicators it is about")


class Commitments(Page[CommitmentItem]):
    pass


# --- tracing: what became of a commitment --------------------------------------

TraceStatus = Literal[STATUSES]  # type: ignore[valid-type]


class TraceLink(Model):
    """A later outcome (metric, programme, law) that follows the commitment, and why."""

    label: str
    key: str | None = None
    name: str | None = None
    value: float | None = None
    unit: str | None = None
    match: str | None = Field(None, description="how it was linked: indicator, entity, law or text")
    score: float | None = None
    evidence: Evidence

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TraceLink:
        data = {k: v for k, v in row.items() if k not in ("report", "section", "evidence")}
        return cls(**data, evidence=Evidence(report=row.get("report") or "", section=row.get("section"),
                                             sentence=row.get("evidence")))  # fmt: skip


class LaterSentence(Model):
    """A sentence of the later report that says much the same as the commitment."""

    report: str | None = None
    section: str | None = None
    sentence: str | None = None
    score: float | None = None


class Answer(Model):
    """A shortcoming (存在的问题) the commitment answers."""

    text: str | None = None
    score: float | None = None


class TracedCommitment(Model):
    """A commitment and what the jurisdiction's report for its year shows."""

    jurisdiction: str | None = None
    jurisdiction_id: str | None = None
    report: str = Field(description="the report that made the commitment")
    report_year: int | None = None
    year: int | None = Field(None, description="the year it is for")
    ordinal: int | None = None
    text: str | None = None
    status: TraceStatus | None = Field(None, description="null if never traced")
    later_report: str | None = Field(None, description="the report of that year it was traced in")
    links: list[TraceLink] = []
    later_sentences: list[LaterSentence] = []
    answers: list[Answer] = []

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TracedCommitment:
        data = {k: v for k, v in row.items() if k not in ("links", "evidence", "answers")}
        return cls(**data, links=[TraceLink.from_row(x) for x in row.get("links") or []],
                   later_sentences=[LaterSentence(**{**x, "sentence": x.get("text")})
                                    for x in row.get("evidence") or []],
                   answers=[Answer(**x) for x in row.get("answers") or []])  # fmt: skip


class TracedCommitments(Page[TracedCommitment]):
    pass


class Unpromised(Fact):
    """An outcome a report shows that no commitment for that year was followed by."""

    jurisdiction: str | None = None
    jurisdiction_id: str | None = None
    year: int | None = None
    label: str = Field(description="Metric or Programme")
    key: str | None = None
    name: str | None = None
    indicator: str | None = None
    value: float | None = None
    unit: str | None = None


class UnpromisedOutcomes(Page[Unpromised]):
    pass


# --- search and graph ---------------------------------------------------------


class SearchHit(Model):
    label: str
    key: str = Field(description="the node's key: use it with /graph/neighbourhood")
    name: str | None = None
    score: float


class SearchResults(Model):
    q: str
    items: list[SearchHit]


class NodeView(Model):
    id: str = Field(description="label:key")
    label: str
    key: str
    name: str | None = None


class EdgeView(Model):
    type: str
    src: str = Field(description="id (label:key) of the start node")
    dst: str
    action: str | None = None
    relation: str | None = None
    report: str | None = Field(None, description="the report that states the relationship")


class Neighbourhood(Model):
    center: NodeView
    nodes: list[NodeView]
    edges: list[EdgeView]


class Stats(Model):
    nodes: int
    relationships: int
    labels: dict[str, int]
    types: dict[str, int]


class Health(Model):
    status: Literal["ok"]
    store: str = Field(description="embedded or neo4j")


# --- ingestion ----------------------------------------------------------------


class Ingested(Model):
    """What one uploaded report put into the graph."""

    report: str
    title: str | None = None
    year: int | None = None
    jurisdiction: str | None = None
    counts: dict[str, int] = Field(description="items extracted per kind (laws, programmes, metrics ...)")


# --- errors -------------------------------------------------------------------


class Problem(Model):
    where: str = Field(description="the parameter, e.g. query.year_from")
    message: str


class ErrorBody(Model):
    """Every error answer: a code, a sentence saying what to do, and for unknown names suggestions."""

    error: str = Field(
        description="bad_request, not_found, unauthorized, forbidden, too_large, unavailable ..."
    )
    message: str
    suggestions: list[str] = Field(
        [], description="names the graph does know that look like the one asked for"
    )
    problems: list[Problem] = Field([], description="one entry per bad parameter")
