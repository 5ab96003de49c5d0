"""Every listed read runs on indexes (SQLite's EXPLAIN QUERY PLAN): no query both scans a whole
table and sorts the result in a temporary B-tree, the plan that grows with the dataset.

Without `ANALYZE` statistics SQLite plans the same way at 5 markets as at 100,000, so the
seeds are enough to see the plan. PostgreSQL's plans are checked by hand with EXPLAIN ANALYZE
(bench/README.md)."""

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import SQLModel

from app.main import create_app
from app.repositories import companies, markets
from tests.golden import cross_market, gold_text_mentions

CROSS = cross_market()

# EXPLAIN QUERY PLAN is SQLite's: the PostgreSQL run deselects these (tests/conftest.py);
# PostgreSQL's plans were checked by hand with EXPLAIN ANALYZE at 100,000 markets.
sqlite_only = pytest.mark.sqlite_only

SLUG = "united-states-iclusig"
SORTS = markets.MARKET_SORT.fields
URLS = [
    "/markets?q=leukemia",
    "/markets?segment=hospital",
    "/markets?company=celgene",
    "/markets?dimension=application",
    "/markets?region=united%20states",
    "/markets?min_cagr=5",
    "/markets?min_size=100M&max_size=50B",
    "/markets?min_forecast=1B",
    *(f"/markets?sort={sign}{key}" for key in SORTS for sign in ("", "-")),
    f"/markets/{SLUG}",
    f"/markets/{SLUG}/segments",
    f"/markets/{SLUG}/companies",
    f"/markets/{SLUG}/faqs",
    f"/markets/{SLUG}/figures",
    "/projections?year=2027",
    "/projections?year=2027&sort=name",
    "/segments",
    "/segments?sort=-market_count",
    "/segments/hospital",
    "/companies",
    "/companies?q=pharma",
    "/companies/celgene",
    "/faqs?q=insurance",
    "/faqs",
]
_TABLES = frozenset(SQLModel.metadata.tables)
_FULL_SCAN = re.compile(r"^SCAN (\w+)(?! USING)")
_WHOLE_SORT = re.compile(r"(?<!Incremental )\bSort  \(cost")


