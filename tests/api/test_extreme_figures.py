"""Figures beyond what the data can hold: an amount past 64 bits, an absurd CAGR, growth that
compounds past every bound. Each page still lands with a warning, and nothing downstream
(statistics, projections) overflows."""

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.main import create_app
from app.models import MAX_AMOUNT
from ingest.run import run_ingest
from tests.golden import gold_markets
from tests.paths import SEEDS_DIR

PAGES = {
    "huge-amount.html": (
        "<h1>Global Overflow Oncology Market</h1><p>The Global Overflow Oncology Market size "
        "was valued at USD 10,000,000 Trillion in 2023 and is projected to reach USD 2.5 "
        "Billion by 2030.</p>"
    ),
    "absurd-cagr.html": (
        "<h1>Global Absurd Oncology Market</h1><p>The Global Absurd Oncology Market size was "
        "valued at USD 1.2 Billion in 2023, growing at a CAGR of 99999999% from 2024 to "
        "2030.</p>"
    ),
    "steep-cagr.html": (
        "<h1>Global Steep Oncology Market</h1><p>The Global Steep Oncology Market is projected "
        "to reach USD 3 Billion by 2030, growing at a CAGR of 1000% from 2024 to 2030.</p>"
    ),
}


@pytest.fixture
def client(engine: Engine, database_url: str, tmp_path: Path) -> TestClient:
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS_DIR, folder)
    for name, html in PAGES.items():
        (folder / name).write_text(html, encoding="utf-8")
    summary = run_ingest([folder], engine=engine)
    assert not summary.failures, summary.describe()
    assert len(summary.outcomes) == len(gold_markets()) + len(PAGES)
    return TestClient(create_app(database_url), raise_server_exceptions=False)


def _warning_codes(client: TestClient, slug: str) -> set[str]:
    market = client.get(f"/markets/{slug}").json()
    return {warning["code"] for warning in market["quality"]["warnings"]}


def test_an_amount_past_the_bound_is_left_out_with_a_warning(client: TestClient) -> None:
    with client:
        market = client.get("/markets/global-overflow-oncology").json()
        assert market["size_usd"] is None and market["forecast_usd"] == 2_500_000_000
        assert all(figure["amount"] <= MAX_AMOUNT for figure in market["figures"])
        assert "amount_out_of_range" in _warning_codes(client, "global-overflow-oncology")
        assert client.get("/stats").status_code == 200


def test_an_implausible_cagr_is_left_out_with_a_warning(client: TestClient) -> None:
    with client:
        market = client.get("/markets/global-absurd-oncology").json()
        assert market["cagr_percent"] is None and market["size_usd"] == 1_200_000_000
        assert "cagr_out_of_range" in _warning_codes(client, "global-absurd-oncology")


def test_growth_past_the_bound_is_capped_and_flagged(client: TestClient) -> None:
    with client:
        everyone = client.get("/projections", params={"year": 2200, "limit": 100})
        assert everyone.status_code == 200, everyone.text
        steep = next(i for i in everyone.json()["items"] if i["slug"] == "global-steep-oncology")
        assert steep["kind"] == "capped" and steep["value_usd"] == MAX_AMOUNT
        near = client.get("/projections", params={"year": 2031, "limit": 100}).json()["items"]
        assert near and not any(item["kind"] == "capped" for item in near)

        series = client.get(
            "/markets/global-steep-oncology/projections",
            params={"from_year": 2030, "to_year": 2100},
        )
        assert series.status_code == 200, series.text
        points = series.json()["points"]
        assert points[0] == {"year": 2030, "value_usd": 3_000_000_000, "kind": "reported"}
        assert points[-1]["kind"] == "capped" and points[-1]["value_usd"] == MAX_AMOUNT
        assert all(point["value_usd"] <= MAX_AMOUNT for point in points)
