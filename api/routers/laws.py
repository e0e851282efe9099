"""Laws: which regions cite a law (by canonical title, short title or alias)."""

from __future__ import annotations

from fastapi import APIRouter

from govkg.api.deps import LevelDep, PagingDep, StoreDep, YearsDep
from govkg.api.models import LawRegion, LawRegions
from govkg.api.routers._common import ERRORS, NOT_FOUND, Name

router = APIRouter(prefix="/laws", tags=["laws"], responses={**ERRORS, **NOT_FOUND})


@router.get("/{name}/regions", response_model=LawRegions, summary="Regions whose reports cite a law")
def law_regions(
    name: Name, store: StoreDep, page: PagingDep, years: YearsDep, level: LevelDep = None
) -> LawRegions:
    """Jurisdictions whose reports cite (enact, draft, revise, repeal) the law, each with the
    report, its year and the sentence. ``安全生产法``, ``中华人民共和国安全生产法`` and
    ``《安全生产法》`` name the same law."""
    rows = store.query("regions-citing", law=name, year_from=years.year_from, year_to=years.year_to, level=level,
                       **page.ask())  # fmt: skip
    if not rows:
        store.require("Law", name, "law")
    return LawRegions(**page.page([LawRegion.from_row(r) for r in rows]))