@pytest.fixture
def statements(seeded_database_url: str) -> Iterator[tuple[TestClient, list[tuple[str, Any]]]]:
    app = create_app(seeded_database_url)
    seen: list[tuple[str, Any]] = []
    with TestClient(app, raise_server_exceptions=False) as client:
        engine: Engine = app.state.engine

        @event.listens_for(engine, "before_cursor_execute")
        def _record(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                seen.append((statement, parameters))

        yield client, seen


def _plan(engine: Engine, statement: str, parameters: Any) -> list[str]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    return [row[-1] for row in rows]


def _full_scan_and_sort(plan: list[str]) -> bool:
    scanned = {m[1] for line in plan if (m := _FULL_SCAN.match(line)) and m[1] in _TABLES}
    return bool(scanned) and any("USE TEMP B-TREE FOR ORDER BY" in line for line in plan)


@sqlite_only
@pytest.mark.parametrize("url", URLS)
def test_no_listed_query_scans_a_table_and_sorts_it(
    statements: tuple[TestClient, list[tuple[str, Any]]], url: str
) -> None:
    client, seen = statements
    seen.clear()
    response = client.get(url, headers={"Origin": f"http://plan-{url}.invalid"})
    assert response.status_code == 200, response.text
    engine = client.app.state.engine  # type: ignore[attr-defined]
    assert seen, "the request ran no query (answered from the cache?)"
    for statement, parameters in seen:
        plan = _plan(engine, statement, parameters)
        assert not _full_scan_and_sort(plan), f"{url}:\n{statement}\n" + "\n".join(plan)


FILTERED = [url for url in URLS if url.startswith("/markets?") and "sort=" not in url]


@sqlite_only
@pytest.mark.parametrize(
    "url", [f"{url}&sort={key}" for url in FILTERED for key in ("name", "-cagr_percent")]
)
def test_a_broad_filter_walks_an_index_too(
    statements: tuple[TestClient, list[tuple[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
) -> None:
    monkeypatch.setattr(markets, "_broad", lambda *_a, **_k: True)
    test_no_listed_query_scans_a_table_and_sorts_it(statements, url)


@pytest.mark.parametrize("url", [*FILTERED, "/markets?q=leukemia&min_cagr=5&sort=-size_usd"])
def test_a_broad_filter_walks_the_sort_index_to_the_same_answer(
    seeded_database_url: str, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    """A page of a broad filter is read along the sort's index (filters unindexed), of a
    narrow one by its filters' indexes: both give the same items."""
    answers = []
    for broad in (False, True):
        monkeypatch.setattr(markets, "_broad", lambda *_a, broad=broad, **_k: broad)
        with TestClient(create_app(seeded_database_url)) as client:
            response = client.get(f"{url}&limit=2&offset=1")
            assert response.status_code == 200, response.text
            answers.append(response.json()["items"])
    assert answers[0] == answers[1] and answers[0]


@sqlite_only
def test_the_check_sees_a_full_scan_and_sort() -> None:
    assert _full_scan_and_sort(["SCAN market", "USE TEMP B-TREE FOR ORDER BY"])
    assert not _full_scan_and_sort(["SCAN market USING INDEX ix_market_name"])
    assert not _full_scan_and_sort(["SCAN anchors", "USE TEMP B-TREE FOR ORDER BY"])


@pytest.mark.parametrize("q", ["market", "leukemia", "market leukemia", "bone marrow"])
@pytest.mark.parametrize("walk", [False, True])
@pytest.mark.parametrize("also", ["", "&min_cagr=0"])
def test_q_is_counted_and_paged_alike_on_every_plan(
    seeded_database_url: str, monkeypatch: pytest.MonkeyPatch, q: str, walk: bool, also: str
) -> None:
    """`q` alone is counted from the full-text index (SQLite: its list of markets), with
    other filters over the markets; a page is read by the matches or by walking the sort's
    index (`walk`), testing each market. Every plan gives seed-gold's markets."""
    monkeypatch.setattr(markets, "_broad", lambda *_a, **_k: walk)
    expected = gold_text_mentions(*q.split())
    with TestClient(create_app(seeded_database_url)) as client:
        body = client.get(f"/markets?q={q}{also}&limit=100&fields=slug").json()
        page = client.get(f"/markets?q={q}{also}&limit=2&offset=1&sort=name&fields=slug").json()
        by_name = client.get(f"/markets?q={q}{also}&limit=100&sort=name&fields=slug").json()
        streamed = client.get(f"/markets?q={q}{also}&format=ndjson&fields=slug").text
    assert sorted(item["slug"] for item in body["items"]) == expected
    assert sorted(json.loads(line)["slug"] for line in streamed.splitlines()) == expected
    assert body["total"] == page["total"] == len(expected)
    assert page["items"] == by_name["items"][1:3]


@pytest.mark.parametrize("walk", [False, True])
def test_a_companys_markets_are_the_same_walked_or_sorted(
    seeded_database_url: str, monkeypatch: pytest.MonkeyPatch, walk: bool
) -> None:
    """A company's page of markets is read along the slug index or from its links: both give
    every market once, by slug, with its first listing."""
    answers = []
    for walks in (False, True):
        monkeypatch.setattr(companies, "walks_sooner", lambda *, walks=walks, **_k: walks)
        with TestClient(create_app(seeded_database_url)) as client:
            pages = [
                client.get(f"/companies/{group['slug']}?limit=1&offset={offset}").json()
                for group in CROSS["company_groups"]
                for offset in range(len(group["markets"]) + 1)
            ]
            answers.append([page["markets"]["items"] for page in pages])
    assert answers[0] == answers[1]
    firsts = [items for items in answers[0] if items]
    assert len(firsts) == sum(len(group["markets"]) for group in CROSS["company_groups"])


def test_faq_matches_are_counted_by_the_index_as_listed(client: TestClient) -> None:
    for q in ("insurance", "covered insurance", "leukemia", "zzzunknown"):
        body = client.get("/faqs", params={"q": q, "limit": 100}).json()
        assert body["total"] == len(body["items"])
        for market in {item["market"] for item in body["items"]}:
            one = client.get("/faqs", params={"q": q, "market": market, "limit": 100}).json()
            assert one["items"] == [item for item in body["items"] if item["market"] == market]
            assert one["total"] == len(one["items"])


def _postgresql_plan(engine: Engine, statement: str, parameters: Any) -> str:
    """The plan PostgreSQL picks when sorting is made to cost more than anything else: a Sort
    node left in it means no index gives the order (an Incremental Sort of the ties on slug
    after an index's order is fine)."""
    with engine.connect() as connection:
        connection.exec_driver_sql("SET enable_sort = off")
        rows = connection.exec_driver_sql(f"EXPLAIN {statement}", parameters).all()
    return "\n".join(row[0] for row in rows)


@pytest.mark.postgresql_only
@pytest.mark.parametrize("url", [f"/markets?sort={sign}{key}" for key in SORTS for sign in "+-"])
def test_every_market_sort_is_read_from_an_index_on_postgresql(
    statements: tuple[TestClient, list[tuple[str, Any]]], url: str
) -> None:
    client, seen = statements
    seen.clear()
    response = client.get(url.replace("+", ""), headers={"Origin": f"http://pg-{url}.invalid"})
    assert response.status_code == 200, response.text
    engine = client.app.state.engine  # type: ignore[attr-defined]
    page = [(s, p) for s, p in seen if "ORDER BY" in s]
    assert page, "the request ran no sorted query (answered from the cache?)"
    for statement, parameters in page:
        plan = _postgresql_plan(engine, statement, parameters)
        assert not _WHOLE_SORT.search(plan), f"{url}:\n{plan}"


@pytest.mark.postgresql_only
def test_postgresql_text_search_prices_sequential_scans_out_for_its_transaction(
    engine: Engine,
) -> None:
    """A statement with a full-text condition steers its transaction to the GIN indexes
    (app/core/db.py): a common word otherwise had every row's tsvector computed (34 s at
    100,000 markets). Other transactions keep the planner's defaults."""
    with engine.begin() as connection:
        assert connection.exec_driver_sql("SHOW enable_seqscan").scalar() == "on"
        connection.exec_driver_sql("SELECT plainto_tsquery('english', 'clinics')")
        assert connection.exec_driver_sql("SHOW enable_seqscan").scalar() == "off"
        assert connection.exec_driver_sql("SHOW work_mem").scalar() == "32MB"
    with engine.begin() as connection:
        assert connection.exec_driver_sql("SHOW enable_seqscan").scalar() == "on"
        assert connection.exec_driver_sql("SHOW jit").scalar() == "off"
