"""A real Neo4j 5.26 LTS server on this machine, without Docker or a Neo4j download.

The server is Neo4j Community with Bolt, HTTP and Neo4j Browser, all from Maven Central: Maven
builds ``neo4j/pom.xml`` (two small classes, ``org.govkg.neo4j.Launcher`` and the unmanaged extension
``org.govkg.neo4j.web.BrowserAssets``, plus the Neo4j jars copied next to them) once, and ``java``
runs it in the background, detached from the caller::

    from govkg.graph import neo4j_server
    info = neo4j_server.start()          # builds on first use, then ~10 s; no-op when running
    driver = neo4j.GraphDatabase.driver(neo4j_server.local_uri(), auth=neo4j_server.local_auth())
    neo4j_server.status()                # ServerInfo, or None when stopped
    neo4j_server.stop()                  # SIGTERM, clean shutdown; SIGKILL after a timeout

Neo4j Browser (``info.browser_url``) loads govkg's style and guide when it connects: the server serves
the package's ``cypher/browser`` folder at ``/govkg/`` (``info.guide_url``, ``/govkg/govkg.grass``) and
its ``browser.post_connect_cmd`` is ``style <that>; play <that>`` (see Launcher.browserSettings()).

Everything lives under ``settings.neo4j_home`` (``$GOVKG_CACHE_DIR/neo4j``)::

    m2/                  Maven's local repository (unless $GOVKG_M2_REPO says otherwise)
    build/               govkg-neo4j-launcher.jar, lib/*.jar, stamp.json (hash of the Maven project)
    conf/neo4j.conf      written by the launcher at every start
    data/                databases and users: kept across restarts
    logs/                neo4j.log, debug.log, http.log, security.log; launcher.log (the JVM's
                         own output); build.log (Maven's)
    run/                 govkg-launcher.pid, ready.json (written once Bolt and HTTP are up)
    password             the password of the user neo4j (mode 600), read back by local_auth()

Knobs from the environment (beside the ``Settings`` ones: ``GOVKG_CACHE_DIR``,
``GOVKG_NEO4J_BOLT_PORT``, ``GOVKG_NEO4J_HTTP_PORT``, ``GOVKG_NEO4J_PASSWORD``/``NEO4J_PASSWORD``):
``GOVKG_M2_REPO`` (Maven repository to use), ``GOVKG_NEO4J_HEAP`` (max heap, default ``1g``),
``GOVKG_NEO4J_PROJECT`` (the directory holding the Maven project, default ``<repo>/neo4j``),
``JAVA_HOME``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from govkg.errors import StoreUnavailableError
from govkg.settings import Settings, get_settings

__all__ = [
    "ServerInfo",
    "start",
    "stop",
    "status",
    "ensure_built",
    "local_uri",
    "local_auth",
    "local_password",
    "NEO4J_VERSION",
]

#: The Neo4j version neo4j/pom.xml pins (for messages; the pom is what counts).
NEO4J_VERSION = "5.26.30"
LOCAL_USER = "neo4j"
LAUNCHER_CLASS = "org.govkg.neo4j.Launcher"
# How the password reaches the JVM: the environment, not argv, which `ps` shows to everyone.
PASSWORD_ENV = "GOVKG_NEO4J_LAUNCHER_PASSWORD"
MIN_JAVA = 17
BUILD_TIMEOUT = 1800.0  # the first build downloads ~140 MB from Maven Central
STOP_TIMEOUT = 60.0

# The JVM options of the Neo4j 5.26 distribution's neo4j.conf, less -XX:+AlwaysPreTouch (slow start).
JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
    "-Dfile.encoding=UTF-8",
]

# Popen objects of servers this process started, so that their exit is reaped (no zombies).
_children: dict[int, subprocess.Popen] = {}


@dataclass(frozen=True)
class ServerInfo:
    """A local Neo4j server: running, and ``ready`` once it accepts Bolt and HTTP connections."""

    pid: int
    ready: bool
    bolt_port: int
    http_port: int
    auth: bool
    home: Path
    data_dir: Path
    logs_dir: Path
    version: str | None = None
    user: str = LOCAL_USER

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_uri(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def browser_url(self) -> str:
        return f"{self.http_uri}/browser/"

    @property
    def guide_url(self) -> str:
        """govkg's Browser guide, served by the server itself (``:play`` it; played on connect)."""
        return f"{self.http_uri}/govkg/guide.html"


