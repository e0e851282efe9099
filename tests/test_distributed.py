"""The Dask route: shards mapped over a real dask.distributed LocalCluster (worker processes) give
exactly the serial extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govkg import batch

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


@pytest.fixture(scope="module")
def reports() -> list[str]:
    return [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]


def test_dask_local_cluster_matches_serial(reports, tmp_path) -> None:
    distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed (pip install -e .[dask])")
    from govkg.distributed import extract_with_dask

    serial = [line for o in batch.extract_many(reports) for line in o.lines]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:  # fmt: skip
        results = extract_with_dask(client, reports, tmp_path, shard_size=2)
        again = extract_with_dask(client, reports, tmp_path, shard_size=2)  # done shards are not redone
    assert [r.records for r in results] == [2, 2] and not any(r.failures for r in results)
    assert all(r.skipped for r in again)
    lines = [ln for i in range(2) for ln in (tmp_path / batch.shard_name(i)).read_text("utf-8").splitlines()]
    assert lines == serial
    assert json.loads((tmp_path / "manifest.json").read_text("utf-8"))["inputs"] == 4
