"""Faults on Neo4j: the server stopped or killed in the middle of an ingest, and two ingests at once.

All of it runs on the reliability tests' own server (tests/reliability/neo4j_instance.py: its own
home, data and ports), never on the shared one. The promises:

- a report's facts are one transaction: after a crash each report is either whole or absent
  (its Report node, the Metric and Commitment nodes it owns, its relationships, its HOLDS);
- running the same ingest again finishes, and the graph is the one a clean ingest builds:
  the same counts as the embedded store given the same records, no duplicate node or relationship;
- two ``govkg ingest`` processes over overlapping reports at once leave no duplicates either.
"""

from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from govkg.extractors.records import ExtractionRecord
from govkg.graph.rows import KEY_PROP, OWNED_LABELS, build_rows
from govkg.graph.store import EmbeddedGraph
from tests.api.conftest import ingest_as_the_cli_does
from tests.reliability import neo4j_instance

REPO = Path(__file__).resolve().parents[2]
COPIES = 40  # copies of each example report: 160 reports, each one transaction


def test_a_new_local_password_never_starts_with_a_dash():
    """Found here: 1 in 64 random passwords began with "-", which neo4j-admin's parser took for an
    option; the fresh server then failed at every start (the password is stored)."""
    from govkg.graph.neo4j_server import new_password

    assert not any(new_password().startswith("-") for _ in range(5000))


@pytest.fixture
def graph(server):
    from govkg.graph.neo4j_store import Neo4jGraph

    g = Neo4jGraph.connect(server, neo4j_instance.uri(server))
    g.clear()
    yield g
    g.close()


def copies(records: list[ExtractionRecord], numbers: range) -> list[ExtractionRecord]:
    """The records under other report ids: as many distinct reports as we like, sharing places and laws."""
    out = []
    for i in numbers:
        for rec in records:
            out.append(
                dataclasses.replace(
                    rec, report=dataclasses.replace(rec.report, id=f"{rec.report.id}_c{i:03d}")
                )
            )
    return out


def write_jsonl(path: Path, records: list[ExtractionRecord]) -> Path:
    path.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def ingest_cmd(server, jsonl: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "govkg.cli",
        "ingest",
        "--quiet",
        "--neo4j",
        neo4j_instance.uri(server),
        str(jsonl),
    ]


# --- what "whole" means ---------------------------------------------------------------------------


def expected_shape(rec: ExtractionRecord) -> dict[str, int]:
    """What one report puts in the graph, from the rows the writer writes (MERGE makes duplicates one)."""
    rows = build_rows(rec)
    rid = rec.report.id
    owned = {(n.label, n.key) for n in rows.nodes if n.label in OWNED_LABELS}
    rels = {(r.type, r.src, r.dst, json.dumps(r.ident, sort_keys=True)) for r in rows.rels}
    return {
        "owned": len(owned),
        "from_report": sum(1 for t, s, _, _ in rels if s == ("Report", rid)),
        "from_owned": sum(1 for t, s, _, _ in rels if s in owned),
        "holds": sum(1 for t, _, _, ident in rels if t == "HOLDS"),
    }


SHAPE = """
UNWIND $ids AS id
OPTIONAL MATCH (r:Report {id: id})
CALL (r) { OPTIONAL MATCH (r)-[e]->() RETURN count(e) AS from_report }
CALL (id) { OPTIONAL MATCH (o) WHERE (o:Metric OR o:Commitment) AND o.report = id RETURN count(o) AS owned }
CALL (id) {
  OPTIONAL MATCH (o)-[e]->() WHERE (o:Metric OR o:Commitment) AND o.report = id AND type(e) <> 'FOLLOWED_BY'
  RETURN count(e) AS from_owned
}
CALL (id) { OPTIONAL MATCH ()-[h:HOLDS {report: id}]->() RETURN count(h) AS holds }
RETURN id, r IS NOT NULL AS present, owned, from_report, from_owned, holds
"""


def shapes(graph, ids: list[str]) -> dict[str, dict]:
    with graph.driver.session() as s:
        return {rec["id"]: rec.data() for rec in s.run(SHAPE, ids=ids)}


def assert_each_report_whole_or_absent(graph, records: list[ExtractionRecord]) -> Counter:
    got = shapes(graph, [r.report.id for r in records])
    seen: Counter = Counter()
    for rec in records:
        row, want = got[rec.report.id], expected_shape(rec)
        have = {k: row[k] for k in want}
        if row["present"]:
            assert have == want, (rec.report.id, have, want)
            seen["whole"] += 1
        else:
            assert have == dict.fromkeys(want, 0), (rec.report.id, "absent but left", have)
            seen["absent"] += 1
    return seen


