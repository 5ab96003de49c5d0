"""Editions of a report and the changes feed (issue 19): what re-ingests, uploads and
deletes leave behind, and a client that replays the feed ending with a full download's rows."""

import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.db import prepare_database
from app.core.settings import Settings
from app.main import create_app
from ingest.run import run_ingest
from tests.databases import fresh_database_url
from tests.golden import gold_markets
from tests.paths import SEEDS_DIR

TOKEN = "history-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ICLUSIG = "united-states-iclusig"
ICLUSIG_FILE = "002_67a20397f5666d95.txt"
# The fields a synced copy keeps per market: what a full download of /markets gives.
KEPT = ("slug", "title", "size_usd", "forecast_usd", "cagr_percent", "forecast_year")


class World:
    """A database fed from a folder of report files, with an admin-enabled API over it."""

    def __init__(self, tmp_path: Path, client: TestClient, database_url: str) -> None:
        self.reports = tmp_path / "reports"
        self.client = client
        self.database_url = database_url

    def ingest(self) -> None:
        engine = prepare_database(self.database_url)
        try:
            assert not run_ingest([self.reports], engine=engine, checksum=True).failures
        finally:
            engine.dispose()

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.reports / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    url = fresh_database_url(tmp_path)
    shutil.copytree(SEEDS_DIR, tmp_path / "reports")
    settings = Settings(database_url=url, admin_token=TOKEN)
    with TestClient(create_app(url, settings=settings)) as client:
        built = World(tmp_path, client, url)
        built.ingest()
        yield built


def _editions(client: TestClient, slug: str) -> list[dict[str, Any]]:
    response = client.get(f"/markets/{slug}/editions")
    assert response.status_code == 200
    editions: list[dict[str, Any]] = response.json()["items"]
    return editions


def test_every_market_starts_with_one_edition(world: World) -> None:
    for gold in gold_markets():
        [first] = _editions(world.client, gold["slug"])
        assert first["number"] == 1 and first["changed"] == []
        assert first["cagr_percent"] == gold["cagr_percent"]
        assert first["forecast_usd"] == gold["forecast_usd"]


def test_a_changed_report_adds_an_edition_naming_what_changed(world: World) -> None:
    world.edit(ICLUSIG_FILE, "CAGR of 10.5%", "CAGR of 11.5%")
    world.edit(ICLUSIG_FILE, "USD 1.1 Billion by 2030", "USD 1.2 Billion by 2030")
    world.ingest()
    first, second = _editions(world.client, ICLUSIG)
    assert second["number"] == 2 and second["sha256"] != first["sha256"]
    assert second["changed"] == ["forecast_usd", "cagr_percent"]
    assert (first["cagr_percent"], second["cagr_percent"]) == (10.5, 11.5)
    assert world.client.get(f"/markets/{ICLUSIG}").json()["cagr_percent"] == 11.5


def test_identical_bytes_add_no_edition(world: World) -> None:
    world.ingest()  # --checksum: every file read and hashed again
    data = (world.reports / ICLUSIG_FILE).read_bytes()
    upload = world.client.post(
        "/admin/reports", headers={**AUTH, "Content-Type": "text/html"}, content=data
    )
    assert upload.json()["status"] == "unchanged"
    assert len(_editions(world.client, ICLUSIG)) == 1


def test_deleting_a_market_deletes_its_editions(world: World) -> None:
    assert world.client.delete(f"/admin/markets/{ICLUSIG}", headers=AUTH).status_code == 204
    assert world.client.get(f"/markets/{ICLUSIG}/editions").status_code == 404
    rows = world.client.get("/exports/editions.ndjson").content.splitlines()
    assert len(rows) == len(gold_markets()) - 1


def _replay(client: TestClient, copy: dict[str, dict[str, Any]], since: int) -> int:
    """Apply every change after `since` to `copy`, as a syncing client does; the new since."""
    url: str | None = f"/changes?since={since}&limit=2"  # small pages: paging is replayed too
    latest = since
    while url:
        page = client.get(url).json()
        for change in page["items"]:
            if change["change"] == "deleted":
                copy.pop(change["slug"], None)
            else:
                market = client.get(f"/markets/{change['slug']}").json()
                copy[change["slug"]] = {field: market[field] for field in KEPT}
        latest, url = page["latest_version"], page["next"]
    return latest


def _full_download(client: TestClient) -> dict[str, dict[str, Any]]:
    items = client.get("/markets", params={"limit": 100}).json()["items"]
    return {item["slug"]: {field: item[field] for field in KEPT} for item in items}


def test_replaying_the_feed_gives_the_rows_of_a_full_download(world: World) -> None:
    copy: dict[str, dict[str, Any]] = {}
    since = _replay(world.client, copy, 0)
    assert copy == _full_download(world.client) and len(copy) == len(gold_markets())

    # An update, a renamed slug (the same report under a new title), a deletion.
    world.edit(ICLUSIG_FILE, "CAGR of 10.5%", "CAGR of 11.5%")
    world.edit(ICLUSIG_FILE, "United States Iclusig Market", "United States Ponatinib Market")
    world.ingest()
    rhabdo = "united-states-rhabdomyosarcoma-drug"
    assert world.client.delete(f"/admin/markets/{rhabdo}", headers=AUTH).status_code == 204

    changes = world.client.get(f"/changes?since={since}&limit=100").json()["items"]
    assert [(c["slug"], c["change"]) for c in changes] == [
        (ICLUSIG, "deleted"),
        ("united-states-ponatinib", "updated"),
        (rhabdo, "deleted"),
    ]
    assert changes[0]["version"] == changes[1]["version"] < changes[2]["version"]
    _replay(world.client, copy, since)
    assert copy == _full_download(world.client)
    assert ICLUSIG not in copy and rhabdo not in copy


def test_updated_since_finds_what_a_later_write_touched(world: World) -> None:
    before = datetime.now(UTC)
    time.sleep(0.01)
    world.edit(ICLUSIG_FILE, "CAGR of 10.5%", "CAGR of 11.5%")
    world.ingest()
    # The same instant written with another offset selects the same markets.
    for instant in (before, before.astimezone(timezone(timedelta(hours=2)))):
        found = _markets_since(world.client, instant)
        assert found == [ICLUSIG]
    assert len(_markets_since(world.client, before - timedelta(days=1))) == len(gold_markets())
    bad = world.client.get("/markets", params={"updated_since": "2026-11-25"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["name"] == "updated_since"


def _markets_since(client: TestClient, instant: datetime) -> list[str]:
    page = client.get("/markets", params={"updated_since": instant.isoformat(), "limit": 100})
    assert page.status_code == 200, page.text
    return [item["slug"] for item in page.json()["items"]]


def test_the_feed_after_the_latest_version_is_empty(world: World) -> None:
    latest = world.client.get("/changes").json()["latest_version"]
    assert world.client.get("/meta").json()["dataset_version"] == latest  # one number, an int
    page = world.client.get(f"/changes?since={latest}").json()
    assert page["items"] == [] and page["total"] == 0 and page["latest_version"] == latest
