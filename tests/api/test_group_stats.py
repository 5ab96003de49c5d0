"""GET /stats?group_by=: each group's figures equal the same figures computed from /markets
with the matching filter (issue 19)."""

import csv
import io
import json
import math
import re
import sqlite3
import statistics
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, Select, create_engine, select, text
from sqlmodel import Session, SQLModel, col

from app.core.query import MarketFilters
from app.core.settings import normalize_database_url
from app.core.sqlite_functions import register_sqlite_functions
from app.main import create_app
from app.models import Company, Market, MarketCompany, Provenance, Segment
from app.repositories.groups import GroupBy, kept_company_counts
from ingest.load import delete_market
from ingest.run import run_ingest
from tests.generated import write_reports
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
        "size_usd_sum": sum(m["size_usd"] or 0 for m in markets),
        "forecast_usd_sum": sum(m["forecast_usd"] or 0 for m in markets),
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


@pytest.mark.parametrize("name,value", [("min_cagr", 10), ("format", "csv"), ("limit", 5)])
def test_a_grouping_s_parameters_without_group_by_are_a_422_naming_them(
    client: TestClient, name: str, value: Any
) -> None:
    response = client.get("/stats", params={name: value})
    assert response.status_code == 422
    assert response.json()["errors"][0]["name"] == name
    assert client.get("/stats").json()["markets"] == len(gold_markets())


def test_group_sums_are_whole_dollars_in_json_and_csv(client: TestClient) -> None:
    groups = _groups(client, group_by="region")
    sums = [g[key] for g in groups for key in ("size_usd_sum", "forecast_usd_sum")]
    assert sums and all(isinstance(value, int) for value in sums if value is not None)
    rows = csv.DictReader(io.StringIO(client.get("/stats?group_by=region&format=csv").text))
    assert all(re.fullmatch(r"\d*", row["size_usd_sum"]) for row in rows)


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


def _computed_groups(
    database_url: str, group_by: str, cagr_range: tuple[float, float] | None = None
) -> dict[Any, dict[str, Any]]:
    """Each group's figures computed in Python from the rows themselves (of the markets whose
    CAGR is in `cagr_range`, when given): the straightforward reading of the SPEC that the
    grouped query must equal."""
    engine = create_engine(normalize_database_url(database_url))
    with engine.connect() as connection:
        market_table = SQLModel.metadata.tables["market"]
        markets = {row.id: row for row in connection.execute(select(market_table))}
        if cagr_range is not None:
            low, high = cagr_range
            markets = {
                market_id: row
                for market_id, row in markets.items()
                if row.cagr_percent is not None and low <= row.cagr_percent <= high
            }
        links: Select[Any, Any]
        if group_by == "company":
            links = select(col(MarketCompany.market_id), col(Company.slug)).join(
                Company, col(Company.id) == col(MarketCompany.company_id)
            )
        elif group_by in ("segment", "dimension"):
            group_column = col(Segment.key) if group_by == "segment" else col(Segment.dimension)
            links = select(col(Segment.market_id), group_column)
        elif group_by == "publisher":
            links = select(col(Provenance.market_id), col(Provenance.publisher))
        else:
            links = select(col(Market.id), getattr(Market, group_by))
        members: dict[Any, set[int]] = {}
        for market_id, group in connection.execute(links):
            if market_id in markets:
                members.setdefault(group, set()).add(market_id)
    engine.dispose()
    return {
        group: _expected(
            [
                {
                    "size_usd": m.size_usd,
                    "forecast_usd": m.forecast_usd,
                    "cagr_percent": m.cagr_percent,
                }
                for m in (markets[market_id] for market_id in ids)
            ]
        )
        for group, ids in members.items()
    }


def _same_figures(got: dict[str, Any], expected: dict[str, Any]) -> bool:
    """Equal; the mean may differ in its 4th decimal when the exact mean is a rounding tie (the
    database sums floats in its own order)."""
    mean, expected_mean = got["cagr_percent_mean"], expected["cagr_percent_mean"]
    return {k: got[k] for k in expected if k != "cagr_percent_mean"} == {
        k: v for k, v in expected.items() if k != "cagr_percent_mean"
    } and (mean == expected_mean or abs(mean - expected_mean) <= 1.0001e-4)


