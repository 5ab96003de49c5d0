"""Shared fixtures, on SQLite or PostgreSQL (TEST_DATABASE): a fresh, migrated database per
test; and an app (and a real server) over one database ingested from the seed files, shared
by the tests of a worker."""

import atexit
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.db import prepare_database
from app.main import create_app
from ingest.run import run_ingest
from tests.databases import BACKEND, fresh_database_url
from tests.paths import SEEDS_DIR
from tests.servers import free_port, serving, uvicorn_command


def pytest_report_header() -> str:
    return f"database backend: {BACKEND} (set TEST_DATABASE=sqlite|postgresql)"


# Markers of tests that one backend's session leaves out (deselected, not skipped: a skip in
# CI means something is missing, and nothing is). Tests that open no database of the session's
# backend run once, in the SQLite session: on PostgreSQL they would run the same code again.
_LEFT_OUT = {
    "sqlite": ("postgresql_only",),
    "postgresql": ("sqlite_only", "backend_independent"),
}


def pytest_collection_finish() -> None:
    """Garbage collection cost each worker 3-8 s of CPU per run: what importing and collecting
    made lives to the end, so no full collection walks it again; and the youngest generation
    is collected every 10,000 allocations rather than 700 (tests make many short-lived apps)."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


# The interpreter's last collections at exit walk every object left (seconds per worker, while
# the other workers and the controller wait): the process is going away, so skip them. Registered
# at import, so the cleanups registered later (servers, temporary folders) still run before it.
atexit.register(gc.freeze)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    markers = _LEFT_OUT[BACKEND]
    left_out = [item for item in items if any(item.get_closest_marker(m) for m in markers)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return fresh_database_url(tmp_path)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = prepare_database(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def seeded_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = fresh_database_url(tmp_path_factory.mktemp("seeded"))
    summary = run_ingest([SEEDS_DIR], engine=prepare_database(url))
    assert not summary.failures
    return url


@pytest.fixture(scope="session")
def client(seeded_database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(seeded_database_url), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def server_url(seeded_database_url: str) -> Iterator[str]:
    """A real uvicorn server over the seeded database, for the tests of one module."""
    port = free_port()
    command = uvicorn_command(port, "--host", "127.0.0.1")
    with serving(command, port=port, env={"DATABASE_URL": seeded_database_url}) as url:
        yield url
