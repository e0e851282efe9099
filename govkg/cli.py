"""The govkg command line: extract, ingest, query, serve, neo4j, eval, trace."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from govkg.errors import GovkgError, InputError, StoreError
from govkg.extractors.records import ExtractionRecord
from govkg.settings import get_settings


def expand_paths(paths: Sequence[str]) -> Iterator[Path]:
    """Files as given; directories walked for files govkg can read."""
    from govkg.extractors.load import SUPPORTED

    for p in map(Path, paths):
        if p.is_dir():  # a folder's README and the like describe the reports; they are not reports
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                              and not f.name.upper().startswith(("README", "EXPECTED", "CHANGELOG")))  # fmt: skip
        else:
            yield p


def _error(message: str) -> None:
    print(f"govkg: {message}", file=sys.stderr)


def iter_records(paths: Sequence[str], law_catalogue: Path | None, failures: list[str],
                 progress: bool = False) -> Iterator[ExtractionRecord]:  # fmt: skip
    """Records for report files (extracted) and .jsonl files (read back); bad files reported and skipped."""
    from tqdm import tqdm

    from govkg.extractors.load import read_report
    from govkg.extractors.nlp import make_doc, make_nlp
    from govkg.extractors.records import record_from_dict

    files = list(expand_paths(paths))
    nlp = None
    for path in tqdm(files, unit="report", disable=not progress, file=sys.stderr):
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(path, record_from_dict, failures)
            continue
        try:
            raw = read_report(path)
        except InputError as e:
            _error(str(e))
            failures.append(str(path))
            continue
        nlp = nlp or make_nlp(law_catalogue=law_catalogue)
        try:
            record = nlp(make_doc(nlp, raw, path.name))._.govkg_record
        except GovkgError:
            raise  # e.g. the model is missing: every file would fail the same way
        except Exception as e:  # a bug met on one file must not end a run over thousands
            _error(f"{path}: extraction failed ({type(e).__name__}: {e}); please report this as a govkg bug")
            failures.append(str(path))
            continue
        yield record


def _read_jsonl(path: Path, parse, failures: list[str]) -> Iterator[ExtractionRecord]:  # type: ignore[no-untyped-def]
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        _error(f"{path}: cannot be read as UTF-8 JSON lines ({e})")
        failures.append(str(path))
        return
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield parse(json.loads(line))
        except (ValueError, KeyError, TypeError) as e:
            _error(f"{path}:{i}: not an extraction record ({e})")
            failures.append(f"{path}:{i}")


def cmd_extract(args: argparse.Namespace) -> int:
    if args.workers > 1 or args.out or args.inputs_from:
        return _extract_batch(args)
    if not args.paths:
        raise GovkgError("extract needs report paths (or --from FILE)")
    failures: list[str] = []
    total = 0
    for rec in iter_records(args.paths, args.law_catalogue, failures):
        print(json.dumps(rec.to_dict(), ensure_ascii=False), flush=True)
        total += 1
    return _summary(total + len(failures), failures)


def _extract_batch(args: argparse.Namespace) -> int:
    """``--workers`` (several processes, input order kept) and ``--out`` (sharded JSONL): govkg.batch."""
    from govkg import batch

    paths = [str(p) for p in expand_paths([*args.paths, *(batch.read_input_list(args.inputs_from)
                                                         if args.inputs_from else [])])]  # fmt: skip
    catalogue = str(args.law_catalogue) if args.law_catalogue else None
    failures: list[str] = []
    if args.out:
        try:
            shards = batch.extract_to_shards(paths, args.out, args.shard_size, catalogue, args.workers, args.shard)
        except ValueError as e:
            raise GovkgError(str(e)) from e
        for r in shards:
            for f in r.failures:
                _error(f)
            failures += r.failures
        records = sum(r.records for r in shards)
        print(f"{records} records in {len(shards)} shards in {args.out}", file=sys.stderr)
        return _summary(records + len(failures), failures)
    total = 0
    for o in batch.extract_many(paths, catalogue, args.workers):
        for line in o.lines:
            print(line, flush=True)
        for e in o.errors:
            _error(e)
        total += len(o.lines)
        failures += list(o.errors)
    return _summary(total + len(failures), failures)


def _summary(total: int, failures: list[str]) -> int:
    if failures:
        _error(f"{len(failures)} of {total} inputs failed (see above); the others were processed")
        return 1
    return 0


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from govkg.graph.store import open_store

    return open_store(store_path=getattr(args, "store", None), neo4j_uri=getattr(args, "neo4j", None))


def cmd_ingest(args: argparse.Namespace) -> int:
    failures: list[str] = []
    store = _open(args)
    n = 0
    ingested: list[ExtractionRecord] = []
    try:
        for rec in iter_records(args.paths, args.law_catalogue, failures, progress=not args.quiet):
            store.ingest(rec)
            ingested.append(rec)
            n += 1
        _retrace(store, ingested)
        c = store.counts()
    except StoreError as e:  # e.g. Neo4j went away: say what is safe, and how to finish
        raise StoreError(f"{e}. The {n} reports before it were stored whole; run the same ingest again to "
                         "finish (it is idempotent)") from e  # fmt: skip
    finally:
        store.close()  # what was ingested before an error or Ctrl-C is kept
    print(f"ingested {n} reports into {getattr(store, 'location', 'the store')}: "
          f"{c['nodes']} nodes, {c['relationships']} relationships")  # fmt: skip
    return _summary(n + len(failures), failures)


def parse_query_args(name: str, values: Sequence[str]) -> dict[str, str]:
    """``regions-citing 安全生产法 year_from=2020``: bare values fill the required parameters in order."""
    from govkg.graph.queries import spec

    q = spec(name)
    required = [p.name for p in q.params if p.required]
    out: dict[str, str] = {}
    for v in values:
        key, sep, value = v.partition("=")
        if sep and key in {p.name for p in q.params}:
            out[key] = value
        elif required:
            out[required.pop(0)] = v
        else:
            raise GovkgError(f"query {name!r}: unexpected argument {v!r}; it takes {q.param_names()}")
    return out


def cmd_query(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        rows = store.query(args.name, **parse_query_args(args.name, args.args))
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(format_table(rows))
    return 0


def format_table(rows: list[dict]) -> str:  # type: ignore[type-arg]
    from govkg.output import table

    return table(rows)


def _retrace(store, records: Sequence[ExtractionRecord]) -> None:  # type: ignore[no-untyped-def]
    """Keep tracing current: store the reports' passages, retrace the jurisdictions they touch."""
    from govkg.graph import tracing

    for rec in records:
        tracing.store_passages(store, rec)
    tracing.after_changes(store, [rec.report.id for rec in records])


