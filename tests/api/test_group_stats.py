"""GET /stats?group_by=: each group's figures equal the same figures computed from /markets
with the matching filter (issue 19)."""

import csv
import io
import statistics
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.golden import gold_markets


def _markets(client: TestClient, **filters: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get("/markets", params={**filters, "limit": 100}).json()[
        "items"
    ]
    return items


def _expected(markets: list[dict[str, Any]]) -> dict[str, Any]:
    cagrs = [m["cagr_percent"] for m in markets if m["cagr_percent"] is not None]
    return {
        "market_count": len(markets),
        "size_usd_sum": float(sum(m["size_usd"] or 0 for m in markets)),
        "forecast_usd_sum": float(sum(m["forecast_usd"] or 0 for m in markets)),
        "cagr_percent_median": round(statistics.median(cagrs), 4) if cagrs else None,
        "cagr_percent_mean": round(statistics.fmean(cagrs), 4) if cagrs else None,
    }


def _groups(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/stats", params={**params, "limit": 100})
    assert response.status_code == 200, response.text
    groups: list[dict[str, Any]] = response.json()["items"]
    return groups


@pytest.mark.parametrize(
    ("group_by", "filter_name"),
    [("segment", "segment"), ("company", "company"), ("region", "region")],
)
def test_each_group_equals_its_markets(client: TestClient, group_by: str, filter_name: str) -> None:
    groups = _groups(client, group_by=group_by)
    assert groups
    for group in groups:
        expected = _expected(_markets(client, **{filter_name: group["group"]}))
        assert {k: group[k] for k in expected} == expected, group["group"]


def test_year_groups_partition_the_markets(client: TestClient) -> None:
    groups = _groups(client, group_by="forecast_year")
    assert sum(g["market_count"] for g in groups) == len(gold_markets())
    for group in groups:
        markets = [m for m in _markets(client) if m["forecast_year"] == group["group"]]
        assert group["market_count"] == len(markets)


def test_filters_narrow_the_groups(client: TestClient) -> None:
    narrowed = _groups(client, group_by="segment", min_cagr=12)
    for group in narrowed:
        expected = _expected(_markets(client, segment=group["group"], min_cagr=12))
        assert group["market_count"] == expected["market_count"]
        assert group["cagr_percent_median"] == expected["cagr_percent_median"]


def test_groups_are_largest_first_and_paged(client: TestClient) -> None:
    every = _groups(client, group_by="company")
    counts = [g["market_count"] for g in every]
    assert counts == sorted(counts, reverse=True)
    first = client.get("/stats", params={"group_by": "company", "limit": 2}).json()
    assert first["items"] == every[:2] and first["total"] == len(every) and first["next"]


def test_groups_export_as_csv(client: TestClient) -> None:
    response = client.get("/stats", params={"group_by": "segment", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
    groups = _groups(client, group_by="segment")
    assert [row["group"] for row in rows] == [g["group"] for g in groups]
    assert [int(row["market_count"]) for row in rows] == [g["market_count"] for g in groups]


def test_filters_without_group_by_are_a_422(client: TestClient) -> None:
    response = client.get("/stats", params={"min_cagr": 10})
    assert response.status_code == 422
    assert response.json()["errors"][0]["name"] == "group_by"
    assert client.get("/stats").json()["markets"] == len(gold_markets())


def test_grouping_takes_an_export_slot(client: TestClient) -> None:
    """Grouping reads every matching market: with every slot taken it is a 503, not a wait."""
    slots = client.app.state.export_slots  # type: ignore[attr-defined]
    held = [slots.slot() for _ in range(client.app.state.settings.max_concurrent_exports)]  # type: ignore[attr-defined]
    for slot in held:
        slot.__enter__()
    try:
        busy = client.get("/stats", params={"group_by": "region", "offset": 1})
    finally:
        for slot in held:
            slot.__exit__(None, None, None)
    assert busy.status_code == 503 and busy.headers["retry-after"]
    assert client.get("/stats", params={"group_by": "region", "offset": 1}).status_code == 200
