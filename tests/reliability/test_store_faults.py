"""Faults on the embedded store: a writer killed mid-save, a disk that refuses the write, damaged
store files, two writers at once. The previous store is always intact, and every error says so.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govkg.errors import StoreError
from govkg.graph.embedded import EmbeddedStore, StoreWriteError
from govkg.graph.rows import build_rows
from govkg.graph.store import EmbeddedGraph

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def records_file(example_records, tmp_path_factory) -> Path:
    """The example reports' records as JSON lines (what the writer process copies)."""
    path = tmp_path_factory.mktemp("records") / "examples.jsonl"
    path.write_text(
        "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in example_records), "utf-8"
    )
    return path


@pytest.fixture
def small_store(tmp_path, example_records) -> Path:
    path = tmp_path / "store.json.gz"
    graph = EmbeddedGraph(path)
    for rec in example_records[:2]:
        graph.ingest(rec)
    graph.close()
    return path


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- a writer killed in the middle of a save --------------------------------------------------

# Delays after the writer announces its save: at once (serialising), while the gzip stream is
# being written, and late (the rename may already have happened: then the new store is whole).
KILL_AFTER = [0.0, 0.3, 0.8, 1.5, 3.0]


@pytest.mark.parametrize("delay", KILL_AFTER)
def test_a_writer_killed_mid_save_leaves_the_old_store_or_the_new_one_never_a_broken_one(
    small_store, records_file, delay
):
    before = small_store.read_bytes()
    old = EmbeddedStore.open(small_store).counts()
    old_ids = EmbeddedStore.open(small_store).report_ids()
    proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.writer", str(small_store), str(records_file),
                             "300"], cwd=REPO, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("saving"), line
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    after = EmbeddedStore.open(small_store)  # never a damaged file
    if small_store.read_bytes() == before:
        assert after.counts() == old
        outcome = "old"
    else:  # the rename happened before the kill: the whole new store
        assert len(after.report_ids()) == len(old_ids) + 300 * 4
        outcome = "new"
    print(
        f"killed {delay} s into the save: {outcome} store, {len(temp_files(small_store.parent))} temp file(s)"
    )


def test_a_kill_during_the_write_leaves_a_temp_file_and_the_old_store(small_store, records_file):
    """Killed while the temp file is being written (seen on disk, growing): the old store, byte for byte."""
    before = small_store.read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.writer", str(small_store), str(records_file),
                             "300"], cwd=REPO, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout.readline().startswith("saving")  # type: ignore[union-attr]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            tmps = temp_files(small_store.parent)
            if tmps and tmps[0].stat().st_size > 0:
                break
            time.sleep(0.005)
        else:
            pytest.fail("the writer never started writing its temp file")
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
    assert small_store.read_bytes() == before
    assert EmbeddedStore.open(small_store).counts()["nodes"] > 0
    assert temp_files(small_store.parent), "the kill came after the rename"
    # the next writer is not disturbed by the dead one's temp file
    graph = EmbeddedGraph(small_store)
    graph.dirty = True
    graph.close()
    assert EmbeddedStore.open(small_store).counts() == EmbeddedStore.open(small_store).counts()


# --- a disk that refuses the write ---------------------------------------------------------------


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_refused_write_is_a_clear_error_and_changes_nothing(
    small_store, example_records, monkeypatch, where
):
    before = small_store.read_bytes()
    store = EmbeddedStore.open(small_store)
    store.ingest(build_rows(example_records[2]))

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    target = {"write": "govkg.graph.embedded.gzip.GzipFile.write", "fsync": "govkg.graph.embedded.os.fsync",
              "replace": "govkg.graph.embedded.os.replace"}[where]  # fmt: skip
    monkeypatch.setattr(target, no_space)
    with pytest.raises(StoreWriteError) as err:
        store.save()
    assert str(small_store) in str(err.value) and "No space left on device" in str(err.value)
    assert "previous store is unchanged" in str(err.value)
    assert isinstance(err.value, OSError) and err.value.errno == errno.ENOSPC
    assert small_store.read_bytes() == before
    assert not temp_files(small_store.parent)


