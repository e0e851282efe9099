"""Where extraction time goes: seconds per step of the pipeline over a sample of the scale corpus.

    python bench/profile_stages.py build/corpus/s7-n1000 --reports 100 [--pyinstrument]

Steps: normalise (furniture, half-width, traditional-script check), the character Doc, then every
spaCy component of :mod:`govkg.extractors.nlp` in order. The pkuseg model is loaded before timing
(a cold start is measured by bench/run.py). With --pyinstrument (``pip install -e .[bench]``)
the whole run is also profiled and the call tree printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path


def stage_times(paths: list[Path]) -> dict[str, float]:
    from govkg.extractors.nlp import _by_character, _char_doc, make_nlp
    from govkg.extractors.normalise import normalise

    nlp = make_nlp()
    nlp.get_pipe("govkg_document").resources.segmenter.load()
    spent: dict[str, float] = defaultdict(float)
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        t = time.perf_counter()
        norm = normalise(raw)
        spent["normalise"] += time.perf_counter() - t
        t = time.perf_counter()
        doc = _char_doc(nlp, norm.text) if _by_character(nlp) else nlp.make_doc(norm.text)
        doc.user_data.update(govkg_text=norm.text, govkg_original=norm.original, govkg_source=path.name)
        spent["doc (tokens)"] += time.perf_counter() - t
        for name, component in nlp.pipeline:
            t = time.perf_counter()
            doc = component(doc)
            spent[name] += time.perf_counter() - t
    return dict(spent)


def table(spent: dict[str, float], chars: int) -> str:
    total = sum(spent.values())
    lines = ["| step | seconds | share | chars/s |", "|---|---:|---:|---:|"]
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {sec:.2f} | {sec / total:.0%} | {chars / sec:,.0f} |")
    lines.append(f"| **all** | {total:.2f} | 100% | {chars / total:,.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--reports", type=int, default=100)
    ap.add_argument("--skip", type=int, default=0, help="start at this report (a slice no other run used)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--pyinstrument", action="store_true")
    args = ap.parse_args(argv)
    paths = sorted(args.corpus.glob("*.txt"))[args.skip : args.skip + args.reports]
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    if args.pyinstrument:
        from pyinstrument import Profiler

        with Profiler() as prof:
            spent = stage_times(paths)
        print(prof.output_text(unicode=True, color=False, show_all=False), file=sys.stderr)
    else:
        spent = stage_times(paths)
    print(json.dumps({"chars": chars, "seconds": spent}) if args.json else table(spent, chars))
    return 0


if __name__ == "__main__":
    sys.exit(main())
