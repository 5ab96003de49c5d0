"""What a client gets for a query it got wrong, and how the OpenAPI document describes the
parameters (issue 18: unknown parameters, 422s in words, Accept with q-values)."""

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.exports import spool_csv
from tests.golden import gold_markets

GET_URLS = [
    "/markets",
    "/markets/united-states-iclusig",
    "/markets/united-states-iclusig/segments",
    "/markets/united-states-iclusig/projections",
    "/projections?year=2027",
    "/segments",
    "/companies",
    "/faqs",
    "/stats",
    "/meta",
    "/healthz",
]


def _join(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


@pytest.mark.parametrize("url", GET_URLS)
def test_an_unknown_query_parameter_is_a_422_naming_it(client: TestClient, url: str) -> None:
    response = client.get(_join(url, "min_cagr_typo=10"))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert [error["name"] for error in problem["errors"]] == ["min_cagr_typo"]
    assert problem["errors"][0]["location"] == "query"
    assert "unknown parameter" in problem["errors"][0]["message"]


def test_the_422_suggests_the_parameter_meant_and_lists_the_accepted_ones(
    client: TestClient,
) -> None:
    message = client.get("/markets?min_cagr_typo=10").json()["errors"][0]["message"]
    assert "did you mean 'min_cagr'?" in message
    for accepted in ("min_cagr", "max_forecast", "sort", "fields", "format", "limit"):
        assert accepted in message


@pytest.mark.parametrize(
    "query",
    ["company=celgene&company=novartis", "min_cagr=10&min_cagr=5", "fields=slug&fields=name"],
)
def test_a_parameter_given_twice_is_a_422_naming_it(client: TestClient, query: str) -> None:
    response = client.get(f"/markets?{query}")
    assert response.status_code == 422, response.text
    assert [error["name"] for error in response.json()["errors"]] == [query.split("=")[0]]


def test_a_thousand_unknown_parameters_get_ten_errors_and_a_count(client: TestClient) -> None:
    response = client.get("/markets?" + "&".join(f"p{number}" for number in range(1000)))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [error["name"] for error in errors] == [f"p{number}" for number in range(10)]
    assert "990 more" in errors[-1]["message"] and len(response.content) < 20_000


def test_the_explorer_ignores_parameters_it_does_not_read(client: TestClient) -> None:
    """A person follows links with tracking parameters; the API refuses what it cannot read."""
    for url in ("/explore", "/explore/markets/united-states-iclusig"):
        response = client.get(f"{url}?utm_source=newsletter")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")


def test_declared_parameters_are_still_accepted(client: TestClient) -> None:
    response = client.get("/markets?min_cagr=10&limit=2&offset=0&sort=name&fields=slug")
    assert response.status_code == 200
    assert response.json()["total"] == sum(
        1 for m in gold_markets() if (m["cagr_percent"] or 0) >= 10
    )


@pytest.mark.parametrize("parameter", ["q", "region", "publisher", "sort", "limit"])
def test_nul_in_any_query_value_is_a_422_naming_it(client: TestClient, parameter: str) -> None:
    response = client.get(f"/markets?{parameter}=a%00b")
    assert response.status_code == 422
    assert response.json()["errors"][0]["name"] == parameter


@pytest.mark.parametrize(
    ("query", "name", "words"),
    [
        ("sort=bogus", "sort", "cannot sort by 'bogus'; use name, cagr_percent"),
        ("fields=slug,bogus", "fields", "unknown value(s) 'bogus'; choose from slug"),
        ("dimension=bogus", "dimension", "'application', 'type'"),
        ("min_size=1,5B", "min_size", "ambiguous"),
    ],
)
def test_422s_are_in_words_not_regexes(
    client: TestClient, query: str, name: str, words: str
) -> None:
    problem = client.get(f"/markets?{query}").json()
    assert problem["status"] == 422
    error = problem["errors"][0]
    assert error["name"] == name and words in error["message"]
    assert "pattern" not in error["message"] and "^" not in error["message"]


def test_spaces_around_list_items_are_accepted(client: TestClient) -> None:
    spaced = client.get("/markets?fields=slug, name&sort=-cagr_percent , name")
    tight = client.get("/markets?fields=slug,name&sort=-cagr_percent,name")
    assert spaced.status_code == tight.status_code == 200
    assert spaced.json()["items"] == tight.json()["items"]
    assert list(spaced.json()["items"][0]) == ["slug", "name"]


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv;q=0.1, application/json", "application/json"),
        ("application/json;q=0.5, text/csv", "text/csv"),
        ("application/x-ndjson;q=0.9, text/csv;q=0.5", "application/x-ndjson"),
        ("text/*", "text/csv"),
        ("*/*", "application/json"),
        ("text/html", "application/json"),
    ],
)
def test_accept_is_negotiated_with_its_q_values(
    client: TestClient, accept: str, media_type: str
) -> None:
    response = client.get("/markets", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type


def test_format_overrides_accept(client: TestClient) -> None:
    response = client.get("/markets?format=json", headers={"Accept": "text/csv"})
    assert response.headers["content-type"].split(";")[0] == "application/json"


def _parameters(client: TestClient) -> list[dict[str, Any]]:
    spec = client.get("/openapi.json").json()
    return [
        parameter
        for operations in spec["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
    ]


def test_openapi_parameters_are_one_type_with_their_example_on_the_parameter(
    client: TestClient,
) -> None:
    parameters = _parameters(client)
    assert len(parameters) > 30
    for parameter in parameters:
        schema = json.dumps(parameter["schema"])
        assert '"null"' not in schema, parameter
        assert "\\\\x00" not in schema, parameter  # the NUL regex is not shown
        if parameter["schema"].get("examples"):
            assert parameter["example"] == parameter["schema"]["examples"][0], parameter


def test_errors_are_documented_as_the_problem_json_they_are_sent_as(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    errors = [
        response
        for operations in spec["paths"].values()
        for operation in operations.values()
        for status, response in operation["responses"].items()
        if status.startswith(("4", "5"))
    ]
    assert errors
    for response in errors:
        content = response["content"]
        assert list(content) == ["application/problem+json"], content
        assert content["application/problem+json"]["schema"]["$ref"].endswith("/Problem")


def test_comma_lists_are_documented_as_arrays_of_their_values(client: TestClient) -> None:
    markets = {
        p["name"]: p
        for p in client.get("/openapi.json").json()["paths"]["/markets"]["get"]["parameters"]
    }
    for name, value in (("sort", "-cagr_percent"), ("fields", "cagr_percent")):
        parameter = markets[name]
        assert parameter["style"] == "form" and parameter["explode"] is False
        assert parameter["schema"]["type"] == "array"
        assert value in parameter["schema"]["items"]["enum"]
        assert "pattern" not in parameter["schema"]


@pytest.mark.backend_independent
def test_csv_cells_a_spreadsheet_would_run_are_neutralised() -> None:
    rows: list[dict[str, Any]] = [
        {"name": '=HYPERLINK("http://x")', "note": "+1", "size": -5, "cagr": -2.5},
        {"name": "@SUM(A1)", "note": "-3 left", "size": 10, "cagr": 1.5},
        {"name": "\tTabbed", "note": "\rreturn", "size": None, "cagr": None},
        {"name": "Plain - fine", "note": "a=b", "size": 0, "cagr": 0.0},
    ]
    with spool_csv(iter(rows), ["name", "note", "size", "cagr"]) as spool:
        read = list(csv.DictReader(io.StringIO(spool.read().decode())))
    assert [row["name"] for row in read] == [
        '\'=HYPERLINK("http://x")',
        "'@SUM(A1)",
        "'\tTabbed",
        "Plain - fine",
    ]
    assert [row["note"] for row in read] == ["'+1", "'-3 left", "'\rreturn", "a=b"]
    # Numbers stay numbers, negative ones included.
    assert [row["size"] for row in read] == ["-5", "10", "", "0"]
    assert [row["cagr"] for row in read] == ["-2.5", "1.5", "", "0.0"]