def duplicates(graph) -> dict[str, int]:
    """Nodes sharing a label and key, relationships sharing ends, type and identity: none allowed."""
    out = {}
    with graph.driver.session() as s:
        for label, prop in KEY_PROP.items():
            n = s.run(
                f"MATCH (n:{label}) WITH n.{prop} AS k, count(*) AS c WHERE c > 1 RETURN count(*) AS d"
            ).single()
            out[label] = n["d"]
        out["relationships"] = s.run(
            "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.action AS act, r.report AS rep, count(*) AS c "
            "WHERE c > 1 RETURN count(*) AS d"
        ).single()["d"]
    return out


def reference_counts(records: list[ExtractionRecord], tmp_path: Path) -> dict:
    """The graph a clean ingest builds, from the embedded store (the parity tests show both agree)."""
    ref = EmbeddedGraph(tmp_path / "reference.json.gz")
    ingest_as_the_cli_does(ref, records)
    return ref.counts()


def comparable(counts: dict) -> dict:
    return {
        "labels": {k: v for k, v in counts["labels"].items() if v},
        "types": {k: v for k, v in counts["types"].items() if v},
    }


# --- stopped or killed in the middle of an ingest ----------------------------------------------------


@pytest.mark.neo4j
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill", "stop"])
def test_neo4j_going_down_mid_ingest_leaves_each_report_whole_or_absent_and_a_rerun_completes(
    server, graph, example_records, tmp_path, sig
):
    records = copies(example_records, range(COPIES))
    jsonl = write_jsonl(tmp_path / "reports.jsonl", records)
    proc = subprocess.Popen(ingest_cmd(server, jsonl), cwd=REPO, env=neo4j_instance.env(server),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:  # wait until a third of the reports are in, then pull the plug
            with graph.driver.session() as s:
                n = s.run("MATCH (r:Report) RETURN count(r) AS n").single()["n"]
            if n >= len(records) // 3:
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.05)
        else:
            pytest.fail("the ingest never got a third of the way")
        neo4j_instance.kill(server, sig)
        out, err = proc.communicate(timeout=300)  # the driver retries for a while, then gives up
    finally:
        if proc.poll() is None:
            proc.kill()
    graph.close()
    assert proc.returncode == 2, err
    assert "Traceback" not in err, err
    ours = err[
        err.index(f"govkg: Neo4j at {neo4j_instance.uri(server)} ") :
    ]  # before: the driver's retry notices
    assert "reports before it were stored whole; run the same ingest again" in ours, err

    neo4j_instance.start(server)
    from govkg.graph.neo4j_store import Neo4jGraph

    graph2 = Neo4jGraph.connect(server, neo4j_instance.uri(server))
    try:
        seen = assert_each_report_whole_or_absent(graph2, records)
        assert seen["whole"] >= len(records) // 3 and seen["absent"] > 0, seen

        again = subprocess.run(ingest_cmd(server, jsonl), cwd=REPO, env=neo4j_instance.env(server),
                               capture_output=True, text=True, timeout=900)  # fmt: skip
        assert again.returncode == 0, again.stderr
        assert assert_each_report_whole_or_absent(graph2, records) == Counter(whole=len(records))
        assert not any(duplicates(graph2).values()), duplicates(graph2)
        assert comparable(graph2.counts()) == comparable(reference_counts(records, tmp_path))
        print(f"signal {sig.name}: {seen['whole']} reports whole, {seen['absent']} absent; rerun complete")
    finally:
        graph2.close()


# --- two ingests at once -------------------------------------------------------------------------------


@pytest.mark.neo4j
def test_concurrent_ingests_of_overlapping_reports_leave_no_duplicates(
    server, graph, example_records, tmp_path
):
    first = copies(example_records, range(0, 30)) + list(example_records)
    second = list(reversed(copies(example_records, range(15, 45)))) + list(example_records)
    a = write_jsonl(tmp_path / "a.jsonl", first)
    b = write_jsonl(tmp_path / "b.jsonl", second)
    env = neo4j_instance.env(server)
    procs = [subprocess.Popen(ingest_cmd(server, f), cwd=REPO, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for f in (a, b)]  # fmt: skip
    results = [p.communicate(timeout=900) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
    union = list({r.report.id: r for r in first + second}.values())
    assert not any(duplicates(graph).values()), duplicates(graph)
    assert assert_each_report_whole_or_absent(graph, union) == Counter(whole=len(union))
    assert comparable(graph.counts()) == comparable(reference_counts(union, tmp_path))


def test_the_instance_is_not_the_shared_server():
    s = neo4j_instance.instance_settings()
    from govkg.settings import get_settings

    assert s.neo4j_home != get_settings().neo4j_home
    assert s.neo4j_bolt_port != get_settings().neo4j_bolt_port
