"""One shape for a market's report: `python -m ingest --dry-run`, an upload's `report` and
GET /markets/{slug} (less what only storing adds) answer the same JSON for the same file."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.settings import Settings
from app.main import create_app
from tests.paths import PROJECT_ROOT, SEEDS_DIR

TOKEN = "report-shape-token"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))
STORED_ONLY = ("updated_at", "links")


def _upload(client: TestClient, seed: Path, *, dry_run: bool) -> dict[str, Any]:
    response = client.post(
        "/admin/reports",
        params={"dry_run": str(dry_run).lower()},
        files={"file": (seed.name, seed.read_bytes(), "text/html")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code in (200, 201), response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name)
def test_dry_run_upload_and_get_answer_one_shape(database_url: str, seed: Path) -> None:
    settings = Settings(database_url=database_url, admin_token=TOKEN)
    with TestClient(create_app(database_url, settings=settings)) as client:
        parsed = _upload(client, seed, dry_run=True)["report"]
        slug = _upload(client, seed, dry_run=False)["slug"]
        stored = client.get(f"/markets/{slug}").json()
    assert stored["source"]["ingested_at"] is not None and parsed["source"]["ingested_at"] is None
    stored["source"]["ingested_at"] = None
    assert {field: stored[field] for field in stored if field not in STORED_ONLY} == parsed


def test_the_cli_dry_run_prints_what_an_upload_parses(database_url: str) -> None:
    seed = SEED_FILES[0]
    printed = subprocess.run(
        [sys.executable, "-m", "ingest", str(seed), "--dry-run"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
    )
    settings = Settings(database_url=database_url, admin_token=TOKEN)
    with TestClient(create_app(database_url, settings=settings)) as client:
        uploaded = _upload(client, seed, dry_run=True)["report"]
    assert json.loads(printed.stdout) == [uploaded]
