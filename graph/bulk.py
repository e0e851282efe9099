"""Loading many reports into Neo4j: the per-report writes of :mod:`govkg.graph.neo4j_store`, batched.

``Neo4jGraph.ingest`` writes one report per transaction: some 25 statements (touched, delete,
one MERGE per label, one per relationship type, prune), each a round trip, plus a commit. At
scale the round trips are the cost, not the work (about 250 ms a report on a loaded 2-core
machine, 400 relationships a second). :func:`ingest_many` writes ``per_tx`` reports in one
transaction with the same statements over all their rows::

    from govkg.graph.bulk import ingest_many
    ingest_many(graph, records, per_tx=200)

The result is the graph the per-report loader builds (tests/graph/test_bulk.py compares them):
the reports' old facts are removed first, the rows are written in report order (later values
win, aliases are unions, as one after the other), and nodes nothing points at any more are
pruned last. A report id that comes twice starts a new transaction, so the later one replaces
the earlier as it would one at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from neo4j import ManagedTransaction

from govkg import cypher
from govkg.extractors.records import ExtractionRecord
from govkg.graph.neo4j_store import Neo4jGraph, _chunks, node_batches, prune, rel_batches
from govkg.graph.rows import GraphRows, build_rows

PER_TX = 200


def write_reports(tx: ManagedTransaction, batch: list[GraphRows]) -> None:
    """Replace several reports' facts in one transaction (distinct report ids)."""
    ids = [rows.report_id for rows in batch]
    rec = tx.run(cypher.load("write/touched_many"), reports=ids).single()
    touched = rec["touched"] if rec else []
    tx.run(cypher.load("write/delete_reports"), reports=ids).consume()
    nodes: dict[str, list[dict[str, Any]]] = {}
    rels: dict[str, list[dict[str, Any]]] = {}
    for rows in batch:  # in report order: the later report's values win, as one after the other
        for label, items in node_batches(rows).items():
            nodes.setdefault(label, []).extend(items)
        for name, items in rel_batches(rows).items():
            rels.setdefault(name, []).extend(items)
    for label in ("Report", *sorted(set(nodes) - {"Report"})):
        for chunk in _chunks(nodes.get(label, [])):
            tx.run(cypher.load(f"write/node_{label}"), rows=chunk).consume()
    for name, items in sorted(rels.items()):
        for chunk in _chunks(items):
            tx.run(cypher.load(name), rows=chunk).consume()
    prune(tx, touched)


def batches(rows: Iterable[GraphRows], per_tx: int = PER_TX) -> Iterator[list[GraphRows]]:
    """Runs of at most ``per_tx`` reports with distinct ids (a repeated id starts a new run)."""
    batch: list[GraphRows] = []
    ids: set[str] = set()
    for r in rows:
        if len(batch) >= per_tx or r.report_id in ids:
            yield batch
            batch, ids = [], set()
        batch.append(r)
        ids.add(r.report_id)
    if batch:
        yield batch


def ingest_many(graph: Neo4jGraph, records: Iterable[ExtractionRecord], per_tx: int = PER_TX) -> int:
    """Ingest records ``per_tx`` reports a transaction; the number of reports."""
    n = 0
    for batch in batches((build_rows(rec) for rec in records), per_tx):
        graph._write(write_reports, batch)
        n += len(batch)
    return n
