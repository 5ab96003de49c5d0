"""An app serving a database ingested from the real seed files, reached through HTTP."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.db import prepare_database
from app.main import create_app
from ingest.run import run_ingest
from tests.databases import fresh_database_url
from tests.paths import SEEDS_DIR


@pytest.fixture(scope="session")
def seeded_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = fresh_database_url(tmp_path_factory.mktemp("api"))
    summary = run_ingest([SEEDS_DIR], engine=prepare_database(url))
    assert not summary.failures
    return url


@pytest.fixture(scope="session")
def client(seeded_database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(seeded_database_url), raise_server_exceptions=False) as client:
        yield client
