"""What the routes depend on: settings, the store (behind its locks), paging, filters, the API key.

The store is opened once per app (in the lifespan, or on first use) and shared
by every request. Queries read it under a shared lock; ingestion is one writer
at a time, and mutates the embedded graph under the exclusive lock, so a query
never sees a report half-replaced. A Neo4j server that is down at start-up
does not stop the app: requests answer 503 and the next one tries again.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from fastapi import Depends, Query, Request
from fastapi.security import APIKeyHeader

from govkg.errors import GovkgError, NotFoundError, QueryError, StoreError, StoreUnavailableError
from govkg.extractors.records import Level
from govkg.graph.queries import MAX_LIMIT
from govkg.graph.store import Store, open_store
from govkg.settings import Settings

log = logging.getLogger("govkg.api")

RETRY_AFTER = 2.0  # seconds between attempts to reach a store that was down
MAX_SKIP = 1_000_000
# Reports exist from the PRC's founding on; the bounds also keep numbers within Neo4j's integers.
YEAR_MIN, YEAR_MAX = 1949, 2100


class RWLock:
    """Many readers or one writer. A waiting writer holds back new readers, so a steady stream
    of queries cannot starve an upload. Not re-entrant: a reader must not take it twice."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Forbidden(GovkgError):
    """Ingestion over the API is off (no API key configured)."""


class Unauthorized(GovkgError):
    """No API key, or the wrong one."""


class TooLarge(GovkgError):
    """An upload over the size limit."""


class StoreHolder:
    """The app's one store, opened once; queries and ingestion go through it."""

    def __init__(self, settings: Settings, store: Store | None = None):
        self.settings = settings
        self.store = store
        self.owned = store is None  # a store handed in by the caller is the caller's to close
        self.rw = RWLock()
        self.writer = threading.Lock()  # one ingestion at a time (extraction included)
        self._opening = threading.Lock()
        self._failed_at = 0.0
        self._error: GovkgError | None = None
        self._resources: Any = None

    @property
    def kind(self) -> str:
        kind = getattr(self.store, "kind", None)
        return kind or ("neo4j" if self.settings.neo4j_uri else "embedded")

    def open(self) -> None:
        """Open the store now (app start-up); an unreachable Neo4j or a damaged store file is logged,
        answered 503 and tried again later (so a restored file is picked up without a restart)."""
        try:
            store = self.get()
        except StoreError as e:
            log.warning("the store cannot be opened yet; requests answer 503 until it can: %s", e)
            return
        if self.owned and getattr(store, "kind", "") == "embedded" and not store.counts()["nodes"]:
            where = getattr(store, "location", "the store")
            log.warning("the graph in %s is empty: ingest reports first (govkg ingest --store ...)", where)

    def get(self) -> Store:
        if self.store is not None:
            return self.store
        with self._opening:
            if self.store is None:
                if self._error is not None and time.monotonic() - self._failed_at < RETRY_AFTER:
                    raise self._error
                try:
                    self.store = open_store(self.settings)
                except StoreError as e:  # unreachable, or a damaged file: 503, tried again later
                    self._error, self._failed_at = e, time.monotonic()
                    raise
                self._error = None
            return self.store

    def query(self, name: str, **args: Any) -> list[dict[str, Any]]:
        store = self.get()
        with self.rw.read():
            return store.query(name, **args)

    def counts(self) -> dict[str, Any]:
        store = self.get()
        with self.rw.read():
            return store.counts()

    def resources(self) -> Any:
        """The extraction resources (gazetteer, catalogue, segmenter), loaded on the first upload."""
        if self._resources is None:
            from govkg.extractors.resources import load_resources

            self._resources = load_resources(self.settings)
        return self._resources

    def ping(self) -> None:
        """Raise StoreUnavailableError unless the store answers (the embedded one always does)."""
        store = self.get()
        verify = getattr(getattr(store, "driver", None), "verify_connectivity", None)
        if verify is None:
            return
        from neo4j.exceptions import DriverError, Neo4jError

        try:
            verify()
        except (DriverError, Neo4jError, OSError) as e:
            raise StoreUnavailableError(
                f"Neo4j at {getattr(store, 'location', '?')} is not reachable ({e})"
            ) from e

    def close(self) -> None:
        if self.owned and self.store is not None:
            self.store.close()
            self.store = None

    # --- names -----------------------------------------------------------------

    def require(self, label: str, name: str, what: str) -> list[dict[str, Any]]:
        """The nodes ``name`` denotes; NotFoundError (with suggestions) if none."""
        found = self.query("resolve", label=label, ref=name)
        if not found:
            raise NotFoundError(f"no {what} named {name!r} in the graph", self.suggest(label, name))
        return found

    def suggest(self, label: str, name: str, n: int = 5) -> list[str]:
        """Did-you-mean: the best full-text matches of the same label."""
        try:
            hits = self.query("search", q=name, label=label, limit=n)
        except QueryError:
            return []
        return list(dict.fromkeys(h["name"] for h in hits if h.get("name")))