@pytest.mark.parametrize(
    "group_by",
    ["region", "segment", "dimension", "company", "publisher", "size_year", "forecast_year"],
)
def test_every_group_equals_its_rows(
    client: TestClient, seeded_database_url: str, group_by: str
) -> None:
    """Issue 19: the one-statement histogram (and the company page read first) gives exactly
    the counts, sums and medians of the rows, on every page."""
    response = client.get("/stats", params={"group_by": group_by, "format": "ndjson"})
    every = [json.loads(line) for line in response.text.splitlines() if line]
    expected = _computed_groups(seeded_database_url, group_by)
    assert sorted(map(str, (g["group"] for g in every))) == sorted(map(str, expected))
    for group in every:
        assert _same_figures(group, expected[group["group"]]), group
    counts = [g["market_count"] for g in every]
    assert counts == sorted(counts, reverse=True)
    paged: list[dict[str, Any]] = []
    for offset in range(0, len(every) + 3, 3):
        body = client.get(
            "/stats", params={"group_by": group_by, "limit": 3, "offset": offset}
        ).json()
        assert body["total"] == len(every)
        paged += body["items"]
    assert paged == every


def test_filtered_company_pages_equal_the_filtered_rows(client: TestClient) -> None:
    every = _groups(client, group_by="company", min_cagr=12, max_size="2B")
    firsts = client.get(
        "/stats", params={"group_by": "company", "min_cagr": 12, "max_size": "2B", "limit": 2}
    ).json()
    assert firsts["items"] == every[:2] and firsts["total"] == len(every)
    for group in every[:5]:
        expected = _expected(_markets(client, company=group["group"], min_cagr=12, max_size="2B"))
        assert _same_figures(group, expected), group


def _assert_kept_groups_are_the_rows(database_url: str) -> None:
    # A new app each time: the changes made with SQL below leave the dataset version alone,
    # so a running app's response cache would answer from before them.
    with TestClient(create_app(database_url)) as client:
        low, high = _cagr_bounds(client)
        for group_by in GroupBy:
            # A CAGR range alone is read from the kept histograms too.
            for cagr_range in (None, (low, high)):
                params: dict[str, Any] = {"group_by": group_by, "format": "ndjson"}
                if cagr_range is not None:
                    params |= {"min_cagr": low, "max_cagr": high}
                response = client.get("/stats", params=params)
                served = {g["group"]: g for g in map(json.loads, response.text.splitlines())}
                expected = _computed_groups(database_url, group_by, cagr_range)
                assert sorted(served, key=str) == sorted(expected, key=str), params
                for group, figures in served.items():
                    assert _same_figures(figures, expected[group]), (params, figures)
        # A range, and each bound alone (counted as a company's markets less those outside).
        for cagr_filters in (
            {"min_cagr": low, "max_cagr": high},
            {"min_cagr": low},
            {"max_cagr": high},
        ):
            _assert_company_pages_are_the_list(client, cagr_filters)
            _assert_both_company_counts_are_the_rows(database_url, cagr_filters)
        _assert_totals_are_the_rows(client)


def _assert_both_company_counts_are_the_rows(database_url: str, cagr: dict[str, float]) -> None:
    """The companies' market counts in a CAGR range, read along each company's histogram or in
    one scan of them all (the dataset's shape picks one), both as counted from the rows."""
    low, high = cagr.get("min_cagr", -math.inf), cagr.get("max_cagr", math.inf)
    engine = create_engine(normalize_database_url(database_url))
    with Session(engine) as session:
        expected: dict[int, set[int]] = {}
        links = select(col(MarketCompany.company_id), col(Market.id), col(Market.cagr_percent))
        for company, market, rate in session.execute(links.join(Market)):
            if rate is not None and low <= rate <= high:
                expected.setdefault(company, set()).add(market)
        for per_company in (True, False):
            filters = MarketFilters(min_cagr=cagr.get("min_cagr"), max_cagr=cagr.get("max_cagr"))
            counted = kept_company_counts(session, filters, per_company=per_company)
            rows = session.execute(select(counted.c.grp, counted.c.markets)).all()
            got = {int(company): int(markets) for company, markets in rows}  # no empty group
            assert got == {company: len(ids) for company, ids in expected.items()}, per_company
    engine.dispose()


