"""Fixtures for the API tests: a store of the seeds and examples, apps over it, and Neo4j."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from govkg.api.main import create_app
from govkg.errors import StoreUnavailableError
from govkg.graph.store import EmbeddedGraph
from govkg.settings import Settings

API_KEY = "test-key-0123456789"


def make_settings(**changes: object) -> Settings:
    """The environment's settings (cache dir: the pkuseg model), with no Neo4j, key or CORS unless given."""
    if isinstance(changes.get("api_key"), str):  # model_copy does not validate: wrap it as the settings would
        changes["api_key"] = SecretStr(changes["api_key"])  # type: ignore[arg-type]
    base = Settings()
    return base.model_copy(update={"neo4j_uri": None, "api_key": None, "cors_origins": [], **changes})


@pytest.fixture(scope="session")
def seeded_path(tmp_path_factory: pytest.TempPathFactory, seed_records, example_records) -> Path:
    """An embedded store file holding the shared seeds and the project's example reports."""
    path = tmp_path_factory.mktemp("api") / "store.json.gz"
    graph = EmbeddedGraph(path)
    ingest_as_the_cli_does(graph, [*seed_records, *example_records])
    graph.close()
    return path


def ingest_as_the_cli_does(graph, records) -> None:
    """Ingest, keep the passages and trace the commitments, as ``govkg ingest`` does."""
    from govkg.graph import tracing

    for rec in records:
        graph.ingest(rec)
        tracing.store_passages(graph, rec)
    tracing.after_changes(graph, [rec.report.id for rec in records])


@pytest.fixture
def store_copy(seeded_path: Path, tmp_path: Path) -> Path:
    """A copy of the seeded store that a test may write to."""
    path = tmp_path / "store.json.gz"
    shutil.copy(seeded_path, path)
    return path


@pytest.fixture(scope="session")
def seeded_app(seeded_path: Path) -> FastAPI:
    """The app over the seeded store, read only (no API key: uploads are off)."""
    return create_app(make_settings(store=seeded_path))


@pytest.fixture(scope="session")
def api(seeded_app: FastAPI) -> Iterator[TestClient]:
    """A client that raises any exception the app lets through: no test input may reach the catch-all."""
    with TestClient(seeded_app) as client:
        yield client


@pytest.fixture(scope="session")
def neo4j_graph(seed_records, example_records):
    """The local Neo4j server, emptied and holding the same reports as ``seeded_path``.

    ``make test`` starts the server before the tests and stops it after; run alone, these
    tests start it and stop it again."""
    try:
        from govkg.graph.neo4j_server import local_uri, start, stop
    except ImportError:
        pytest.skip("govkg.graph.neo4j_server is not there yet: no local Neo4j to test against")
    from govkg.graph.neo4j_store import Neo4jGraph

    settings = make_settings()
    started = False
    try:
        graph = Neo4jGraph.connect(settings, local_uri(settings))
    except StoreUnavailableError:
        start(settings)
        started = True
        graph = Neo4jGraph.connect(settings, local_uri(settings))
    graph.clear()
    ingest_as_the_cli_does(graph, [*seed_records, *example_records])
    yield graph
    graph.close()
    if started:
        stop(settings)


@pytest.fixture(scope="session")
def neo4j_api(neo4j_graph) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(neo4j_uri=neo4j_graph.location), store=neo4j_graph)) as client:
        yield client
