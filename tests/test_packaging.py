"""What users run without this machine's tools: the Docker files, the package's data files."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.conftest import REPO

yaml = pytest.importorskip("yaml", reason="PyYAML is installed with the test extras")


def test_compose_runs_neo4j_526_with_a_healthcheck_and_a_volume():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "healthcheck" in neo4j and any(v.endswith(":/data") for v in neo4j["volumes"])
    assert "${NEO4J_PASSWORD:?" in neo4j["environment"]["NEO4J_AUTH"]


def test_compose_api_waits_for_a_healthy_neo4j_and_takes_credentials_from_the_environment():
    api = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["NEO4J_URI"].startswith("bolt://neo4j:")
    assert api["environment"]["NEO4J_PASSWORD"].startswith("${NEO4J_PASSWORD:?")


def test_dockerfile_copies_every_package_folder():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    folders = set(project["tool"]["setuptools"]["package-dir"].values()) | {"govkg"}
    copied = set(re.findall(r"^COPY (\S+) \1$", (REPO / "Dockerfile").read_text(encoding="utf-8"), re.M))
    assert folders <= copied