TRACE_COLUMNS = ("jurisdiction_id", "report", "year", "ordinal", "status", "later_report", "text", "links", "evidence")


def cmd_trace(args: argparse.Namespace) -> int:
    """Trace a jurisdiction's commitments again from the store, then print them (or the unpromised outcomes)."""
    from govkg.graph import tracing

    store = _open(args)
    try:
        keys = tracing.jurisdiction_keys(store, args.jurisdiction)
        if not keys:
            raise GovkgError(f"no jurisdiction {args.jurisdiction!r} in {getattr(store, 'location', 'the store')}")
        for key in keys:
            tracing.retrace(store, key)
        name, params = ("trace-unpromised", {}) if args.unpromised else ("trace", {"status": args.status})
        rows = store.query(name, jurisdiction=args.jurisdiction, year=args.year, limit=args.limit, **params)
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.unpromised:
        print(format_table(rows))
    else:
        print(format_table([_trace_line(r) for r in rows]))
    return 0


def _trace_line(row: dict) -> dict:  # type: ignore[type-arg]
    """One commitment as a table line: links as match:name=value, the best sentence."""
    links = "; ".join(f"{x['match']}:{x['name']}" + (f"={x['value']:g}{x['unit']}" if x.get("value") is not None else "")
                      for x in row["links"])  # fmt: skip
    evidence = row["evidence"][0]["text"] if row["evidence"] else None
    return {k: row.get(k) for k in TRACE_COLUMNS[:-2]} | {"links": links or None, "evidence": evidence}


