"""Commitments: what a jurisdiction's reports promise for the next year."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from govkg.api.deps import YEAR_MAX, YEAR_MIN, PagingDep, StoreDep
from govkg.api.models import CommitmentItem, Commitments
from govkg.api.routers._common import ERRORS, NOT_FOUND, Name

router = APIRouter(tags=["commitments"], responses={**ERRORS, **NOT_FOUND})

Year = Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX, description="only commitments for this year")]


@router.get("/jurisdictions/{name}/commitments", response_model=Commitments,
            summary="A jurisdiction's commitments (plan items)")  # fmt: skip
def jurisdiction_commitments(name: Name, store: StoreDep, page: PagingDep, year: Year = None) -> Commitments:
    """Plan items of the jurisdiction's reports, with what each concerns (programmes, laws, indicators)."""
    rows = store.query("commitments", jurisdiction=name, year=year, **page.ask())
    if not rows:
        store.require("Jurisdiction", name, "jurisdiction")
    return Commitments(**page.page([CommitmentItem.from_row(r) for r in rows]))
