"""A market stated in rupees with one stray USD figure: its size and forecast stay in rupees,
and no USD projection is made from the stray figure, per market or across markets."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.main import create_app
from ingest.run import run_ingest

PAGE = (
    "<h1>India Snacks Market</h1><p>The India snacks market was Rs 38,603 crore in 2022 and "
    "will reach Rs 70,731 crore by 2028, growing at a CAGR of 10.6% from 2022 to 2028.</p>"
    "<p>The market's revenue is estimated to reach US$66.9 billion by 2030.</p>"
)


def test_a_stray_usd_figure_makes_no_usd_series(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    (tmp_path / "snacks.html").write_text(PAGE, encoding="utf-8")
    assert not run_ingest([tmp_path / "snacks.html"], engine=engine).failures
    with TestClient(create_app(database_url), raise_server_exceptions=False) as client:
        market = client.get("/markets/india-snacks").json()
        assert (market["currency"], market["size_usd"], market["forecast_usd"]) == (
            "INR",
            None,
            None,
        )
        assert {figure["currency"] for figure in market["figures"]} == {"INR", "USD"}
        refused = client.get("/markets/india-snacks/projections")
        assert refused.status_code == 422 and "stated in INR" in refused.text
        assert client.get("/projections", params={"year": 2025}).json()["total"] == 0
