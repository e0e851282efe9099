"""govkg's Neo4j Browser style and guide (cypher/browser): up to date with the named queries, served
by the local server and the API, and every block of every page runs on Neo4j."""

from __future__ import annotations

import importlib.util
import json
import re
import urllib.error
import urllib.request

import pytest

from govkg.cypher import names as cypher_names
from govkg.graph import neo4j_server, queries
from govkg.graph.rows import LABELS
from tests.browser.guide import BROWSER_DIR, GRASS, GUIDE, grass_colours, slides
from tests.conftest import REPO, connect_local_neo4j

SCRIPT = REPO / "scripts" / "build_browser_guide.py"


def build_script():
    spec = importlib.util.spec_from_file_location("build_browser_guide", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_guide_is_what_the_script_builds():
    try:
        built = build_script().build()
    except SystemExit as e:  # e.g. a new named query without an example in the script
        pytest.fail(str(e))
    assert GUIDE.read_text(encoding="utf-8") == built, (
        f"cypher/browser/guide.html is out of date: run python {SCRIPT.relative_to(REPO)}"
    )


def test_every_named_query_has_a_page_that_runs_its_exact_text():
    pages = {s.title: s for s in slides()}
    for name in queries.QUERIES:
        assert name in pages, f"no page for {name}"
        text = (REPO / "cypher" / f"{name}.cypher").read_text(encoding="utf-8").strip()
        assert text in pages[name].blocks
        drawing = BROWSER_DIR / f"{name}.cypher"
        if drawing.is_file():
            assert drawing.read_text(encoding="utf-8").strip() in pages[name].blocks


def test_every_block_is_a_param_a_style_command_or_a_project_query_word_for_word():
    files = {p.read_text(encoding="utf-8").strip() for p in [*(REPO / "cypher").glob("*.cypher"),
                                                               *BROWSER_DIR.glob("*.cypher")]}  # fmt: skip
    for s in slides():
        for block in s.blocks:
            assert block in files or block.startswith((":param ", ":style")), f"{s.title}: {block[:60]}"


def test_each_page_sets_every_parameter_its_queries_use():
    for s in slides():
        used = {p for q in s.queries() for p in re.findall(r"\$(\w+)", q)}
        assert used <= set(s.params()), f"{s.title}: unset {used - set(s.params())}"


def test_the_example_values_are_the_readme_ones():
    params = {s.title: s.params() for s in slides()}
    assert params["regions-citing"]["law"] == "'安全生产法'"
    assert params["commitments"]["jurisdiction"] == "'安吉县'"
    assert params["metric-comparison"]["indicator"] == "'行政机关负责人出庭应诉率'"
    assert params["regions-citing"]["limit"] == "100"  # an integer: SKIP/LIMIT refuse 100.0


def test_the_style_has_a_distinct_colour_and_a_caption_for_every_label():
    text = GRASS.read_text(encoding="utf-8")
    colours = grass_colours(text)
    assert set(colours) == set(LABELS)
    assert len(set(colours.values())) == len(LABELS)
    captions = dict(re.findall(r'node\.(\w+)\s*\{(?:[^{}"]|"[^"]*")*?caption:\s*"([^"]*)"', text))
    assert captions == {
        "Report": "{title}", "Jurisdiction": "{name}", "Law": "{short} {title}", "Programme": "{name}",
        "Indicator": "{name}", "Role": "{title}", "Person": "{name}", "Metric": "{value}{unit}",
        "Commitment": "{text}",
    }  # fmt: skip
    # Browser's grass parser knows no comments: a /* */ would become part of the next selector.
    assert "/*" not in text and "//" not in text


def test_the_named_queries_are_not_mixed_with_the_drawings():
    assert not set(cypher_names()) & {"overview"}
    assert all((REPO / "cypher" / f"{p.stem}.cypher").is_file() for p in BROWSER_DIR.glob("*.cypher")
               if p.stem != "overview")  # fmt: skip


def test_the_api_serves_the_same_files_with_cors():
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from govkg.api.routers import browser

    app = FastAPI()
    app.include_router(browser.router)
    client = TestClient(app)
    for name, path in (("guide.html", GUIDE), ("govkg.grass", GRASS)):
        r = client.get(f"/browser-assets/{name}")
        assert r.status_code == 200 and r.content == path.read_bytes()
        assert r.headers["access-control-allow-origin"] == "*"
    pre = client.options("/browser-assets/guide.html", headers={
        "Origin": "http://localhost:7474", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "pragma,cache-control"})  # fmt: skip
    assert pre.status_code == 204 and pre.headers["access-control-allow-headers"] == "pragma,cache-control"
    assert client.get("/browser-assets/password").status_code == 404


# --- on the local Neo4j ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    info = neo4j_server.status()
    if info is None or not info.ready:
        info = neo4j_server.start()
    return info


def _get(url: str, headers: dict[str, str] | None = None, method: str = "GET"):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}, method=method), timeout=30)


@pytest.mark.neo4j
def test_the_local_server_serves_the_package_files_without_a_password(server):
    for name, path in (("guide.html", GUIDE), ("govkg.grass", GRASS)):
        try:
            with _get(f"{server.http_uri}/govkg/{name}") as r:
                assert r.read() == path.read_bytes()
                assert r.headers["Access-Control-Allow-Origin"] == "*"
        except urllib.error.HTTPError as e:
            pytest.fail(f"{server.http_uri}/govkg/{name} answered {e.code}: the running local Neo4j predates "
                        "the Browser assets; restart it (govkg neo4j stop; govkg neo4j start)")  # fmt: skip
    with _get(f"{server.guide_url}", {"Origin": "http://localhost:7474", "Access-Control-Request-Method": "GET",
              "Access-Control-Request-Headers": "pragma,cache-control"}, method="OPTIONS") as r:  # fmt: skip
        assert r.status == 204 and r.headers["Access-Control-Allow-Headers"] == "pragma,cache-control"
    for bad in ("password", "..%2Fpassword", "nothere.html"):
        with pytest.raises(urllib.error.HTTPError) as e:
            _get(f"{server.http_uri}/govkg/{bad}")
        assert e.value.code in (400, 404)


@pytest.mark.neo4j
def test_browser_is_told_to_load_them_on_connect(server, neo4j_settings):
    graph = connect_local_neo4j(neo4j_settings)
    try:
        with graph.driver.session() as s:
            rows = s.run("CALL dbms.listConfig() YIELD name, value WHERE name STARTS WITH 'browser.' "
                         "RETURN name, value").data()  # fmt: skip
    finally:
        graph.close()
    config = {r["name"]: r["value"] for r in rows}
    base = f"{server.http_uri}/govkg/"
    assert config["browser.post_connect_cmd"] == f"style {base}govkg.grass; play {base}guide.html"
    assert "127.0.0.1" in config["browser.remote_content_hostname_whitelist"].split(",")


@pytest.mark.neo4j
def test_every_block_of_every_page_runs_on_neo4j(neo4j_settings, example_records):
    graph = connect_local_neo4j(neo4j_settings)
    try:
        for rec in example_records:
            graph.ingest(rec)
        with graph.driver.session() as s:
            for page in slides():
                # What Browser does with `:param x => expr`: RETURN expr, and keep the value.
                params = {k: s.run(f"RETURN {expr} AS v").single()["v"] for k, expr in page.params().items()}
                for q in page.queries():
                    rows = s.run(q, params).data()
                    assert rows or page.title in ("trace", "trace-unpromised"), f"{page.title}: no rows for {q[:60]}"
                    json.dumps(rows, default=str)
    finally:
        graph.close()
