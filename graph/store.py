"""One interface over both stores: ingest records, answer named queries, count.

``open_store`` picks Neo4j when a URI is given (argument or ``NEO4J_URI``),
else the embedded store file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from govkg.extractors.records import ExtractionRecord
from govkg.graph import queries
from govkg.graph.embedded import EmbeddedStore
from govkg.graph.embedded_queries import RUNNERS
from govkg.graph.rows import NodeRow, RelRow, build_rows
from govkg.settings import Settings, get_settings


class Store(Protocol):
    def ingest(self, record: ExtractionRecord) -> None: ...
    def remove(self, report_id: str) -> bool: ...
    def query(self, name: str, **args: Any) -> list[dict[str, Any]]: ...
    def counts(self) -> dict[str, Any]: ...
    def close(self) -> None: ...


class EmbeddedGraph:
    """The embedded store behind the Store interface; ``close`` (or ``save``) persists."""

    kind = "embedded"

    def __init__(self, path: Path):
        self.store = EmbeddedStore.open(path)
        self.dirty = False

    @property
    def location(self) -> str:
        return str(self.store.path)

    def ingest(self, record: ExtractionRecord) -> None:
        self.store.ingest(build_rows(record))
        self.dirty = True

    def ingest_many(self, records: Iterable[ExtractionRecord]) -> int:
        n = 0
        for rec in records:
            self.ingest(rec)
            n += 1
        return n

    def remove(self, report_id: str) -> bool:
        found = self.store.remove_report(report_id)
        self.dirty = self.dirty or found
        return found

    def query(self, name: str, **args: Any) -> list[dict[str, Any]]:
        return RUNNERS[name](self.store, queries.bind(name, args))

    def counts(self) -> dict[str, Any]:
        return self.store.counts()

    def iter_graph(self) -> Iterator[NodeRow | RelRow]:
        """Every node, then every relationship, as stored: what exports read (Neo4jGraph has the same)."""
        g = self.store.g
        for _, d in g.nodes(data=True):
            yield NodeRow(d["label"], d["key"], d["props"])
        for u, v, d in g.edges(data=True):
            src, dst = g.nodes[u], g.nodes[v]
            yield RelRow(d["type"], (src["label"], src["key"]), (dst["label"], dst["key"]), {}, d["props"])

    def save(self) -> None:
        if self.dirty:
            self.store.save()
            self.dirty = False

    def close(self) -> None:
        self.save()


def open_store(settings: Settings | None = None, store_path: Path | None = None,
               neo4j_uri: str | None = None) -> Store:  # fmt: skip
    settings = settings or get_settings()
    uri = neo4j_uri or (None if store_path else settings.neo4j_uri)
    if uri:
        from govkg.graph.neo4j_store import Neo4jGraph

        return Neo4jGraph.connect(settings, uri)
    return EmbeddedGraph(store_path or settings.store_path)
