"""Extraction in bulk: worker processes, and sharded JSONL that any batch engine can map over a cluster.

Local, several processes (each loads the pipeline once; output in input order)::

    govkg extract --workers 2 reports/ > records.jsonl

Sharded (a list of inputs in, ``part-NNNNN.jsonl`` shards out, each with a ``.done.json``
receipt; shards already done are skipped, so a re-run resumes)::

    govkg extract --from inputs.txt --out shards/ --shard-size 1000 [--workers 2]
    govkg extract --from inputs.txt --out shards/ --shard-size 1000 --shard 17   # one task

The plan (which inputs go in which shard) depends only on the input list and the shard size,
so a batch engine (a Slurm array, Kubernetes indexed jobs, Dask: :mod:`govkg.distributed`) can
run shard ``k`` anywhere and the shards together are exactly the serial output.
"""

from __future__ import annotations

import gc
import json
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from govkg.errors import InputError

# One pipeline per process, built on first use (or inherited from the parent by fork).
_nlp: Any = None
_nlp_catalogue: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What one input gave: JSON lines (one record per report; a .jsonl gives its records) or errors."""

    path: str
    lines: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass
class ShardResult:
    index: int
    name: str
    inputs: list[str]
    records: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: bool = False


def pipeline(law_catalogue: Path | str | None = None) -> Any:
    """This process's spaCy pipeline (built once per process and law catalogue)."""
    global _nlp, _nlp_catalogue
    key = str(law_catalogue) if law_catalogue else None
    if _nlp is None or _nlp_catalogue != key:
        from govkg.extractors.nlp import make_nlp

        _nlp, _nlp_catalogue = make_nlp(law_catalogue=Path(key) if key else None), key
    return _nlp


def extract_one(path: str, law_catalogue: str | None = None) -> Outcome:
    """Extract one report (or read one .jsonl of records back) into JSON lines."""
    p = Path(path)
    if p.suffix.lower() == ".jsonl":
        return _read_jsonl(p)
    from govkg.extractors.load import read_report
    from govkg.extractors.nlp import make_doc

    try:
        raw = read_report(p)
    except InputError as e:
        return Outcome(path, errors=(str(e),))
    nlp = pipeline(law_catalogue)
    record = nlp(make_doc(nlp, raw, p.name))._.govkg_record
    return Outcome(path, lines=(json.dumps(record.to_dict(), ensure_ascii=False),))


def _read_jsonl(path: Path) -> Outcome:
    from govkg.extractors.records import record_from_dict

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return Outcome(str(path), errors=(f"{path}: cannot be read as UTF-8 JSON lines ({e})",))
    lines, errors = [], []
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            lines.append(json.dumps(record_from_dict(json.loads(line)).to_dict(), ensure_ascii=False))
        except (ValueError, KeyError, TypeError) as e:
            errors.append(f"{path}:{i}: not an extraction record ({e})")
    return Outcome(str(path), tuple(lines), tuple(errors))


def _init_worker(law_catalogue: str | None) -> None:
    pipeline(law_catalogue)


def _extract_task(args: tuple[str, str | None]) -> Outcome:
    return extract_one(*args)


