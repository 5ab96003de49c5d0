"""ETag/304, gzip, CORS, security headers, request ids, offline docs."""

import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.golden import gold_markets


@pytest.mark.parametrize(
    "url",
    [
        "/markets?min_cagr=10",
        "/markets/united-states-iclusig",
        "/segments",
        "/stats",
        "/markets?format=csv",
    ],
)
def test_etag_then_304(client: TestClient, url: str) -> None:
    first = client.get(url)
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('W/"')
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert client.get(url, headers={"If-None-Match": 'W/"other"'}).status_code == 200


def test_cache_control_on_data(client: TestClient) -> None:
    assert client.get("/markets").headers["cache-control"] == "public, max-age=60"
    assert client.get("/markets/nope").headers["cache-control"] == "no-store"


def test_gzip_when_asked(client: TestClient) -> None:
    response = client.get("/markets", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["total"] == len(gold_markets())
    plain = client.get("/markets", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers


@pytest.mark.parametrize(
    ("accept_encoding", "gzipped"),
    [
        ("gzip;q=0", False),
        ("identity;q=1, gzip;q=0", False),
        ("br, gzip;q=0.5", True),
        ("*", True),
        ("*, gzip;q=0", False),
        ("deflate", False),
    ],
)
def test_gzip_follows_the_q_values(client: TestClient, accept_encoding: str, gzipped: bool) -> None:
    response = client.get("/markets", headers={"Accept-Encoding": accept_encoding})
    assert response.status_code == 200
    assert (response.headers.get("content-encoding") == "gzip") is gzipped
    assert "accept-encoding" in response.headers["vary"].lower()


def test_cors_preflight_and_simple_get(client: TestClient) -> None:
    preflight = client.options(
        "/markets",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in preflight.headers
    response = client.get("/markets", headers={"Origin": "https://app.example"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "ETag" in response.headers["access-control-expose-headers"]


def test_a_refused_preflight_is_a_problem_naming_what_is_refused(client: TestClient) -> None:
    preflight = client.options(
        "/markets",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "DELETE"},
    )
    assert preflight.status_code == 400
    assert preflight.headers["content-type"] == "application/problem+json"
    assert "method" in preflight.json()["detail"]


def test_a_405_allows_head_too(client: TestClient) -> None:
    response = client.post("/markets")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert client.head("/markets").status_code == 200


def test_a_304_keeps_the_security_headers(client: TestClient) -> None:
    etag = client.get("/markets").headers["etag"]
    revalidated = client.get("/markets", headers={"If-None-Match": etag})
    assert revalidated.status_code == 304
    assert revalidated.headers["x-content-type-options"] == "nosniff"


def test_security_headers_and_request_id(client: TestClient) -> None:
    response = client.get("/markets", headers={"X-Request-ID": "trace-123"})
    assert response.headers["x-request-id"] == "trace-123"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    generated = client.get("/markets", headers={"X-Request-ID": "bad id\twith spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", generated.headers["x-request-id"])


def access_lines(captured: str, request_id: str) -> list[dict[str, Any]]:
    """The JSON access-log lines (written straight to stderr) of one request id."""
    lines = [json.loads(line) for line in captured.splitlines() if line.startswith("{")]
    return [line for line in lines if line.get("request_id") == request_id]


def test_one_structured_log_line_per_request(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    client.get("/markets?min_cagr=10", headers={"X-Request-ID": "log-check"})
    lines = access_lines(capsys.readouterr().err, "log-check")
    assert len(lines) == 1
    assert lines[0]["status"] == 200 and lines[0]["route"] == "/markets"


def test_a_cache_hit_gets_its_own_request_id_log_line_and_304(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "/markets?min_cagr=11.25"
    etag = client.get(url).headers["etag"]  # a miss: stored
    capsys.readouterr()
    hit = client.get(url, headers={"X-Request-ID": "hit-1"})
    again = client.get(url, headers={"X-Request-ID": "hit-2", "If-None-Match": etag})
    assert hit.status_code == 200 and hit.headers["x-request-id"] == "hit-1"
    assert hit.headers["etag"] == etag and "nosniff" in hit.headers["x-content-type-options"]
    assert again.status_code == 304 and again.content == b""
    assert again.headers["x-request-id"] == "hit-2" and again.headers["etag"] == etag
    captured = capsys.readouterr().err
    assert [line["status"] for line in access_lines(captured, "hit-1")] == [200]
    assert [line["status"] for line in access_lines(captured, "hit-2")] == [304]
    assert access_lines(captured, "hit-2")[0]["route"] == "/markets"


def test_docs_are_served_without_a_cdn(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        asset_urls = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert asset_urls, page
        for url in asset_urls:
            assert url.startswith("/"), f"{page} loads {url} from elsewhere"
            assert client.get(url).status_code == 200


def test_openapi_documents_every_parameter(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                where = f"{path} {parameter['name']}"
                assert parameter.get("description"), where
                assert (
                    parameter.get("examples")
                    or parameter.get("example")
                    or (parameter["schema"].get("examples"))
                ), where
    assert "422" in schema["paths"]["/markets"]["get"]["responses"]


def _is_scalar(prop: dict[str, Any]) -> bool:
    options = prop.get("anyOf", [prop])
    return any(option.get("type") in ("string", "integer", "number") for option in options)


def test_openapi_describes_every_field_with_examples_for_values(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    undocumented, without_example = [], []
    for name, component in schemas.items():
        for field, prop in component.get("properties", {}).items():
            if "description" not in prop:
                undocumented.append(f"{name}.{field}")
            if _is_scalar(prop) and "examples" not in prop and "enum" not in prop:
                without_example.append(f"{name}.{field}")
    assert undocumented == []
    assert without_example == []


def test_nothing_a_client_sends_is_a_500(client: TestClient) -> None:
    for url in (
        "/markets?q=%00%ff",
        "/markets?min_size=99999999999999999999999T",
        "/markets/%2e%2e",
        "/projections?year=99999",
        "/faqs?q=" + "x" * 5000,
        "/markets?sort=,,,",
        "/markets?fields=,",
    ):
        assert client.get(url).status_code < 500, url


@pytest.mark.parametrize(
    "path", ["/markets", "/markets?format=csv", "/markets/united-states-iclusig", "/stats"]
)
def test_head_answers_as_get_without_a_body(client: TestClient, path: str) -> None:
    for attempt in range(2):  # the second GET is answered by the response cache
        got = client.get(path)
        head = client.head(path)
        assert head.status_code == got.status_code == 200, attempt
        assert head.content == b""
        assert head.headers["etag"] == got.headers["etag"]
        assert head.headers["content-type"] == got.headers["content-type"]


def test_head_of_a_missing_market_is_a_404_without_a_body(client: TestClient) -> None:
    head = client.head("/markets/no-such-market")
    assert head.status_code == 404 and head.content == b""
