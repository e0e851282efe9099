"""Commitments: what a jurisdiction's reports promise for the next year, and what became of it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from govkg.api.deps import YEAR_MAX, YEAR_MIN, PagingDep, StoreDep
from govkg.api.models import (
    CommitmentItem,
    Commitments,
    TracedCommitment,
    TracedCommitments,
    TraceStatus,
    Unpromised,
    UnpromisedOutcomes,
)
from govkg.api.routers._common import ERRORS, NOT_FOUND, Name

router = APIRouter(tags=["commitments"], responses={**ERRORS, **NOT_FOUND})

Year = Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX, description="only commitments for this year")]
ReportYear = Annotated[
    int | None, Query(ge=YEAR_MIN, le=YEAR_MAX, description="only the report on this year")
]


@router.get("/jurisdictions/{name}/commitments", response_model=Commitments,
            summary="A jurisdiction's commitments (plan items)")  # fmt: skip
def jurisdiction_commitments(name: Name, store: StoreDep, page: PagingDep, year: Year = None) -> Commitments:
    """Plan items of the jurisdiction's reports, with what each concerns (programmes, laws, indicators)."""
    rows = store.query("commitments", jurisdiction=name, year=year, **page.ask())
    if not rows:
        store.require("Jurisdiction", name, "jurisdiction")
    return Commitments(**page.page([CommitmentItem.from_row(r) for r in rows]))


@router.get("/jurisdictions/{name}/trace", response_model=TracedCommitments,
            summary="What became of a jurisdiction's commitments")  # fmt: skip
def jurisdiction_trace(
    name: Name,
    store: StoreDep,
    page: PagingDep,
    year: Year = None,
    status: Annotated[TraceStatus | None, Query(description="only commitments with this outcome")] = None,
) -> TracedCommitments:
    """Each commitment with its outcome in the jurisdiction's report for that year: done,
    progressed, mentioned, not_mentioned, or no_later_report; the links (metrics, programmes,
    laws) and the later sentences that show it, and the shortcomings it answers."""
    rows = store.query("trace", jurisdiction=name, year=year, status=status, **page.ask())
    if not rows:
        store.require("Jurisdiction", name, "jurisdiction")
    return TracedCommitments(**page.page([TracedCommitment.from_row(r) for r in rows]))


@router.get("/jurisdictions/{name}/unpromised", response_model=UnpromisedOutcomes,
            summary="Outcomes no commitment promised")  # fmt: skip
def jurisdiction_unpromised(name: Name, store: StoreDep, page: PagingDep,
                            year: ReportYear = None) -> UnpromisedOutcomes:  # fmt: skip
    """Metrics and programmes a report shows (measures, leadership) that none of the
    jurisdiction's commitments for that year was followed by."""
    rows = store.query("trace-unpromised", jurisdiction=name, year=year, **page.ask())
    if not rows:
        store.require("Jurisdiction", name, "jurisdiction")
    return UnpromisedOutcomes(**page.page([Unpromised.from_row(r) for r in rows]))