def extract_many(paths: Sequence[str], law_catalogue: str | None = None, workers: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order, from ``workers`` processes.

    With fork (Linux) the parent builds the pipeline and loads the pkuseg model first, so the
    workers start with both in memory shared copy-on-write: no per-worker model load and no
    per-worker copy of its 2.6 million features. Elsewhere each worker builds its own, once."""
    workers = max(1, min(workers, len(paths)))
    if workers == 1:
        for path in paths:
            yield extract_one(path, law_catalogue)
        return
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    if method == "fork":
        pipeline(law_catalogue).get_pipe("govkg_document").resources.segmenter.load()
        # Out of the collector's sight: a child's collections would otherwise write to every
        # inherited object's header, copying the shared pages (the model, the gazetteer) one by one.
        gc.freeze()
    ctx = mp.get_context(method)
    with ctx.Pool(workers, initializer=_init_worker, initargs=(law_catalogue,)) as pool:
        # chunks of a few reports: less inter-process chatter, still even shares
        chunk = max(1, min(8, len(paths) // (workers * 16)))
        yield from pool.imap(_extract_task, [(p, law_catalogue) for p in paths], chunksize=chunk)


# --- shards ------------------------------------------------------------------------------


def plan_shards(paths: Sequence[str], shard_size: int) -> list[list[str]]:
    """Consecutive runs of ``shard_size`` inputs, in the order given."""
    if shard_size < 1:
        raise ValueError("shard size must be at least 1")
    return [list(paths[i : i + shard_size]) for i in range(0, len(paths), shard_size)]


def shard_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def _receipt(out_dir: Path, index: int) -> Path:
    return out_dir / shard_name(index).replace(".jsonl", ".done.json")


def write_shard(out_dir: Path, index: int, inputs: Sequence[str], outcomes: Iterable[Outcome],
                started: float | None = None) -> ShardResult:  # fmt: skip
    """Write one shard atomically (temp file, rename), then its receipt; report what it holds."""
    started = time.perf_counter() if started is None else started
    out_dir.mkdir(parents=True, exist_ok=True)
    result = ShardResult(index, shard_name(index), list(inputs))
    tmp = out_dir / f".{result.name}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for o in outcomes:
            for line in o.lines:
                fh.write(line + "\n")
            result.records += len(o.lines)
            result.failures += list(o.errors)
    os.replace(tmp, out_dir / result.name)
    result.seconds = round(time.perf_counter() - started, 3)
    _receipt(out_dir, index).write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
    return result


def done(out_dir: Path, index: int, inputs: Sequence[str]) -> ShardResult | None:
    """The receipt of a shard already written for the same inputs, else None."""
    try:
        data = json.loads(_receipt(out_dir, index).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("inputs") != list(inputs) or not (out_dir / shard_name(index)).is_file():
        return None
    return ShardResult(**{**data, "skipped": True})


def extract_shard(index: int, inputs: Sequence[str], out_dir: str | Path,
                  law_catalogue: str | None = None) -> ShardResult:  # fmt: skip
    """One unit of work for a batch engine: shard ``index`` of a plan, in this process."""
    out = Path(out_dir)
    return done(out, index, inputs) or write_shard(
        out, index, inputs, (extract_one(p, law_catalogue) for p in inputs))  # fmt: skip


def extract_to_shards(paths: Sequence[str], out_dir: Path, shard_size: int, law_catalogue: str | None = None,
                      workers: int = 1, only: int | None = None) -> list[ShardResult]:  # fmt: skip
    """Every shard of the plan (or only shard ``only``), skipping those done; writes manifest.json."""
    plan = plan_shards(paths, shard_size)
    if only is not None:
        if not 0 <= only < len(plan):
            raise ValueError(f"shard {only} is not in the plan (0 to {len(plan) - 1})")
        return [extract_shard(only, plan[only], out_dir, law_catalogue)]
    results = [done(out_dir, i, inputs) for i, inputs in enumerate(plan)]
    todo = [p for (i, inputs), r in zip(enumerate(plan), results, strict=True) if r is None for p in inputs]
    outcomes = extract_many(todo, law_catalogue, workers)
    for i, inputs in enumerate(plan):
        if results[i] is None:
            started = time.perf_counter()
            results[i] = write_shard(out_dir, i, inputs, (next(outcomes) for _ in inputs), started)
    final = [r for r in results if r is not None]
    manifest = {"shard_size": shard_size, "inputs": len(paths), "shards": [asdict(r) for r in final]}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return final


def read_input_list(path: Path) -> list[str]:
    """Input paths from a file, one a line (``-`` for stdin); blank lines and # comments skipped."""
    text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
