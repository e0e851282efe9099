"""Is the service up, and is its store reachable?"""

from __future__ import annotations

from fastapi import APIRouter

from govkg.api.deps import StoreDep
from govkg.api.models import Health
from govkg.api.routers._common import ERRORS

router = APIRouter(tags=["system"], responses=ERRORS)


@router.get("/health", response_model=Health, summary="Up, with a reachable store (503 if not)")
def health(store: StoreDep) -> Health:
    store.ping()
    return Health(status="ok", store=store.kind)