# ---------------------------------------------------------------------------------------------
# Paths


class _Paths:
    def __init__(self, settings: Settings):
        self.home = Path(settings.neo4j_home).expanduser().resolve()
        self.build = self.home / "build"
        self.jar = self.build / "govkg-neo4j-launcher.jar"
        self.lib = self.build / "lib"
        self.stamp = self.build / "stamp.json"
        self.data = self.home / "data"
        self.logs = self.home / "logs"
        self.run = self.home / "run"
        self.pid_file = self.run / "govkg-launcher.pid"
        self.ready_file = self.run / "ready.json"
        self.password_file = self.home / "password"
        self.lock_file = self.home / ".lock"
        self.launcher_log = self.logs / "launcher.log"
        self.neo4j_log = self.logs / "neo4j.log"
        self.build_log = self.logs / "build.log"

    @property
    def m2(self) -> Path:
        # Maven's local repository: $GOVKG_M2_REPO if set, else <neo4j_home>/m2, not ~/.m2. That
        # keeps everything the local server needs in the one directory CI caches and a developer
        # deletes to start afresh, and leaves a developer's ~/.m2 alone. (To share ~/.m2 instead:
        # GOVKG_M2_REPO=~/.m2/repository.) Once built, the server runs from build/ and needs no m2.
        env = os.environ.get("GOVKG_M2_REPO")
        return Path(env).expanduser().resolve() if env else self.home / "m2"


def _project_dir() -> Path:
    env = os.environ.get("GOVKG_NEO4J_PROJECT")
    return Path(env).expanduser().resolve() if env else Path(__file__).resolve().parents[1] / "neo4j"


def _settings(settings: Settings | None) -> Settings:
    return settings if settings is not None else get_settings()


