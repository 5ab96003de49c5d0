"""Schemathesis over the whole OpenAPI schema, in process, with all default checks.

Schemathesis collects one test per operation when the module is imported, so the app (over
its own database ingested from the seeds) is built here rather than in a fixture.
"""

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from app.core.db import prepare_database
from app.main import create_app
from ingest.run import run_ingest
from tests.databases import fresh_database_url
from tests.paths import SEEDS_DIR

_database_dir = Path(tempfile.mkdtemp(prefix="schemathesis-"))
atexit.register(shutil.rmtree, _database_dir, ignore_errors=True)
_database_url = fresh_database_url(_database_dir)
run_ingest([SEEDS_DIR], engine=prepare_database(_database_url))

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_database_url))


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    case.call_and_validate()
