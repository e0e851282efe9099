"""Errors: bad parameters are 422, unknown names 404, an unreachable Neo4j 503, and nothing else is a 500.

``api`` re-raises any exception that reaches the catch-all handler, so each hostile
input below passing shows that input is answered on purpose.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from govkg.api.main import create_app
from govkg.errors import StoreUnavailableError
from tests.api.conftest import make_settings

HOSTILE_NAMES = [
    "x" * 201,  # longer than any name
    "《》",  # nothing left once the quotes go
    "\x00\x01",  # control characters only
    "') RETURN 1 //",  # Cypher
    "' OR 1=1 --",  # SQL
    "*:*",  # Lucene match-all
    "AND OR NOT",  # Lucene operators
    "安全生产法\\",  # escape at the end
    "{{7*7}}",
    "%00",
    "../../etc/passwd",
    "😀" * 50,
    "\u202e法律",  # right-to-left override
    "ﷺ" * 12,  # grows under NFKC normalisation past the length limit
]
NAMED_ROUTES = [
    "/laws/{}/regions",
    "/jurisdictions/{}",
    "/jurisdictions/{}/laws",
    "/jurisdictions/{}/commitments",
    "/programmes/{}/regions",
    "/indicators/{}/metrics",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("route", NAMED_ROUTES)
def test_hostile_names_are_answered_422_or_404(api, route, name):
    r = api.get(route.format(quote(name, safe="")))
    assert r.status_code in (404, 422), r.text
    assert set(r.json()) == {"error", "message", "suggestions", "problems"}


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("param", ["q", "key"])
def test_hostile_search_and_graph_words_are_answered(api, param, name):
    url = f"/search?q={quote(name)}" if param == "q" else f"/graph/neighbourhood?label=Law&key={quote(name)}"
    r = api.get(url)
    assert r.status_code in (200, 404, 422), r.text


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("year_from=abc", "query.year_from"),
        ("year_from=99999999999999999999999", "query.year_from"),
        ("year_to=-1", "query.year_to"),
        ("limit=0", "query.limit"),
        ("limit=-5", "query.limit"),
        ("limit=1000000", "query.limit"),
        ("limit=1.5", "query.limit"),
        ("skip=-1", "query.skip"),
        ("skip=99999999999", "query.skip"),
        ("level=galaxy", "query.level"),
        ("level=", "query.level"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(api, query, where):
    r = api.get(f"/laws/安全生产法/regions?{query}")
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "bad_parameter"
    assert where in {p["where"] for p in body["problems"]}
    assert where in body["message"]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/laws/安全生产法/regions?limit=500", "at most 200"),  # over the settings' max_page_size
        ("/laws/安全生产法/regions?year_from=2023&year_to=2021", "year_from"),
        ("/laws/%E3%80%8A%E3%80%8B/regions", "empty"),
        ("/search?q=", "q"),
        ("/search?q=x&label=Metric", "label"),
        ("/graph/neighbourhood?label=Nope&key=x", "label"),
        ("/graph/neighbourhood?label=Law", "key"),
    ],
)
def test_other_bad_requests_say_what_is_wrong(api, url, words):
    r = api.get(url)
    assert r.status_code == 422
    assert words in r.json()["message"]


def test_an_unknown_route_is_a_json_404(api):
    r = api.get("/no/such/route")
    assert r.status_code == 404
    assert r.json()["error"] == "not_found"


class BrokenStore:
    """A store whose every answer fails in a way the app does not foresee."""

    kind = "embedded"

    def query(self, name: str, **args: Any) -> list[dict[str, Any]]:
        raise RuntimeError("secret internals: /srv/db password=hunter2")

    def counts(self) -> dict[str, Any]:
        raise RuntimeError("secret internals")

    def close(self) -> None:
        pass


def test_the_catch_all_answers_500_without_internals(caplog):
    app = create_app(make_settings(), store=BrokenStore())  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/laws/安全生产法/regions")
    assert r.status_code == 500
    assert r.json()["error"] == "internal"
    assert "secret" not in r.text and "RuntimeError" not in r.text and "Traceback" not in r.text
    assert "secret internals" in caplog.text  # but the log has it


class DownStore(BrokenStore):
    def query(self, name: str, **args: Any) -> list[dict[str, Any]]:
        raise StoreUnavailableError("Neo4j at bolt://db:7687 is not reachable; start it")


def test_a_store_that_went_away_is_503():
    with TestClient(create_app(make_settings(), store=DownStore())) as client:  # type: ignore[arg-type]
        r = client.get("/laws/安全生产法/regions")
    assert r.status_code == 503
    assert r.json()["error"] == "unavailable"
    assert "not reachable" in r.json()["message"]
    assert r.headers["retry-after"]


def test_neo4j_down_at_start_up_is_503_not_a_crash():
    settings = make_settings(neo4j_uri="bolt://127.0.0.1:9")  # the discard port: nothing listens
    with TestClient(create_app(settings)) as client:
        for url in ("/health", "/laws/安全生产法/regions", "/stats"):
            r = client.get(url)
            assert r.status_code == 503, r.text
            assert "127.0.0.1:9" in r.json()["message"]


def test_cors_is_closed_unless_configured(api, seeded_path):
    headers = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"}
    assert "access-control-allow-origin" not in api.get("/stats", headers=headers).headers
    app = create_app(make_settings(store=seeded_path, cors_origins=["https://elsewhere.example"]))
    with TestClient(app) as client:
        r = client.options("/stats", headers=headers)
        assert r.headers["access-control-allow-origin"] == "https://elsewhere.example"
        other = client.get("/stats", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_a_store_that_comes_up_later_is_used_once_it_answers(monkeypatch, seeded_path):
    from govkg.api import deps
    from govkg.graph.store import EmbeddedGraph

    attempts = []

    def flaky_open(settings):
        attempts.append(1)
        if len(attempts) == 1:
            raise StoreUnavailableError("Neo4j is still starting")
        return EmbeddedGraph(seeded_path)

    monkeypatch.setattr(deps, "open_store", flaky_open)
    monkeypatch.setattr(deps, "RETRY_AFTER", 0.0)
    with TestClient(create_app(make_settings())) as client:  # start-up fails: logged, not fatal
        assert client.get("/stats").status_code == 200  # the next request reconnects
        assert client.get("/stats").status_code == 200
    assert len(attempts) == 2  # opened once it answered, then kept
