"""Jurisdictions: a profile, and the laws their reports cite."""

from __future__ import annotations

from fastapi import APIRouter

from govkg.api.deps import PagingDep, StoreDep, YearsDep
from govkg.api.models import JurisdictionLaw, JurisdictionLaws, JurisdictionProfile, JurisdictionProfiles
from govkg.api.routers._common import ERRORS, NOT_FOUND, Name
from govkg.errors import NotFoundError

router = APIRouter(prefix="/jurisdictions", tags=["jurisdictions"], responses={**ERRORS, **NOT_FOUND})


@router.get(
    "/{name}", response_model=JurisdictionProfiles, summary="What the graph knows about a jurisdiction"
)
def jurisdiction_profile(name: Name, store: StoreDep) -> JurisdictionProfiles:
    """Reports, laws, programmes, roles, metrics and commitments of every jurisdiction the name
    (full name, alias or id) denotes."""
    rows = store.query("jurisdiction-profile", jurisdiction=name)
    if not rows:
        raise NotFoundError(
            f"no jurisdiction named {name!r} in the graph", store.suggest("Jurisdiction", name)
        )
    return JurisdictionProfiles(name=name, jurisdictions=[JurisdictionProfile(**r) for r in rows])


@router.get("/{name}/laws", response_model=JurisdictionLaws, summary="Laws a jurisdiction's reports cite")
def jurisdiction_laws(name: Name, store: StoreDep, page: PagingDep, years: YearsDep) -> JurisdictionLaws:
    rows = store.query("laws-cited-by", jurisdiction=name, year_from=years.year_from, year_to=years.year_to,
                       **page.ask())  # fmt: skip
    if not rows:
        store.require("Jurisdiction", name, "jurisdiction")
    return JurisdictionLaws(**page.page([JurisdictionLaw.from_row(r) for r in rows]))
