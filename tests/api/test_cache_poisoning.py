"""What one client sends never shapes another's answer: Host and scheme are part of the cache
key (or replaced by PUBLIC_BASE_URL), each representation has its own ETag, and only a 200
may be stored by shared caches."""

import pytest
from fastapi.testclient import TestClient

from app.core.settings import Settings
from app.main import create_app

EVIL = {"Host": "evil.example"}


def _next_link(client: TestClient, **headers: str) -> str:
    response = client.get("/markets", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    link: str = response.json()["next"]
    return link


def test_a_host_header_reaches_only_its_own_sender(seeded_database_url: str) -> None:
    with TestClient(create_app(seeded_database_url)) as client:
        assert _next_link(client, **EVIL).startswith("http://evil.example/")
        assert _next_link(client).startswith("http://testserver/")  # not the cached evil one
        assert _next_link(client, **EVIL).startswith("http://evil.example/")


def test_a_scheme_reaches_only_its_own_sender(client: TestClient) -> None:
    def next_link(base: str) -> str:
        link: str = client.get(f"{base}/markets", params={"limit": 2}).json()["next"]
        return link

    assert next_link("https://testserver").startswith("https://testserver/")
    assert next_link("http://testserver").startswith("http://testserver/")


def test_public_base_url_writes_every_link(seeded_database_url: str) -> None:
    settings = Settings(database_url=seeded_database_url, public_base_url="https://api.example.org")
    with TestClient(create_app(seeded_database_url, settings=settings)) as client:
        assert _next_link(client, **EVIL).startswith("https://api.example.org/markets?")
        market = client.get("/markets", headers=EVIL).json()["items"][0]
        assert market["url"].startswith("https://api.example.org/markets/")


def test_each_representation_has_its_own_etag(client: TestClient) -> None:
    csv = client.get("/markets", headers={"Accept": "text/csv"})
    ndjson = client.get("/markets", headers={"Accept": "application/x-ndjson"})
    json = client.get("/markets")
    etags = {csv.headers["etag"], ndjson.headers["etag"], json.headers["etag"]}
    assert len(etags) == 3
    for response in (csv, ndjson, json):
        assert "Accept" in response.headers["vary"]
    held = {"Accept": "application/x-ndjson", "If-None-Match": csv.headers["etag"]}
    assert client.get("/markets", headers=held).status_code == 200
    held["If-None-Match"] = ndjson.headers["etag"]
    assert client.get("/markets", headers=held).status_code == 304


def test_only_a_200_may_be_stored_by_shared_caches(client: TestClient) -> None:
    redirect = client.get("/markets/", follow_redirects=False, headers=EVIL)
    assert redirect.status_code == 307
    assert redirect.headers["cache-control"] == "no-store"
    assert client.get("/markets").headers["cache-control"].startswith("public")


@pytest.mark.parametrize("path", ["/markets", "/markets?format=csv", "/stats"])
def test_a_304_to_another_origin_keeps_its_cors_headers(client: TestClient, path: str) -> None:
    origin = {"Origin": "https://app.example"}
    first = client.get(path, headers=origin)
    for attempt in range(2):  # the second is answered by the response cache
        held = client.get(path, headers={**origin, "If-None-Match": first.headers["etag"]})
        assert held.status_code == 304, attempt
        assert (
            held.headers["access-control-allow-origin"]
            == first.headers["access-control-allow-origin"]
        )
        assert "ETag" in held.headers["access-control-expose-headers"]
