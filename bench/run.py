"""govkg benchmarks, side by side, medians of several runs: ``make bench`` (or ``python bench/run.py``).

    python bench/run.py                      # 10,000 reports, 3 runs: the figures in BENCHMARKS.md
    python bench/run.py --quick              # 300 reports, 2 runs: a few minutes, to try it out
    python bench/run.py --only extraction,cold  --reports 1000

Sections (``--only``): extraction (pipeline vs pkuseg-only, one core), workers (1 vs 2),
cold (cold start on one report), gold (scores, and --workers output identical), graph (extract
the whole corpus), loader (bulk and per-report loader vs neo4j-admin import), queries (Neo4j and
embedded), api (wrk on a query route vs a constant route).

Results go to build/bench/results.json and build/bench/results.md (the tables of BENCHMARKS.md).
Neo4j work runs on a second server under build/bench-neo4j (ports 7697/7484), never on the
shared one. Needs the pkuseg model (govkg setup), Java 17 and the built local Neo4j (govkg neo4j
build) for the Neo4j sections, wrk for the API section (else a Python load generator, said so).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

PY = sys.executable
SECTIONS = ("extraction", "workers", "cold", "gold", "graph", "loader", "queries", "api")


def govkg_cmd() -> list[str]:
    script = Path(PY).with_name("govkg")
    return [str(script)] if script.exists() else [PY, "-m", "govkg.cli"]


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                   if ln.startswith("model name"))  # fmt: skip
    except (OSError, StopIteration):
        cpu = platform.processor()
    mem = ""
    with contextlib.suppress(OSError):
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split(":")[1].strip()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[:1]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "os": platform.platform(), "java": java[0] if java else None, "loadavg_at_start": loadavg()}  # fmt: skip


def timed(cmd: list[str], **kw: Any) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    done = subprocess.run(cmd, **kw)
    return time.perf_counter() - t, done


# --- extraction -------------------------------------------------------------------------------


def section_extraction(files: list[Path], runs: int, per_run: int) -> dict[str, Any]:
    """Pipeline vs pkuseg-only on the same reports, one process each run, order alternating."""
    out = []
    for r in range(runs):
        chunk = files[r * per_run : (r + 1) * per_run]
        flags = ["--pkuseg-first"] if r % 2 else []
        done = subprocess.run([PY, str(HERE / "extract_probe.py"), *flags, *map(str, chunk)], capture_output=True,
                              text=True, check=True)  # fmt: skip
        res = json.loads(done.stdout.strip().splitlines()[-1])
        res["ratio"] = res["pkuseg_s"] / res["pipeline_s"]
        res["loadavg"] = loadavg()
        out.append(res)
        log(f"extraction run {r}: pipeline {res['pipeline_cps']:,.0f} chars/s, pkuseg {res['pkuseg_cps']:,.0f}, "
            f"ratio {res['ratio']:.2f}")  # fmt: skip
    return {"runs": out, "ratio_median": median([x["ratio"] for x in out]),
            "pipeline_cps_median": median([x["pipeline_cps"] for x in out]),
            "pkuseg_cps_median": median([x["pkuseg_cps"] for x in out])}  # fmt: skip


def code_state() -> str:
    """The extractors' code as it stands (commit and uncommitted changes): others edit the same tree."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout
    diff = subprocess.run(["git", "diff", "HEAD", "--", "extractors"], cwd=REPO, capture_output=True, text=True).stdout
    return head.strip() + str(hash(diff))


