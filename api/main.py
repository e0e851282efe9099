"""The govkg HTTP API: the named queries over either store, one router per resource.

``create_app(settings, store)`` builds the app; ``govkg serve`` runs it with
uvicorn. The store comes from the settings (the embedded store file, or Neo4j
when ``NEO4J_URI`` is set), is opened once when the app starts and closed when
it stops; a store handed in (tests) is used as it is and left open.

Errors are JSON (:class:`ErrorBody`) with a sentence saying what to do: 422 for
a bad parameter, 404 for a name the graph does not know (with suggestions),
503 when Neo4j cannot be reached, and a bare 500 (details only in the log) for
anything unforeseen.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from govkg import __version__
from govkg.api.deps import LIMIT_HELP, Forbidden, StoreHolder, TooLarge, Unauthorized, page_size
from govkg.api.models import ErrorBody, Problem
from govkg.api.routers import (
    browser,
    commitments,
    explore,
    graph,
    indicators,
    jurisdictions,
    laws,
    programmes,
    reports,
    search,
    system,
)
from govkg.api.routers.reports import LengthRequired
from govkg.errors import (
    GovkgError,
    InputError,
    ModelMissingError,
    NotFoundError,
    QueryError,
    StoreError,
    StoreUnavailableError,
)
from govkg.graph.store import Store
from govkg.settings import Settings, get_settings

log = logging.getLogger("govkg.api")

ROUTERS = (laws, jurisdictions, commitments, programmes, indicators, search, graph, reports, explore, system,
           browser)

DESCRIPTION = """A knowledge graph of Chinese governance built from local governments' 法治政府建设年度报告.

Ask by name, as people write it: `/laws/安全生产法/regions`, `/jurisdictions/大同市`.
Every fact comes with its evidence: the report, the section and the sentence.
Lists are paged with `limit` and `skip` (the previous page's `next_skip`)."""

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         411: "length_required", 413: "too_large", 422: "bad_parameter", 500: "internal", 503: "unavailable"}  # fmt: skip

# The errors govkg raises on purpose, most specific first (Starlette picks by the exception's class).
STATUS: tuple[tuple[type[GovkgError], int], ...] = (
    (NotFoundError, 404),
    (LengthRequired, 411),
    (QueryError, 422),
    (InputError, 422),
    (Unauthorized, 401),
    (Forbidden, 403),
    (TooLarge, 413),
    (StoreUnavailableError, 503),
    (StoreError, 503),
    (ModelMissingError, 503),
    (GovkgError, 400),
)


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or get_settings()
    holder = StoreHolder(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(holder.open)
        try:
            yield
        finally:
            await run_in_threadpool(holder.close)

    app = FastAPI(title="govkg", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.holder = holder
    for module in ROUTERS:
        app.include_router(module.router)
    _add_error_handlers(app)
    if settings.cors_origins:  # closed unless asked for: browsers refuse other origins by default
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-API-Key", "Pragma", "Cache-Control"])  # fmt: skip
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def settings_for(base: Settings, store: Path | None = None, neo4j_uri: str | None = None) -> Settings:
    """The settings with the command line's store choice: --store means the embedded store, whatever NEO4J_URI says."""
    if store is not None:
        return base.model_copy(update={"store": store, "neo4j_uri": None})
    if neo4j_uri:
        return base.model_copy(update={"neo4j_uri": neo4j_uri})
    return base


def serve(
    store: Path | None = None, neo4j_uri: str | None = None, host: str = "127.0.0.1", port: int = 8000
) -> int:
    """Run the app with uvicorn, one process (the embedded store lives in it; its locks are per process)."""
    import uvicorn

    settings = settings_for(get_settings(), store, neo4j_uri)
    uvicorn.run(create_app(settings), host=host, port=port, workers=1, log_level="info")
    return 0


def error(status: int, message: str, suggestions: list[str] | None = None,
          problems: list[Problem] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:  # fmt: skip
    body = ErrorBody(error=CODES.get(status, "error"), message=message, suggestions=suggestions or [],
                     problems=problems or [])  # fmt: skip
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    for exc_type, status in STATUS:
        app.add_exception_handler(exc_type, _govkg_handler(status))
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)


def _govkg_handler(status: int) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    async def handle(request: Request, exc: Exception) -> JSONResponse:
        if status == 503:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
            return error(status, str(exc), headers={"Retry-After": "5"})
        return error(status, str(exc), suggestions=getattr(exc, "suggestions", None))

    return handle


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422, in the same shape as every other error and without echoing the input back."""
    problems = [Problem(where=".".join(str(p) for p in e.get("loc", ())), message=e.get("msg", "invalid"))
                for e in exc.errors()]  # fmt: skip
    summary = "; ".join(f"{p.where}: {p.message}" for p in problems[:3])
    return error(422, f"bad parameters: {summary}", problems=problems)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
    if exc.status_code == 404 and message == "Not Found":
        message = f"no route {request.url.path}; see /docs for the routes"
    return error(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """The last resort: log everything, tell the client nothing of the internals."""
    log.exception("unexpected error answering %s %s", request.method, request.url.path)
    return error(500, "an unexpected error occurred; it has been logged on the server")


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The schema, with each page's ``limit`` maximum set to this server's ``max_page_size``."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        most = page_size(app.state.settings)
        for path in schema.get("paths", {}).values():
            for op in path.values():
                for param in op.get("parameters", []):
                    if param.get("name") == "limit" and param.get("description") == LIMIT_HELP:
                        param["schema"]["maximum"] = most
        app.openapi_schema = schema
    return app.openapi_schema
