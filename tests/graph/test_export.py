"""govkg export: neo4j-admin CSVs (typed, quoted, one type per column) that hold the embedded graph."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from govkg.graph import export as ex
from govkg.graph.rows import KEY_PROP


@pytest.mark.parametrize(
    ("value", "kind", "field"),
    [
        (None, "string", ""),  # missing: an empty unquoted field, no property
        ("", "string", '""'),  # an empty string is a value
        ('他说"好"', "string", '"他说""好"""'),
        ("a,b;c", "string", '"a,b;c"'),
        (3, "long", "3"),
        (2.5, "double", "2.5"),
        (3, "double", "3.0"),
        (True, "boolean", "true"),
        (["甲", "乙;丙"], "string[]", '"甲\x1f乙;丙"'),  # ; is common in report text: not the delimiter
        ([0.5, 1], "double[]", '"0.5\x1f1.0"'),
    ],
)
def test_cell(value, kind: str, field: str) -> None:
    assert ex.cell(value, kind) == field


@pytest.mark.parametrize(
    ("rows", "types"),
    [
        ([{"year": 2021}, {"year": None}], {"year": "long"}),
        ([{"value": 3}, {"value": 2.5}], {"value": "double"}),
        ([{"aliases": ["x"]}, {"aliases": []}], {"aliases": "string[]"}),
        ([{"scores": [0.5]}, {"scores": [1]}], {"scores": "double[]"}),
        ([{"n": "3"}, {"n": 3}], {"n": "string"}),  # a mix no number type holds: strings
        ([{"approx": False}], {"approx": "boolean"}),
    ],
)
def test_column_types(rows, types) -> None:
    assert ex.column_types(rows) == types


def test_ints_and_floats_go_to_separate_files() -> None:
    """The loader keeps 3 as an integer and 2.5 as a float; one CSV column cannot, two files can."""
    groups = ex.typed_groups([{"value": 3, "unit": "件"}, {"value": 2.5, "unit": "%"}, {"value": 4}])
    assert groups == [({"unit": "string", "value": "double"}, [1]), ({"unit": "string", "value": "long"}, [0, 2])]


def read_back(out: Path) -> tuple[dict[tuple[str, str], dict], set[tuple]]:
    """The CSVs read as neo4j-admin reads them (typed columns, U+001F arrays)."""

    def parse(value: str, kind: str):  # type: ignore[no-untyped-def]
        base = kind.removesuffix("[]")
        conv = {"long": int, "double": float, "boolean": lambda v: v == "true"}.get(base, str)
        return [conv(v) for v in value.split("\x1f")] if kind.endswith("[]") else conv(value)

    nodes: dict[tuple[str, str], dict] = {}
    rels: set[tuple] = set()
    for path in sorted(out.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        header = [h.split(":") for h in rows[0]]
        for row in rows[1:]:
            props = {n: parse(v, k) for (n, k), v in zip(header, row, strict=True) if n and v != ""}
            if path.name.startswith("nodes_"):
                label = rows[0][0].split("(")[1].rstrip(")")
                nodes[(label, row[0])] = props
            else:
                start, end = (h[1].split("(")[1].rstrip(")") for h in header[:2])
                rtype = path.name.split(".")[0].removeprefix("rels_").rsplit("_", 2)[0]  # REPORTS_ROLE
                rels.add((rtype, start, row[0], end, row[1], json.dumps(props, sort_keys=True, ensure_ascii=False)))
    return nodes, rels


@pytest.fixture(scope="module")
def exported(example_records, tmp_path_factory):
    graph = ex.graph_from_records(example_records, trace=True)
    out = tmp_path_factory.mktemp("export")
    return graph, ex.export(graph, "neo4j-admin", out)


def test_csvs_hold_the_graph(exported) -> None:
    graph, summary = exported
    nodes, rels = read_back(summary.out)
    assert summary.nodes == graph.g.number_of_nodes() == len(nodes)
    assert summary.relationships == graph.g.number_of_edges() == len(rels)
    for _, d in graph.g.nodes(data=True):
        want = {k: v for k, v in d["props"].items() if v not in (None, [])}
        assert nodes[(d["label"], d["key"])] == want | {KEY_PROP[d["label"]]: d["key"]}
    want_rels = set()
    for u, v, d in graph.g.edges(data=True):
        a, b = graph.g.nodes[u], graph.g.nodes[v]
        props = {k: x for k, x in d["props"].items() if x not in (None, [])}
        want_rels.add((d["type"], a["label"], a["key"], b["label"], b["key"],
                       json.dumps(props, sort_keys=True, ensure_ascii=False)))  # fmt: skip
    assert rels == want_rels


def test_import_script_names_every_file(exported) -> None:
    _, summary = exported
    script = (summary.out / "import.sh").read_text("utf-8")
    assert all(f"={name}" in script for name in summary.files)
    assert 'database import full "${1:-neo4j}"' in script


def test_json_format(example_records, tmp_path) -> None:
    graph = ex.graph_from_records(example_records, trace=False)
    summary = ex.export(graph, "json", tmp_path)
    data = json.loads((tmp_path / "graph.json").read_text("utf-8"))
    assert len(data["nodes"]) == summary.nodes == graph.g.number_of_nodes()
    assert len(data["relationships"]) == summary.relationships == graph.g.number_of_edges()


@pytest.mark.neo4j
def test_neo4j_admin_imports_every_row(exported, neo4j_settings, tmp_path) -> None:
    """The real import tool (AdminTool from the local server's jars) into a scratch data folder."""
    graph, summary = exported
    lib = neo4j_settings.neo4j_home / "build" / "lib"
    java = shutil.which("java")
    if java is None or not any(lib.glob("neo4j-import-tool-*.jar")):
        pytest.skip("no Java or no built local Neo4j (govkg neo4j build)")
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "neo4j.conf").write_text(f"server.directories.data={tmp_path / 'data'}\n"
                                     f"server.directories.logs={tmp_path / 'logs'}\n", encoding="utf-8")  # fmt: skip
    args = summary.command
    cmd = [java, "-Xmx512m", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", *args[:3], "neo4j", *args[3:]]
    env = dict(os.environ, NEO4J_HOME=str(tmp_path), NEO4J_CONF=str(conf))
    done = subprocess.run(cmd, cwd=summary.out, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"{graph.g.number_of_nodes()} nodes" in done.stdout
    assert f"{graph.g.number_of_edges()} relationships" in done.stdout
