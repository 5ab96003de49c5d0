"""Schemathesis over the whole OpenAPI schema, in process, with all default checks.

The schema comes from a fixture, so the app (over its own database ingested from the seeds)
is built when the test runs, not while the suite is collected (which every pytest-xdist
worker does); each operation is a subtest of one of three tests.
"""

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from app.core.db import prepare_database
from app.main import create_app
from app.projections import MAX_PROJECTION_YEARS
from ingest.run import run_ingest
from tests.databases import fresh_database_url
from tests.paths import SEEDS_DIR


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    database_url = fresh_database_url(tmp_path_factory.mktemp("schemathesis"))
    engine = prepare_database(database_url)
    run_ingest([SEEDS_DIR], engine=engine)
    engine.dispose()
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(database_url))


schema = schemathesis.pytest.from_fixture("api_schema")
# The operations in three parts, so that pytest-xdist workers share them.
_ONE_MARKET_AND_PROJECTIONS = r"^/markets/\{slug\}|^/projections"
_LISTS_STATS_AND_EXPORTS = r"^/(markets|stats|exports)$|^/exports/"


@pytest.fixture(autouse=True)
def _node_id_for_lazy_schemathesis(request: pytest.FixtureRequest) -> None:
    """Schemathesis 4.32's lazy schema reads the test node's `_nodeid`, which pytest 9 keeps
    as `_id` instead: give it the attribute it reads (the node's id is unchanged)."""
    request.node._nodeid = request.node.nodeid


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@schema.include(path_regex=_ONE_MARKET_AND_PROJECTIONS).parametrize()
@_SETTINGS
def test_one_market_and_projections_conform(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate(excluded_checks=_rules_openapi_cannot_state(case))


@schema.include(path_regex=_LISTS_STATS_AND_EXPORTS).parametrize()
@_SETTINGS
def test_market_lists_stats_and_exports_conform(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate(excluded_checks=_rules_openapi_cannot_state(case))


@(
    schema.exclude(path_regex=_ONE_MARKET_AND_PROJECTIONS)
    .exclude(path_regex=_LISTS_STATS_AND_EXPORTS)
    .parametrize()
)
@_SETTINGS
def test_every_other_operation_conforms(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate(excluded_checks=_rules_openapi_cannot_state(case))


def _rules_openapi_cannot_state(case: schemathesis.Case[Any]) -> list[Any]:
    """Rules that OpenAPI cannot state make these combinations of valid values not
    positive data: NUL in any query value (PostgreSQL text cannot hold it), `embed` with CSV
    (CSV stays flat), a projection range backwards or over MAX_PROJECTION_YEARS (or one bound
    alone, which meets the market's own default for the other), and a grouping's parameters
    (filters, page, format) on `/stats` without `group_by`. Every other check still runs on
    them; the 422s themselves are tested in test_request_strictness.py, test_embed.py,
    test_resources.py and test_group_stats.py."""
    query = case.query or {}
    # NUL is refused in every query value (the API's description says so, once).
    crossed = any("\x00" in str(value) for value in query.values())
    crossed = crossed or bool(query.get("embed") and query.get("format") == "csv")
    first, last = _year(query.get("from_year")), _year(query.get("to_year"))
    if case.path.endswith(("/projections", "/projections.svg")) and (first or last):
        # One year given alone meets the market's own default for the other.
        span = (last - first + 1) if first and last else None
        crossed = crossed or span is None or not 0 < span <= MAX_PROJECTION_YEARS
    if case.path == "/stats" and not query.get("group_by"):
        crossed = crossed or bool(set(query) - {"group_by"})
    return [positive_data_acceptance] if crossed else []


def _year(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