def section_workers(files: list[Path], runs: int, per_run: int, tmp: Path) -> dict[str, Any]:
    """govkg extract --workers 1 vs 2, end to end (start-up included), same reports, output compared
    (unless the extractors' code changed between the two: then the pair says so)."""
    out = []
    for r in range(runs):
        code = code_state()
        chunk = files[r * per_run : (r + 1) * per_run]
        listing = tmp / f"workers-{r}.txt"
        listing.write_text("\n".join(map(str, chunk)) + "\n", encoding="utf-8")
        secs, outputs = {}, {}
        for w in ((1, 2) if r % 2 == 0 else (2, 1)):
            dest = tmp / f"workers-{r}-{w}.jsonl"
            with open(dest, "w") as fh:
                secs[w], _ = timed([*govkg_cmd(), "extract", "--workers", str(w), "--from", str(listing)], stdout=fh,
                                   check=True)  # fmt: skip
            outputs[w] = dest.read_bytes()
        chars = sum(len(p.read_text(encoding="utf-8")) for p in chunk)
        res = {"reports": len(chunk), "chars": chars, "seconds_1": secs[1], "seconds_2": secs[2],
               "speedup": secs[1] / secs[2], "identical_output": outputs[1] == outputs[2], "loadavg": loadavg()}  # fmt: skip
        if code != code_state() and not res["identical_output"]:
            res["identical_output"] = None  # the code changed under us: no comparison
        out.append(res)
        log(f"workers run {r}: 1 worker {secs[1]:.1f} s, 2 workers {secs[2]:.1f} s, x{res['speedup']:.2f}, "
            f"identical {res['identical_output']}")  # fmt: skip
    return {"runs": out, "speedup_median": median([x["speedup"] for x in out]),
            "identical_output": all(x["identical_output"] is not False for x in out)}  # fmt: skip


def section_cold(report: Path, runs: int) -> dict[str, Any]:
    """Wall time of `govkg extract` on one report in a new process, and what goes into it."""
    probe = ("import time,sys;t=time.perf_counter();{body};print(time.perf_counter()-t)")
    parts = {
        "python + import govkg.cli": "import govkg.cli",
        "import the spaCy pipeline": "import govkg.extractors.nlp",
        "pkuseg model, fast form": "from pathlib import Path;from govkg.extractors.segment import load_pkuseg,"
                                   "user_dict_path;from govkg.extractors.model import model_dir;"
                                   "load_pkuseg(model_dir(),user_dict_path())",
        "pkuseg model, spacy-pkuseg's own load": "import spacy_pkuseg;from govkg.extractors.segment import "
                                                 "user_dict_path;from govkg.extractors.model import model_dir;"
                                                 "spacy_pkuseg.pkuseg(model_name=str(model_dir()),"
                                                 "user_dict=str(user_dict_path()))",
    }  # fmt: skip
    wall, comp = [], {k: [] for k in parts}
    for _ in range(runs):
        secs, _ = timed([*govkg_cmd(), "extract", str(report)], stdout=subprocess.DEVNULL, check=True)
        wall.append(secs)
        for name, body in parts.items():
            done = subprocess.run([PY, "-c", probe.format(body=body)], capture_output=True, text=True, check=True)
            comp[name].append(float(done.stdout.strip().splitlines()[-1]))
    res = {"report": report.name, "chars": len(report.read_text(encoding="utf-8")), "wall_s": wall,
           "wall_median_s": median(wall), "parts_median_s": {k: median(v) for k, v in comp.items()}}  # fmt: skip
    log(f"cold start: {res['wall_median_s']:.2f} s; parts {res['parts_median_s']}")
    return res


def section_gold(tmp: Path) -> dict[str, Any]:
    """Gold scores as they stand, and proof that --workers changes no record."""
    out: dict[str, Any] = {}
    for name, reports, gold in (("seeds", SHARED / "seeds", SHARED / "gold"),
                                ("corpus", SHARED / "corpus", SHARED / "corpus" / "gold")):  # fmt: skip
        if not gold.is_dir():
            out[name] = "skipped: ../shared is not here"
            continue
        done = subprocess.run([*govkg_cmd(), "eval", "--json", "--gold", str(gold), str(reports)], capture_output=True,
                              text=True)  # fmt: skip
        scores = json.loads(done.stdout)
        out[name] = {k: v["f1"] for k, v in scores.items() if isinstance(v, dict)}
        one = subprocess.run([*govkg_cmd(), "extract", str(reports)], capture_output=True, text=True).stdout
        two = subprocess.run([*govkg_cmd(), "extract", "--workers", "2", str(reports)], capture_output=True,
                             text=True).stdout  # fmt: skip
        out[f"{name}_workers_identical"] = one == two
    log(f"gold: {out}")
    return out


