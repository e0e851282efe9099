"""The embedded store: a networkx MultiDiGraph persisted to one gzip'd JSON file.

No server needed. Writes are atomic (temp file, fsync, rename), so a crash
mid-write leaves the previous store intact; a file that cannot be read is an
error, never a silently empty graph. Ingesting a report first removes every
fact that report stated before, so the same report twice changes nothing
and a changed report leaves no stale facts.
"""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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


class StoreWriteError(StoreError, OSError):
    """The store file could not be written; the previous one is unchanged (an OSError too, as before)."""

    def __str__(self) -> str:
        return str(self.args[0])  # the message, not OSError's "[Errno n] strerror"


# What open() saw of a store file that was not there: save() then expects it still absent.
_ABSENT = (0, -1, 0)


class EmbeddedStore:
    """A graph in memory, loaded from and saved to ``path``."""

    def __init__(self, path: Path, graph: nx.MultiDiGraph | None = None):
        self.path = path
        self.g = graph if graph is not None else nx.MultiDiGraph()
        # (inode, size, mtime) of the file open() read: save() refuses to overwrite a file another
        # process wrote meanwhile (its reports would be lost). None: not opened from a path, no check.
        self.on_disk: tuple[int, int, int] | None = None

    # --- persistence -------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> EmbeddedStore:
        if not path.exists():
            store = cls(path)
            store.on_disk = _ABSENT
            return store
        try:
            with open(path, "rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
                seen = _state(os.fstat(raw.fileno()))
                data = json.load(f)
        except (OSError, EOFError, zlib.error, json.JSONDecodeError, UnicodeDecodeError) as e:
            raise StoreError(
                f"{path}: the store file is damaged ({e}); restore a backup or remove it and ingest again"
            ) from e
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError(f"{path}: not a govkg store file; choose another --store path")
        if data.get("version") != VERSION:
            raise StoreError(f"{path}: store format version {data.get('version')} is not {VERSION}; ingest again")
        store = cls(path, _graph_from(data, path))
        store.on_disk = seen
        return store

    def save(self) -> None:
        """Write the whole graph atomically: temp file in the same folder, fsync, rename.

        A file that cannot be written (no space, no permission, a file where the folder should be)
        is a StoreWriteError and the previous store is left as it was; so is a store file another
        process wrote since this one was opened (overwriting it would lose that process's reports)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _folder_lock(self.path.parent):
                self._check_unchanged()
                self._write()
                self.on_disk = _state(os.stat(self.path))
        except StoreError:
            raise
        except OSError as e:
            message = (f"{self.path}: the store cannot be written ({e.strerror or e}); the previous store is "
                       "unchanged: free some space or choose another --store path")  # fmt: skip
            err = StoreWriteError(message)
            err.errno, err.strerror = e.errno, e.strerror  # still an OSError callers can inspect
            raise err from e

    def _check_unchanged(self) -> None:
        if self.on_disk is None:
            return
        try:
            now = _state(os.stat(self.path))
        except FileNotFoundError:
            now = _ABSENT
        if now != self.on_disk:
            raise StoreError(
                f"{self.path}: another process wrote the store since this one opened it; nothing was "
                "overwritten (that would lose its reports): run again, one writer at a time"
            )

    def _write(self) -> None:
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            os.fchmod(fd, _mode(self.path))  # mkstemp makes it 0600: keep the store's own permissions
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


def _graph_from(data: dict[str, Any], path: Path | str = "the store file") -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    try:
        for n in data["nodes"]:
            g.add_node(node_id(n["label"], n["key"]), label=n["label"], key=n["key"], props=_props(n))
        for e in data["edges"]:
            if e["src"] not in g or e["dst"] not in g:  # networkx would add a bare node: a query's KeyError later
                raise KeyError(f"an edge to a missing node {e['src'] if e['src'] not in g else e['dst']!r}")
            g.add_edge(e["src"], e["dst"], key=e["key"], type=e["type"], props=_props(e))
    except (KeyError, TypeError) as e:
        raise StoreError(f"{path}: the store file is damaged (bad record: {e}); restore a backup or remove it "
                         "and ingest again") from e  # fmt: skip
    return g


def _props(record: dict[str, Any]) -> dict[str, Any]:
    props = record["props"]
    if not isinstance(props, dict):
        raise TypeError(f"properties that are not a map: {props!r:.60}")
    return props


def _mode(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        return 0o644


def _state(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on the store's folder (no lock file left beside the store) from the check
    that the file is unchanged to the rename, so two savers cannot both pass the check."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


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
