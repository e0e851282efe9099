#!/usr/bin/env bash
# The local Neo4j 5.26 server for tests and CI: a thin wrapper around govkg.graph.neo4j_server.
#
#   scripts/neo4j-local.sh start [--bolt-port N] [--http-port N] [--timeout S]
#   scripts/neo4j-local.sh stop | status | build
#
# Python: $PYTHON, else .venv/bin/python, else python3 (it must have govkg installed).
# Everything lives under $GOVKG_CACHE_DIR/neo4j; Maven's repository there too (m2/), unless
# $GOVKG_M2_REPO says otherwise: that is the directory for CI to cache.
# Exit status: 0 ok, 1 error (message on stderr), 3 `status` when not running, 2 bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${PYTHON:-}" ]]; then
    py="$PYTHON"
elif [[ -x .venv/bin/python ]]; then
    py=.venv/bin/python
else
    py=python3
fi
case "${1:-}" in
    start|stop|status|build) ;;
    *) echo "usage: $0 start|stop|status|build [--bolt-port N] [--http-port N] [--timeout S]" >&2; exit 2 ;;
esac
exec "$py" -m govkg.graph.neo4j_server "$@"
