"""The Neo4j store: the same rows as the embedded store, written with UNWIND … MERGE.

One write transaction per report (replace its facts atomically, then prune
what no report points at any more); rows go in batches; the driver's managed
transactions retry transient errors with backoff. Reads run the named
queries from ``cypher/*.cypher`` in read transactions with a timeout.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from govkg import cypher
from govkg.errors import QueryError, StoreError, StoreUnavailableError
from govkg.extractors.records import ExtractionRecord
from govkg.graph import queries
from govkg.graph.embedded_queries import cjk_tokens
from govkg.graph.rows import KEY_PROP, GraphRows, NodeRow, RelRow, build_rows
from govkg.settings import Settings

BATCH = 1000
_PRUNE_ROUNDS = 8  # a jurisdiction chain is at most province > prefecture > county > township > village


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls: a null in ``SET n += row`` would erase what another report set."""
    return {k: v for k, v in props.items() if v is not None and k != "aliases"}


def node_batches(rows: GraphRows) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in rows.nodes:
        out[n.label].append({"key": n.key, "props": _clean(n.props), "aliases": n.props.get("aliases")})
    return out


def rel_batches(rows: GraphRows) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows.rels:
        name = f"write/rel_{r.type}_{r.src[0]}_{r.dst[0]}"
        out[name].append({"src": r.src[1], "dst": r.dst[1], "ident": r.ident, "props": _clean(r.props)})
    return out


def _chunks(items: list[dict[str, Any]], size: int = BATCH) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def write_report(tx: ManagedTransaction, rows: GraphRows) -> None:
    """Replace one report's facts: remember what they touched, delete, write, prune."""
    touched = _remove(tx, rows.report_id)
    # Nodes first (every relationship MATCHes both ends), Report before the rest.
    batches = node_batches(rows)
    for label in ("Report", *sorted(set(batches) - {"Report"})):
        for chunk in _chunks(batches.get(label, [])):
            tx.run(cypher.load(f"write/node_{label}"), rows=chunk).consume()
    for name, items in sorted(rel_batches(rows).items()):
        for chunk in _chunks(items):
            tx.run(cypher.load(name), rows=chunk).consume()
    prune(tx, touched)


def _remove(tx: ManagedTransaction, report_id: str) -> list[str]:
    rec = tx.run(cypher.load("write/touched"), report=report_id).single()
    touched = rec["touched"] if rec else []
    tx.run(cypher.load("write/delete_report"), report=report_id).consume()
    return touched


def prune(tx: ManagedTransaction, ids: list[str]) -> None:
    for _ in range(_PRUNE_ROUNDS):
        if not ids:
            return
        nexts = [x for rec in tx.run(cypher.load("write/prune"), ids=ids) for x in rec["nexts"]]
        ids = sorted(set(nexts))


def schema_statements() -> list[str]:
    text = "\n".join(ln for ln in cypher.load("schema").splitlines() if not ln.lstrip().startswith("//"))
    return [s.strip() for s in text.split(";") if s.strip()]