def _cagr_bounds(client: TestClient) -> tuple[float, float]:
    """Two CAGRs that markets state, a third of the way in from either end."""
    every = client.get("/markets", params={"format": "ndjson"}).text.splitlines()
    cagrs = sorted({m["cagr_percent"] for m in map(json.loads, every)} - {None})
    return cagrs[len(cagrs) // 3], cagrs[2 * len(cagrs) // 3]


def _assert_company_pages_are_the_list(client: TestClient, filters: dict[str, Any]) -> None:
    """Pages of seven companies (ranked first, then read) are the whole list's, in order;
    companies with equal counts fall across page boundaries."""
    params = {"group_by": "company", **filters}
    every = [
        json.loads(line)
        for line in client.get("/stats", params={**params, "format": "ndjson"}).text.splitlines()
    ]
    paged: list[dict[str, Any]] = []
    for offset in range(0, len(every), 7):
        body = client.get("/stats", params={**params, "limit": 7, "offset": offset}).json()
        assert body["total"] == len(every), filters
        paged += body["items"]
    assert paged == every, filters


# GroupBy values that are /markets filters, with a CAGR range or without.
_FILTERS = ("region", "segment", "dimension", "company", "publisher")


def _assert_totals_are_the_rows(client: TestClient) -> None:
    """/markets totals read from the kept histograms (app/repositories/tallies.py) equal the
    rows the same filters stream (a full NDJSON download: the rows, never a count)."""
    low, high = _cagr_bounds(client)
    filters: list[dict[str, Any]] = [{}, {"min_cagr": low}, {"max_cagr": high}]
    for name in _FILTERS:
        groups = _groups(client, group_by=name)
        value = next(g["group"] for g in groups if g["group"] is not None)
        filters += [{name: value}, {name: value, "min_cagr": low, "max_cagr": high}]
    for params in filters:
        total = client.get("/markets", params={**params, "limit": 1}).json()["total"]
        rows = client.get("/markets", params={**params, "format": "ndjson"}).text.splitlines()
        assert total == len(rows), params


def test_kept_groups_follow_every_change(engine: Engine, database_url: str, tmp_path: Path) -> None:
    """Migration 0018: the histograms GET /stats reads without filters stay equal to
    the rows, for every grouping, through re-ingests, deletes, figures and regions changed in
    place, a market removed with its children, a company removed with its links, and two
    segments of one market with one key."""
    folder = tmp_path / "reports"
    write_reports(folder, range(40), seed=7)
    assert not run_ingest([folder], engine=engine).failures
    _assert_kept_groups_are_the_rows(database_url)

    write_reports(folder, range(0, 40, 3), seed=11)  # other segments and figures, same ids
    assert not run_ingest([folder], engine=engine).failures
    with Session(engine) as session:
        slugs = session.scalars(select(col(Market.slug)).order_by(col(Market.slug))).all()
        for slug in slugs[:4]:
            assert delete_market(session, slug)
        session.commit()
    _assert_kept_groups_are_the_rows(database_url)

    with engine.begin() as connection:
        first, second, third = connection.execute(
            text("SELECT id FROM market ORDER BY id LIMIT 3")
        ).scalars()
        connection.execute(
            text(
                "UPDATE market SET cagr_percent = cagr_percent + 1.5, size_usd = NULL "
                "WHERE id = :id"
            ),
            {"id": first},
        )
        connection.execute(
            text(
                "UPDATE market SET cagr_percent = NULL, region = 'Atlantis', size_year = NULL "
                "WHERE id = :id"
            ),
            {"id": second},
        )
        connection.execute(
            text(
                "INSERT INTO segment (market_id, position, key, name, description, dimension) "
                "SELECT market_id, 1000, key, name || ' again', '', 'type' FROM segment "
                "WHERE market_id = :id AND position = 0"
            ),
            {"id": third},
        )
        connection.execute(text("DELETE FROM market WHERE id = :id"), {"id": first})
    _assert_kept_groups_are_the_rows(database_url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM segment WHERE position = 1000"))
        connection.execute(
            text("DELETE FROM company WHERE id = (SELECT min(company_id) FROM market_company)")
        )
    _assert_kept_groups_are_the_rows(database_url)


@pytest.mark.backend_independent
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.floats(-100, 1000, allow_nan=False)),
            st.integers(min_value=0, max_value=5),
        ),
        max_size=30,
    )
)
def test_sqlites_weighted_median_is_the_median_of_the_values_it_counts(
    histogram: list[tuple[float | None, int]],
) -> None:
    """The aggregate SQLite's groupings take their medians from (app/core/sqlite_functions.py)
    is statistics.median of each value repeated `weight` times, and null for none."""
    connection = sqlite3.connect(":memory:")
    register_sqlite_functions(connection)
    connection.execute("CREATE TABLE histogram (value REAL, weight INTEGER)")
    connection.executemany("INSERT INTO histogram VALUES (?, ?)", histogram)
    (median,) = connection.execute(
        "SELECT weighted_median(value, weight) FROM histogram"
    ).fetchone()
    values = [value for value, weight in histogram if value is not None for _ in range(weight)]
    assert median == (statistics.median(values) if values else None)
