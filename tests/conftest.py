"""Shared fixtures: a fresh, migrated database per test on a real SQLite file."""

from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.core.db import get_engine, prepare_database


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def engine(database_url: str) -> Engine:
    engine = prepare_database(database_url)
    yield engine
    engine.dispose()
    get_engine.cache_clear()
