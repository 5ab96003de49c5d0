"""Projections, segments, companies, FAQs, stats, meta and operations endpoints."""

import pytest

from tests.databases import BACKEND
from tests.paths import seed_gold

CROSS = seed_gold()["cross_market"]
T_CELLS = "united-states-t-cells-leukemia-treatment"


def points_by_year(client, query: str = "") -> dict[int, dict]:
    response = client.get(f"/markets/{T_CELLS}/projections{query}")
    assert response.status_code == 200, response.text
    return {point["year"]: point for point in response.json()["points"]}


def test_projection_defaults_to_the_reported_span(client):
    points = points_by_year(client)
    assert sorted(points) == list(range(2022, 2031))
    assert points[2022] == {"year": 2022, "value_usd": 3_500_000_000, "kind": "reported"}
    assert points[2030] == {"year": 2030, "value_usd": 7_800_000_000, "kind": "reported"}
    assert points[2026]["kind"] == "interpolated"
    assert points[2026]["value_usd"] == pytest.approx(5.225e9, rel=0.001)


def test_projection_extrapolates_at_the_stated_cagr(client):
    points = points_by_year(client, "?from_year=2020&to_year=2031")
    assert points[2031]["kind"] == "extrapolated"
    assert points[2031]["value_usd"] == round(7.8e9 * 1.125)
    assert points[2020]["value_usd"] == round(3.5e9 / 1.125**2)


def test_projection_anchored_on_the_forecast(client):
    points = points_by_year(client, "?method=stated_cagr")
    assert points[2030] == {"year": 2030, "value_usd": 7_800_000_000, "kind": "reported"}
    assert points[2029]["value_usd"] == round(7.8e9 / 1.125)


@pytest.mark.parametrize(
    "query,parameter",
    [
        ("?from_year=1950&to_year=2060", "to_year"),
        ("?from_year=2030&to_year=2020", "to_year"),
        ("?method=linear", "method"),
        ("?from_year=abc", "from_year"),
    ],
)
def test_projection_bad_ranges_are_422(client, query, parameter):
    response = client.get(f"/markets/{T_CELLS}/projections{query}")
    assert response.status_code == 422
    assert parameter in [error["name"] for error in response.json()["errors"]]


def test_projections_in_one_year_across_markets(client):
    body = client.get("/projections?year=2027&min_cagr=10").json()
    assert sorted(item["slug"] for item in body["items"]) == sorted(
        CROSS["markets_with_cagr_at_least_10"]
    )
    values = [item["value_usd"] for item in body["items"]]
    assert values == sorted(values, reverse=True)
    ascending = client.get("/projections?year=2027&sort=value_usd").json()["items"]
    ascending_values = [item["value_usd"] for item in ascending]
    assert len(ascending) == 5 and ascending_values == sorted(ascending_values)
    assert client.get("/projections").status_code == 422


def test_segments_across_markets(client):
    body = client.get("/segments?limit=100").json()
    assert {item["key"]: item["market_count"] for item in body["items"]} == {
        key: len(markets) for key, markets in CROSS["segment_key_markets"].items()
    }
    hospital = client.get("/segments/hospital").json()
    assert sorted(m["slug"] for m in hospital["markets"]["items"]) == sorted(
        CROSS["segment_key_markets"]["hospital"]
    )
    assert set(hospital["names"]) == {"Hospital", "Hospitals"}
    assert client.get("/segments/no-such-key").status_code == 404


def test_companies_across_markets(client):
    body = client.get("/companies?limit=100").json()
    assert body["total"] == CROSS["distinct_companies"]
    assert [item["slug"] for item in body["items"][:2]] == ["celgene", "novartis"]
    for group in CROSS["company_groups"]:
        company = client.get(f"/companies/{group['slug']}").json()
        assert company["name"] == group["name"]
        assert set(company["aliases"]) == set(group["aliases"])
        assert sorted(m["slug"] for m in company["markets"]["items"]) == sorted(group["markets"])
    assert client.get("/companies?q=pharma&sort=name").json()["total"] >= 5
    assert client.get("/companies/no-such-company").status_code == 404
    assert client.get("/companies?sort=revenue").status_code == 422


def test_faqs_across_markets(client):
    body = client.get("/faqs?limit=100").json()
    assert body["total"] == 50
    insured = client.get("/faqs?q=covered%20insurance").json()["items"]
    assert {item["market"] for item in insured} >= {"united-states-iclusig"}
    assert all("insurance" in (i["question"] + i["answer"]).lower() for i in insured)
    one_market = client.get("/faqs?market=united-states-blinatumomab").json()
    assert one_market["total"] == 10


def test_stats(client):
    stats = client.get("/stats").json()
    assert (stats["markets"], stats["companies"], stats["faqs"]) == (5, 33, 50)
    assert stats["segment_keys"] == len(CROSS["segment_key_markets"])
    assert stats["cagr_percent"] == {"min": 6.5, "median": 10.5, "mean": 10.96, "max": 14.8}
    by_year = {row["year"]: row for row in stats["total_size_by_year"]}
    assert by_year[2022]["total_usd"] == sum(m["size_usd"] for m in seed_gold()["markets"])


def test_meta_and_operations(client):
    meta = client.get("/meta").json()
    assert meta["database"] == BACKEND and meta["markets"] == 5
    assert meta["parser_version"] and meta["dataset_version"] and meta["last_ingest_at"]
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
    metrics = client.get("/metrics")
    assert 'http_requests_total{method="GET",route="/healthz",status="200"}' in metrics.text
    assert client.get("/healthz").headers["cache-control"] == "no-store"