def test_ingest_into_a_place_that_cannot_hold_a_store_exits_2_with_a_message(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    store = blocker / "store.json.gz"
    r = subprocess.run([sys.executable, "-m", "govkg.cli", "ingest", "--quiet", "--store", str(store),
                        str(REPO / "examples" / "reports" / "anji_2023.txt")],
                       cwd=REPO, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert f"govkg: {store}: the store cannot be written" in r.stderr


def test_a_save_keeps_the_store_files_permissions(small_store, example_records):
    os.chmod(small_store, 0o640)
    graph = EmbeddedGraph(small_store)
    graph.ingest(example_records[3])
    graph.close()
    assert small_store.stat().st_mode & 0o777 == 0o640


# --- damaged store files ---------------------------------------------------------------------------


def _valid(small_store: Path) -> bytes:
    return small_store.read_bytes()


def damaged_variants(valid: bytes) -> dict[str, bytes]:
    data = json.loads(gzip.decompress(valid))
    flipped = bytearray(valid)
    flipped[len(flipped) // 2] ^= 0xFF
    no_label = dict(data, nodes=[{"key": "x", "props": {}}])
    bad_props = dict(data, nodes=[{"label": "Law", "key": "x", "props": ["not", "a", "map"]}], edges=[])
    dangling = dict(
        data, edges=[{"src": "nowhere", "dst": "nothing", "key": "k", "type": "CITES", "props": {}}]
    )
    return {
        "empty": b"",
        "random": os.urandom(4096),
        "truncated": valid[: len(valid) // 2],
        "bit-flip": bytes(flipped),
        "not-json": gzip.compress(b"{not json"),
        "json-list": gzip.compress(b"[]"),
        "other-format": gzip.compress(json.dumps({"format": "something-else", "version": 1}).encode()),
        "newer-version": gzip.compress(json.dumps(dict(data, version=99)).encode()),
        "node-without-label": gzip.compress(json.dumps(no_label).encode()),
        "props-not-a-map": gzip.compress(json.dumps(bad_props).encode()),
        "edge-to-nowhere": gzip.compress(json.dumps(dangling).encode()),
        "plain-json": json.dumps(data).encode(),
    }


VARIANTS = ["empty", "random", "truncated", "bit-flip", "not-json", "json-list", "other-format", "newer-version",
            "node-without-label", "props-not-a-map", "edge-to-nowhere", "plain-json"]  # fmt: skip


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_damaged_store_is_a_clear_error_everywhere_and_is_never_overwritten(small_store, variant, tmp_path):
    from govkg.api.main import create_app
    from tests.api.conftest import make_settings

    damaged = damaged_variants(small_store.read_bytes())[variant]
    small_store.write_bytes(damaged)
    with pytest.raises(StoreError, match=str(small_store)):
        EmbeddedStore.open(small_store)

    q = subprocess.run([sys.executable, "-m", "govkg.cli", "query", "--store", str(small_store), "stats"],
                       cwd=REPO, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert q.returncode == 2 and q.stderr.startswith(f"govkg: {small_store}: "), q.stderr
    assert "Traceback" not in q.stderr

    i = subprocess.run([sys.executable, "-m", "govkg.cli", "ingest", "--quiet", "--store", str(small_store),
                        str(REPO / "examples" / "reports" / "anji_2023.txt")],
                       cwd=REPO, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert i.returncode == 2, i.stderr
    assert small_store.read_bytes() == damaged  # left for the user to restore, not replaced

    with TestClient(create_app(make_settings(store=small_store))) as client:
        for url in ("/stats", "/laws/安全生产法/regions", "/health"):
            r = client.get(url)
            assert r.status_code == 503, (url, r.status_code, r.text)  # never an empty graph's 200/404
            assert r.json()["error"] == "unavailable" and r.headers["retry-after"]


# --- two writers at once ---------------------------------------------------------------------------


def test_a_second_writer_is_refused_rather_than_losing_the_first_ones_reports(small_store, example_records):
    a, b = EmbeddedStore.open(small_store), EmbeddedStore.open(small_store)
    a.ingest(build_rows(example_records[2]))
    a.save()
    b.ingest(build_rows(example_records[3]))
    with pytest.raises(StoreError, match="another process wrote the store"):
        b.save()
    assert example_records[2].report.id in EmbeddedStore.open(small_store).report_ids()
    c = EmbeddedStore.open(small_store)  # run again: both
    c.ingest(build_rows(example_records[3]))
    c.save()
    c.ingest(build_rows(example_records[0]))
    c.save()  # its own earlier save is no stranger's
    ids = EmbeddedStore.open(small_store).report_ids()
    assert {r.report.id for r in example_records} <= set(ids)


def test_concurrent_command_line_ingests_never_lose_a_successful_run(tmp_path):
    """Two `govkg ingest` into one new store at once: a run that exits 0 has its reports in the store;
    a run that lost the race exits 2 saying so; running it again adds its reports."""
    store = tmp_path / "store.json.gz"
    reports = sorted((REPO / "examples" / "reports").glob("*.txt"))
    halves = [reports[:2], reports[2:]]
    cmd = [sys.executable, "-m", "govkg.cli", "ingest", "--quiet", "--store", str(store)]
    procs = [subprocess.Popen([*cmd, *map(str, h)], cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True) for h in halves]  # fmt: skip
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    ids = set(EmbeddedStore.open(store).report_ids())
    for (rc, err), half in zip(results, halves, strict=True):
        assert rc in (0, 2), err
        if rc == 0:
            assert {p.stem for p in half} <= ids
        else:
            assert "another process wrote the store" in err
            again = subprocess.run(
                [*cmd, *map(str, half)], cwd=REPO, capture_output=True, text=True, timeout=600
            )
            assert again.returncode == 0, again.stderr
    assert set(EmbeddedStore.open(store).report_ids()) == {p.stem for p in reports}


def test_the_api_picks_up_a_restored_store_without_a_restart(small_store, monkeypatch):
    from govkg.api import deps
    from govkg.api.main import create_app
    from tests.api.conftest import make_settings

    good = small_store.read_bytes()
    small_store.write_bytes(good[: len(good) // 3])
    monkeypatch.setattr(deps, "RETRY_AFTER", 0.0)
    with TestClient(create_app(make_settings(store=small_store))) as client:
        assert client.get("/stats").status_code == 503
        small_store.write_bytes(good)  # the operator restores the backup
        r = client.get("/stats")
        assert r.status_code == 200 and r.json()["nodes"] > 0
