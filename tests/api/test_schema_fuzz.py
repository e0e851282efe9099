"""Schemathesis against the app's own OpenAPI schema: no server error, no answer outside the schema.

Bounded for CI: few examples per operation, a deadline per example, derandomised so a
failure is the same on every run. Both valid and invalid (negative) inputs are generated.
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

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(seeded_app):
    return schemathesis.openapi.from_asgi("/openapi.json", seeded_app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=timedelta(seconds=5), derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])  # fmt: skip
def test_every_answer_is_in_the_schema(case):
    response = case.call()
    case.validate_response(response, checks=CHECKS)
