"""Shared fixtures: a fresh, migrated database per test, on SQLite or PostgreSQL (TEST_DATABASE)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.core.db import prepare_database
from tests.databases import BACKEND, fresh_database_url


def pytest_report_header() -> str:
    return f"database backend: {BACKEND} (set TEST_DATABASE=sqlite|postgresql)"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return fresh_database_url(tmp_path)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = prepare_database(database_url)
    yield engine
    engine.dispose()
