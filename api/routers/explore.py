"""The built-in explorer (``/explore``) and the report view (``/reports/{id}``).

``/explore`` is a page built from ``frontend/`` into the package's ``static/explore`` (nothing is
fetched from elsewhere at run time). It searches with ``/search``, draws ``/explore/neighbourhood``
(the named ``neighbourhood`` query, with each node's and relationship's report year for the year
filter) and shows the evidence of what is clicked (``/explore/node``, ``/explore/evidence``).
``/reports/{id}`` is the report's text with every fact it states highlighted, and the facts.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from importlib.resources import files
from typing import Annotated, Any, Literal, TypeVar, get_args

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import Field

from govkg.api.deps import StoreDep, StoreHolder
from govkg.api.models import EdgeView, ErrorBody, Label, Model, NodeView, SearchLabel
from govkg.api.report_view import render
from govkg.api.routers import graph
from govkg.api.routers._common import ERRORS, NOT_FOUND
from govkg.api.style import STYLES
from govkg.errors import NotFoundError
from govkg.graph import explore
from govkg.graph.queries import MAX_TEXT
from govkg.graph.rows import LABELS

router = APIRouter(tags=["explore"], responses=ERRORS)
T = TypeVar("T")

RelType = Literal["ABOUT", "MENTIONS", "CITES", "COMMITS_TO", "CONCERNS", "ACHIEVED", "OF", "IMPLEMENTS",
                  "REPORTS_ROLE", "HOLDS", "IN", "PART_OF", "FOLLOWED_BY"]  # fmt: skip
NodeRef = Annotated[str, Query(min_length=3, max_length=MAX_TEXT + 16, pattern=rf"^({'|'.join(LABELS)}):.+",
                               description="a node id as the drawing gives it: Label:key")]  # fmt: skip
KeyParam = Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="the node's key (or, for laws, "
                                "jurisdictions and programmes, a name the other routes take)")]  # fmt: skip

# --- models ----------------------------------------------------------------------------------


class LabelInfo(Model):
    label: str
    colour: str = Field(description="fill, as in Neo4j Browser's govkg.grass")
    border: str
    text: str = Field(description="text colour on the fill")
    count: int = Field(description="nodes of this label in the graph")


class ExploreMeta(Model):
    """What the explorer's filters offer: every label with its colour and count, every report year."""

    store: str = Field(description="embedded or neo4j")
    labels: list[LabelInfo]
    years: list[int]


class ExploreNode(NodeView):
    year: int | None = Field(None, description="a report's year (other nodes take their years from their links)")


class ExploreEdge(EdgeView):
    year: int | None = Field(None, description="the year of the report that states it (null: world knowledge)")


class ExploreNeighbourhood(Model):
    center: ExploreNode
    nodes: list[ExploreNode]
    edges: list[ExploreEdge]


class EvidenceRow(Model):
    """One relationship with its provenance: the report, the section, the sentence, the mention in it."""

    type: str
    src: str = Field(description="id (label:key) of the start node")
    dst: str
    report: str | None = None
    report_title: str | None = None
    report_year: int | None = None
    section: str | None = None
    sentence: str = Field(description="the sentence that states it")
    start: int | None = Field(None, description="offsets of the mention in the report's normalised text")
    end: int | None = None
    mention_from: int | None = Field(None, description="where the mention starts in the sentence (null: unknown)")
    mention_to: int | None = None
    action: str | None = None
    relation: str | None = None
    surface: str | None = None
    match: str | None = None
    score: float | None = None


class NodeDetail(NodeView):
    props: dict[str, Any] = Field(description="its properties (a report's sentences left out)")
    statements: int = Field(description="relationships with evidence that touch it")
    evidence: list[EvidenceRow] = Field(description="the newest of them")


class EvidenceList(Model):
    items: list[EvidenceRow]


# --- JSON --------------------------------------------------------------------------------


