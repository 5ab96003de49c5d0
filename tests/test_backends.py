"""The PostgreSQL run cannot pass silently: without a server it skips, and under CI it fails."""

import os
import subprocess
import sys

import pytest

from tests.paths import PROJECT_ROOT

pytestmark = pytest.mark.backend_independent

ONE_DATABASE_TEST = "tests/api/test_markets.py::test_min_cagr_filter_gives_the_gold_markets"


@pytest.mark.parametrize("ci,expected_exit,expected_text", [("", 0, "1 skipped"), ("true", 1, "")])
def test_postgresql_run_without_a_server(ci: str, expected_exit: int, expected_text: str) -> None:
    # A plain run of its own, also when this one is a pytest-xdist worker.
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST_")}
    env = {
        **inherited,
        "TEST_DATABASE": "postgresql",
        "PG_BIN": "/nonexistent",
        "CI": ci,
        "TEST_POSTGRES_URL": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", ONE_DATABASE_TEST],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == expected_exit, result.stdout
    assert "no PostgreSQL binaries in /nonexistent" in result.stdout
    assert expected_text in result.stdout
