"""OWASP API Top 10 where it applies: every write route needs the token (found by walking the
route table, so a new route cannot slip through), bounded inputs, no internals in errors."""

import re
from collections.abc import Iterator
from typing import NoReturn

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute

from app.core.settings import Settings
from app.main import create_app

TOKEN = "security-walk-token"


@pytest.fixture(scope="module")
def guarded(seeded_database_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=seeded_database_url, admin_token=TOKEN)
    with TestClient(create_app(seeded_database_url, settings=settings)) as client:
        yield client


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "united-states-iclusig", path)


def all_routes(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """Every endpoint, through included routers (FastAPI keeps them as nested route objects)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route
        elif (router := getattr(route, "original_router", None)) is not None:
            # FastAPI's private _IncludedRouter: read by its attributes, not by its type.
            context = getattr(route, "include_context", None)
            nested_prefix = prefix + (getattr(context, "prefix", "") or "")
            yield from all_routes(router.routes, nested_prefix)


def app_routes(client: TestClient) -> list[BaseRoute]:
    assert isinstance(client.app, FastAPI)
    return client.app.routes


def write_or_admin_routes(client: TestClient) -> list[tuple[str, str]]:
    found = []
    for path, route in all_routes(app_routes(client)):
        for method in route.methods or ():
            if method not in {"GET", "HEAD"} or path.startswith("/admin"):
                found.append((method, concrete(path)))
    return found


def test_the_walk_finds_every_documented_operation(guarded: TestClient) -> None:
    walked = {
        (method.lower(), path)
        for path, route in all_routes(app_routes(guarded))
        for method in route.methods or ()
    }
    documented = {
        (method, path)
        for path, operations in guarded.get("/openapi.json").json()["paths"].items()
        for method in operations
    }
    assert documented <= walked
    routes = write_or_admin_routes(guarded)
    assert ("POST", "/admin/reports") in routes
    assert ("DELETE", "/admin/markets/united-states-iclusig") in routes


@pytest.mark.parametrize("authorization,status", [(None, 401), ("Bearer not-the-token", 403)])
def test_every_write_and_admin_route_refuses_without_the_token(
    guarded: TestClient, authorization: str | None, status: int
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    for method, path in write_or_admin_routes(guarded):
        response = guarded.request(method, path, headers=headers, content=b"<h1>x</h1>")
        assert response.status_code == status, (method, path)
    assert guarded.get("/markets/united-states-iclusig").status_code == 200  # nothing removed


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "POST"])
def test_read_routes_accept_no_other_method(guarded: TestClient, method: str) -> None:
    assert guarded.request(method, "/markets").status_code == 405


@pytest.mark.parametrize(
    "query,parameter",
    [
        ("limit=101", "limit"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("sort=password", "sort"),
        ("sort=name,-secret", "sort"),
        ("fields=slug,search_text", "fields"),
        ("fields=__class__", "fields"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bounds_and_unknown_names_are_422_naming_the_parameter(
    guarded: TestClient, query: str, parameter: str
) -> None:
    response = guarded.get(f"/markets?{query}")
    assert response.status_code == 422
    assert [error["name"] for error in response.json()["errors"]] == [parameter]


def test_an_unexpected_error_shows_no_trace_and_no_path(
    seeded_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> NoReturn:
        raise RuntimeError("boom in /work/main/app/repositories/markets.py line 42")

    monkeypatch.setattr("app.api.routes.markets.repository.list_markets", broken)
    with TestClient(create_app(seeded_database_url), raise_server_exceptions=False) as client:
        response = client.get("/markets?limit=7")
    assert response.status_code == 500
    body = response.text
    assert response.json()["type"].endswith("/internal-error")
    for leak in ("Traceback", "boom", "/work/", ".py", "RuntimeError"):
        assert leak not in body


def test_security_headers_and_cors_without_credentials(guarded: TestClient) -> None:
    response = guarded.get(
        "/markets", headers={"Origin": "https://evil.example", "Cookie": "session=1"}
    )
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "access-control-allow-credentials" not in response.headers
    preflight = guarded.options(
        "/admin/reports",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "POST" not in preflight.headers.get("access-control-allow-methods", "")
