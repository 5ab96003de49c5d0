"""Shared fixtures, on SQLite or PostgreSQL (TEST_DATABASE): a fresh, migrated database per
test; and an app (and a real server) over one database ingested from the seed files, shared
by the tests of a worker."""

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests of one backend's own feature are deselected on the other rather than skipped: a
    skip in CI means something is missing, and nothing is."""
    other_backend = "sqlite_only" if BACKEND == "postgresql" else "postgresql_only"
    other = [item for item in items if item.get_closest_marker(other_backend)]
    if other:
        config.hook.pytest_deselected(items=other)
        items[:] = [item for item in items if not item.get_closest_marker(other_backend)]


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
