"""Indicators and their metrics: one indicator across jurisdictions and years."""

from __future__ import annotations

from fastapi import APIRouter

from govkg.api.deps import LevelDep, PagingDep, StoreDep, YearsDep
from govkg.api.models import MetricObservation, MetricObservations
from govkg.api.routers._common import ERRORS, NOT_FOUND, Name

router = APIRouter(prefix="/indicators", tags=["indicators"], responses={**ERRORS, **NOT_FOUND})


@router.get("/{name}/metrics", response_model=MetricObservations, summary="An indicator's reported values")
def indicator_metrics(name: Name, store: StoreDep, page: PagingDep, years: YearsDep,
                      level: LevelDep = None) -> MetricObservations:  # fmt: skip
    """Every reported value of the indicator (canonical name, e.g. 行政复议案件数), by year and jurisdiction."""
    rows = store.query("metric-comparison", indicator=name, year_from=years.year_from, year_to=years.year_to,
                       level=level, **page.ask())  # fmt: skip
    if not rows:
        store.require("Indicator", name, "indicator")
    return MetricObservations(**page.page([MetricObservation.from_row(r) for r in rows]))