def holder(request: Request) -> StoreHolder:
    return request.app.state.holder


def settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[StoreHolder, Depends(holder)]
SettingsDep = Annotated[Settings, Depends(settings)]


# --- paging and filters ----------------------------------------------------------


@dataclass(frozen=True)
class Paging:
    limit: int
    skip: int

    def ask(self) -> dict[str, int]:
        """Query arguments: one row more than a page, to know whether another page follows."""
        return {"limit": self.limit + 1, "skip": self.skip}

    def page(self, rows: list[Any]) -> dict[str, Any]:
        more = len(rows) > self.limit
        return {"items": rows[: self.limit], "limit": self.limit, "skip": self.skip,
                "next_skip": self.skip + self.limit if more else None}  # fmt: skip


def page_size(s: Settings) -> int:
    """The largest page: the settings' maximum, one under the queries' own cap (for the look-ahead row)."""
    return max(1, min(s.max_page_size, MAX_LIMIT - 1))


LIMIT_HELP = "most items on a page (at most the server's max_page_size)"


def paging(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT - 1, description=LIMIT_HELP)] = 50,
    skip: Annotated[
        int, Query(ge=0, le=MAX_SKIP, description="items to skip (the previous page's next_skip)")
    ] = 0,
) -> Paging:
    most = page_size(request.app.state.settings)
    if limit > most:
        raise QueryError(f"limit must be at most {most} on this server")
    return Paging(limit, skip)


PagingDep = Annotated[Paging, Depends(paging)]

LevelName = Literal[get_args(Level)]  # type: ignore[valid-type]


@dataclass(frozen=True)
class Years:
    year_from: int | None
    year_to: int | None


def years(
    year_from: Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX, description="first report year")] = None,
    year_to: Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX, description="last report year")] = None,
) -> Years:
    if year_from is not None and year_to is not None and year_from > year_to:
        raise QueryError(f"year_from ({year_from}) is after year_to ({year_to})")
    return Years(year_from, year_to)


YearsDep = Annotated[Years, Depends(years)]
LevelDep = Annotated[LevelName | None, Query(description="only jurisdictions of this level")]

# --- the API key --------------------------------------------------------------------

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="the server's GOVKG_API_KEY")


def require_api_key(s: SettingsDep, given: Annotated[str | None, Depends(api_key_header)]) -> None:
    """Writes need the configured key, compared in constant time; with no key configured they are off."""
    if s.api_key is None or not s.api_key.get_secret_value():
        raise Forbidden("uploading reports is off on this server: it has no GOVKG_API_KEY")
    expected = s.api_key.get_secret_value().encode("utf-8")
    if not given or not hmac.compare_digest(given.encode("utf-8"), expected):
        raise Unauthorized("send the server's API key in the X-API-Key header")
