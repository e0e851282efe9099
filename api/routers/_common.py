"""What the routers share: the name path parameter and the error answers every route documents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path

from govkg.api.models import ErrorBody
from govkg.graph.queries import MAX_TEXT

Name = Annotated[str, Path(min_length=1, max_length=MAX_TEXT,
                           description="a name as people write it: full title, short title or alias")]  # fmt: skip

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "a bad parameter: the message says which and why"},
    500: {
        "model": ErrorBody,
        "description": "an unexpected error (logged on the server; no details in the answer)",
    },
    503: {"model": ErrorBody, "description": "the graph store (Neo4j) cannot be reached; try again later"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {
        "model": ErrorBody,
        "description": "the graph knows no such name; suggestions list names it does know",
    },
}
