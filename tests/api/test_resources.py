"""Projections, segments, companies, FAQs, stats, meta and operations endpoints."""

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.databases import BACKEND
from tests.golden import (
    cross_market,
    gold_cagr_statistics,
    gold_faq_count,
    gold_market,
    gold_markets,
)

CROSS = cross_market()
T_CELLS = gold_market("united-states-t-cells-leukemia-treatment")
# Its reported span (SPEC §4: a series defaults to the first to the last reported year).
FIRST, LAST = T_CELLS["size_year"], T_CELLS["forecast_year"]
SIZE, FORECAST = T_CELLS["size_usd"], T_CELLS["forecast_usd"]
GROWTH = 1 + T_CELLS["cagr_percent"] / 100  # a year at the stated CAGR


def points_by_year(client: TestClient, query: str = "") -> dict[int, dict[str, Any]]:
    response = client.get(f"/markets/{T_CELLS['slug']}/projections{query}")
    assert response.status_code == 200, response.text
    return {point["year"]: point for point in response.json()["points"]}


def test_projection_defaults_to_the_reported_span(client: TestClient) -> None:
    points = points_by_year(client)
    assert sorted(points) == list(range(FIRST, LAST + 1))
    assert points[FIRST] == {"year": FIRST, "value_usd": SIZE, "kind": "reported"}
    assert points[LAST] == {"year": LAST, "value_usd": FORECAST, "kind": "reported"}
    middle = (FIRST + LAST) // 2
    assert points[middle]["kind"] == "interpolated"
    # Geometric between the reported points (SPEC §4).
    between = SIZE * (FORECAST / SIZE) ** ((middle - FIRST) / (LAST - FIRST))
    assert points[middle]["value_usd"] == pytest.approx(between, rel=0.001)


def test_projection_extrapolates_at_the_stated_cagr(client: TestClient) -> None:
    points = points_by_year(client, f"?from_year={FIRST - 2}&to_year={LAST + 1}")
    assert points[LAST + 1]["kind"] == "extrapolated"
    assert points[LAST + 1]["value_usd"] == round(FORECAST * GROWTH)
    assert points[FIRST - 2]["value_usd"] == round(SIZE / GROWTH**2)


def test_projection_anchored_on_the_forecast(client: TestClient) -> None:
    points = points_by_year(client, "?method=stated_cagr")
    assert points[LAST] == {"year": LAST, "value_usd": FORECAST, "kind": "reported"}
    assert points[LAST - 1]["value_usd"] == round(FORECAST / GROWTH)
    # Back-cast years rest on the CAGR, not on two reported values: never "interpolated",
    # and the size year is "reported" only where the back-cast lands on the reported size.
    assert {points[year]["kind"] for year in range(FIRST + 1, LAST)} == {"extrapolated"}
    # This market's stated CAGR does not lead from its size to its forecast (seed-gold flags
    # the mismatch), so the back-cast misses the reported size and is not labelled reported.
    assert points[FIRST]["value_usd"] != SIZE and points[FIRST]["kind"] == "extrapolated"


@pytest.mark.parametrize(
    "query,parameter",
    [
        ("?from_year=1950&to_year=2060", "to_year"),
        ("?from_year=2030&to_year=2020", "to_year"),
        ("?method=linear", "method"),
        ("?from_year=abc", "from_year"),
    ],
)
def test_projection_bad_ranges_are_422(client: TestClient, query: str, parameter: str) -> None:
    response = client.get(f"/markets/{T_CELLS['slug']}/projections{query}")
    assert response.status_code == 422
    assert parameter in [error["name"] for error in response.json()["errors"]]


def test_projections_in_one_year_across_markets(client: TestClient) -> None:
    body = client.get("/projections?year=2027&min_cagr=10").json()
    assert sorted(item["slug"] for item in body["items"]) == sorted(
        CROSS["markets_with_cagr_at_least_10"]
    )
    values = [item["value_usd"] for item in body["items"]]
    assert values == sorted(values, reverse=True)
    ascending = client.get("/projections?year=2027&sort=value_usd").json()["items"]
    ascending_values = [item["value_usd"] for item in ascending]
    assert len(ascending) == len(gold_markets()) and ascending_values == sorted(ascending_values)
    assert client.get("/projections").status_code == 422


