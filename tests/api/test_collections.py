"""/segments, /companies, /faqs and /stats: counters and totals kept exact by the database
through creates, updates and deletes; `q` through the full-text indexes; every format,
`fields` and `sort`."""

import csv
import io
import random
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from app.main import create_app
from ingest.load import delete_market
from ingest.run import run_ingest
from tests.generated import write_reports
from tests.golden import cross_market

# Generated reports draw 4–9 companies from a pool in which names differ only by legal form,
# so some markets list one company twice: each must count once.
REPORTS = 120


# /stats's counts and the tables they count
_COUNTED = {"markets": "market", "segments": "segment", "companies": "company", "faqs": "faq"}
_TOTALS = ("total_size_by_year", "total_forecast_by_year")


def _true_counts(engine: Engine) -> tuple[dict[str, int], dict[str, int], dict[str, Any]]:
    """Market counts per company and per segment key, and the market figures' totals,
    counted from the rows themselves."""
    with engine.connect() as connection:
        companies = connection.execute(
            text(
                "SELECT company.slug, count(DISTINCT market_company.market_id) FROM company "
                "LEFT JOIN market_company ON market_company.company_id = company.id "
                "GROUP BY company.slug"
            )
        ).all()
        segments = connection.execute(
            text("SELECT key, count(DISTINCT market_id) FROM segment GROUP BY key")
        ).all()
        markets = connection.execute(
            text(
                "SELECT size_year, size_usd, forecast_year, forecast_usd, cagr_percent FROM market"
            )
        ).all()
        rows = {
            served: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for served, table in _COUNTED.items()
        }
    return dict(companies), dict(segments), {**rows, **_figure_totals(markets)}


def _figure_totals(markets: Sequence[Any]) -> dict[str, Any]:
    """/stats's figures, as SPEC §4 defines them, from every market's row."""

    def by_year(pairs: list[tuple[int | None, int | None]]) -> list[dict[str, int]]:
        totals: dict[int, list[int]] = {}
        for year, usd in pairs:
            if year is not None and usd is not None:
                totals.setdefault(year, []).append(usd)
        return [
            {"year": year, "total_usd": sum(values), "markets": len(values)}
            for year, values in sorted(totals.items())
        ]

    cagrs = [m.cagr_percent for m in markets if m.cagr_percent is not None]
    return {
        "cagr_percent": {
            "min": min(cagrs),
            "median": statistics.median(cagrs),
            "mean": round(statistics.fmean(cagrs), 4),
            "max": max(cagrs),
        },
        "total_size_by_year": by_year([(m.size_year, m.size_usd) for m in markets]),
        "total_forecast_by_year": by_year([(m.forecast_year, m.forecast_usd) for m in markets]),
    }


def _served_counts(client: TestClient) -> tuple[dict[str, int], dict[str, int], dict[str, Any]]:
    companies = client.get("/companies?format=ndjson").text.splitlines()
    segments = client.get("/segments?format=ndjson").text.splitlines()
    stats = client.get("/stats").json()
    return (
        {row["slug"]: row["market_count"] for row in map(orjson.loads, companies)},
        {row["key"]: row["market_count"] for row in map(orjson.loads, segments)},
        {key: stats[key] for key in (*_COUNTED, "cagr_percent", *_TOTALS)},
    )