def cmd_export(args: argparse.Namespace) -> int:
    """The graph ingest would build (from reports/JSONL, or an embedded store) as bulk-load files."""
    from govkg.graph.export import EXPORTERS, export, graph_from_records

    if args.format not in EXPORTERS:  # before the work of building the graph
        raise GovkgError(f"no export format {args.format!r}; formats: {', '.join(sorted(EXPORTERS))}")
    failures: list[str] = []
    if args.paths:
        records = iter_records(args.paths, args.law_catalogue, failures, progress=not args.quiet)
        graph = graph_from_records(records, trace=not args.no_trace)
    elif args.neo4j:
        from govkg.graph.export import graph_from_store
        from govkg.graph.store import open_store

        store = open_store(neo4j_uri=args.neo4j)
        try:
            graph = graph_from_store(store)
        finally:
            store.close()
    else:
        from govkg.graph.embedded import EmbeddedStore

        path = args.store or get_settings().store_path
        if not path.exists():
            raise GovkgError(f"no embedded store at {path}: give reports or .jsonl to export, or --store PATH")
        graph = EmbeddedStore.open(path)
    summary = export(graph, args.format, args.out)
    print(f"{summary.nodes} nodes, {summary.relationships} relationships in {len(summary.files)} files "
          f"in {summary.out}", file=sys.stderr)  # fmt: skip
    if summary.command:
        print(f"load into a stopped Neo4j: NEO4J_ADMIN=/path/to/bin/neo4j-admin sh {summary.out / 'import.sh'} "
              "[DATABASE]", file=sys.stderr)  # fmt: skip
    return _summary(len(failures) + 1, failures)


