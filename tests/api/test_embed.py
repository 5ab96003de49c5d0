"""GET /markets?embed=: a page of markets with their child lists nested, equal to the
children endpoints, in JSON and NDJSON; CSV refuses to embed."""

import orjson
import pytest
from fastapi.testclient import TestClient

from tests.golden import gold_markets

KINDS = ["segments", "companies", "figures"]


def test_embedded_lists_equal_the_child_endpoints(client: TestClient) -> None:
    page = client.get("/markets", params={"embed": ",".join(KINDS), "limit": 100}).json()
    assert page["total"] == len(gold_markets())
    for item in page["items"]:
        for kind in KINDS:
            child = client.get(f"/markets/{item['slug']}/{kind}", params={"limit": 100}).json()
            assert item[kind] == child["items"], (item["slug"], kind)


def test_embed_follows_the_filter_and_the_page(client: TestClient) -> None:
    page = client.get("/markets", params={"embed": "segments", "min_cagr": 10, "limit": 2}).json()
    assert len(page["items"]) == 2 and page["next"]
    for item in page["items"]:
        assert item["cagr_percent"] >= 10 and item["segments"]
        assert "companies" not in item


def test_embed_with_fields_keeps_the_embedded_lists(client: TestClient) -> None:
    items = client.get("/markets", params={"embed": "companies", "fields": "slug"}).json()["items"]
    assert all(set(item) == {"slug", "companies"} for item in items)


def test_ndjson_embeds_every_row(client: TestClient) -> None:
    response = client.get("/markets", params={"embed": "figures", "format": "ndjson"})
    rows = [orjson.loads(line) for line in response.content.splitlines()]
    assert len(rows) == len(gold_markets())
    for row in rows:
        figures = client.get(f"/markets/{row['slug']}/figures").json()["items"]
        assert row["figures"] == figures


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"embed": "segments", "format": "csv"}, "CSV stays flat"),
        ({"embed": "faqs"}, "unknown value(s) 'faqs'; choose from segments, companies, figures"),
    ],
)
def test_embed_refusals_name_the_parameter(
    client: TestClient, query: dict[str, str], message: str
) -> None:
    response = client.get("/markets", params=query)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["name"] == "embed" and message in error["message"]