class Neo4jGraph:
    """The Store interface over a Neo4j database (local, a cluster via neo4j://, or Aura)."""

    kind = "neo4j"

    def __init__(self, driver: Driver, settings: Settings, uri: str):
        self.driver = driver
        self.settings = settings
        self.location = uri
        self.database = settings.neo4j_database

    @classmethod
    def connect(cls, settings: Settings, uri: str | None = None) -> Neo4jGraph:
        uri = uri or settings.neo4j_uri
        if not uri:
            raise StoreError("no Neo4j URI: pass --neo4j URI or set NEO4J_URI")
        # notifications off: deprecation and "unknown type" hints on an empty database are noise to users
        driver = GraphDatabase.driver(uri, auth=_auth(settings), connection_timeout=10,
                                      max_transaction_retry_time=30, notifications_min_severity="OFF")  # fmt: skip
        graph = cls(driver, settings, uri)
        try:
            driver.verify_connectivity()
            graph.ensure_schema()
        except AuthError as e:
            driver.close()
            raise StoreError(f"Neo4j at {uri} refused the credentials ({e.message}); set NEO4J_USER/NEO4J_PASSWORD") from e
        except (ServiceUnavailable, SessionExpired, DriverError, OSError) as e:
            driver.close()
            raise StoreUnavailableError(
                f"Neo4j at {uri} is not reachable ({e}); start it (`govkg neo4j start`) or check NEO4J_URI"
            ) from e
        return graph

    def ensure_schema(self) -> None:
        with self.driver.session(database=self.database) as s:
            for stmt in schema_statements():
                s.run(stmt).consume()

    def _write(self, fn: Any, *args: Any) -> Any:
        try:
            with self.driver.session(database=self.database) as s:
                return s.execute_write(fn, *args)
        except (ServiceUnavailable, SessionExpired) as e:
            raise StoreUnavailableError(f"Neo4j at {self.location} went away ({e}); nothing of this report was written") from e

    def ingest(self, record: ExtractionRecord) -> None:
        self._write(write_report, build_rows(record))

    def ingest_rows(self, rows: GraphRows) -> None:
        self._write(write_report, rows)

    def remove(self, report_id: str) -> bool:
        def tx_remove(tx: ManagedTransaction) -> bool:
            found = tx.run("MATCH (r:Report {id: $id}) RETURN count(r) AS n", id=report_id).single()["n"] > 0
            prune(tx, _remove(tx, report_id))
            return found

        return bool(self._write(tx_remove))

    def query(self, name: str, **args: Any) -> list[dict[str, Any]]:
        params = queries.bind(name, args)
        if name == "search":
            if not cjk_tokens(params["q"]):
                return []  # nothing searchable left (only punctuation): the embedded store finds nothing too
            params["lucene"] = queries.lucene_terms(params["q"])
        text = cypher.load(name)

        @unit_of_work(timeout=self.settings.query_timeout)
        def run(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [rec.data() for rec in tx.run(text, params)]

        try:
            with self.driver.session(database=self.database) as s:
                return s.execute_read(run)
        except (ServiceUnavailable, SessionExpired) as e:
            raise StoreUnavailableError(f"Neo4j at {self.location} is not reachable ({e})") from e
        except Neo4jError as e:
            if "Timeout" in (e.code or "") or "terminated" in (e.message or "").lower():
                raise QueryError(f"query {name!r} took longer than {self.settings.query_timeout}s; narrow it") from e
            raise

    def counts(self) -> dict[str, Any]:
        rows = self.query("stats")
        labels = {r["name"]: r["count"] for r in rows if r["kind"] == "label"}
        types = {r["name"]: r["count"] for r in rows if r["kind"] == "type"}
        return {"nodes": sum(labels.values()), "relationships": sum(types.values()),
                "labels": labels, "types": types}  # fmt: skip

    def iter_graph(self) -> Iterator[NodeRow | RelRow]:
        """Every node, then every relationship, streamed as they are stored: what exports read."""
        try:
            with self.driver.session(database=self.database) as s:
                for rec in s.run("MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props"):
                    label, props = rec["label"], rec["props"]
                    yield NodeRow(label, str(props.get(KEY_PROP.get(label, "key"))), props)
                for rec in s.run(_ITER_RELS):
                    yield RelRow(rec["type"], (rec["sl"], rec["sk"]), (rec["dl"], rec["dk"]), {}, rec["props"])
        except (ServiceUnavailable, SessionExpired) as e:
            raise StoreUnavailableError(f"Neo4j at {self.location} is not reachable ({e})") from e

    def clear(self) -> None:
        """Delete everything (tests and benchmarks), in batches."""
        with self.driver.session(database=self.database) as s:
            s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()

    def close(self) -> None:
        self.driver.close()


_KEY = ("CASE labels({0})[0] WHEN 'Report' THEN {0}.id WHEN 'Jurisdiction' THEN {0}.id WHEN 'Law' THEN {0}.title "
        "WHEN 'Programme' THEN {0}.name WHEN 'Indicator' THEN {0}.name ELSE {0}.key END")
_ITER_RELS = (f"MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a)[0] AS sl, {_KEY.format('a')} AS sk, "
              f"labels(b)[0] AS dl, {_KEY.format('b')} AS dk, properties(r) AS props")


def _auth(settings: Settings) -> tuple[str, str] | None:
    if settings.neo4j_password is not None:
        return (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    try:  # the project's own local server keeps its generated password in its home
        from govkg.graph.neo4j_server import local_auth

        return local_auth(settings)
    except Exception:  # no local server set up: try without auth
        return None
