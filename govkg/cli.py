"""The govkg command line: extract, ingest, query, serve, neo4j, eval, trace."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from govkg.errors import GovkgError, InputError
from govkg.settings import get_settings


def expand_paths(paths: Sequence[str]) -> Iterator[Path]:
    """Files as given; directories walked for files govkg can read."""
    from govkg.extractors.load import SUPPORTED

    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
        else:
            yield p


def cmd_extract(args: argparse.Namespace) -> int:
    from govkg.extractors.load import read_report
    from govkg.extractors.nlp import make_doc, make_nlp

    nlp = make_nlp(law_catalogue=args.law_catalogue)
    failures = 0
    files = list(expand_paths(args.paths))
    for path in files:
        try:
            raw = read_report(path)
        except InputError as e:
            print(f"govkg: {e}", file=sys.stderr)
            failures += 1
            continue
        doc = nlp(make_doc(nlp, raw, path.name))
        print(json.dumps(doc._.govkg_record.to_dict(), ensure_ascii=False))
    return _summary(len(files), failures)


def _summary(total: int, failures: int) -> int:
    if failures:
        print(f"govkg: {failures} of {total} files failed (see above); the others were processed", file=sys.stderr)
        return 1
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    from govkg.extractors.model import install_model

    path = install_model(force=args.force)
    print(f"pkuseg model ready in {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govkg", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("setup", help="fetch and cache the pkuseg model (once)")
    p.add_argument("--force", action="store_true", help="fetch again even if cached")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("extract", help="print one JSON extraction record per report")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--law-catalogue", type=Path, default=get_settings().law_catalogue,
                   help="TSV of level, name, published, valid_from, expired")  # fmt: skip
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except GovkgError as e:
        print(f"govkg: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
