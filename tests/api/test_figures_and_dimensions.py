"""Every dated figure, segment dimensions and publishers through the API (SPEC §2 and §4)."""

from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from tests.golden import check_expectations, gold_markets

GOLD = gold_markets()


def test_a_market_lists_its_figures_and_serves_them(client: TestClient) -> None:
    for gold in GOLD:
        want = [
            {"year": gold[f"{kind}_year"], "amount": gold[f"{kind}_usd"], "currency": "USD"}
            for kind in ("size", "forecast")
        ]
        detail = client.get(f"/markets/{gold['slug']}").json()
        assert detail["currency"] == "USD"
        check_expectations(detail, {"figures": want})
        assert all(f["value_usd"] == f["amount"] and f["sentence"] for f in detail["figures"])
        page = client.get(detail["links"]["figures"]).json()
        assert page["total"] == len(want)
        assert page["items"] == detail["figures"]


def test_segments_carry_their_dimension_and_filter_by_it(client: TestClient) -> None:
    keys = {s["key"] for gold in GOLD for s in gold["segments"]}
    along = client.get("/segments", params={"dimension": "application", "limit": 100}).json()
    assert {item["key"] for item in along["items"]} == keys
    assert all(item["dimensions"] == ["application"] for item in along["items"])
    assert client.get("/segments", params={"dimension": "route"}).json()["total"] == 0
    markets = client.get("/markets", params={"dimension": "application"}).json()
    assert markets["total"] == len(GOLD)
    assert client.get("/markets", params={"dimension": "indication"}).json()["total"] == 0


def test_an_unknown_dimension_is_a_422_listing_the_accepted_ones(client: TestClient) -> None:
    response = client.get("/markets", params={"dimension": "colour"})
    assert response.status_code == 422
    assert "end-user" in response.text and "dimension" in response.text


def test_markets_filter_by_publisher_the_domain_of_the_seed_pages(client: TestClient) -> None:
    domain = (urlsplit(GOLD[0]["product_url"]).hostname or "").removeprefix("www.")
    detail = client.get(f"/markets/{GOLD[0]['slug']}").json()
    assert detail["source"]["publisher"] == domain
    found = client.get("/markets", params={"publisher": domain.upper()}).json()
    assert found["total"] == len(GOLD)
    assert client.get("/markets", params={"publisher": "nobody.example"}).json()["total"] == 0
