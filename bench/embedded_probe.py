"""A fresh process opens an embedded store and times the named queries on it (bench/run.py).

    python bench/embedded_probe.py STORE ARGS_JSON REPS      # prints JSON

Open time is ``EmbeddedGraph(path)`` (gunzip, JSON, networkx graph); memory is the process's
resident set after opening less before (Linux /proc), and its peak.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    store_path, args_path, reps = Path(argv[0]), Path(argv[1]), int(argv[2])
    sys.path.insert(0, str(Path(__file__).parent))
    import query_bench

    from govkg.graph.store import EmbeddedGraph

    args = json.loads(args_path.read_text(encoding="utf-8"))
    before = rss_mb()
    t = time.perf_counter()
    store = EmbeddedGraph(store_path)
    open_s = time.perf_counter() - t
    after = rss_mb()
    times = query_bench.time_queries(store, args, reps, warmup=1)
    print(json.dumps({"open_s": round(open_s, 2), "rss_mb": round(after - before), "rss_total_mb": round(after),
                      "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "file_mb": round(store_path.stat().st_size / 2**20, 1), "queries": times}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