# --- the graph --------------------------------------------------------------------------------


def records_dir(n: int, seed: int) -> Path:
    return REPO / "build" / "bench" / f"records-s{seed}-n{n}"


def section_graph(corpus: Path, n: int, seed: int) -> dict[str, Any]:
    """Extract the whole corpus with 2 workers into shards (kept: a re-run reuses done shards)."""
    out = records_dir(n, seed)
    secs, _ = timed([*govkg_cmd(), "extract", "--workers", "2", "--out", str(out), "--shard-size", "500",
                     str(corpus)], check=True)  # fmt: skip
    manifest = json.loads((out / "manifest.json").read_text())
    fresh = [s for s in manifest["shards"] if not s.get("skipped")]
    res = {"records": sum(s["records"] for s in manifest["shards"]), "seconds": secs,
           "reused_shards": len(manifest["shards"]) - len(fresh)}  # fmt: skip
    log(f"graph records: {res}")
    return res


def load_records(n: int, seed: int) -> list[Any]:
    from govkg.extractors.records import record_from_dict

    recs = []
    for part in sorted(records_dir(n, seed).glob("part-*.jsonl")):
        recs += [record_from_dict(json.loads(line)) for line in part.read_text(encoding="utf-8").splitlines() if line]
    return recs


def section_loader(records: list[Any], tmp: Path, sample: int) -> dict[str, Any]:
    """neo4j-admin import of the exported graph vs the bulk loader (all but ``sample`` reports) and
    the per-report loader (the last ``sample``) into an empty database: the same final graph,
    counts compared. The bench server is left holding the imported graph (for the queries)."""
    import neo4j_bench as nb

    from govkg.graph.bulk import ingest_many
    from govkg.graph.export import export, graph_from_records
    from govkg.graph.neo4j_store import Neo4jGraph
    from govkg.graph.rows import build_rows

    s = nb.settings()
    t = time.perf_counter()
    graph = graph_from_records(records, trace=False)
    build_s = time.perf_counter() - t
    csv_dir = tmp / "neo4j-admin"
    shutil.rmtree(csv_dir, ignore_errors=True)
    t = time.perf_counter()
    summary = export(graph, "neo4j-admin", csv_dir)
    export_s = time.perf_counter() - t
    del graph
    nb.reset(s, tmp / "empty-graph")
    g = Neo4jGraph.connect(s, nb.start(s).bolt_uri)  # creates the constraints and indexes the loader needs
    bulk_part, single_part = records[: len(records) - sample], records[len(records) - sample :]
    rels = lambda recs: sum(len(build_rows(r).rels) for r in recs)  # noqa: E731 - rows a loader writes
    t = time.perf_counter()
    ingest_many(g, bulk_part)
    bulk_s = time.perf_counter() - t
    t = time.perf_counter()
    for rec in single_part:
        g.ingest(rec)
    single_s = time.perf_counter() - t
    loaded = g.counts()
    g.close()
    nb.stop(s)
    import_s, output = nb.admin_import(s, csv_dir, summary.command)
    tool = re.search(r"IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms", output)
    tool_s = (int(tool.group(1) or 0) * 60 + int(tool.group(2)) + int(tool.group(3)) / 1000) if tool else None
    info = nb.start(s)
    t = time.perf_counter()  # the imported store has no constraints or indexes yet: govkg needs them
    g = Neo4jGraph.connect(s, info.bolt_uri)
    with g.driver.session() as ses:
        ses.run("CALL db.awaitIndexes(1800)").consume()
    index_s = time.perf_counter() - t
    imported = g.counts()
    g.close()
    rel_total = summary.relationships
    res = {
        "reports": len(records), "nodes": summary.nodes, "relationships": rel_total,
        "graph_build_s": build_s, "csv_export_s": export_s, "import_s": import_s, "import_tool_s": tool_s,
        "import_rels_per_s": rel_total / import_s, "index_s": index_s,
        "import_indexed_rels_per_s": rel_total / (import_s + index_s),
        "bulk_reports": len(bulk_part), "bulk_s": bulk_s, "bulk_rels_per_s": rels(bulk_part) / bulk_s,
        "single_reports": len(single_part), "single_s": single_s,
        "single_rels_per_s": rels(single_part) / single_s if single_part else None,
        "same_counts": {k: imported[k] == loaded[k] for k in ("labels", "types")},
        "loadavg": loadavg(),
    }  # fmt: skip
    res["bulk_vs_import"] = res["bulk_rels_per_s"] / res["import_rels_per_s"]
    res["bulk_vs_import_indexed"] = res["bulk_rels_per_s"] / res["import_indexed_rels_per_s"]
    res["bulk_vs_export_and_import"] = res["bulk_rels_per_s"] / (rel_total / (build_s + export_s + import_s + index_s))
    if res["single_rels_per_s"]:
        res["single_vs_import"] = res["single_rels_per_s"] / res["import_rels_per_s"]
    log(f"loader: {json.dumps({k: v for k, v in res.items() if not isinstance(v, dict)}, default=str)}")
    return res


