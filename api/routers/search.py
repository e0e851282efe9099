"""Full-text search over names and titles (the way to find the exact name a route wants)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from govkg.api.deps import StoreDep
from govkg.api.models import SearchHit, SearchLabel, SearchResults
from govkg.api.routers._common import ERRORS
from govkg.graph.queries import MAX_TEXT

router = APIRouter(tags=["search"], responses=ERRORS)


@router.get("/search", response_model=SearchResults, summary="Find nodes by words of their name")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="words to look for")],
    label: Annotated[SearchLabel | None, Query(description="only nodes of this label")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="most results")] = 20,
) -> SearchResults:
    """Best matches first. Chinese text matches by character pairs, so 安全生产 finds 中华人民共和国安全生产法."""
    rows = store.query("search", q=q, label=label, limit=limit)
    return SearchResults(q=q, items=[SearchHit(**r) for r in rows])
