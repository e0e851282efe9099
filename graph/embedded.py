"""The embedded store: a networkx MultiDiGraph persisted to one gzip'd JSON file.

No server needed. Writes are atomic (temp file, fsync, rename), so a crash
mid-write leaves the previous store intact; a file that cannot be read is an
error, never a silently empty graph. Ingesting a report first removes every
fact that report stated before, so the same report twice changes nothing
and a changed report leaves no stale facts.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from govkg.errors import StoreError
from govkg.graph.rows import OWNED_LABELS, SHARED_LABELS, STRUCTURAL_TYPES, GraphRows, NodeRow, RelRow

FORMAT = "govkg-embedded"
VERSION = 1
_SEP = "\x1f"


def node_id(label: str, key: str) -> str:
    return f"{label}{_SEP}{key}"


def edge_key(type_: str, ident: dict[str, Any]) -> str:
    return type_ + (json.dumps(ident, ensure_ascii=False, sort_keys=True) if ident else "")


def merge_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Later values win, nulls never erase, lists are unions (the Neo4j writer does the same)."""
    out = dict(old)
    for k, v in new.items():
        if v is None:
            continue
        if isinstance(v, list):
            out[k] = sorted(set(out.get(k) or []) | set(v))
        else:
            out[k] = v
    return out


