"""Schemathesis against the app's own OpenAPI schema: no server error, no answer outside the schema.

Bounded for CI: few examples per operation, a deadline per example (generous: the machine is
shared, and a stall of a few seconds is not a bug), derandomised so a failure is the same on
every run. Both valid and invalid (negative) inputs are generated.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from govkg.api.main import create_app
from tests.api.conftest import make_settings

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(seeded_app):
    return schemathesis.openapi.from_asgi("/openapi.json", seeded_app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=timedelta(seconds=15), derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])  # fmt: skip
def test_every_answer_is_in_the_schema(case):
    response = case.call()
    case.validate_response(response, checks=CHECKS)


@pytest.fixture(scope="module")
def neo4j_schema(neo4j_graph):
    app = create_app(make_settings(neo4j_uri=neo4j_graph.location), store=neo4j_graph)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


on_neo4j = schemathesis.pytest.from_fixture("neo4j_schema")


@pytest.mark.neo4j
@on_neo4j.parametrize()
@settings(max_examples=8, deadline=timedelta(seconds=30), derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])  # fmt: skip
def test_every_neo4j_answer_is_in_the_schema(case):
    """The same on Neo4j: Cypher parameters and Lucene's query syntax meet generated text."""
    response = case.call()
    case.validate_response(response, checks=CHECKS)
