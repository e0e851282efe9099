"""Export a graph for bulk loading: ``govkg export --format neo4j-admin DIR``.

The graph is the one ``govkg ingest`` builds (the same rows, merged the same way, traced the
same way): from an embedded store, or from reports / JSONL records built in memory. Formats
(one function each, registered in ``EXPORTERS``):

``neo4j-admin``
    CSV files for ``neo4j-admin database import full``: one node file per label (the key
    property is the ``:ID`` column, one ID space per label) and one relationship file per
    (type, start label, end label); typed headers (``year:long``, ``aliases:string[]``);
    strings quoted, a missing property an empty unquoted field, arrays split on U+001F (report
    text is full of ``;``). ``import.sh`` in DIR runs the import::

        NEO4J_ADMIN=/path/to/neo4j-admin sh DIR/import.sh [DATABASE]

    then start Neo4j and connect govkg once (``govkg query --neo4j URI stats``): it creates the
    constraints and indexes of ``cypher/schema.cypher``.
``json``
    ``graph.json``: ``{"nodes": [{label, key, props}], "relationships": [{type, start, end, props}]}``
    with ``start``/``end`` as ``[label, key]``.
``graphml``
    ``graph.graphml`` (or OUT itself when it ends in ``.graphml``) for Gephi, Cytoscape, yEd,
    networkx: node ids ``Label:key``; each node's ``label`` attribute is its caption (name or
    title: what Gephi and Cytoscape show), ``govkg_label``/``govkg_key`` its label and key, each
    relationship's ``label`` and ``govkg_type`` its type; the properties follow, lists and maps as
    JSON strings (GraphML holds scalars), one type per attribute. A report's sentences
    (``passages``) are left out: text, not graph.

A Neo4j database is exported through :func:`graph_from_store` (``store.iter_graph()``), so every
format works from either store.
"""

from __future__ import annotations

import json
import math
import shlex
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govkg.errors import GovkgError
from govkg.extractors.records import ExtractionRecord
from govkg.graph.embedded import EmbeddedStore
from govkg.graph.rows import KEY_PROP, build_rows

ARRAY_DELIMITER = "\x1f"  # normalised report text holds no control characters
ARRAY_DELIMITER_ARG = "U+001F"


@dataclass
class ExportSummary:
    format: str
    out: Path
    nodes: int = 0
    relationships: int = 0
    files: list[str] = field(default_factory=list)
    command: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def graph_from_records(records: Iterable[ExtractionRecord], trace: bool = True) -> EmbeddedStore:
    """The graph ``govkg ingest`` would build from these records, in memory (never saved)."""
    from govkg.graph.store import EmbeddedGraph

    graph = EmbeddedGraph(Path("/nonexistent/govkg-export-in-memory.json.gz"))
    ingested: list[ExtractionRecord] = []
    for rec in records:
        graph.store.ingest(build_rows(rec))
        ingested.append(rec)
    if trace and ingested:
        from govkg.graph import tracing

        for rec in ingested:
            tracing.store_passages(graph, rec)
        tracing.after_changes(graph, [rec.report.id for rec in ingested])
    return graph.store


# --- neo4j-admin ---------------------------------------------------------------------------


def _kind(value: Any) -> str | None:
    """The CSV type of one value (None for a null, which says nothing)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, list | tuple):
        kinds = {_kind(v) for v in value} - {None}
        return (_merge(kinds) if kinds else "") + "[]"
    return "string"


def _merge(kinds: set[str]) -> str:
    if len(kinds) == 1:
        return next(iter(kinds))
    if kinds <= {"long", "double"}:
        return "double"
    return "string"


def column_types(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each property's CSV type over all rows: numbers widen to double, anything else mixed to string."""
    seen: dict[str, set[str]] = defaultdict(set)
    for props in rows:
        for k, v in props.items():
            kind = _kind(v)
            if kind is not None and kind != "[]":  # an empty list cannot be imported (see typed_groups)
                seen[k].add(kind)
    out: dict[str, str] = {}
    for k, kinds in seen.items():
        arrays = {x[:-2] for x in kinds if x.endswith("[]")} - {""}
        if arrays and len(arrays) < len(kinds):  # scalars and lists under one name: keep them as strings
            out[k] = "string[]"
        elif arrays:
            out[k] = _merge(arrays) + "[]"
        else:
            out[k] = _merge(kinds)
    return out


