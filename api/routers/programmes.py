"""Programmes: which regions report carrying out a programme."""

from __future__ import annotations

from fastapi import APIRouter

from govkg.api.deps import PagingDep, StoreDep, YearsDep
from govkg.api.models import ProgrammeRegion, ProgrammeRegions
from govkg.api.routers._common import ERRORS, NOT_FOUND, Name

router = APIRouter(prefix="/programmes", tags=["programmes"], responses={**ERRORS, **NOT_FOUND})


@router.get("/{name}/regions", response_model=ProgrammeRegions, summary="Regions carrying out a programme")
def programme_regions(name: Name, store: StoreDep, page: PagingDep, years: YearsDep) -> ProgrammeRegions:
    """Jurisdictions whose reports say they carry out the programme (by name or alias)."""
    rows = store.query("programme-regions", programme=name, year_from=years.year_from, year_to=years.year_to,
                       **page.ask())  # fmt: skip
    if not rows:
        store.require("Programme", name, "programme")
    return ProgrammeRegions(**page.page([ProgrammeRegion.from_row(r) for r in rows]))