class EmbeddedStore:
    """A graph in memory, loaded from and saved to ``path``."""

    def __init__(self, path: Path, graph: nx.MultiDiGraph | None = None):
        self.path = path
        self.g = graph if graph is not None else nx.MultiDiGraph()

    # --- persistence -------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> EmbeddedStore:
        if not path.exists():
            return cls(path)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, EOFError, zlib.error, json.JSONDecodeError, UnicodeDecodeError) as e:
            raise StoreError(
                f"{path}: the store file is damaged ({e}); restore a backup or remove it and ingest again"
            ) from e
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError(f"{path}: not a govkg store file; choose another --store path")
        if data.get("version") != VERSION:
            raise StoreError(f"{path}: store format version {data.get('version')} is not {VERSION}; ingest again")
        return cls(path, _graph_from(data))

    def save(self) -> None:
        """Write the whole graph atomically: temp file in the same folder, fsync, rename."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=5, mtime=0) as gz:
                gz.write(json.dumps(self.to_data(), ensure_ascii=False).encode("utf-8"))
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            _fsync_dir(self.path.parent)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def to_data(self) -> dict[str, Any]:
        nodes = [{"label": d["label"], "key": d["key"], "props": d["props"]} for _, d in self.g.nodes(data=True)]
        edges = [
            {"src": u, "dst": v, "key": k, "type": d["type"], "props": d["props"]}
            for u, v, k, d in self.g.edges(keys=True, data=True)
        ]
        return {"format": FORMAT, "version": VERSION, "nodes": nodes, "edges": edges}

    # --- writing -----------------------------------------------------------

    def ingest(self, rows: GraphRows) -> None:
        """Replace one report's facts with ``rows`` (in memory; call ``save`` to persist)."""
        touched = self._remove_facts(rows.report_id)
        for n in rows.nodes:
            self._merge_node(n)
        for r in rows.rels:
            self._merge_rel(r)
        self.prune(touched)

    def _merge_node(self, n: NodeRow) -> None:
        nid = node_id(n.label, n.key)
        if nid in self.g:
            data = self.g.nodes[nid]
            data["props"] = merge_props(data["props"], n.props)
        else:
            self.g.add_node(nid, label=n.label, key=n.key, props=merge_props({}, n.props))

    def _merge_rel(self, r: RelRow) -> None:
        u, v = node_id(*r.src), node_id(*r.dst)
        for nid, (label, key) in ((u, r.src), (v, r.dst)):
            if nid not in self.g:
                self._merge_node(NodeRow(label, key, {}))
        k = edge_key(r.type, r.ident)
        if self.g.has_edge(u, v, k):
            data = self.g.edges[u, v, k]
            data["props"] = merge_props(data["props"], {**r.ident, **r.props})
        else:
            self.g.add_edge(u, v, key=k, type=r.type, props=merge_props({}, {**r.ident, **r.props}))

    def remove_report(self, report_id: str) -> bool:
        """Remove a report and every fact it stated; True if it was there."""
        found = node_id("Report", report_id) in self.g
        self.prune(self._remove_facts(report_id))
        return found

    def _remove_facts(self, report_id: str) -> set[str]:
        """Delete the report, its own nodes and statements; return the shared nodes they touched.

        Everything a report stated hangs from its node (owned Metric/Commitment nodes,
        roles it reports, whose HOLDS edges carry the report id), so this never scans the graph."""
        rid = node_id("Report", report_id)
        if rid not in self.g:
            return set()
        removed = {rid} | {n for n in self.g.successors(rid) if self.g.nodes[n]["label"] in OWNED_LABELS}
        touched = {v for n in removed for v in self.g.successors(n)}
        holds = [(u, v, k) for v in touched if self.g.nodes[v]["label"] == "Role"
                 for u, _, k, d in self.g.in_edges(v, keys=True, data=True)
                 if d["type"] == "HOLDS" and d["props"].get("report") == report_id]  # fmt: skip
        touched |= {u for u, _, _ in holds}
        self.g.remove_edges_from(holds)
        self.g.remove_nodes_from(removed)
        return touched - removed

    def prune(self, candidates: set[str] | None = None) -> int:
        """Remove shared nodes nothing points at any more; a removed node's parents are checked next.

        ``candidates`` limits the check to the nodes a removal touched (all shared nodes if None)."""
        todo = set(candidates) if candidates is not None else {
            n for n, d in self.g.nodes(data=True) if d["label"] in SHARED_LABELS}  # fmt: skip
        removed = 0
        while todo:
            orphans = {n for n in todo if n in self.g and self.g.nodes[n]["label"] in SHARED_LABELS
                       and self._orphan(n)}  # fmt: skip
            if not orphans:
                return removed
            todo = {v for n in orphans for v in self.g.successors(n)} - orphans
            self.g.remove_nodes_from(orphans)
            removed += len(orphans)
        return removed

    def _orphan(self, n: str) -> bool:
        if self.g.in_degree(n):
            return False
        return not any(d["type"] not in STRUCTURAL_TYPES for _, _, d in self.g.out_edges(n, data=True))

    # --- reading -----------------------------------------------------------

    def nodes(self, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for n, d in self.g.nodes(data=True):
            if d["label"] == label:
                yield n, d["props"]

    def props(self, nid: str) -> dict[str, Any]:
        return self.g.nodes[nid]["props"]

    def label(self, nid: str) -> str:
        return self.g.nodes[nid]["label"]

    def out(self, nid: str, type_: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for _, v, d in self.g.out_edges(nid, data=True):
            if d["type"] == type_:
                yield v, d["props"]

    def into(self, nid: str, type_: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for u, _, d in self.g.in_edges(nid, data=True):
            if d["type"] == type_:
                yield u, d["props"]

    def counts(self) -> dict[str, Any]:
        labels = Counter(d["label"] for _, d in self.g.nodes(data=True))
        types = Counter(d["type"] for _, _, d in self.g.edges(data=True))
        return {
            "nodes": self.g.number_of_nodes(),
            "relationships": self.g.number_of_edges(),
            "labels": dict(sorted(labels.items())),
            "types": dict(sorted(types.items())),
        }

    def report_ids(self) -> list[str]:
        return sorted(d["key"] for _, d in self.g.nodes(data=True) if d["label"] == "Report")


def _graph_from(data: dict[str, Any]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    try:
        for n in data["nodes"]:
            g.add_node(node_id(n["label"], n["key"]), label=n["label"], key=n["key"], props=n["props"])
        for e in data["edges"]:
            g.add_edge(e["src"], e["dst"], key=e["key"], type=e["type"], props=e["props"])
    except (KeyError, TypeError) as e:
        raise StoreError(f"the store file is damaged (bad record: {e}); remove it and ingest again") from e
    return g


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def ingest_all(store: EmbeddedStore, rows: Iterable[GraphRows]) -> int:
    n = 0
    for r in rows:
        store.ingest(r)
        n += 1
    return n
