"""A writer process for the crash tests: grow a store with many copies of the example reports, save it.

    python -m tests.reliability.writer STORE COPIES

prints ``saving`` (flushed) just before ``save()``, then ``saved``: the test kills it in between.
The copies are the example reports under other report ids, so the graph is large (a save takes seconds).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from govkg.extractors.records import record_from_dict
from govkg.graph.embedded import EmbeddedStore
from govkg.graph.rows import build_rows


def copies(records_file: Path, n: int):  # type: ignore[no-untyped-def]
    import json

    base = [
        record_from_dict(json.loads(line)) for line in records_file.read_text("utf-8").splitlines() if line
    ]
    for i in range(n):
        for rec in base:
            report = dataclasses.replace(rec.report, id=f"{rec.report.id}_copy{i:05d}")
            yield dataclasses.replace(rec, report=report)


def main() -> int:
    store_path, records_file, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    store = EmbeddedStore.open(store_path)
    for rec in copies(records_file, n):
        store.ingest(build_rows(rec))
    print(f"saving {store.g.number_of_nodes()} nodes", flush=True)
    store.save()
    print("saved", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