def typed_groups(rows: list[dict[str, Any]]) -> list[tuple[dict[str, str], list[int]]]:
    """Rows split so that every file's columns have one type: (column types, row indices) each.

    Neo4j keeps each node's own property types (the loader writes 3 for one metric, 2.5 for
    another); a CSV column has one. Rows are grouped by the number kinds (long or double) of
    the columns where both occur, so the import stores exactly what the loader stores. An
    empty list is left out: neo4j-admin imports an empty array field as no property (the
    named queries read a missing list as empty: coalesce(n.aliases, []))."""
    mixed = {k for k, t in column_types(rows).items() if t in ("double", "double[]")}
    groups: dict[tuple[tuple[str, str], ...], list[int]] = defaultdict(list)
    for i, props in enumerate(rows):
        groups[tuple((k, str(_kind(props[k]))) for k in sorted(mixed) if props.get(k) not in (None, []))].append(i)
    return [(dict(sorted(column_types(rows[i] for i in idx).items())), idx) for _, idx in sorted(groups.items())]


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _scalar(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("long", "double"):
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        return repr(float(value)) if kind == "double" else str(int(value))
    return str(value)


def cell(value: Any, kind: str) -> str:
    """One CSV field: empty for a missing value, strings quoted ("" inside), arrays joined."""
    if value is None:
        return ""
    if kind.endswith("[]"):
        items = value if isinstance(value, list | tuple) else [value]
        return _quote(ARRAY_DELIMITER.join(_scalar(v, kind[:-2]) for v in items if v is not None))
    if kind == "string":
        return _quote(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    return _scalar(value, kind)


def _write_csv(path: Path, header: list[str], kinds: list[str], rows: Iterable[list[Any]]) -> tuple[int, bool]:
    """Write the rows; (how many, whether a field holds a line break: import needs --multiline-fields)."""
    n, multiline = 0, False
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        for row in rows:
            line = ",".join(cell(v, k) for v, k in zip(row, kinds, strict=True))
            multiline = multiline or "\n" in line or "\r" in line
            fh.write(line + "\n")
            n += 1
    return n, multiline


def write_neo4j_admin(store: EmbeddedStore, out: Path) -> ExportSummary:
    """Node and relationship CSVs plus import.sh; see the module docstring."""
    summary = ExportSummary("neo4j-admin", out)
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("nodes_*.csv"), *out.glob("rels_*.csv")]:
        old.unlink()  # files of an earlier export would be imported too
    nodes: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for _, d in store.g.nodes(data=True):
        nodes[d["label"]].append((d["key"], d["props"]))
    args = ["database", "import", "full", "--overwrite-destination=true", f"--array-delimiter={ARRAY_DELIMITER_ARG}"]
    multiline = False
    for label in sorted(nodes):
        key = KEY_PROP.get(label, "key")
        items = sorted(nodes[label], key=lambda kp: kp[0])
        for n, (types, idx) in enumerate(typed_groups([p for _, p in items])):
            types.pop(key, None)
            name = f"nodes_{label}.csv" if n == 0 else f"nodes_{label}.{n}.csv"
            header = [f"{key}:ID({label})", *(f"{k}:{t}" for k, t in types.items())]
            rows = ([items[i][0], *(items[i][1].get(c) for c in types)] for i in idx)
            count, multi = _write_csv(out / name, header, ["string", *types.values()], rows)
            summary.nodes, multiline = summary.nodes + count, multiline or multi
            args.append(f"--nodes={label}={name}")
            summary.files.append(name)
    rels: dict[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, d in store.g.edges(data=True):
        src, dst = store.g.nodes[u], store.g.nodes[v]
        rels[(d["type"], src["label"], dst["label"])].append((src["key"], dst["key"], d["props"]))
    for (type_, sl, dl), items in sorted(rels.items()):
        for n, (types, idx) in enumerate(typed_groups([p for _, _, p in items])):
            name = f"rels_{type_}_{sl}_{dl}.csv" if n == 0 else f"rels_{type_}_{sl}_{dl}.{n}.csv"
            header = [f":START_ID({sl})", f":END_ID({dl})", *(f"{k}:{t}" for k, t in types.items())]
            rows = ([items[i][0], items[i][1], *(items[i][2].get(c) for c in types)] for i in idx)
            count, multi = _write_csv(out / name, header, ["string", "string", *types.values()], rows)
            summary.relationships, multiline = summary.relationships + count, multiline or multi
            args.append(f"--relationships={type_}={name}")
            summary.files.append(name)
    if multiline:
        args.append("--multiline-fields=true")
    summary.command = args
    _write_script(out, args)
    return summary


def _write_script(out: Path, args: list[str]) -> None:
    script = (
        "#!/bin/sh\n"
        "# Load this folder's CSVs into a new database with neo4j-admin (Neo4j stopped, or another\n"
        "# database than the running one): NEO4J_ADMIN=/path/to/bin/neo4j-admin sh import.sh [DATABASE]\n"
        'cd "$(dirname "$0")" || exit 1\n'
        # the database name before the options: --nodes and --relationships take several files
        'exec "${NEO4J_ADMIN:-neo4j-admin}" database import full "${1:-neo4j}" '
        + " ".join(shlex.quote(a) for a in args[3:]) + "\n"
    )
    (out / "import.sh").write_text(script, encoding="utf-8")


# --- json ------------------------------------------------------------------------------------


def write_json(store: EmbeddedStore, out: Path) -> ExportSummary:
    summary = ExportSummary("json", out)
    out.mkdir(parents=True, exist_ok=True)
    g = store.g
    nodes = [{"label": d["label"], "key": d["key"], "props": d["props"]} for _, d in g.nodes(data=True)]
    rels = [{"type": d["type"], "start": [g.nodes[u]["label"], g.nodes[u]["key"]],
             "end": [g.nodes[v]["label"], g.nodes[v]["key"]], "props": d["props"]}
            for u, v, d in g.edges(data=True)]  # fmt: skip
    with open(out / "graph.json", "w", encoding="utf-8") as fh:
        json.dump({"nodes": nodes, "relationships": rels}, fh, ensure_ascii=False)
    summary.nodes, summary.relationships, summary.files = len(nodes), len(rels), ["graph.json"]
    return summary


# --- graphml ---------------------------------------------------------------------------------

GRAPHML_SKIPPED = ("passages", "passage_sections", "passage_starts")
_GRAPHML_OWN = ("label", "govkg_label", "govkg_key", "govkg_type")


def _graphml_value(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _graphml_types(rows: list[dict[str, Any]]) -> dict[str, type]:
    """One type per attribute (GraphML declares each once): bool, int, float (ints with floats), else str."""
    seen: dict[str, set[type]] = defaultdict(set)
    for row in rows:
        for k, v in row.items():
            seen[k].add(type(v))
    out: dict[str, type] = {}
    for k, kinds in seen.items():
        if kinds <= {bool} or kinds <= {int} or kinds <= {float} or kinds <= {str}:
            out[k] = next(iter(kinds))
        else:
            out[k] = float if kinds <= {int, float} else str
    return out


def _graphml_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    types = _graphml_types(rows)
    return [{k: (json.dumps(v, ensure_ascii=False) if types[k] is str and not isinstance(v, str) else types[k](v))
             for k, v in row.items()} for row in rows]  # fmt: skip


def _graphml_attrs(own: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    attrs = dict(own)
    for k, v in sorted(props.items()):
        if v is None or k in GRAPHML_SKIPPED:
            continue
        attrs[f"prop_{k}" if k in _GRAPHML_OWN else k] = _graphml_value(v)
    return attrs


def write_graphml(store: EmbeddedStore, out: Path) -> ExportSummary:
    """The graph as GraphML (networkx.write_graphml): see the module docstring."""
    import networkx as nx

    from govkg.graph.embedded_queries import DISPLAY_PROP

    path = out if out.suffix.lower() == ".graphml" else out / "graph.graphml"
    path.parent.mkdir(parents=True, exist_ok=True)
    g = store.g
    ids = {n: f"{d['label']}:{d['key']}" for n, d in g.nodes(data=True)}
    nodes = [_graphml_attrs({"label": d["props"].get(DISPLAY_PROP.get(d["label"], "name")) or d["key"],
                             "govkg_label": d["label"], "govkg_key": d["key"]}, d["props"])
             for _, d in g.nodes(data=True)]  # fmt: skip
    edges = [_graphml_attrs({"label": d["type"], "govkg_type": d["type"]}, d["props"]) for *_, d in g.edges(data=True)]
    graph = nx.MultiDiGraph()
    for n, attrs in zip(g.nodes, _graphml_rows(nodes), strict=True):
        graph.add_node(ids[n], **attrs)
    for i, ((u, v), attrs) in enumerate(zip(g.edges(), _graphml_rows(edges), strict=True)):
        graph.add_edge(ids[u], ids[v], key=f"e{i}", **attrs)
    nx.write_graphml(graph, path, encoding="utf-8")
    summary = ExportSummary("graphml", out, graph.number_of_nodes(), graph.number_of_edges())
    summary.files = [path.name]
    return summary


def graph_from_store(store: Any) -> EmbeddedStore:
    """Either store's graph as an in-memory EmbeddedStore, which every exporter writes: the
    embedded store's own, or a copy read from Neo4j with ``store.iter_graph()``."""
    if getattr(store, "kind", None) == "embedded":
        return store.store
    from govkg.graph.embedded import node_id
    from govkg.graph.rows import NodeRow

    copy = EmbeddedStore(Path("/nonexistent/govkg-export-from-neo4j.json.gz"))
    for i, item in enumerate(store.iter_graph()):
        if isinstance(item, NodeRow):
            copy.g.add_node(node_id(item.label, item.key), label=item.label, key=item.key, props=dict(item.props))
        else:
            copy.g.add_edge(node_id(*item.src), node_id(*item.dst), key=i, type=item.type, props=dict(item.props))
    return copy


EXPORTERS: dict[str, Callable[[EmbeddedStore, Path], ExportSummary]] = {
    "neo4j-admin": write_neo4j_admin,
    "json": write_json,
    "graphml": write_graphml,
}


def export(store: EmbeddedStore, fmt: str, out: Path) -> ExportSummary:
    try:
        writer = EXPORTERS[fmt]
    except KeyError:
        raise GovkgError(f"no export format {fmt!r}; formats: {', '.join(sorted(EXPORTERS))}") from None
    return writer(store, out)
