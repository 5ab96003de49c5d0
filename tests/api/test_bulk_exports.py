"""GET /exports: every table as CSV, NDJSON and Parquet, and the dataset as one SQLite file,
checked against seed-gold and against each other."""

import csv
import io
import re
import sqlite3
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from app.core.db import prepare_database
from app.main import create_app
from tests.databases import fresh_database_url
from tests.golden import gold_markets

TABLES = [
    "markets",
    "figures",
    "segments",
    "companies",
    "market_companies",
    "insights",
    "faqs",
    "warnings",
    "provenance",
    "editions",
]


def _gold_rows(table: str) -> int | None:
    """Row counts seed-gold fixes outright (the others are checked against each other)."""
    markets = gold_markets()
    counts = {
        "markets": len(markets),
        "segments": sum(len(m["segments"]) for m in markets),
        "market_companies": sum(len(m["companies"]) for m in markets),
        "faqs": sum(len(m["faqs"]) for m in markets),
        "provenance": len(markets),
        "editions": len(markets),  # one each after a single ingest
    }
    return counts.get(table)


def _ndjson(client: TestClient, table: str) -> list[dict[str, Any]]:
    response = client.get(f"/exports/{table}.ndjson")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    return [orjson.loads(line) for line in response.content.splitlines()]


def test_the_listing_names_every_table_with_its_files(client: TestClient) -> None:
    listing = client.get("/exports").json()
    assert [item["name"] for item in listing["items"]] == TABLES
    assert listing["total"] == len(TABLES)
    markets = listing["items"][0]
    assert "search_text" not in markets["columns"] and "slug" in markets["columns"]
    assert markets["files"]["parquet"].endswith("/exports/markets.parquet")
    assert listing["dataset"].endswith("/exports/dataset.sqlite")


@pytest.mark.parametrize("table", TABLES)
def test_csv_ndjson_and_parquet_hold_the_same_rows(client: TestClient, table: str) -> None:
    rows = _ndjson(client, table)
    expected = _gold_rows(table)
    assert len(rows) == (expected if expected is not None else len(rows)) and rows

    response = client.get(f"/exports/{table}.csv")
    assert response.headers["content-type"].startswith("text/csv")
    read = list(csv.DictReader(io.StringIO(response.text, newline="")))
    assert len(read) == len(rows)
    assert list(read[0]) == list(rows[0])

    parquet = client.get(f"/exports/{table}.parquet")
    assert parquet.status_code == 200
    arrow = pq.read_table(io.BytesIO(parquet.content))
    assert arrow.num_rows == len(rows) and arrow.column_names == list(rows[0])
    for column in ("id", "market_id", "position", "slug"):
        if column in rows[0]:
            assert arrow.column(column).to_pylist() == [row[column] for row in rows]


def test_the_markets_files_match_the_api(client: TestClient) -> None:
    api = {m["slug"]: m for m in client.get("/markets", params={"limit": 100}).json()["items"]}
    exported = {row["slug"]: row for row in _ndjson(client, "markets")}
    assert exported.keys() == api.keys()
    for slug, market in api.items():
        for field in ("size_usd", "forecast_usd", "cagr_percent", "region", "title"):
            assert exported[slug][field] == market[field], (slug, field)
    arrow = pq.read_table(io.BytesIO(client.get("/exports/markets.parquet").content))
    by_slug = dict(zip(arrow.column("slug").to_pylist(), arrow.to_pylist(), strict=True))
    for slug, market in api.items():
        assert by_slug[slug]["size_usd"] == market["size_usd"]
        assert orjson.loads(by_slug[slug]["regions_covered"]) == exported[slug]["regions_covered"]


def test_timestamps_are_the_api_s_rfc_3339_utc_text_in_csv_and_ndjson(client: TestClient) -> None:
    detail = client.get("/markets/united-states-iclusig").json()
    market = next(row for row in _ndjson(client, "markets") if row["slug"] == detail["slug"])
    assert market["updated_at"] == detail["updated_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", market["updated_at"])
    editions = csv.DictReader(io.StringIO(client.get("/exports/editions.csv").text, newline=""))
    stamps = [row["ingested_at"] for row in editions]
    assert stamps and all(re.fullmatch(r"\S+T\S+Z", stamp) for stamp in stamps)


def test_the_sqlite_snapshot_holds_every_table(client: TestClient, tmp_path: Path) -> None:
    response = client.get("/exports/dataset.sqlite")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.sqlite3"
    path = tmp_path / "snapshot.sqlite"
    path.write_bytes(response.content)
    with sqlite3.connect(path) as snapshot:
        for table in TABLES:
            count = snapshot.execute(f'select count(*) from "{table}"').fetchone()[0]
            assert count == len(_ndjson(client, table)), table
        slugs = {row[0] for row in snapshot.execute("select slug from markets")}
        descriptions = dict(snapshot.execute("select id, description from segments").fetchall())
    assert slugs == {m["slug"] for m in gold_markets()}
    # Text any SQLite tool reads, though the service's own file stores it packed.
    assert descriptions == {row["id"]: row["description"] for row in _ndjson(client, "segments")}


@pytest.mark.parametrize(
    "path", ["/exports/markets.csv", "/exports/faqs.parquet", "/exports/dataset.sqlite"]
)
def test_exports_carry_an_etag_and_answer_304(client: TestClient, path: str) -> None:
    etag = client.get(path).headers["etag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""


def test_the_openapi_document_lists_the_three_files_alone(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/exports/{table}.{format}"]["get"]
    assert set(operation["responses"]["200"]["content"]) == {
        "text/csv",
        "application/x-ndjson",
        "application/vnd.apache.parquet",
    }


def test_unknown_tables_and_formats_are_named(client: TestClient) -> None:
    missing = client.get("/exports/nope.csv")
    assert missing.status_code == 404 and "markets" in missing.json()["detail"]
    wrong = client.get("/exports/markets.xlsx")
    assert wrong.status_code == 422 and "'parquet'" in wrong.json()["errors"][0]["message"]


def test_an_empty_dataset_exports_valid_empty_files(tmp_path: Path) -> None:
    url = fresh_database_url(tmp_path)
    prepare_database(url).dispose()
    with TestClient(create_app(url)) as client:
        arrow = pq.read_table(io.BytesIO(client.get("/exports/markets.parquet").content))
        assert arrow.num_rows == 0 and "slug" in arrow.column_names
        assert client.get("/exports/markets.ndjson").content == b""
        assert client.get("/exports/markets.csv").text.startswith("slug,title,")


def test_metrics_carry_the_dataset_gauges(client: TestClient) -> None:
    text = client.get("/metrics").text
    gauges = {
        line.split(" ")[0]: float(line.split(" ")[1])
        for line in text.splitlines()
        if line.startswith("dataset_")
    }
    assert gauges["dataset_markets"] == len(gold_markets())
    assert gauges["dataset_version"] >= 1
    assert gauges["dataset_last_ingest_failed_files"] == 0
    assert gauges["dataset_last_ingest_timestamp_seconds"] > 1.7e9
