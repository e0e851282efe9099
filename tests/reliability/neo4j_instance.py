"""A Neo4j server of the reliability tests' own, apart from the shared one (Bolt 7687) other tests clear.

The fault tests stop and kill Neo4j in the middle of an ingest; they must never touch the server
other tests use. This one is ``govkg.graph.neo4j_server`` with another home (Settings with another
``cache_dir``: ``$GOVKG_CACHE_DIR/reliability/neo4j``, its own data, logs, password and pid file) and
other ports (Bolt 7717, HTTP 7504; GOVKG_RELIABILITY_BOLT_PORT / GOVKG_RELIABILITY_HTTP_PORT). The
launcher jars are the shared build's, linked (as bench/neo4j_bench.py does), so nothing is rebuilt.
Only this server's own pid (from its own home) is ever signalled.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from govkg.graph import neo4j_server
from govkg.settings import Settings, get_settings

BOLT_PORT = int(os.environ.get("GOVKG_RELIABILITY_BOLT_PORT", "7717"))
HTTP_PORT = int(os.environ.get("GOVKG_RELIABILITY_HTTP_PORT", "7504"))


def instance_settings(base: Settings | None = None) -> Settings:
    """Settings whose neo4j_home is the reliability server's, sharing the main build's jars."""
    main = base or get_settings()
    build = neo4j_server.ensure_built(main)
    s = main.model_copy(update={
        "cache_dir": Path(main.cache_dir) / "reliability",
        "neo4j_bolt_port": BOLT_PORT, "neo4j_http_port": HTTP_PORT,
        "neo4j_password": None, "neo4j_uri": None,
    })  # fmt: skip
    home = s.neo4j_home
    home.mkdir(parents=True, exist_ok=True)
    link = home / "build"
    if link.is_symlink() and link.resolve() != build.resolve():
        link.unlink()
    if not link.exists():
        link.symlink_to(build, target_is_directory=True)
    return s


def start(s: Settings) -> neo4j_server.ServerInfo:
    return neo4j_server.start(s, timeout=300)


def uri(s: Settings) -> str:
    return neo4j_server.local_uri(s)


def env(s: Settings) -> dict[str, str]:
    """Environment for a ``govkg`` subprocess that talks to this server (its own password)."""
    password = neo4j_server.local_password(s) or ""
    return {**os.environ, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": password, "NEO4J_URI": uri(s)}


def kill(s: Settings, sig: int = signal.SIGKILL, timeout: float = 60.0) -> int:
    """Signal this server's process (SIGKILL: a crash; SIGTERM: a clean stop) and wait for it to go."""
    info = neo4j_server.status(s)
    assert info is not None, "the reliability Neo4j is not running"
    assert str(s.neo4j_home) in str(info.home), "refusing to signal a server of another home"
    os.kill(info.pid, sig)
    proc = neo4j_server._children.pop(info.pid, None)  # started by this process: reap it, no zombie
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            break
        if proc is None and neo4j_server.status(s) is None:
            break
        time.sleep(0.1)
    else:
        raise AssertionError(f"Neo4j (pid {info.pid}) did not exit within {timeout} s of signal {sig}")
    return info.pid


def stop(s: Settings) -> None:
    neo4j_server.stop(s)
