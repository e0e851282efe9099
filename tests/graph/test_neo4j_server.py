"""The local Neo4j server (govkg.graph.neo4j_server): a real Neo4j 5.26, no mocks.

Reuses a running server (``make test`` starts one) or starts it, builds it first if needed, and
leaves it as it found it: running if it was running, stopped otherwise.
"""

from __future__ import annotations

import os
import stat
import urllib.request
import uuid

import pytest

from govkg.errors import StoreUnavailableError
from govkg.graph import neo4j_server

pytestmark = pytest.mark.neo4j

neo4j = pytest.importorskip("neo4j")


@pytest.fixture(scope="module")
def server():
    was_running = neo4j_server.status() is not None
    info = neo4j_server.start()
    yield info
    if not was_running:
        neo4j_server.stop()
    else:
        neo4j_server.start()  # a test may have stopped it: leave it running, as found


@pytest.fixture()
def driver(server):
    drv = neo4j.GraphDatabase.driver(neo4j_server.local_uri(), auth=neo4j_server.local_auth())
    yield drv
    drv.close()


def test_start_returns_a_ready_server(server):
    assert server.ready
    assert server.version and server.version.startswith("5.26.")
    assert server.bolt_uri == neo4j_server.local_uri()
    assert server.data_dir.is_dir()
    assert (server.logs_dir / "neo4j.log").is_file()


def test_bolt_answers_with_the_stored_password(driver):
    driver.verify_connectivity()
    records, _, _ = driver.execute_query("RETURN 1 AS one")
    assert records[0]["one"] == 1
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"
    )
    assert records[0]["version"].startswith("5.26.")
    assert records[0]["edition"] == "community"


def test_password_file_is_private(server):
    path = server.home / "password"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    user, password = neo4j_server.local_auth()
    assert user == "neo4j" and password == path.read_text().strip()


def test_wrong_password_is_refused(server):
    drv = neo4j.GraphDatabase.driver(server.bolt_uri, auth=("neo4j", "not-the-password-" + uuid.uuid4().hex))
    try:
        with pytest.raises(neo4j.exceptions.AuthError):
            drv.verify_connectivity()
    finally:
        drv.close()


def test_cjk_fulltext_index(driver):
    suffix = uuid.uuid4().hex[:10]
    label, index = f"GovkgTestCjk_{suffix}", f"govkg_test_cjk_{suffix}"
    try:
        driver.execute_query(
            f"CREATE FULLTEXT INDEX {index} FOR (n:{label}) ON EACH [n.text] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
        )
        driver.execute_query("CALL db.awaitIndexes(120)")
        records, _, _ = driver.execute_query(
            "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN options", name=index
        )
        assert records[0]["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
        driver.execute_query(
            f"UNWIND $texts AS t CREATE (:{label} {{text: t}})",
            texts=[
                "国务院关于加强法治政府建设的意见",
                "北京市人民政府2023年工作报告",
                "深化行政执法体制改革",
            ],
        )

        def hits(query: str) -> list[str]:
            rows, _, _ = driver.execute_query(
                "CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score "
                "RETURN node.text AS text ORDER BY score DESC",
                index=index,
                q=query,
            )
            return [r["text"] for r in rows]

        # cjk: overlapping bigrams, so a two-character word finds the texts that have it, and only those;
        # a longer word is its bigrams OR-ed (best match first), or a phrase when quoted.
        assert hits("法治") == ["国务院关于加强法治政府建设的意见"]
        assert hits("人民政府")[0] == "北京市人民政府2023年工作报告"
        assert hits('"人民政府"') == ["北京市人民政府2023年工作报告"]
        assert hits("执法") == ["深化行政执法体制改革"]
        assert hits("政府") and set(hits("政府")) == {
            "国务院关于加强法治政府建设的意见",
            "北京市人民政府2023年工作报告",
        }
        assert hits("上海") == []
    finally:
        driver.execute_query(f"DROP INDEX {index} IF EXISTS")
        driver.execute_query(f"MATCH (n:{label}) DETACH DELETE n")


def test_browser_is_served(server):
    with urllib.request.urlopen(server.browser_url, timeout=30) as response:
        assert response.status == 200
        assert "text/html" in response.headers.get("Content-Type", "")
        body = response.read().decode("utf-8", errors="replace")
    assert "<title>Neo4j Browser</title>" in body
    # The discovery document the Browser reads first points at this server's Bolt port.
    with urllib.request.urlopen(server.http_uri + "/", timeout=30) as response:
        assert response.status == 200
        assert f":{server.bolt_port}" in response.read().decode()


def test_start_stop_are_idempotent_and_data_persists(server):
    first = neo4j_server.start()  # already running: returned as it is
    assert first.ready and first.pid == neo4j_server.status().pid
    assert neo4j_server.start().pid == first.pid

    marker = uuid.uuid4().hex
    with neo4j.GraphDatabase.driver(neo4j_server.local_uri(), auth=neo4j_server.local_auth()) as drv:
        drv.execute_query("CREATE (:GovkgTestPersist {marker: $m})", m=marker)

    assert neo4j_server.stop() is True
    assert neo4j_server.status() is None
    assert neo4j_server.stop() is False  # nothing left to stop

    restarted = neo4j_server.start()
    assert restarted.ready and restarted.pid != first.pid
    assert neo4j_server.status() == restarted
    with neo4j.GraphDatabase.driver(neo4j_server.local_uri(), auth=neo4j_server.local_auth()) as drv:
        records, _, _ = drv.execute_query(
            "MATCH (n:GovkgTestPersist {marker: $m}) RETURN count(n) AS c", m=marker
        )
        assert records[0]["c"] == 1
        drv.execute_query("MATCH (n:GovkgTestPersist) DETACH DELETE n")


def test_running_server_refuses_other_ports(server):
    neo4j_server.start()
    with pytest.raises(StoreUnavailableError, match="already running"):
        neo4j_server.start(bolt_port=server.bolt_port + 1)
