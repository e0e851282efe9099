"""Shared fixtures: where ../shared is, and the seeds and examples extracted once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GOVKG_SHARED", REPO.parent / "shared")).resolve()
EXAMPLES = REPO / "examples" / "reports"


def shared_path(*parts: str) -> Path:
    """A file in ../shared, read in place (never copied into the project)."""
    path = SHARED.joinpath(*parts)
    if not path.exists() and os.environ.get("GOVKG_REQUIRE_SHARED"):  # CI: never skip silently
        pytest.fail(f"{path} is missing and GOVKG_REQUIRE_SHARED is set")
    if not path.exists():
        pytest.skip(f"{path} is not here: these tests need the ../shared folder next to the repository")
    return path


@pytest.fixture(scope="session")
def resources():
    from govkg.extractors.resources import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def extract(resources):
    """Extract a report file into an ExtractionRecord with the project's pipeline."""
    from govkg.extractors.pipeline import extract_path

    return lambda path: extract_path(Path(path), resources)


@pytest.fixture(scope="session")
def seed_records(extract):
    return [extract(p) for p in sorted(shared_path("seeds").glob("*.txt"))]


@pytest.fixture(scope="session")
def example_records(extract):
    return [extract(p) for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.fixture(scope="session")
def neo4j_settings():
    from govkg.settings import Settings

    return Settings()


def connect_local_neo4j(settings):
    """The project's local Neo4j (started here if `make test` did not start it): never a mock."""
    from govkg.errors import StoreUnavailableError
    from govkg.graph.neo4j_server import local_uri, start
    from govkg.graph.neo4j_store import Neo4jGraph

    try:
        return Neo4jGraph.connect(settings, local_uri(settings))
    except StoreUnavailableError:
        start(settings)
        return Neo4jGraph.connect(settings, local_uri(settings))
