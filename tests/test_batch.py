"""govkg extract --workers / --out: the same records in the same order as one process, in shards."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg import batch
from govkg.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


@pytest.fixture(scope="module")
def reports() -> list[str]:
    return [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def serial(reports) -> list[str]:
    return [line for o in batch.extract_many(reports) for line in o.lines]


@pytest.mark.parametrize(("n", "size", "shards"), [(0, 3, []), (1, 3, [[0]]), (5, 2, [[0, 1], [2, 3], [4]]),
                                                   (4, 4, [[0, 1, 2, 3]])])  # fmt: skip
def test_plan_is_consecutive_runs(n: int, size: int, shards: list[list[int]]) -> None:
    assert batch.plan_shards(list(range(n)), size) == shards


def test_two_workers_same_output_as_one(reports, serial, capsys) -> None:
    assert main(["extract", "--workers", "2", *reports]) == 0
    assert capsys.readouterr().out.splitlines() == serial


def test_shards_from_an_input_list(reports, serial, tmp_path, capsys) -> None:
    listing = tmp_path / "inputs.txt"
    listing.write_text("# the example reports\n" + "\n".join(reports) + "\n", encoding="utf-8")
    out = tmp_path / "shards"
    assert main(["extract", "--from", str(listing), "--out", str(out), "--shard-size", "3"]) == 0
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl"]
    assert [ln for p in parts for ln in p.read_text("utf-8").splitlines()] == serial
    # one task of a batch engine: shard 1 again, found done and kept
    assert main(["extract", "--from", str(listing), "--out", str(out), "--shard-size", "3", "--shard", "1"]) == 0
    assert batch.done(out, 1, reports[3:]) is not None


def test_bad_input_reported_others_kept(reports, tmp_path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "shards"
    assert main(["extract", "--out", str(out), "--shard-size", "10", str(empty), reports[0]]) == 1
    assert len((out / "part-00000.jsonl").read_text("utf-8").splitlines()) == 1
    assert "empty.txt" in capsys.readouterr().err


def test_shard_outside_the_plan_is_an_error(reports, tmp_path, capsys) -> None:
    assert main(["extract", "--out", str(tmp_path), "--shard-size", "10", "--shard", "3", *reports]) == 2
