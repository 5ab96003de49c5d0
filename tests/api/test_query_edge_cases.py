"""Query values that used to mean something other than what the client wrote: a decimal comma,
NaN, and a text query of stop words (which the two databases treated differently)."""

import pytest
from fastapi.testclient import TestClient

from tests.golden import gold_markets, gold_text_mentions


def _error(client: TestClient, query: str) -> dict[str, str]:
    response = client.get(f"/markets?{query}")
    assert response.status_code == 422, response.text
    error: dict[str, str] = response.json()["errors"][0]
    return error


@pytest.mark.parametrize("amount", ["1,5", "1,50M", "2,5B"])
def test_a_decimal_comma_is_refused_as_ambiguous(client: TestClient, amount: str) -> None:
    error = _error(client, f"min_size={amount}")
    assert error["name"] == "min_size" and "ambiguous" in error["message"]


@pytest.mark.parametrize(
    "query", ["min_size=\uff11\uff10", "updated_since=\uff12026-01-01T00:00:00Z"]
)
def test_digits_of_other_scripts_are_refused(client: TestClient, query: str) -> None:
    """Fullwidth "１０" had read as 10: only ASCII digits are numbers here."""
    assert _error(client, query)["name"] == query.split("=")[0]


def test_a_thousands_comma_still_reads(client: TestClient) -> None:
    assert client.get("/markets?min_size=1,500,000").status_code == 200


@pytest.mark.parametrize("value", ["NaN", "nan", "inf", "-Infinity"])
def test_a_cagr_that_is_not_a_number_says_so(client: TestClient, value: str) -> None:
    error = _error(client, f"min_cagr={value}")
    assert error["name"] == "min_cagr" and "finite number" in error["message"]


def _slugs(client: TestClient, q: str) -> list[str]:
    body = client.get("/markets", params={"q": q, "limit": 100}).json()
    return sorted(item["slug"] for item in body["items"])


def test_stop_words_are_ignored_on_both_databases(client: TestClient) -> None:
    assert len(_slugs(client, "the of and")) == len(gold_markets())
    assert _slugs(client, "the leukemia") == gold_text_mentions("leukemia")