def test_segments_across_markets(client: TestClient) -> None:
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


def test_companies_across_markets(client: TestClient) -> None:
    body = client.get("/companies?limit=100").json()
    assert body["total"] == CROSS["distinct_companies"]
    # The default order is -market_count,name: the companies several markets list come first
    # (every other gold company is listed by one market).
    most_listed = sorted(CROSS["company_groups"], key=lambda g: (-len(g["markets"]), g["name"]))
    assert [item["slug"] for item in body["items"][: len(most_listed)]] == [
        group["slug"] for group in most_listed
    ]
    for group in CROSS["company_groups"]:
        company = client.get(f"/companies/{group['slug']}").json()
        assert company["name"] == group["name"]
        assert set(company["aliases"]) == set(group["aliases"])
        assert sorted(m["slug"] for m in company["markets"]["items"]) == sorted(group["markets"])
    pharma = {
        name
        for market in gold_markets()
        for name in market["companies"]
        if re.search(r"\bpharma", name, re.IGNORECASE)
    }
    assert client.get("/companies?q=pharma&sort=name").json()["total"] >= len(pharma)
    assert client.get("/companies/no-such-company").status_code == 404
    assert client.get("/companies?sort=revenue").status_code == 422


def test_faqs_across_markets(client: TestClient) -> None:
    body = client.get("/faqs?limit=100").json()
    assert body["total"] == gold_faq_count()
    insured = client.get("/faqs?q=covered%20insurance").json()["items"]
    assert {item["market"] for item in insured} >= {"united-states-iclusig"}
    assert all("insurance" in (i["question"] + i["answer"]).lower() for i in insured)
    one_market = client.get("/faqs?market=united-states-blinatumomab").json()
    assert one_market["total"] == len(gold_market("united-states-blinatumomab")["faqs"])


def test_a_faq_search_lists_matches_as_stored_unless_sorted(client: TestClient) -> None:
    # The seeds are stored in file order, which is not their slugs' order.
    stored = [market["slug"] for market in gold_markets()]
    assert stored != sorted(stored)
    searched = client.get("/faqs", params={"q": "treatment", "limit": 100}).json()["items"]
    markets = list(dict.fromkeys(item["market"] for item in searched))
    assert markets == [slug for slug in stored if slug in markets] and len(markets) > 1
    for market in markets:  # each market's FAQs together, in page order
        mine = [i for i, item in enumerate(searched) if item["market"] == market]
        assert mine == list(range(mine[0], mine[-1] + 1))
        assert [searched[i]["position"] for i in mine] == sorted(
            searched[i]["position"] for i in mine
        )
    sorted_ = client.get(
        "/faqs", params={"q": "treatment", "sort": "market,position", "limit": 100}
    ).json()["items"]
    assert sorted_ == sorted(searched, key=lambda item: (item["market"], item["position"]))


def test_stats(client: TestClient) -> None:
    stats = client.get("/stats").json()
    assert (stats["markets"], stats["companies"], stats["faqs"]) == (
        len(gold_markets()),
        CROSS["distinct_companies"],
        gold_faq_count(),
    )
    assert stats["segment_keys"] == len(CROSS["segment_key_markets"])
    # The mean may be rounded for display: to 4 places at most.
    assert stats["cagr_percent"] == pytest.approx(gold_cagr_statistics(), abs=1e-4)
    for kind in ("size", "forecast"):
        by_year = {row["year"]: row for row in stats[f"total_{kind}_by_year"]}
        years = {market[f"{kind}_year"] for market in gold_markets()}
        assert set(by_year) == years  # a size year never holds forecasts, nor the reverse
        for year in years:
            stated = [m[f"{kind}_usd"] for m in gold_markets() if m[f"{kind}_year"] == year]
            assert by_year[year]["total_usd"] == sum(stated)
            assert by_year[year]["markets"] == len(stated)


def test_meta_and_operations(client: TestClient) -> None:
    meta = client.get("/meta").json()
    assert meta["database"] == BACKEND and meta["markets"] == len(gold_markets())
    assert meta["parser_version"] and meta["dataset_version"] and meta["last_ingest_at"]
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
    metrics = client.get("/metrics")
    assert 'http_requests_total{method="GET",route="/healthz",status="200"}' in metrics.text
    assert client.get("/healthz").headers["cache-control"] == "no-store"
