"""Fixtures for the reliability tests: the reliability Neo4j server (its own home and ports) and the
embedded-store app of the API tests (imported from tests/api/conftest.py, not duplicated)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.conftest import seeded_app, seeded_path  # noqa: F401  (fixtures, re-exported)
from tests.reliability import neo4j_instance


@pytest.fixture(scope="session")
def server() -> Iterator:
    """Settings of the reliability Neo4j, started for this session and stopped after it."""
    s = neo4j_instance.instance_settings()
    neo4j_instance.start(s)
    yield s
    neo4j_instance.stop(s)


@pytest.fixture(scope="module")
def neo4j_seeded(server, seed_records, example_records):
    """The reliability Neo4j holding the seeds and the examples (what the API tests' stores hold)."""
    from govkg.graph.neo4j_store import Neo4jGraph
    from tests.api.conftest import ingest_as_the_cli_does

    g = Neo4jGraph.connect(server, neo4j_instance.uri(server))
    g.clear()
    ingest_as_the_cli_does(g, [*seed_records, *example_records])
    yield g
    g.close()
