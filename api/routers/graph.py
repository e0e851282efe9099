"""The graph itself: a node's neighbourhood (for drawing) and the counts."""

from __future__ import annotations

from typing import Annotated, get_args

from fastapi import APIRouter, Query

from govkg.api.deps import StoreDep, StoreHolder
from govkg.api.models import Label, Neighbourhood, SearchLabel, Stats
from govkg.api.routers._common import ERRORS, NOT_FOUND
from govkg.errors import NotFoundError
from govkg.graph.queries import MAX_TEXT

router = APIRouter(tags=["graph"], responses=ERRORS)


@router.get("/graph/neighbourhood", response_model=Neighbourhood, responses=NOT_FOUND,
            summary="A node, its neighbours and the relationships between them")  # fmt: skip
def neighbourhood(
    store: StoreDep,
    label: Annotated[Label, Query(description="the node's label")],
    key: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_TEXT,
            description="its key (as /search gives it) or, for laws, jurisdictions and "
            "programmes, any name the other routes take",
        ),
    ],  # fmt: skip
    limit: Annotated[int, Query(ge=1, le=500, description="most relationships")] = 100,
) -> Neighbourhood:
    rows = store.query("neighbourhood", label=label, key=key, limit=limit)
    if not rows:
        rows = store.query("neighbourhood", label=label, key=_resolve(store, label, key), limit=limit)
    return Neighbourhood(**rows[0])


def _resolve(store: StoreHolder, label: str, name: str) -> str:
    """The key a name denotes; not found (with the candidates) if none or several."""
    found = [r["key"] for r in store.query("resolve", label=label, ref=name, limit=10)]
    if len(found) == 1:
        return found[0]
    if found:
        raise NotFoundError(f"{name!r} names {len(found)} {label} nodes; ask for one of their keys", found)
    suggestions = store.suggest(label, name) if label in get_args(SearchLabel) else []
    raise NotFoundError(f"no {label} with key or name {name!r} in the graph", suggestions)


@router.get("/stats", response_model=Stats, summary="Node counts per label, relationship counts per type")
def stats(store: StoreDep) -> Stats:
    return Stats(**store.counts())