def cmd_show(args: argparse.Namespace) -> int:
    """One report extracted: its text with every span highlighted by kind and its facts (the page
    /reports/{id} serves), or without --html the facts as a table."""
    from govkg.api.report_view import detail, render
    from govkg.extractors.load import read_report
    from govkg.extractors.nlp import make_doc, make_nlp
    from govkg.graph.explore import page_from_record

    raw = read_report(args.path)
    nlp = make_nlp(law_catalogue=args.law_catalogue)
    doc = nlp(make_doc(nlp, raw, args.path.name))
    page = page_from_record(doc._.govkg_record, doc._.govkg_document.text)
    if args.html is None:
        print(format_table([{"start": f.start, "end": f.end, "kind": f.label, "name": f.name, "detail": detail(f),
                             "section": f.section, "text": page.text[f.start : f.end] if page.text else None}
                            for f in page.facts]))  # fmt: skip
        return 0
    args.html.parent.mkdir(parents=True, exist_ok=True)
    args.html.write_text(render(page), encoding="utf-8")
    print(f"{len(page.facts)} facts of {page.id} highlighted in {args.html}", file=sys.stderr)
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    from govkg.extractors.model import install_model

    path = install_model(force=args.force)
    print(f"pkuseg model ready in {path}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from govkg.evaluate import evaluate, format_scores, load_gold

    gold = load_gold(args.gold)
    failures: list[str] = []
    preds = [rec.to_dict() for rec in iter_records(args.paths, args.law_catalogue, failures, progress=False)]
    totals, matched = evaluate(gold, preds)
    if args.json:
        out = {k: dict(zip(("p", "r", "f1"), (round(x, 3) for x in t.prf()), strict=True))
               | {"tp": t.tp, "fn": len(t.misses), "fp": len(t.extras)} for k, t in totals.items()}  # fmt: skip
        print(json.dumps(out | {"matched_reports": f"{matched}/{len(gold)}"}, ensure_ascii=False))
    else:
        print(format_scores(totals, matched, len(gold), misses=args.misses))
    return _summary(len(preds) + len(failures), failures)


DEMO_QUERIES: tuple[tuple[str, str, dict[str, object]], ...] = (
    ("Which regions cite 安全生产法?", "regions-citing", {"law": "安全生产法"}),
    ("Which laws does 安吉县 cite?", "laws-cited-by", {"jurisdiction": "安吉县", "limit": 12}),
    ("How do regions compare on 行政机关负责人出庭应诉率?", "metric-comparison",
     {"indicator": "行政机关负责人出庭应诉率"}),
    ("What did 安吉县 promise for 2023?", "commitments", {"jurisdiction": "安吉县", "year": 2023}),
    ("...and did it deliver? (its 2023 report)", "trace", {"jurisdiction": "安吉县", "year": 2023}),
)  # fmt: skip
DEMO_COLUMNS = {
    "regions-citing": ("jurisdiction", "year", "action", "evidence"),
    "laws-cited-by": ("law", "category", "action", "year"),
    "metric-comparison": ("jurisdiction", "year", "value", "unit", "raw"),
    "commitments": ("year", "ordinal", "text", "concerns"),
    "trace": ("ordinal", "status", "text", "links"),
}


def cmd_demo(args: argparse.Namespace) -> int:
    """A short tour of a store: what is in it and the answers to a few questions."""
    store = _open(args)
    try:
        c = store.counts()
        print(f"\n== The graph: {c['nodes']} nodes, {c['relationships']} relationships")
        print("   " + ", ".join(f"{k} {v}" for k, v in c["labels"].items()))
        for question, name, params in DEMO_QUERIES:
            rows = store.query(name, **params)
            cols = DEMO_COLUMNS[name]
            print(f"\n== {question}   (govkg query {name} ...)")
            print(format_table([{k: r.get(k) for k in cols} for r in rows]))
    finally:
        store.close()
    print(f"\nTry: govkg query --store {args.store} regions-citing 民法典")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """The HTTP API (OpenAPI docs at /docs) over the embedded store or Neo4j."""
    from govkg.api.main import serve

    return serve(store=args.store, neo4j_uri=args.neo4j, host=args.host, port=args.port)


def cmd_neo4j(args: argparse.Namespace) -> int:
    from govkg.graph.neo4j_server import _main

    extra = [f"--bolt-port={args.bolt_port}"] if args.bolt_port else []
    extra += [f"--http-port={args.http_port}"] if args.http_port else []
    return _main([args.action, *extra])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govkg", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("setup", help="fetch and cache the pkuseg model (once)")
    p.add_argument("--force", action="store_true", help="fetch again even if cached")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("extract", help="print one JSON extraction record per report")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--law-catalogue", type=Path, default=get_settings().law_catalogue,
                   help="TSV of level, name, published, valid_from, expired")  # fmt: skip
    p.add_argument("--workers", type=int, default=1, help="extraction processes (output keeps the input order)")
    p.add_argument("--from", dest="inputs_from", type=Path, metavar="FILE",
                   help="also read input paths from FILE, one a line (- for stdin)")  # fmt: skip
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="write sharded JSONL (part-NNNNN.jsonl) into DIR instead of stdout; done shards are kept")  # fmt: skip
    p.add_argument("--shard-size", type=int, default=1000, help="inputs per shard with --out")
    p.add_argument("--shard", type=int, metavar="K", help="with --out: only shard K (one task of a batch engine)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="extract reports (or read .jsonl records) into a graph store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _store_args(p)
    p.add_argument("--law-catalogue", type=Path, default=get_settings().law_catalogue)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    from govkg.graph.queries import QUERIES

    p = sub.add_parser("query", help="answer a named query", description="named queries: " + "; ".join(
        f"{q.name} ({q.param_names()})" for q in QUERIES.values()))  # fmt: skip
    p.add_argument("name", choices=sorted(QUERIES), metavar="NAME")
    p.add_argument("args", nargs="*", metavar="ARG", help="values for the required parameters, or key=value")
    _store_args(p)
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("trace", help="a jurisdiction's commitments and what its report for that year shows",
                       description="Traces the jurisdiction's commitments again from the store (same key only: "
                                   "adcode or qualified name), then prints each with its status and evidence.")  # fmt: skip
    p.add_argument("jurisdiction", metavar="JURISDICTION", help="name, alias or id (adcode)")
    p.add_argument("--year", type=int, help="only commitments for this year (with --unpromised: this report year)")
    p.add_argument("--status", choices=["no_later_report", "not_mentioned", "mentioned", "done", "progressed"])
    p.add_argument("--unpromised", action="store_true", help="what the reports achieved that no commitment promised")
    p.add_argument("--limit", type=int, default=1000, help="most rows")
    _store_args(p)
    p.add_argument("--json", action="store_true", help="JSON (links, evidence, answers) instead of a table")
    p.set_defaults(func=cmd_trace)

    p = sub.add_parser("export", help="write the graph as files for bulk loading (neo4j-admin import CSVs, JSON)",
                       description="Builds the graph ingest would build from reports or .jsonl records (in "
                                   "memory), or reads an embedded store, and writes it in FORMAT into DIR.")  # fmt: skip
    p.add_argument("--format", default="neo4j-admin",
                   help="neo4j-admin (CSVs and import.sh), json, or graphml (Gephi, Cytoscape)")  # fmt: skip
    p.add_argument("out", type=Path, metavar="DIR")
    p.add_argument("paths", nargs="*", metavar="REPORT_OR_JSONL", help="inputs; none: export the --store")
    p.add_argument("--store", type=Path, help="embedded store to export (default: the user's store)")
    p.add_argument("--neo4j", metavar="URI", help="export this Neo4j database instead of an embedded store")
    p.add_argument("--no-trace", action="store_true", help="skip commitment tracing (FOLLOWED_BY, trace_*)")
    p.add_argument("--law-catalogue", type=Path, default=get_settings().law_catalogue)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("show", help="one report's text with its extracted facts highlighted (HTML), or its facts",
                       description="Extracts FILE and writes the page /reports/{id} serves: the text with every "
                                   "extracted span highlighted by kind, and a table of the facts.")  # fmt: skip
    p.add_argument("path", type=Path, metavar="FILE", help="a report file (.txt, .html, .pdf, .docx ...)")
    p.add_argument("--html", type=Path, metavar="OUT", help="write the page here (without it: a table on stdout)")
    p.add_argument("--law-catalogue", type=Path, default=get_settings().law_catalogue)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("eval", help="score extraction against gold files (P/R/F1 per list)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, folders, or .jsonl records")
    p.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files named like the reports")
    p.add_argument("--misses", action="store_true", help="also list what was missed or extra")
    p.add_argument("--json", action="store_true", help="scores as JSON")
    p.add_argument("--law-catalogue", type=Path, default=get_settings().law_catalogue)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("neo4j", help="manage the local Neo4j server (Bolt 7687, HTTP and Browser 7474)")
    p.add_argument("action", choices=["start", "stop", "status", "build"])
    p.add_argument("--bolt-port", type=int)
    p.add_argument("--http-port", type=int)
    p.set_defaults(func=cmd_neo4j)

    p = sub.add_parser("demo", help="print a summary of a store and answers to a few queries")
    _store_args(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="run the HTTP API (docs at /docs)")
    _store_args(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)
    return parser


def _store_args(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--store", type=Path, help="embedded store file (default: in the user data folder)")
    g.add_argument("--neo4j", metavar="URI", help="a Neo4j URI (bolt:// or neo4j://); default $NEO4J_URI")


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
