"""One process, one core: the pipeline and pkuseg-only segmentation over the same reports.

    python bench/extract_probe.py [--pkuseg-first] REPORT...   # prints JSON

Both start warm (pipeline built, pkuseg model loaded, one report extracted before timing) and
read the same texts, already in memory: the pipeline gets the file's text as ``govkg extract``
does (normalising is part of its work), pkuseg-only cuts that same text. The order alternates
between runs (bench/run.py) so that neither always goes first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--pkuseg-first", action="store_true")
    ap.add_argument("--warmup", type=Path, help="a report extracted once before timing")
    args = ap.parse_args(argv)

    from govkg.extractors.load import read_report
    from govkg.extractors.nlp import make_doc, make_nlp

    nlp = make_nlp()
    seg = nlp.get_pipe("govkg_document").resources.segmenter
    seg.load()
    model = seg._model
    texts = [(read_report(p), p.name) for p in args.paths]
    warm = args.warmup or args.paths[0]
    nlp(make_doc(nlp, read_report(warm), warm.name))
    model.cut(read_report(warm))

    def pipeline() -> float:
        t = time.perf_counter()
        for raw, name in texts:
            nlp(make_doc(nlp, raw, name))
        return time.perf_counter() - t

    def pkuseg() -> float:
        t = time.perf_counter()
        for raw, _ in texts:
            model.cut(raw)
        return time.perf_counter() - t

    if args.pkuseg_first:
        pk, pipe = pkuseg(), pipeline()
    else:
        pipe, pk = pipeline(), pkuseg()
    chars = sum(len(raw) for raw, _ in texts)
    print(json.dumps({"reports": len(texts), "chars": chars, "pipeline_s": pipe, "pkuseg_s": pk,
                      "pipeline_cps": chars / pipe, "pkuseg_cps": chars / pk}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
