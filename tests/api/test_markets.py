"""GET /markets and /markets/{slug}… through HTTP on the seeded database, against seed-gold."""

import csv
import io
import json
import math
from datetime import UTC, datetime

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from app.main import create_app
from ingest.run import run_ingest
from tests.golden import (
    check_gold_market,
    cross_market,
    gold_market,
    gold_markets,
    gold_slugs,
    gold_text_mentions,
)
from tests.paths import SEEDS_DIR

GOLD = {market["slug"]: market for market in gold_markets()}
CROSS = cross_market()


def slugs(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["slug"] for item in response.json()["items"]]


def test_min_cagr_filter_gives_the_gold_markets(client: TestClient) -> None:
    assert sorted(slugs(client.get("/markets?min_cagr=10"))) == sorted(
        CROSS["markets_with_cagr_at_least_10"]
    )


@pytest.mark.parametrize(
    "query,expected",
    [
        ("company=celgene", CROSS["company_groups"][0]["markets"]),
        ("company=novartis", CROSS["company_groups"][1]["markets"]),
        ("segment=hospital", CROSS["segment_key_markets"]["hospital"]),
        ("segment=research-center", CROSS["segment_key_markets"]["research-center"]),
        ("q=ATMP", gold_text_mentions("ATMP")),
        ("q=bone%20marrow%20tyrosine", gold_text_mentions("bone", "marrow", "tyrosine")),
        (
            "region=united%20states&max_cagr=7",
            gold_slugs(lambda m: m["region"] == "United States" and m["cagr_percent"] <= 7),
        ),
        ("min_size=1.5B&max_size=4000M", gold_slugs(lambda m: 1.5e9 <= m["size_usd"] <= 4e9)),
        ("min_forecast=40e9", gold_slugs(lambda m: m["forecast_usd"] >= 40e9)),
        ("max_forecast=750,000,000", gold_slugs(lambda m: m["forecast_usd"] <= 750e6)),
        ("company=no-such-company", []),
    ],
)
def test_filters(client: TestClient, query: str, expected: list[str]) -> None:
    assert sorted(slugs(client.get(f"/markets?{query}"))) == sorted(expected)


def test_q_is_stemmed_full_text_over_every_text_field(client: TestClient) -> None:
    """`leukemia` is in three markets' text; plural, case and word order do not matter."""
    singular = slugs(client.get("/markets?q=leukemia"))
    assert sorted(singular) == gold_text_mentions("leukemia")
    assert sorted(slugs(client.get("/markets?q=LEUKEMIAS"))) == sorted(singular)
    assert slugs(client.get("/markets?q=marrow%20bone")) == slugs(client.get("/markets?q=bone"))
    assert slugs(client.get("/markets?q=leukemia%20zzzunknown")) == []


@pytest.mark.parametrize("q", ['"', "AND OR NOT", "NEAR(a b)", "col:*", "- --", "it's", "a%26b"])
def test_q_never_reads_user_text_as_query_syntax(client: TestClient, q: str) -> None:
    response = client.get("/markets", params={"q": q})
    assert response.status_code == 200, response.text


def test_q_of_punctuation_only_matches_everything(client: TestClient) -> None:
    assert client.get("/markets?q=%20--%20").json()["total"] == len(GOLD)


def test_sort_both_ways_with_a_stable_tiebreak(client: TestClient) -> None:
    def cagr(slug: str) -> float:
        return float(GOLD[slug]["cagr_percent"])

    # Markets that tie on the CAGR (Blinatumomab and Iclusig, at 10.5%) are in slug order,
    # in both directions.
    assert any(cagr(a) == cagr(b) for a in GOLD for b in GOLD if a < b)
    ascending = slugs(client.get("/markets?sort=cagr_percent"))
    assert ascending == sorted(GOLD, key=lambda slug: (cagr(slug), slug))
    descending = slugs(client.get("/markets?sort=-cagr_percent"))
    assert descending == sorted(GOLD, key=lambda slug: (-cagr(slug), slug))
    by_size_then_name = slugs(client.get("/markets?sort=-size_usd,name"))
    largest = max(GOLD.values(), key=lambda market: market["size_usd"])
    assert by_size_then_name[0] == largest["slug"]


def test_walking_pages_returns_every_market_once(client: TestClient) -> None:
    seen, url, pages = [], "/markets?limit=2&sort=name", 0
    while url:
        response = client.get(url)
        body = response.json()
        assert body["total"] == len(GOLD) and body["limit"] == 2
        seen += [item["slug"] for item in body["items"]]
        url = body["next"]
        if url:
            assert response.headers["link"] == f'<{url}>; rel="next"'
        else:
            assert "link" not in response.headers
        pages += 1
    assert pages == math.ceil(len(GOLD) / 2)
    assert sorted(seen) == sorted(GOLD) and len(seen) == len(set(seen))


