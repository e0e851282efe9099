"""Loading many reports into Neo4j: the per-report writes of :mod:`govkg.graph.neo4j_store`, batched.

``Neo4jGraph.ingest`` writes one report per transaction: some 25 statements (touched, delete,
one MERGE per label, one per relationship type, prune), each a round trip, plus a commit. At
scale the round trips are the cost, not the work. :func:`ingest_many` writes ``per_tx``
reports in one transaction with the same statements over all their rows::

    from govkg.graph.bulk import ingest_many
    ingest_many(graph, records, per_tx=200)

and sends each node and relationship once: the rows of a batch that name the same node (the
same law cited by 200 reports) are merged first, as MERGE would merge them one after the other
(later values win, nulls never erase, aliases are a union). A report's own Metric and
Commitment nodes are created with the relationship that owns them in one statement
(``write/create_*``): its old ones were deleted just before, so there is nothing to merge.

The result is the graph the per-report loader builds (tests/graph/test_bulk.py compares them):
the reports' old facts are removed first, the rows are written in report order, and nodes
nothing points at any more are pruned last. A report id that comes twice starts a new
transaction, so the later one replaces the earlier as it would one at a time.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from neo4j import ManagedTransaction

from govkg import cypher
from govkg.extractors.records import ExtractionRecord
from govkg.graph.neo4j_store import Neo4jGraph, _chunks, node_batches, prune, rel_batches
from govkg.graph.rows import OWNED_LABELS, GraphRows, build_rows

PER_TX = 200
# The relationship from its report that owns each node of an owned label.
OWNER = {"Metric": "ACHIEVED", "Commitment": "COMMITS_TO"}
Row = dict[str, Any]


def merge_node_rows(rows: Iterable[Row]) -> list[Row]:
    """One row per key, in first-seen order: props updated in row order, aliases a union."""
    out: dict[str, Row] = {}
    for r in rows:
        seen = out.get(r["key"])
        if seen is None:
            out[r["key"]] = {"key": r["key"], "props": dict(r["props"]), "aliases": r["aliases"]}
            continue
        seen["props"].update(r["props"])
        if r["aliases"] is not None:
            seen["aliases"] = sorted(set(seen["aliases"] or []) | set(r["aliases"]))
    return list(out.values())


def merge_rel_rows(rows: Iterable[Row]) -> list[Row]:
    """One row per (start, end, identity), in first-seen order, props updated in row order."""
    out: dict[tuple[str, str, str], Row] = {}
    for r in rows:
        k = (r["src"], r["dst"], json.dumps(r["ident"], sort_keys=True, ensure_ascii=False))
        if k in out:
            out[k]["props"].update(r["props"])
        else:
            out[k] = {**r, "props": dict(r["props"])}
    return list(out.values())


def batch_rows(batch: list[GraphRows]) -> tuple[dict[str, list[Row]], dict[str, list[Row]], dict[str, list[Row]]]:
    """(node rows per label, owned-node rows per create statement, relationship rows per statement)."""
    nodes: dict[str, list[Row]] = {}
    rels: dict[str, list[Row]] = {}
    for rows in batch:  # in report order: the later report's values win, as one after the other
        for label, items in node_batches(rows).items():
            nodes.setdefault(label, []).extend(items)
        for name, items in rel_batches(rows).items():
            rels.setdefault(name, []).extend(items)
    nodes = {label: merge_node_rows(items) for label, items in nodes.items()}
    rels = {name: merge_rel_rows(items) for name, items in rels.items()}
    created: dict[str, list[Row]] = {}
    for label in OWNED_LABELS:
        name = f"write/rel_{OWNER[label]}_Report_{label}"
        owners = {r["dst"]: r for r in rels.pop(name, [])}
        keep, made = [], []
        for n in nodes.pop(label, []):
            owner = owners.pop(n["key"], None)
            if owner is None:
                keep.append(n)  # no owning relationship in these rows: merged as usual
            else:
                made.append({"src": owner["src"], "props": n["props"], "rel": owner["props"]})
        if keep:
            nodes[label] = keep
        if owners:
            rels[name] = list(owners.values())
        created[f"write/create_{label}_{OWNER[label]}"] = made
    return nodes, created, rels


Prepared = tuple[list[str], dict[str, list[Row]], dict[str, list[Row]], dict[str, list[Row]]]


def prepare(batch: list[GraphRows]) -> Prepared:
    """Everything a transaction sends for a batch: its report ids and its rows."""
    return ([rows.report_id for rows in batch], *batch_rows(batch))


def write_reports(tx: ManagedTransaction, batch: list[GraphRows] | Prepared) -> None:
    """Replace several reports' facts in one transaction (distinct report ids)."""
    ids, nodes, created, rels = prepare(batch) if isinstance(batch, list) else batch
    rec = tx.run(cypher.load("write/touched_many"), reports=ids).single()
    touched = rec["touched"] if rec else []
    tx.run(cypher.load("write/delete_reports"), reports=ids).consume()
    # Reports first (everything hangs from them), then the other nodes; relationships last.
    for label in ("Report", *sorted(set(nodes) - {"Report"})):
        for chunk in _chunks(nodes.get(label, [])):
            tx.run(cypher.load(f"write/node_{label}"), rows=chunk).consume()
    for name, items in [*sorted(created.items()), *sorted(rels.items())]:
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
    """Ingest records ``per_tx`` reports a transaction; the number of reports.

    The next batch's rows are built in a thread while the server writes the current one (the
    client waits on the network most of the time, so the two overlap)."""
    prepared: queue.Queue[Prepared | BaseException | None] = queue.Queue(maxsize=2)

    def produce() -> None:
        try:
            for batch in batches((build_rows(rec) for rec in records), per_tx):
                prepared.put(prepare(batch))
            prepared.put(None)
        except BaseException as e:  # noqa: BLE001 - handed to the writer, which raises it
            prepared.put(e)

    threading.Thread(target=produce, name="govkg-bulk-rows", daemon=True).start()
    n = 0
    while (item := prepared.get()) is not None:
        if isinstance(item, BaseException):
            raise item
        graph._write(write_reports, item)
        n += len(item[0])
    return n