def read(store: StoreHolder, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one of graph.explore's reads on the app's store, under the store's read lock."""
    graph_ = store.get()
    with store.rw.read():
        return fn(graph_, *args, **kwargs)


@router.get("/explore/meta", response_model=ExploreMeta, summary="Labels (with colours and counts) and years")
def meta(store: StoreDep) -> ExploreMeta:
    counts = store.counts()["labels"]
    labels = [LabelInfo(label=k, colour=s.colour, border=s.border, text=s.text, count=counts.get(k, 0))
              for k, s in STYLES.items()]  # fmt: skip
    years = sorted({y for y in read(store, explore.report_years).values() if y is not None})
    return ExploreMeta(store=store.kind, labels=labels, years=years)


@router.get("/explore/neighbourhood", response_model=ExploreNeighbourhood, responses=NOT_FOUND,
            summary="A node's neighbourhood with the report year of each node and relationship")  # fmt: skip
def neighbourhood(
    store: StoreDep,
    label: Annotated[Label, Query(description="the node's label")],
    key: KeyParam,
    limit: Annotated[int, Query(ge=1, le=500, description="most relationships")] = 100,
) -> ExploreNeighbourhood:
    found = graph.neighbourhood(store, label=label, key=key, limit=limit)
    reports = {e.report for e in found.edges if e.report} | {n.key for n in found.nodes if n.label == "Report"}
    years = read(store, explore.report_years, reports)

    def edge_year(e: EdgeView) -> int | None:
        ends = [r.partition(":")[2] for r in (e.src, e.dst) if r.startswith("Report:")]
        owner = e.report or (ends[0] if ends else None)
        return years.get(owner) if owner else None

    def node(n: NodeView) -> ExploreNode:
        return ExploreNode(**n.model_dump(), year=years.get(n.key) if n.label == "Report" else None)

    return ExploreNeighbourhood(center=node(found.center), nodes=[node(n) for n in found.nodes],
                                edges=[ExploreEdge(**e.model_dump(), year=edge_year(e)) for e in found.edges])  # fmt: skip


@router.get("/explore/node", response_model=NodeDetail, responses=NOT_FOUND,
            summary="A node's properties and the evidence of the statements about it")  # fmt: skip
def node_detail(
    store: StoreDep,
    label: Annotated[Label, Query(description="the node's label")],
    key: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="the node's key")],
    limit: Annotated[int, Query(ge=1, le=explore.MAX_EVIDENCE, description="most evidence rows")] = 20,
) -> NodeDetail:
    found = read(store, explore.node, label, key)
    if found is None:
        suggestions = store.suggest(label, key) if label in get_args(SearchLabel) else []
        raise NotFoundError(f"no {label} with key {key!r} in the graph", suggestions)
    rows = read(store, explore.evidence, label, key, limit=limit)
    return NodeDetail(**found, evidence=[EvidenceRow(**r) for r in rows])


@router.get("/explore/evidence", response_model=EvidenceList, responses=NOT_FOUND,
            summary="The evidence of the relationships of one type from one node to another")  # fmt: skip
def evidence(
    store: StoreDep,
    type: Annotated[RelType, Query(description="the relationship type")],  # noqa: A002 - the API's word
    src: NodeRef,
    dst: NodeRef,
    limit: Annotated[int, Query(ge=1, le=explore.MAX_EVIDENCE, description="most rows")] = 50,
) -> EvidenceList:
    label, key = explore.split_ref(src)
    explore.split_ref(dst)
    if read(store, explore.node, label, key) is None:
        raise NotFoundError(f"no node {src!r} in the graph")
    rows = read(store, explore.evidence, label, key, type, dst, limit=limit)
    return EvidenceList(items=[EvidenceRow(**r) for r in rows])


# --- pages -------------------------------------------------------------------------------

# An HTML page whose errors are JSON: each answer's media type said explicitly (a "model" would be
# documented as the route's text/html).
_JSON_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
REPORT_PAGE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {"schema": {"type": "string"}}},
          "description": "the report's text with its facts highlighted, and a table of the facts"},
    404: {"content": _JSON_ERROR, "description": "no report with this id; suggestions list reports that look alike"},
    **{code: {"content": _JSON_ERROR, "description": r["description"]} for code, r in ERRORS.items()},
}  # fmt: skip


@router.get("/reports/{report_id}", response_class=HTMLResponse, responses=REPORT_PAGE,
            summary="A report's text with every extracted fact highlighted, and its facts")  # fmt: skip
def report_view(
    store: StoreDep,
    report_id: Annotated[str, Path(min_length=1, max_length=MAX_TEXT, description="the report's id")],
    start: Annotated[int | None, Query(ge=0, le=10**9, description="mark the fact at these offsets")] = None,
    end: Annotated[int | None, Query(ge=0, le=10**9)] = None,
) -> HTMLResponse:
    page = read(store, explore.report_page, report_id)
    if page is None:
        ids = read(store, explore.report_years)
        raise NotFoundError(f"no report {report_id!r} in the graph", difflib.get_close_matches(report_id, ids, 5, 0.5))
    selected = (start, end) if start is not None and end is not None else None
    return HTMLResponse(render(page, served=True, selected=selected))


# --- the explorer's files ------------------------------------------------------------------

STATIC = "static/explore"
MEDIA = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".json": "application/json", ".txt": "text/plain; charset=utf-8"}  # fmt: skip
_ASSET = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _static(name: str) -> Response:
    path = files("govkg.api").joinpath(STATIC, name)
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if not _ASSET.match(name) or suffix not in MEDIA or not path.is_file():
        raise NotFoundError(f"the explorer has no file {name!r}")
    return Response(path.read_bytes(), media_type=MEDIA[suffix], headers={"Cache-Control": "no-cache"})


@router.get("/explore", include_in_schema=False)
def explorer() -> Response:
    """The explorer page: search, draw, filter, read the evidence."""
    try:
        return _static("index.html")
    except NotFoundError:
        body = ErrorBody(error="unavailable", message="the explorer's files are missing from this installation: "
                         "run npm run build in frontend/ (or reinstall govkg)")  # fmt: skip
        return JSONResponse(body.model_dump(), status_code=503)


@router.get("/explore/assets/{name}", include_in_schema=False)
def asset(name: Annotated[str, Path(max_length=100)]) -> Response:
    return _static(name)
