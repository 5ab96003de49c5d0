"""GET /projections?year= computes in the database what each market's own series says:
the same value and kind for every market in every year, filters on the value, `fields`,
sort keys and exports."""

import csv
import io
import shutil
from collections import Counter
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import BigInteger, Connection, Engine, literal, select, text
from sqlmodel import Session

from app.core.db import prepare_database
from app.main import create_app
from app.projected import KEPT_YEARS
from app.value_buckets import bucket_key, bucket_of, bucket_range
from ingest.load import delete_market
from ingest.run import run_ingest
from tests.api.test_extreme_figures import PAGES
from tests.databases import fresh_database_url
from tests.paths import SEEDS_DIR

# Before, inside and after the seeds' reported spans, the ends of the accepted range, and
# either side of the last kept year (app/projected.py KEPT_YEARS: read, not computed).
YEARS = (1900, 2015, 2021, 2022, 2027, 2030, 2031, 2033, 2040, 2041, 2045, 2200)
# 1.3 billion at 12.5% a year is 1,850,976,562.5 three years on: a half, which SQLite's
# round() and Python's round() take different ways.
HALF_PAGE = (
    "<h1>Acme Halves Market</h1><p>The global acme halves market was valued at USD 1.3 "
    "billion in 2030 and is growing at a CAGR of 12.5%.</p>"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The seeds and the pages with figures at the edges of what the data holds."""
    folder = tmp_path_factory.mktemp("projections")
    reports = folder / "reports"
    shutil.copytree(SEEDS_DIR, reports)
    for name, html in {**PAGES, "halves.html": HALF_PAGE}.items():
        (reports / name).write_text(html, encoding="utf-8")
    url = fresh_database_url(folder)
    engine: Engine = prepare_database(url)
    assert not run_ingest([reports], engine=engine).failures
    engine.dispose()
    return TestClient(create_app(url), raise_server_exceptions=False)


def _series_point(client: TestClient, slug: str, year: int) -> dict[str, object] | None:
    response = client.get(f"/markets/{slug}/projections?from_year={year}&to_year={year}")
    if response.status_code == 422:
        return None
    assert response.status_code == 200, response.text
    point: dict[str, object] = response.json()["points"][0]
    return point


@pytest.mark.parametrize("year", YEARS)
def test_every_market_agrees_with_its_own_series(client: TestClient, year: int) -> None:
    with client:
        slugs = [m["slug"] for m in client.get("/markets?limit=100&fields=slug").json()["items"]]
        body = client.get(f"/projections?year={year}&limit=100").json()
        across = {item["slug"]: item for item in body["items"]}
        expected = {
            slug: point
            for slug in slugs
            if (point := _series_point(client, slug, year)) is not None
        }
        assert body["total"] == len(expected)
        assert {slug: (i["value_usd"], i["kind"]) for slug, i in across.items()} == {
            slug: (p["value_usd"], p["kind"]) for slug, p in expected.items()
        }


def test_value_bounds_filter_on_the_value_in_that_year(client: TestClient) -> None:
    with client:
        every = client.get("/projections?year=2027&limit=100").json()["items"]
        values = sorted(item["value_usd"] for item in every)
        low, high = values[1], values[-2]
        inside = client.get(
            "/projections", params={"year": 2027, "min_value": str(low), "max_value": str(high)}
        ).json()
        assert sorted(i["value_usd"] for i in inside["items"]) == values[1:-1]
        assert inside["total"] == len(values) - 2
        above = client.get("/projections?year=2027&min_value=1.5B&limit=100").json()["items"]
        assert {i["slug"] for i in above} == {i["slug"] for i in every if i["value_usd"] >= 1.5e9}
        bad = client.get("/projections?year=2027&min_value=lots")
        assert bad.status_code == 422
        assert [e["name"] for e in bad.json()["errors"]] == ["min_value"]


def test_fields_and_sort_keys(client: TestClient) -> None:
    with client:
        body = client.get("/projections?year=2027&fields=slug,value_usd&sort=region,-name")
        assert body.status_code == 200, body.text
        items = body.json()["items"]
        assert items and all(set(item) == {"slug", "value_usd"} for item in items)
        full = client.get("/projections?year=2027&sort=region,-name&limit=100").json()["items"]
        keys = [((i["region"] is None, i["region"]), i["name"]) for i in full]
        assert [k[0] for k in keys] == sorted(k[0] for k in keys)
        by_name = client.get("/projections?year=2027&sort=-name&limit=100").json()["items"]
        assert [i["name"] for i in by_name] == sorted((i["name"] for i in full), reverse=True)
        assert client.get("/projections?year=2027&fields=bogus").status_code == 422
        assert client.get("/projections?year=2027&sort=cagr").status_code == 422


def test_exports_stream_the_same_rows_as_total(client: TestClient) -> None:
    with client:
        page = client.get("/projections?year=2030&limit=2").json()
        assert page["total"] > 2 and page["next"]
        as_csv = client.get("/projections?year=2030&format=csv")
        assert as_csv.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(as_csv.text)))
        assert len(rows) == page["total"]
        assert [row["slug"] for row in rows[:2]] == [item["slug"] for item in page["items"]]
        by_accept = client.get(
            "/projections?year=2030&fields=slug,kind",
            headers={"Accept": "text/csv;q=0.1, application/x-ndjson"},
        )
        assert by_accept.headers["content-type"] == "application/x-ndjson"
        lines = [orjson.loads(line) for line in by_accept.text.splitlines()]
        assert len(lines) == page["total"] and set(lines[0]) == {"slug", "kind"}
        etag = by_accept.headers["etag"]
        again = client.get(
            "/projections?year=2030&fields=slug,kind",
            headers={"Accept": "application/x-ndjson", "If-None-Match": etag},
        )
        assert again.status_code == 304


def test_kept_values_follow_the_markets_written_and_removed(
    tmp_path: Path, database_url: str, engine: Engine
) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS_DIR, reports)
    assert not run_ingest([reports], engine=engine).failures
    with engine.connect() as connection:
        _assert_counts_are_the_values(connection)
    seed = reports / "000_a60780165573b026.txt"
    seed.write_text(seed.read_text().replace("USD 7.8 Billion by 2030", "USD 9.1 Billion by 2030"))
    assert not run_ingest([reports], engine=engine).failures
    with TestClient(create_app(database_url), raise_server_exceptions=False) as client:
        slugs = [m["slug"] for m in client.get("/markets?fields=slug").json()["items"]]
        for year in (KEPT_YEARS[0], 2030, KEPT_YEARS[-1]):
            across = client.get(f"/projections?year={year}&limit=100").json()["items"]
            assert {item["slug"]: (item["value_usd"], item["kind"]) for item in across} == {
                slug: (point["value_usd"], point["kind"])
                for slug in slugs
                if (point := _series_point(client, slug, year)) is not None
            }
        changed = client.get("/projections?year=2030&limit=100").json()["items"]
        values = {item["slug"]: item["value_usd"] for item in changed}
        assert values["united-states-t-cells-leukemia-treatment"] == 9_100_000_000

    with Session(engine) as session:
        assert delete_market(session, slugs[0])
        session.commit()
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT count(*) FROM projected_value")).scalar_one()
        markets = connection.execute(text("SELECT count(DISTINCT market_id) FROM figure"))
        assert kept == len(KEPT_YEARS) * markets.scalar_one()
        _assert_counts_are_the_values(connection)


def _assert_counts_are_the_values(connection: Connection) -> None:
    """projected_year holds, for every kept year, how many kept values it has, and
    projected_bucket how many in each bucket of values (app/value_buckets.py)."""
    values = connection.execute(text("SELECT year, value_usd FROM projected_value")).all()
    kept: dict[int, int] = dict(
        connection.execute(text("SELECT year, markets FROM projected_year")).all()
    )
    assert kept == {year: sum(row.year == year for row in values) for year in KEPT_YEARS}
    buckets = Counter((row.year, bucket_key(row.value_usd)) for row in values)
    rows = connection.execute(text("SELECT year, bucket, markets FROM projected_bucket")).all()
    assert {(row.year, row.bucket): row.markets for row in rows if row.markets} == buckets


def test_value_ranges_are_counted_exactly_at_every_edge(client: TestClient) -> None:
    """The total of a value range, counted from the buckets and the entries at its ends,
    is the number of values in it: bounds on, either side of and between the values and
    the buckets' own edges, open on either side or on none."""
    with client:
        for year in (2024, 2030, 2040):
            items = client.get(f"/projections?year={year}&limit=100").json()["items"]
            values = sorted(item["value_usd"] for item in items)
            edges = {edge for v in values for edge in bucket_range(bucket_key(v))}
            bounds = sorted({0, *edges, *(v + d for v in values for d in (-1, 0, 1))})
            for low in [None, *bounds[::3]]:
                for high in [None, *bounds[1::3]]:
                    params = {"year": year, "limit": 1}
                    params |= {"min_value": low} if low is not None else {}
                    params |= {"max_value": high} if high is not None else {}
                    expected = sum(
                        (low is None or v >= low) and (high is None or v <= high) for v in values
                    )
                    total = client.get("/projections", params=params).json()["total"]
                    assert total == expected, (low, high)


def test_buckets_are_computed_alike_in_sql_and_python(engine: Engine) -> None:
    values = [0, 7, 9, 10, 99, 100, 109, 110, 1_299, 1_300, 850_976_563, 10**15 - 1]
    with engine.connect() as connection:
        keys = [
            connection.execute(select(bucket_of(literal(v, BigInteger)))).scalar_one()
            for v in values
        ]
    assert keys == [bucket_key(v) for v in values]
    assert keys == sorted(keys)  # in the order of the values
    for value in values:
        first, after = bucket_range(bucket_key(value))
        assert first <= value < after


@pytest.mark.parametrize("sort", ["-value_usd", "value_usd", "name", "-name", "-slug", "region"])
@pytest.mark.parametrize("filters", ["", "&region=united states", "&min_cagr=10", "&q=leukemia"])
def test_small_pages_walk_the_same_order_as_one_page(
    client: TestClient, sort: str, filters: str
) -> None:
    """Pages of two are read along the sort's index (a broad match for their size), one page
    of a hundred from the matches sorted: both give one order, for a kept year and another."""
    with client:
        for year in (2030, 2045):
            url = f"/projections?year={year}&sort={sort}{filters}"
            whole = client.get(f"{url}&limit=100").json()
            pages = [
                client.get(f"{url}&limit=2&offset={offset}").json()
                for offset in range(0, whole["total"], 2)
            ]
            assert whole["total"] > 0 and {page["total"] for page in pages} == {whole["total"]}
            walked = [item["slug"] for page in pages for item in page["items"]]
            assert walked == [item["slug"] for item in whole["items"]]


def test_a_half_dollar_rounds_up_on_both_paths(client: TestClient) -> None:
    with client:
        kept = client.get("/projections?year=2033&limit=100").json()["items"]
        values = {item["slug"]: item["value_usd"] for item in kept}
        assert values["acme-halves"] == 1_850_976_563
        assert client.get("/projections?year=2033&min_value=1850976563").json()["total"] >= 1