def test_csv_export_equals_json(client: TestClient) -> None:
    as_json = client.get("/markets?limit=100").json()["items"]
    response = client.get("/markets?format=csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["slug"] for row in rows] == [item["slug"] for item in as_json]
    for row, item in zip(rows, as_json, strict=True):
        assert row.keys() == item.keys()
        for field, value in item.items():
            assert row[field] == ("" if value is None else str(value))


def test_ndjson_export_and_accept_negotiation(client: TestClient) -> None:
    response = client.get("/markets", headers={"Accept": "application/x-ndjson"})
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert sorted(line["slug"] for line in lines) == sorted(GOLD)
    by_accept = client.get("/markets?fields=slug", headers={"Accept": "text/csv"})
    assert by_accept.text.splitlines()[0] == "slug"


def test_fields_trims_items(client: TestClient) -> None:
    items = client.get("/markets?fields=slug,cagr_percent&limit=1").json()["items"]
    assert list(items[0]) == ["slug", "cagr_percent"]


@pytest.mark.parametrize(
    "query,parameter",
    [
        ("min_cagr=abc", "min_cagr"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("offset=-1", "offset"),
        ("sort=bogus", "sort"),
        ("sort=-size_usd,color", "sort"),
        ("fields=slug,secret", "fields"),
        ("min_size=lots", "min_size"),
        ("format=xml", "format"),
    ],
)
def test_bad_parameters_are_422_problems_naming_the_parameter(
    client: TestClient, query: str, parameter: str
) -> None:
    response = client.get(f"/markets?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422 and problem["title"] and problem["type"]
    assert parameter in problem["detail"]
    assert parameter in [error["name"] for error in problem["errors"]]


def test_unknown_slug_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/markets/no-such-market")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "no market with slug 'no-such-market'"
    for child in ("segments", "companies", "faqs", "projections"):
        assert client.get(f"/markets/no-such-market/{child}").status_code == 404


@pytest.mark.parametrize("slug", sorted(GOLD))
def test_market_detail_matches_gold(client: TestClient, slug: str) -> None:
    market = client.get(f"/markets/{slug}").json()
    check_gold_market(market, GOLD[slug])
    source = market["source"]
    assert len(source["sha256"]) == 64 and source["figure_sentences"]["size"]
    codes = [w["code"] for w in market["quality"]["warnings"]]
    assert ("cagr_mismatch" in codes) == (slug in CROSS["cagr_mismatch_over_1pp"])
    for child in ("segments", "companies", "faqs"):
        page = client.get(market["links"][child], params={"limit": 100}).json()
        assert page["items"] == market[child] and page["total"] == len(market[child])


@pytest.mark.parametrize("child", ["segments", "companies", "faqs", "figures"])
def test_a_markets_children_come_in_the_collection_envelope(client: TestClient, child: str) -> None:
    slug = max(GOLD, key=lambda s: len(GOLD[s]["faqs"]))
    every = client.get(f"/markets/{slug}/{child}", params={"limit": 100}).json()
    assert every["total"] == len(every["items"]) >= 2 and every["next"] is None
    first = client.get(f"/markets/{slug}/{child}", params={"limit": 1})
    assert first.json()["items"] == every["items"][:1] and first.json()["total"] == every["total"]
    following = first.json()["next"]
    assert following and first.headers["link"] == f'<{following}>; rel="next"'
    assert client.get(following).json()["items"] == every["items"][1:2]


def test_detail_companies_carry_the_merged_company(client: TestClient) -> None:
    market = gold_market("united-states-rhabdomyosarcoma-drug")
    group = next(g for g in CROSS["company_groups"] if g["slug"] == "celgene")
    as_given = next(name for name in market["companies"] if name in group["aliases"])
    companies = client.get(f"/markets/{market['slug']}/companies").json()["items"]
    celgene = next(c for c in companies if c["slug"] == group["slug"])
    assert celgene == {
        "slug": group["slug"],
        "name": group["name"],
        "name_as_given": as_given,
        "position": market["companies"].index(as_given),  # from 0, in report order
    }


@pytest.mark.parametrize("child", ["segments", "companies", "faqs", "figures", "editions"])
def test_a_markets_children_take_fields_and_formats(client: TestClient, child: str) -> None:
    slug = max(GOLD, key=lambda s: len(GOLD[s]["faqs"]))
    every = client.get(f"/markets/{slug}/{child}", params={"limit": 100}).json()["items"]
    first_field = next(iter(every[0]))
    picked = client.get(f"/markets/{slug}/{child}", params={"fields": first_field}).json()
    assert picked["items"] == [{first_field: item[first_field]} for item in every][:20]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/markets/{slug}/{child}?format=csv").text)))
    assert len(rows) == len(every) and list(rows[0]) == list(every[0])
    lines = client.get(f"/markets/{slug}/{child}", headers={"Accept": "application/x-ndjson"})
    assert [json.loads(line) for line in lines.text.splitlines()] == every
    bad = client.get(f"/markets/{slug}/{child}", params={"fields": "nope"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["name"] == "fields"


def test_sort_by_updated_at_both_ways(engine: Engine, database_url: str) -> None:
    """SPEC §4's `updated_at` sort: a market written later comes last, then first; ties (one
    ingest writes many markets at once) in slug order both ways."""
    run_ingest([SEEDS_DIR], engine=engine)
    later = sorted(GOLD)[0]  # the first slug, so that the later write moves it
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE market SET updated_at = :at WHERE slug = :slug"),
            {"at": datetime(2031, 1, 1, tzinfo=UTC), "slug": later},
        )
    with TestClient(create_app(database_url)) as client:
        ascending = slugs(client.get("/markets?sort=updated_at"))
        descending = slugs(client.get("/markets?sort=-updated_at"))
        changed = client.get("/markets?updated_since=2030-01-01T00:00:00Z").json()["items"]
    rest = [slug for slug in ascending if slug != later]
    assert ascending[-1] == later and descending[0] == later
    assert rest == sorted(rest) and descending[1:] == sorted(rest)
    assert [item["slug"] for item in changed] == [later]
