"""GET /markets and /markets/{slug}… through HTTP on the seeded database, against seed-gold."""

import csv
import io
import json

import pytest

from tests.paths import seed_gold

GOLD = {market["slug"]: market for market in seed_gold()["markets"]}
CROSS = seed_gold()["cross_market"]


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["slug"] for item in response.json()["items"]]


def test_min_cagr_filter_gives_the_gold_markets(client):
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
        ("q=ATMP", ["united-states-advanced-therapy-medicinal-products"]),
        ("q=bone%20marrow%20tyrosine", ["united-states-iclusig"]),
        ("region=united%20states&max_cagr=7", ["united-states-rhabdomyosarcoma-drug"]),
        (
            "min_size=1.5B&max_size=4000M",
            ["united-states-blinatumomab", "united-states-t-cells-leukemia-treatment"],
        ),
        ("min_forecast=40e9", ["united-states-advanced-therapy-medicinal-products"]),
        ("max_forecast=750,000,000", ["united-states-rhabdomyosarcoma-drug"]),
        ("company=no-such-company", []),
    ],
)
def test_filters(client, query, expected):
    assert sorted(slugs(client.get(f"/markets?{query}"))) == sorted(expected)


def test_q_is_stemmed_full_text_over_every_text_field(client):
    """`leukemia` is in three titles; plural, case and word order do not matter."""
    singular = slugs(client.get("/markets?q=leukemia"))
    assert len(singular) == 3
    assert sorted(slugs(client.get("/markets?q=LEUKEMIAS"))) == sorted(singular)
    assert slugs(client.get("/markets?q=marrow%20bone")) == slugs(client.get("/markets?q=bone"))
    assert slugs(client.get("/markets?q=leukemia%20zzzunknown")) == []


@pytest.mark.parametrize("q", ['"', "AND OR NOT", "NEAR(a b)", "col:*", "- --", "it's", "a%26b"])
def test_q_never_reads_user_text_as_query_syntax(client, q):
    response = client.get("/markets", params={"q": q})
    assert response.status_code == 200, response.text


def test_q_of_punctuation_only_matches_everything(client):
    assert client.get("/markets?q=%20--%20").json()["total"] == 5


def test_sort_both_ways_with_a_stable_tiebreak(client):
    ascending = slugs(client.get("/markets?sort=cagr_percent"))
    cagrs = [GOLD[slug]["cagr_percent"] for slug in ascending]
    assert cagrs == sorted(cagrs)
    # Blinatumomab and Iclusig tie at 10.5%: slug breaks the tie, in both directions.
    assert ascending.index("united-states-blinatumomab") < ascending.index("united-states-iclusig")
    descending = slugs(client.get("/markets?sort=-cagr_percent"))
    assert [GOLD[s]["cagr_percent"] for s in descending] == sorted(cagrs, reverse=True)
    assert descending.index("united-states-blinatumomab") < descending.index(
        "united-states-iclusig"
    )
    by_size_then_name = slugs(client.get("/markets?sort=-size_usd,name"))
    assert by_size_then_name[0] == "united-states-advanced-therapy-medicinal-products"


def test_walking_pages_returns_every_market_once(client):
    seen, url, pages = [], "/markets?limit=2&sort=name", 0
    while url:
        response = client.get(url)
        body = response.json()
        assert body["total"] == 5 and body["limit"] == 2
        seen += [item["slug"] for item in body["items"]]
        url = body["next"]
        if url:
            assert response.headers["link"] == f'<{url}>; rel="next"'
        else:
            assert "link" not in response.headers
        pages += 1
    assert pages == 3
    assert sorted(seen) == sorted(GOLD) and len(seen) == len(set(seen))


def test_csv_export_equals_json(client):
    as_json = client.get("/markets?limit=100").json()["items"]
    response = client.get("/markets?format=csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["slug"] for row in rows] == [item["slug"] for item in as_json]
    for row, item in zip(rows, as_json, strict=True):
        assert row.keys() == item.keys()
        for field, value in item.items():
            assert row[field] == ("" if value is None else str(value))


def test_ndjson_export_and_accept_negotiation(client):
    response = client.get("/markets", headers={"Accept": "application/x-ndjson"})
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert sorted(line["slug"] for line in lines) == sorted(GOLD)
    by_accept = client.get("/markets?fields=slug", headers={"Accept": "text/csv"})
    assert by_accept.text.splitlines()[0] == "slug"


def test_fields_trims_items(client):
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
def test_bad_parameters_are_422_problems_naming_the_parameter(client, query, parameter):
    response = client.get(f"/markets?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422 and problem["title"] and problem["type"]
    assert parameter in problem["detail"]
    assert parameter in [error["name"] for error in problem["errors"]]


def test_unknown_slug_is_a_404_problem(client):
    response = client.get("/markets/no-such-market")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "no market with slug 'no-such-market'"
    for child in ("segments", "companies", "faqs", "projections"):
        assert client.get(f"/markets/no-such-market/{child}").status_code == 404


@pytest.mark.parametrize("slug", sorted(GOLD))
def test_market_detail_matches_gold(client, slug):
    gold = GOLD[slug]
    market = client.get(f"/markets/{slug}").json()
    for field in (
        "title",
        "name",
        "region",
        "size_usd",
        "size_year",
        "forecast_usd",
        "forecast_year",
        "cagr_percent",
        "cagr_start_year",
        "cagr_end_year",
        "implied_cagr_percent",
        "regions_covered",
    ):
        assert market[field] == gold[field], field
    assert market["summary"].startswith(gold["summary_startswith"])
    assert [(s["key"], s["name"]) for s in market["segments"]] == [
        (s["key"], s["name"]) for s in gold["segments"]
    ]
    assert [c["name_as_given"] for c in market["companies"]] == gold["companies"]
    assert [(f["question"], f["answer"]) for f in market["faqs"]] == [
        (f["question"], f["answer"]) for f in gold["faqs"]
    ]
    assert len(market["trends"]) == len(gold["trend_startswith"])
    assert len(market["opportunities"]) == len(gold["opportunity_startswith"])
    source = market["source"]
    assert (source["report_id"], source["product_url"], source["sample_url"], source["file"]) == (
        gold["report_id"],
        gold["product_url"],
        gold["sample_url"],
        gold["file"],
    )
    assert len(source["sha256"]) == 64 and source["figure_sentences"]["size"]
    codes = [w["code"] for w in market["quality"]["warnings"]]
    assert ("cagr_mismatch" in codes) == (slug in CROSS["cagr_mismatch_over_1pp"])
    assert client.get(market["links"]["segments"]).json() == market["segments"]
    assert client.get(market["links"]["companies"]).json() == market["companies"]
    assert client.get(market["links"]["faqs"]).json() == market["faqs"]


def test_detail_companies_carry_the_merged_company(client):
    companies = client.get("/markets/united-states-rhabdomyosarcoma-drug/companies").json()
    celgene = next(c for c in companies if c["slug"] == "celgene")
    assert celgene == {
        "slug": "celgene",
        "name": "Celgene",
        "name_as_given": "Celgene Corp",
        "position": 3,
    }
