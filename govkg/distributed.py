"""Extraction over a cluster with Dask: ``govkg.batch`` shards mapped by ``dask.distributed``.

    pip install 'govkg[dask]'

    from dask.distributed import Client
    from govkg.distributed import extract_with_dask

    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...)) on one machine
    results = extract_with_dask(client, ["reports/"], "shards/", shard_size=1000)

Each task is one shard (:func:`govkg.batch.extract_shard`): it writes ``part-NNNNN.jsonl`` and
its receipt into ``out_dir``, which must be storage every worker can write to (a shared file
system; for object stores, write locally and copy). A worker process builds the pipeline once
and keeps it for every shard it runs. A shard already done (receipt present, same inputs) is not
done again, so a failed run is resumed by running it again. The shards concatenated in index
order are exactly ``govkg extract``'s serial output for the same inputs.

From the command line the same plan runs one shard per task under any batch engine::

    govkg extract --from inputs.txt --out shards/ --shard-size 1000 --shard $TASK_INDEX
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from govkg.batch import ShardResult, extract_shard, plan_shards


def extract_with_dask(client: Any, paths: Sequence[str], out_dir: str | Path, shard_size: int = 1000,
                      law_catalogue: str | None = None) -> list[ShardResult]:  # fmt: skip
    """Map the shards of ``paths`` (files or folders, expanded here) over ``client``'s workers."""
    from govkg.cli import expand_paths

    inputs = [str(Path(p).resolve()) for p in expand_paths(list(paths))]
    plan = plan_shards(inputs, shard_size)
    out = Path(out_dir).resolve()
    futures = client.map(extract_shard, range(len(plan)), plan, out_dir=str(out), law_catalogue=law_catalogue,
                         pure=False)  # fmt: skip
    results: list[ShardResult] = client.gather(futures)
    manifest = {"shard_size": shard_size, "inputs": len(inputs), "shards": [asdict(r) for r in results]}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return results