@contextlib.contextmanager
def _locked(paths: _Paths, timeout: float) -> Iterator[None]:
    """One start/stop/build at a time per neo4j_home, across processes."""
    paths.home.mkdir(parents=True, exist_ok=True)
    with open(paths.lock_file, "a+") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreUnavailableError(
                        f"another govkg process has been starting, stopping or building the local Neo4j "
                        f"for over {timeout:.0f} s (lock {paths.lock_file}); wait for it, or stop it"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"(no {path})"
    kept = text.rstrip("\n").splitlines()[-lines:]
    return f"--- last lines of {path} ---\n" + "\n".join(kept)


# ---------------------------------------------------------------------------------------------
# Tools: java and mvn


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    java = str(candidate) if candidate and candidate.is_file() else shutil.which("java")
    if not java:
        raise StoreUnavailableError(
            f"Java {MIN_JAVA} or newer is needed to run the local Neo4j server and none was found: "
            "install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
        )
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise StoreUnavailableError(
            f"cannot run {java} -version: {e}; fix the Java install or JAVA_HOME"
        ) from e
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    major = int(m.group(1)) if m else 0
    if major == 1 and m and m.group(2):  # "1.8.0_x"
        major = int(m.group(2))
    if major < MIN_JAVA:
        raise StoreUnavailableError(
            f"Neo4j 5 needs Java {MIN_JAVA} or 21; {java} is "
            f"{(out.stderr or out.stdout).strip().splitlines()[0] if (out.stderr or out.stdout) else 'unknown'}: "
            "install openjdk-17 and set JAVA_HOME to it"
        )
    return java


def _mvn() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise StoreUnavailableError(
            "Maven (mvn) is needed once, to fetch Neo4j from Maven Central and build the local server, "
            "and it was not found: install it (Debian/Ubuntu: apt-get install maven)"
        )
    return mvn


# ---------------------------------------------------------------------------------------------
# Build


def _project_hash(project: Path) -> str:
    """Hash of the pom and the launcher's sources: a change to either means a rebuild."""
    h = hashlib.sha256()
    files = [project / "pom.xml", *sorted((project / "src").rglob("*"))]
    for f in files:
        if f.is_file():
            h.update(str(f.relative_to(project)).encode())
            h.update(b"\0")
            h.update(f.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


def _is_built(paths: _Paths, digest: str) -> bool:
    try:
        stamp = json.loads(paths.stamp.read_text())
    except (OSError, ValueError):
        return False
    return stamp.get("hash") == digest and paths.jar.is_file() and any(paths.lib.glob("neo4j-*.jar"))


def ensure_built(settings: Settings | None = None) -> Path:
    """Build the launcher and copy the Neo4j jars under neo4j_home/build, unless already done for
    this pom; returns the build directory. Needs Maven and (the first time) Maven Central."""
    paths = _Paths(_settings(settings))
    with _locked(paths, BUILD_TIMEOUT):
        return _ensure_built(paths)


def _ensure_built(paths: _Paths) -> Path:
    project = _project_dir()
    pom = project / "pom.xml"
    if not pom.is_file():
        raise StoreUnavailableError(
            f"the Maven project of the local Neo4j server is missing ({pom}): run from a govkg checkout, "
            "or set GOVKG_NEO4J_PROJECT to the directory holding neo4j/pom.xml"
        )
    digest = _project_hash(project)
    if _is_built(paths, digest):
        return paths.build

    mvn = _mvn()
    _java()  # a clear message if Java is missing, rather than Maven's
    paths.logs.mkdir(parents=True, exist_ok=True)
    tmp = paths.home / "build.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    cmd = [
        mvn,
        "-B",
        "-Dstyle.color=never",
        "-f",
        str(pom),
        f"-Dmaven.repo.local={paths.m2}",
        f"-Dgovkg.build.dir={tmp}",
        "package",
    ]
    started = time.monotonic()
    with open(paths.build_log, "w", encoding="utf-8") as log:
        log.write("$ " + " ".join(cmd) + "\n")
        log.flush()
        try:
            proc = subprocess.run(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=project,
                timeout=BUILD_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            raise StoreUnavailableError(
                f"building the local Neo4j server took over {BUILD_TIMEOUT:.0f} s and was stopped; "
                f"is Maven Central reachable?\n{_tail(paths.build_log)}"
            ) from None
    if proc.returncode != 0:
        raise StoreUnavailableError(
            f"Maven failed (exit {proc.returncode}) building the local Neo4j server; full log: "
            f"{paths.build_log}. Maven Central must be reachable the first time (Maven repository: "
            f"{paths.m2}).\n{_tail(paths.build_log, 40)}"
        )
    if not (tmp / paths.jar.name).is_file() or not any((tmp / "lib").glob("neo4j-*.jar")):
        raise StoreUnavailableError(
            f"Maven succeeded but left no launcher jar in {tmp}\n{_tail(paths.build_log)}"
        )
    for junk in ("classes", "generated-sources", "maven-archiver", "maven-status"):
        shutil.rmtree(tmp / junk, ignore_errors=True)
    (tmp / "stamp.json").write_text(
        json.dumps({"hash": digest, "built_at": time.time(), "seconds": round(time.monotonic() - started, 1)})
        + "\n"
    )
    # Swap in the new build; a server still running from the old jars keeps its open files.
    old = paths.home / "build.old"
    shutil.rmtree(old, ignore_errors=True)
    if paths.build.exists():
        paths.build.rename(old)
    tmp.rename(paths.build)
    shutil.rmtree(old, ignore_errors=True)
    return paths.build


# ---------------------------------------------------------------------------------------------
# Password


def _read_password(paths: _Paths) -> str | None:
    try:
        value = paths.password_file.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return value or None


def _write_password(paths: _Paths, password: str) -> None:
    paths.home.mkdir(parents=True, exist_ok=True)
    tmp = paths.password_file.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(password + "\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, paths.password_file)


def _resolve_password(settings: Settings, paths: _Paths, password: str | None) -> str:
    if password:
        return password
    if settings.neo4j_password is not None and settings.neo4j_password.get_secret_value():
        return settings.neo4j_password.get_secret_value()
    return _read_password(paths) or new_password()


def new_password() -> str:
    """A random password that never starts with "-": the launcher hands it to neo4j-admin's option
    parser, which takes "-x..." for an option, and the server then fails at every start (1 in 64)."""
    return "g" + secrets.token_urlsafe(18)


def local_password(settings: Settings | None = None) -> str | None:
    """The password of the local server's user neo4j: the one stored in neo4j_home by start(), else
    settings.neo4j_password; None if neither exists yet."""
    s = _settings(settings)
    stored = _read_password(_Paths(s))
    if stored:
        return stored
    return s.neo4j_password.get_secret_value() if s.neo4j_password is not None else None


def local_uri(settings: Settings | None = None) -> str:
    """Bolt URI of the local server: its actual port when running, else settings.neo4j_bolt_port."""
    s = _settings(settings)
    ready = _read_ready(_Paths(s))
    port = ready.get("bolt_port") if ready else None
    return f"bolt://127.0.0.1:{port or s.neo4j_bolt_port}"


def local_auth(settings: Settings | None = None) -> tuple[str, str] | None:
    """``(user, password)`` for the neo4j driver, or None when the running server has auth disabled."""
    s = _settings(settings)
    ready = _read_ready(_Paths(s))
    if ready and ready.get("auth") is False:
        return None
    password = local_password(s)
    if password is None:
        raise StoreUnavailableError(
            "no password for the local Neo4j server yet: start it (govkg.graph.neo4j_server.start()) "
            "or set GOVKG_NEO4J_PASSWORD"
        )
    return (LOCAL_USER, password)


# ---------------------------------------------------------------------------------------------
# Processes


def _proc_state(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0] if ")" in stat else None


def _alive(pid: int) -> bool:
    child = _children.get(pid)
    if child is not None and child.poll() is not None:
        _children.pop(pid, None)
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    state = _proc_state(pid)
    return state not in ("Z", "X")


def _is_our_launcher(pid: int, paths: _Paths) -> bool:
    """Guards against a recycled pid: the process must be our launcher for this neo4j_home."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return _alive(pid)  # no /proc: trust the pid file
    return LAUNCHER_CLASS.encode() in args and str(paths.home).encode() in args


def _read_pid(paths: _Paths) -> int | None:
    try:
        return int(paths.pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _read_ready(paths: _Paths) -> dict | None:
    try:
        data = json.loads(paths.ready_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _running_pid(paths: _Paths) -> int | None:
    for pid in (_read_pid(paths), (_read_ready(paths) or {}).get("pid")):
        if isinstance(pid, int) and pid > 0 and _alive(pid) and _is_our_launcher(pid, paths):
            return pid
    return None


def _info(paths: _Paths, pid: int, settings: Settings) -> ServerInfo:
    ready = _read_ready(paths)
    is_ready = bool(ready) and ready.get("pid") == pid
    launch = {}
    with contextlib.suppress(OSError, ValueError):
        launch = json.loads(paths.pid_file.read_text().split(None, 1)[1])
    src = ready if is_ready else launch
    return ServerInfo(
        pid=pid,
        ready=is_ready,
        bolt_port=int(src.get("bolt_port", settings.neo4j_bolt_port)),
        http_port=int(src.get("http_port", settings.neo4j_http_port)),
        auth=bool(src.get("auth", True)),
        home=paths.home,
        data_dir=Path(src.get("data_dir", paths.data)),
        logs_dir=Path(src.get("logs_dir", paths.logs)),
        version=src.get("version") if is_ready else None,
    )


def status(settings: Settings | None = None) -> ServerInfo | None:
    """The local server if its process is running (``info.ready`` tells whether it accepts
    connections yet), else None. Cheap: reads files under neo4j_home, connects to nothing."""
    s = _settings(settings)
    paths = _Paths(s)
    pid = _running_pid(paths)
    return _info(paths, pid, s) if pid else None


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _check_bolt(info: ServerInfo, auth: tuple[str, str] | None, timeout: float = 10.0) -> None:
    import neo4j  # imported here: the rest of this module needs no driver

    driver = neo4j.GraphDatabase.driver(
        info.bolt_uri, auth=auth, connection_timeout=timeout, max_connection_pool_size=1
    )
    try:
        driver.verify_connectivity()
    finally:
        driver.close()


def start(
    settings: Settings | None = None,
    *,
    bolt_port: int | None = None,
    http_port: int | None = None,
    password: str | None = None,
    auth: bool = True,
    timeout: float = 180,
) -> ServerInfo:
    """Start the local Neo4j server (building it first if needed) and wait until Bolt answers.

    Idempotent: when it is already running it is returned as it is. Ports default to
    settings.neo4j_bolt_port/neo4j_http_port, the password of user neo4j to settings.neo4j_password,
    else the one stored in neo4j_home, else a new random one; it is stored in neo4j_home (mode 600)
    for local_auth(). ``timeout`` is for the server to come up; a first build (which downloads Neo4j
    from Maven Central) comes on top. The server outlives the calling process: stop() stops it.
    """
    s = _settings(settings)
    paths = _Paths(s)
    bolt = bolt_port or s.neo4j_bolt_port
    http = http_port or s.neo4j_http_port
    deadline_lock = max(timeout, 30.0) + BUILD_TIMEOUT
    with _locked(paths, deadline_lock):
        pid = _running_pid(paths)
        if pid:
            info = _info(paths, pid, s)
            if (bolt_port and bolt_port != info.bolt_port) or (http_port and http_port != info.http_port):
                raise StoreUnavailableError(
                    f"the local Neo4j server is already running (pid {pid}) on Bolt {info.bolt_port}/HTTP "
                    f"{info.http_port}, not the ports asked for ({bolt}/{http}): stop it first "
                    "(govkg.graph.neo4j_server.stop())"
                )
            stored = _read_password(paths)
            if auth and password and stored and password != stored:
                raise StoreUnavailableError(
                    f"the local Neo4j server is already running (pid {pid}) with another password: "
                    "stop it first to change the password"
                )
            if not info.ready:
                return _wait_ready(paths, s, pid, None, timeout)
            return info

        # Not running: clear what a crashed or killed server left behind.
        for stale in (paths.pid_file, paths.ready_file):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()

        java = _java()
        for port, what, knob in (
            (bolt, "Bolt", "GOVKG_NEO4J_BOLT_PORT"),
            (http, "HTTP", "GOVKG_NEO4J_HTTP_PORT"),
        ):
            if not _port_free(port):
                raise StoreUnavailableError(
                    f"port {port} on 127.0.0.1, wanted for the local Neo4j server's {what}, is in use by "
                    f"another process: stop that (e.g. another Neo4j; `ss -ltnp 'sport = :{port}'` "
                    f"shows which) or pick another port with {knob}"
                )
        if bolt == http:
            raise StoreUnavailableError(f"Bolt and HTTP cannot share port {bolt}")
        _ensure_built(paths)

        env = dict(os.environ)
        cmd_auth: list[str] = []
        if auth:
            secret = _resolve_password(s, paths, password)
            _write_password(paths, secret)
            env[PASSWORD_ENV] = secret
        else:
            cmd_auth = ["--no-auth"]
            env.pop(PASSWORD_ENV, None)
        heap = os.environ.get("GOVKG_NEO4J_HEAP", "1g")
        classpath = f"{paths.jar}{os.pathsep}{paths.lib / '*'}"
        cmd = [
            java,
            f"-Xms{_min_heap(heap)}",
            f"-Xmx{heap}",
            *JVM_OPTIONS,
            f"-XX:ErrorFile={paths.logs / 'hs_err_pid%p.log'}",
            "-cp",
            classpath,
            LAUNCHER_CLASS,
            "--home",
            str(paths.home),
            "--data-dir",
            str(paths.data),
            "--logs-dir",
            str(paths.logs),
            "--bolt-port",
            str(bolt),
            "--http-port",
            str(http),
            "--ready-file",
            str(paths.ready_file),
            *_browser_assets_args(),
            *cmd_auth,
        ]
        for d in (paths.logs, paths.run, paths.data):
            d.mkdir(parents=True, exist_ok=True)
        with open(paths.launcher_log, "ab") as log:
            log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} starting: {' '.join(cmd)}\n".encode())
            log.flush()
            try:
                proc = subprocess.Popen(
                    cmd,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    cwd=paths.home,
                    env=env,
                    start_new_session=True,  # own session: no SIGINT/SIGHUP from the caller's terminal
                    close_fds=True,
                )
            except OSError as e:
                raise StoreUnavailableError(f"cannot run {java}: {e}") from e
        _children[proc.pid] = proc
        launch = {"bolt_port": bolt, "http_port": http, "auth": auth, "started_at": time.time()}
        paths.pid_file.write_text(f"{proc.pid} {json.dumps(launch)}\n")
        return _wait_ready(paths, s, proc.pid, proc, timeout)


def _browser_assets_args() -> list[str]:
    """``--browser-assets DIR``: the package's Neo4j Browser style and guide (govkg.cypher's browser/),
    served by the launcher at /govkg/ and loaded by Browser on connect. Nothing if they are missing."""
    folder = Path(str(files("govkg.cypher").joinpath("browser")))
    return ["--browser-assets", str(folder)] if (folder / "guide.html").is_file() else []


def _min_heap(heap: str) -> str:
    # Start with half the max heap (at most 512m) to stay light on small machines.
    m = re.fullmatch(r"(\d+)([kKmMgG]?)", heap.strip())
    if not m:
        return heap
    factor = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[m.group(2).lower()]
    half = min(int(m.group(1)) * factor // 2, 512 << 20)
    return f"{max(half >> 20, 64)}m"


def _wait_ready(
    paths: _Paths, settings: Settings, pid: int, proc: subprocess.Popen | None, timeout: float
) -> ServerInfo:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while True:
        exited = proc.poll() is not None if proc is not None else not _alive(pid)
        if exited:
            code = proc.returncode if proc is not None else None
            _children.pop(pid, None)
            with contextlib.suppress(FileNotFoundError):
                paths.pid_file.unlink()
            raise StoreUnavailableError(
                f"the local Neo4j server exited while starting (exit status {code}); its logs are in "
                f"{paths.logs}. Common causes: a port in use, another Neo4j using {paths.data}, "
                f"too little memory (GOVKG_NEO4J_HEAP).\n{_tail(paths.launcher_log)}\n{_tail(paths.neo4j_log)}"
            )
        ready = _read_ready(paths)
        if ready and ready.get("pid") == pid:
            info = _info(paths, pid, settings)
            try:
                _check_bolt(info, local_auth(settings) if info.auth else None)
                return info
            except Exception as e:  # noqa: BLE001 - retried until the deadline, then reported
                last_error = e
        if time.monotonic() > deadline:
            _terminate(pid, proc, grace=20.0)
            with contextlib.suppress(FileNotFoundError):
                paths.pid_file.unlink()
            why = f"; last Bolt error: {last_error!r}" if last_error else ""
            raise StoreUnavailableError(
                f"the local Neo4j server did not come up within {timeout:.0f} s and was stopped{why}. "
                f"Try a longer timeout; its logs are in {paths.logs}.\n"
                f"{_tail(paths.launcher_log)}\n{_tail(paths.neo4j_log)}"
            )
        time.sleep(0.25)


def _terminate(pid: int, proc: subprocess.Popen | None, grace: float) -> bool:
    """SIGTERM, wait up to ``grace`` seconds, then SIGKILL. True if the process is gone."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if _wait_exit(pid, proc, grace):
        return True
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    return _wait_exit(pid, proc, 15.0)


def _wait_exit(pid: int, proc: subprocess.Popen | None, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.2)
                _children.pop(pid, None)
                return True
        elif not _alive(pid):
            return True
        else:
            time.sleep(0.2)
    return proc.poll() is not None if proc is not None else not _alive(pid)


def stop(settings: Settings | None = None, *, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the local server: SIGTERM (Neo4j checkpoints and shuts down cleanly), then SIGKILL if it
    is still running after ``timeout`` seconds. True if a server was running, False if none was."""
    s = _settings(settings)
    paths = _Paths(s)
    with _locked(paths, timeout + 60):
        pid = _running_pid(paths)
        if pid is None:
            for stale in (paths.pid_file, paths.ready_file):
                with contextlib.suppress(FileNotFoundError):
                    stale.unlink()
            return False
        if not _terminate(pid, _children.get(pid), grace=timeout):
            raise StoreUnavailableError(
                f"the local Neo4j server (pid {pid}) survived SIGTERM and SIGKILL; check `ps -p {pid}`"
            )
        _children.pop(pid, None)
        for stale in (paths.pid_file, paths.ready_file):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
        return True


def _main(argv: list[str] | None = None) -> int:
    """``python -m govkg.graph.neo4j_server start|stop|status|build`` (used by scripts/neo4j-local.sh)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m govkg.graph.neo4j_server", description=_main.__doc__)
    parser.add_argument("command", choices=["start", "stop", "status", "build"])
    parser.add_argument("--bolt-port", type=int)
    parser.add_argument("--http-port", type=int)
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            print(ensure_built())
            return 0
        if args.command == "start":
            t0 = time.monotonic()
            info = start(bolt_port=args.bolt_port, http_port=args.http_port, timeout=args.timeout)
            print(
                f"Neo4j {info.version or ''} running (pid {info.pid}, {time.monotonic() - t0:.1f} s): "
                f"{info.bolt_uri}  browser {info.browser_url}  user {info.user}, password in "
                f"{_Paths(get_settings()).password_file}"
            )
            return 0
        if args.command == "stop":
            print("stopped" if stop(timeout=args.timeout) else "not running")
            return 0
        info = status()
        if info is None:
            print("not running")
            return 3
        print(
            f"{'running' if info.ready else 'starting'} (pid {info.pid}): {info.bolt_uri}  "
            f"browser {info.browser_url}  data {info.data_dir}"
        )
        return 0
    except StoreUnavailableError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(_main())