def test_counts_stay_exact_through_updates_and_deletes(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    write_reports(folder, range(REPORTS))
    assert not run_ingest([folder], engine=engine).failures
    with engine.connect() as connection:
        twice = connection.execute(
            text(
                "SELECT count(*) FROM (SELECT market_id FROM market_company "
                "GROUP BY market_id, company_id HAVING count(*) > 1) AS twice"
            )
        ).scalar_one()
    assert twice > 0, "the corpus should list some company twice in one market"
    client = TestClient(create_app(database_url), raise_server_exceptions=False)
    with client:
        assert _served_counts(client) == _true_counts(engine)

        # Changed reports (other names, companies and segments, the same rid), then deletes.
        write_reports(folder, range(0, REPORTS, 3), seed=11)
        assert not run_ingest([folder], engine=engine).failures
        slugs = [m["slug"] for m in client.get("/markets?limit=100&fields=slug").json()["items"]]
        with Session(engine) as session:
            for slug in random.Random(3).sample(slugs, 10):
                assert delete_market(session, slug)
            session.commit()
        assert _served_counts(client) == _true_counts(engine)
        company = next(iter(_true_counts(engine)[0]))
        detail = client.get(f"/companies/{company}?limit=100").json()
        assert detail["market_count"] == detail["markets"]["total"]
        assert len(detail["markets"]["items"]) == min(100, detail["market_count"])


@pytest.mark.parametrize(
    "path,key",
    [
        ("/segments", "key"),
        ("/companies", "slug"),
        ("/faqs?q=treatment", "market"),
        ("/markets", "slug"),
        ("/changes", "slug"),
    ],
)
def test_every_format_streams_the_rows_of_total(client: TestClient, path: str, key: str) -> None:
    glue = "&" if "?" in path else "?"
    page = client.get(f"{path}{glue}limit=1")
    assert page.status_code == 200, page.text
    total = page.json()["total"]
    assert total > 1 and page.json()["next"]
    as_csv = client.get(f"{path}{glue}format=csv")
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == total and rows[0][key] == str(page.json()["items"][0][key])
    assert list(rows[0]) == list(page.json()["items"][0])  # the same columns, in one order
    by_accept = client.get(
        f"{path}{glue}fields={key}", headers={"Accept": "text/csv;q=0.5, application/x-ndjson"}
    )
    assert by_accept.headers["content-type"] == "application/x-ndjson"
    lines = [orjson.loads(line) for line in by_accept.text.splitlines()]
    assert len(lines) == total and all(set(line) == {key} for line in lines)
    trimmed = client.get(f"{path}{glue}fields={key}").json()["items"]
    assert trimmed and all(set(item) == {key} for item in trimmed)
    assert client.get(f"{path}{glue}fields=bogus").status_code == 422
    assert client.get(f"{path}{glue}format=xml").status_code == 422


def test_list_cells_are_json_in_csv(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/companies?format=csv").text)))
    assert all(isinstance(orjson.loads(row["aliases"]), list) for row in rows)


def test_sort_keys(client: TestClient) -> None:
    keys = [i["key"] for i in client.get("/segments?sort=-key&limit=100").json()["items"]]
    assert keys == sorted(keys, reverse=True)
    counted = client.get("/segments?sort=-market_count&limit=100").json()["items"]
    counts = [i["market_count"] for i in counted]
    assert counts == sorted(counts, reverse=True)
    names = [
        i["name"].lower() for i in client.get("/companies?sort=-name&limit=100").json()["items"]
    ]
    assert names == sorted(names, reverse=True)
    faqs = client.get("/faqs?sort=-market,position&limit=100").json()["items"]
    order = [(i["market"], -i["position"]) for i in faqs]
    assert order == sorted(order, reverse=True)
    assert client.get("/segments?sort=name").status_code == 422


def test_company_q_matches_any_alias_by_word_prefix(client: TestClient) -> None:
    aliases = {
        alias: company["slug"]
        for company in client.get("/companies?limit=100").json()["items"]
        for alias in company["aliases"]
    }
    for alias, slug in aliases.items():
        found = client.get("/companies", params={"q": alias, "limit": 100}).json()["items"]
        assert slug in [company["slug"] for company in found], alias
    assert client.get("/companies?q=%21%21").json()["total"] == len(
        client.get("/companies?limit=100").json()["items"]
    )


def test_faq_q_is_stemmed_and_every_word_must_match(client: TestClient) -> None:
    singular = client.get("/faqs?q=insurance&limit=100").json()
    plural = client.get("/faqs?q=insurances&limit=100").json()
    assert singular["total"] > 0 and plural["total"] == singular["total"]
    narrower = client.get("/faqs?q=insurance%20covered&limit=100").json()
    assert 0 < narrower["total"] <= singular["total"]
    assert client.get("/faqs?q=zzzunknownword").json()["total"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/markets",
        "/segments",
        "/companies",
        "/faqs",
        "/changes",
        "/exports",
        "/segments/hospital",
        f"/companies/{cross_market()['company_groups'][0]['slug']}",
        "/stats?group_by=segment",
        "/projections?year=2030",
    ],
)
def test_every_page_with_a_next_says_so_in_a_link_header(client: TestClient, path: str) -> None:
    """SPEC §4: every collection, a company's or segment's markets included."""
    response = client.get(f"{path}{'&' if '?' in path else '?'}limit=1")
    assert response.status_code == 200, response.text
    body = response.json()
    following = body.get("next") or body.get("markets", {}).get("next")
    assert following, body
    assert response.headers["link"] == f'<{following}>; rel="next"'
