"""A second local Neo4j for benchmarks, apart from the shared one (Bolt 7687) that tests clear.

Its home is ``build/bench-neo4j/neo4j`` (its own data, logs, password; the jars are the shared
build's, linked), its ports 7697/7484 unless GOVKG_BENCH_BOLT_PORT/GOVKG_BENCH_HTTP_PORT say
otherwise. ``admin_import`` runs ``neo4j-admin database import full`` (the AdminTool main class
of the Neo4j jars, with this home's configuration) into its data directory while it is stopped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from govkg.graph import neo4j_server
from govkg.settings import Settings, get_settings

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / "build" / "bench-neo4j"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"


def settings(root: Path = ROOT) -> Settings:
    """Settings whose neo4j_home is under ``root``, sharing the main build's jars."""
    main = get_settings()
    build = neo4j_server.ensure_built(main)
    s = main.model_copy(update={
        "cache_dir": root,
        "neo4j_bolt_port": int(os.environ.get("GOVKG_BENCH_BOLT_PORT", "7697")),
        "neo4j_http_port": int(os.environ.get("GOVKG_BENCH_HTTP_PORT", "7484")),
        "neo4j_password": None, "neo4j_uri": None,
        "query_timeout": 300.0,  # a cold server's first queries on a loaded machine: measured, not cut off
    })  # fmt: skip
    home = s.neo4j_home
    home.mkdir(parents=True, exist_ok=True)
    link = home / "build"
    if not link.exists():
        link.symlink_to(build, target_is_directory=True)
    return s


def start(s: Settings) -> neo4j_server.ServerInfo:
    return neo4j_server.start(s, timeout=300)


def stop(s: Settings) -> None:
    neo4j_server.stop(s)


def uri(s: Settings) -> str:
    return neo4j_server.local_uri(s)


def _admin_conf(s: Settings) -> Path:
    """A neo4j.conf for the import tool: the server's data directory, a modest page cache."""
    conf = s.neo4j_home / "admin-conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").write_text(
        f"server.directories.data={s.neo4j_home / 'data'}\n"
        f"server.directories.logs={s.neo4j_home / 'logs'}\n"
        "server.memory.pagecache.size=256m\n"
        "db.tx_log.preallocate=false\n",
        encoding="utf-8",
    )
    return conf


def admin_import(s: Settings, csv_dir: Path, args: list[str], database: str = "neo4j") -> tuple[float, str]:
    """Run neo4j-admin's import (the server must be stopped); (seconds, its output)."""
    if neo4j_server.status(s) is not None:
        raise RuntimeError("stop the bench server before importing into it")
    java = shutil.which("java") or "java"
    lib = s.neo4j_home / "build" / "lib"
    heap = os.environ.get("GOVKG_NEO4J_HEAP", "1g")
    env = dict(os.environ, NEO4J_HOME=str(s.neo4j_home), NEO4J_CONF=str(_admin_conf(s)))
    # the database name before the options: --nodes/--relationships take several files each
    cmd = [java, f"-Xmx{heap}", "-cp", f"{lib}/*", ADMIN_CLASS, *args[:3], database, *args[3:]]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=csv_dir, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"neo4j-admin import failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds, done.stdout


def reset(s: Settings, scratch: Path) -> None:
    """An empty database (stopped, then an import of nothing): at millions of relationships a
    DETACH DELETE runs out of transaction memory; a new store is also quicker."""
    stop(s)
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "nodes_Report.csv").write_text("id:ID(Report)\n", encoding="utf-8")
    admin_import(s, scratch, ["database", "import", "full", "--overwrite-destination=true",
                              "--nodes=Report=nodes_Report.csv"])  # fmt: skip