def section_queries(records: list[Any], tmp: Path, reps: int, emb_reps: int) -> dict[str, Any]:
    """Every named query on Neo4j (the bench server, loaded by section_loader) and on the embedded store."""
    import neo4j_bench as nb
    import query_bench as qb

    from govkg.graph.export import graph_from_records
    from govkg.graph.neo4j_store import Neo4jGraph
    from govkg.graph.queries import QUERIES
    from govkg.graph.store import EmbeddedGraph

    es = graph_from_records(records, trace=False)
    every = qb.popular_args(es)
    missing = sorted(set(QUERIES) - set(every))
    args = {k: v for k, v in every.items() if k in QUERIES}
    s = nb.settings()
    info = nb.start(s)
    g = Neo4jGraph.connect(s, info.bolt_uri)
    if g.counts()["relationships"] != es.g.number_of_edges():
        raise RuntimeError("the bench Neo4j does not hold the corpus graph: run the loader section first")
    with g.driver.session() as ses:
        ses.run("CALL db.awaitIndexes(600)").consume()
    neo = qb.time_queries(g, args, reps, qb.return_one(g))
    base = neo["RETURN 1"]["p95_ms"]
    for v in neo.values():
        v["p95_vs_return1"] = round(v["p95_ms"] / base, 2)
    store_path = tmp / "embedded-store.json.gz"
    store_path.unlink(missing_ok=True)
    emb = EmbeddedGraph(store_path)
    emb.store.g = es.g
    emb.dirty = True
    emb.save()
    same = qb.same_answers(emb, g, args)
    g.close()
    args_file = tmp / "query-args.json"
    args_file.write_text(json.dumps(args, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([PY, str(HERE / "embedded_probe.py"), str(store_path), str(args_file), str(emb_reps)],
                          capture_output=True, text=True, check=True)  # fmt: skip
    embedded = json.loads(done.stdout.strip().splitlines()[-1])
    res = {"args": every, "neo4j": neo, "embedded": embedded, "same_answers": same, "not_benchmarked": missing,
           "loadavg": loadavg()}  # fmt: skip
    worst = max((v["p95_vs_return1"], k) for k, v in neo.items() if k != "RETURN 1")
    log(f"queries: worst p95 {worst[1]} x{worst[0]} RETURN 1; same answers {all(same.values())}; "
        f"embedded open {embedded['open_s']} s, {embedded['rss_mb']} MB")  # fmt: skip
    return res


# --- API --------------------------------------------------------------------------------------


def _wrk(url: str, seconds: int, conns: int) -> float:
    done = subprocess.run(["wrk", "-t2", f"-c{conns}", f"-d{seconds}s", url], capture_output=True, text=True, check=True)
    m = re.search(r"Requests/sec:\s+([\d.]+)", done.stdout)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    if non2xx:
        raise RuntimeError(f"{url}: {non2xx.group(1)} error responses\n{done.stdout}")
    return float(m.group(1)) if m else float("nan")


def _python_load(url: str, seconds: int, conns: int) -> float:
    """Requests per second from ``conns`` threads with keep-alive (when wrk is not installed)."""
    import threading

    import httpx

    count = [0] * conns
    stop = time.perf_counter() + seconds

    def worker(i: int) -> None:
        with httpx.Client() as c:
            while time.perf_counter() < stop:
                c.get(url).raise_for_status()
                count[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(conns)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return sum(count) / (time.perf_counter() - t)


def section_api(args: dict[str, Any], runs: int, seconds: int, conns: int, port: int = 8765) -> dict[str, Any]:
    """`govkg serve` over the bench Neo4j: requests/s on a query route vs /health, alternating."""
    from urllib.parse import quote

    import httpx
    import neo4j_bench as nb

    from govkg.graph.neo4j_server import local_password

    s = nb.settings()
    info = nb.start(s)
    env = dict(os.environ, NEO4J_PASSWORD=local_password(s) or "", GOVKG_API_KEY="")
    server = subprocess.Popen([*govkg_cmd(), "serve", "--neo4j", info.bolt_uri, "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    law = args["regions-citing"]["law"]
    typical = args.get("typical", {}).get("jurisdiction", args["laws-cited-by"]["jurisdiction"])
    routes = {"constant: /health": f"{base}/health",
              f"query, the most cited law: /laws/{law}/regions": f"{base}/laws/{quote(law)}/regions?limit=20",
              f"query, a typical place: /jurisdictions/{typical}/laws": f"{base}/jurisdictions/{quote(typical)}/laws"
              "?limit=20"}  # fmt: skip
    tool = "wrk" if shutil.which("wrk") else "python threads (httpx)"
    measure = _wrk if shutil.which("wrk") else _python_load
    try:
        deadline = time.time() + 120
        while True:
            try:
                if httpx.get(routes["constant: /health"], timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline:
                raise RuntimeError("govkg serve did not come up")
            time.sleep(0.5)
        for url in routes.values():
            httpx.get(url, timeout=30).raise_for_status()
        rps: dict[str, list[float]] = {k: [] for k in routes}
        for r in range(runs):
            for name in (list(routes) if r % 2 == 0 else list(reversed(routes))):
                rps[name].append(measure(routes[name], seconds, conns))
        med = {k: median(v) for k, v in rps.items()}
        names = list(routes)
        res = {"tool": tool, "connections": conns, "seconds": seconds, "runs": rps, "median_rps": med,
               "ratios": {k: med[k] / med[names[0]] for k in names[1:]}, "loadavg": loadavg()}  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    log(f"api: {res['median_rps']} ratios {res['ratios']} ({tool})")
    return res


# --- report -----------------------------------------------------------------------------------


def markdown(r: dict[str, Any]) -> str:
    L = [f"Run {r['started']} on {r['machine']['cpu']} ({r['machine']['cores']} cores, {r['machine']['memory']}), "
         f"load average at start {r['machine']['loadavg_at_start']}; corpus {r['corpus']['reports']:,} reports, "
         f"{r['corpus']['chars']:,} characters (seed {r['corpus']['seed']}).", ""]  # fmt: skip
    if "extraction" in r:
        e = r["extraction"]
        L += ["| extraction, one core | median | runs |", "|---|---:|---|",
              f"| pipeline chars/s | {e['pipeline_cps_median']:,.0f} | "
              + ", ".join(f"{x['pipeline_cps']:,.0f}" for x in e["runs"]) + " |",
              f"| pkuseg-only chars/s | {e['pkuseg_cps_median']:,.0f} | "
              + ", ".join(f"{x['pkuseg_cps']:,.0f}" for x in e["runs"]) + " |",
              f"| **pipeline / pkuseg-only** | **{e['ratio_median']:.2f}×** | "
              + ", ".join(f"{x['ratio']:.2f}" for x in e["runs"]) + " |", ""]  # fmt: skip
    if "workers" in r:
        w = r["workers"]
        L += ["| govkg extract, end to end | median | runs |", "|---|---:|---|",
              f"| **2 workers / 1 worker** | **{w['speedup_median']:.2f}×** | "
              + ", ".join(f"{x['speedup']:.2f} ({x['seconds_1']:.0f} s / {x['seconds_2']:.0f} s, "
                          f"{x['reports']} reports)" for x in w["runs"]) + " |",
              f"| output identical | {w['identical_output']} | |", ""]  # fmt: skip
    if "cold" in r:
        c = r["cold"]
        L += ["| cold start, one report | median s |", "|---|---:|",
              f"| **govkg extract {c['report']}** | **{c['wall_median_s']:.2f}** |"]
        L += [f"| {k} | {v:.2f} |" for k, v in c["parts_median_s"].items()] + [""]
    if "gold" in r:
        L += ["Gold F1 (govkg eval): " + "; ".join(
            f"{k}: " + (", ".join(f"{n} {f:.3f}" for n, f in v.items()) if isinstance(v, dict) else str(v))
            for k, v in r["gold"].items()), ""]  # fmt: skip
    if "loader" in r:
        x = r["loader"]
        L += [f"| loading {x['reports']:,} reports: {x['nodes']:,} nodes, {x['relationships']:,} relationships "
              "| seconds | relationships/s | vs import |", "|---|---:|---:|---:|",
              f"| neo4j-admin database import full (wall, JVM included) | {x['import_s']:.1f} | "
              f"{x['import_rels_per_s']:,.0f} | 1 |",
              f"| … the import tool's own count | {x['import_tool_s'] or float('nan'):.1f} | | |",
              f"| import, then govkg's constraints and indexes built (a database govkg can query) | "
              f"{x['import_s'] + x['index_s']:.1f} | {x['import_indexed_rels_per_s']:,.0f} | "
              f"{x['import_indexed_rels_per_s'] / x['import_rels_per_s']:.2f}× |",
              f"| graph build + CSV export before it | {x['graph_build_s'] + x['csv_export_s']:.1f} | | |",
              f"| **bulk loader** (graph/bulk.py, {x['bulk_reports']:,} reports, 200 a transaction) | "
              f"{x['bulk_s']:.1f} | {x['bulk_rels_per_s']:,.0f} | **{x['bulk_vs_import']:.2f}×** |",
              f"| per-report loader (Neo4jGraph.ingest, last {x['single_reports']} reports) | {x['single_s']:.1f} | "
              f"{x['single_rels_per_s'] or 0:,.0f} | {x.get('single_vs_import', 0):.2f}× |",
              f"| bulk vs import + indexes | | | {x['bulk_vs_import_indexed']:.2f}× |",
              f"| bulk vs export + import + indexes | | | {x['bulk_vs_export_and_import']:.2f}× |",
              f"| same label and type counts as the import | {x['same_counts']} | | |", ""]  # fmt: skip
    if "queries" in r:
        q = r["queries"]
        neo, emb = q["neo4j"], q["embedded"]["queries"]
        L += [f"| query ({r['corpus']['reports']:,} reports) | Neo4j p50 ms | Neo4j p95 ms | p95 / RETURN 1 p95 "
              "| embedded p50 ms | embedded p95 ms | same answers |", "|---|---:|---:|---:|---:|---:|:-:|"]  # fmt: skip
        for name, v in neo.items():
            e = emb.get(name, {})
            L.append(f"| {name} | {v['p50_ms']} | {v['p95_ms']} | {v['p95_vs_return1']}× | {e.get('p50_ms', '')} "
                     f"| {e.get('p95_ms', '')} | {q['same_answers'].get(name, '')} |")  # fmt: skip
        em = q["embedded"]
        L += ["", f"Embedded store at {r['corpus']['reports']:,} reports: file {em['file_mb']} MB, open "
              f"{em['open_s']} s, resident memory +{em['rss_mb']} MB (process {em['rss_total_mb']} MB, "
              f"peak {em['peak_mb']} MB).", ""]  # fmt: skip
    if "api" in r:
        a = r["api"]
        L += [f"| API over Neo4j ({a['tool']}, {a['connections']} connections, {a['seconds']} s a run) "
              "| median requests/s | runs |", "|---|---:|---|"]
        L += [f"| {k} | {v:,.0f} | " + ", ".join(f"{x:,.0f}" for x in a["runs"][k]) + " |"
              for k, v in a["median_rps"].items()]  # fmt: skip
        L += [f"| **{k.split(':')[0]} / constant** | **{v:.2f}×** | |" for k, v in a["ratios"].items()] + [""]
    return "\n".join(L)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="300 reports, 2 runs, short API runs")
    ap.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections: " + ", ".join(SECTIONS))
    ap.add_argument("--out", type=Path, default=REPO / "build" / "bench")
    a = ap.parse_args(argv)
    if a.quick:
        a.reports, a.runs = min(a.reports, 300), min(a.runs, 2)
    only = {x.strip() for x in a.only.split(",") if x.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        ap.error(f"unknown sections: {', '.join(sorted(unknown))}")
    a.out.mkdir(parents=True, exist_ok=True)
    tmp = a.out / "tmp"
    tmp.mkdir(exist_ok=True)
    corpus = make_corpus.ensure_corpus(a.reports, a.seed)
    manifest = json.loads((corpus / "manifest.json").read_text())
    files = [corpus / f for f in manifest["files"]]
    results: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(),
                               "corpus": {k: manifest[k] for k in ("seed", "reports", "chars")}}  # fmt: skip
    per_run = 20 if a.quick else 60  # reports per extraction run (distinct slices: no warm caches)
    if "extraction" in only:
        results["extraction"] = section_extraction(files, a.runs, per_run)
    if "workers" in only:
        start = a.runs * per_run
        results["workers"] = section_workers(files[start:], a.runs, 40 if a.quick else 600, tmp)
    if "cold" in only:
        results["cold"] = section_cold(SHARED / "seeds" / "000_1d52dff9d37e0766.txt"
                                       if (SHARED / "seeds").is_dir() else files[0], max(a.runs, 3))  # fmt: skip
    if "gold" in only:
        results["gold"] = section_gold(tmp)
    if only & {"graph", "loader", "queries", "api"}:
        results["graph"] = section_graph(corpus, a.reports, a.seed)
        records = load_records(a.reports, a.seed)
        if only & {"loader", "queries", "api"}:  # queries and the API read the graph the loader leaves
            results["loader"] = section_loader(records, tmp, sample=50 if a.quick else 300)
        if "queries" in only:
            results["queries"] = section_queries(records, tmp, 15 if a.quick else 50, 3 if a.quick else 10)
        if "api" in only:
            import query_bench as qb

            from govkg.graph.export import graph_from_records

            args = results.get("queries", {}).get("args") or qb.popular_args(graph_from_records(records, trace=False))
            results["api"] = section_api(args, a.runs, 5 if a.quick else 15, 16)
    (a.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    md = markdown(results)
    (a.out / "results.md").write_text(md + "\n", encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
