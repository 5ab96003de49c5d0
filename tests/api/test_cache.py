"""The response cache: one representation per request variant, and never staler than a second
after a write made by any process."""

import asyncio
import time

import pytest
from fastapi.testclient import TestClient
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core import cache
from app.core.db import prepare_database
from app.core.observe import Metrics, RequestObserver
from app.main import create_app
from ingest.run import run_ingest
from tests.golden import gold_markets
from tests.paths import SEEDS_DIR


def test_cached_answers_keep_each_representation_apart(client: TestClient) -> None:
    for _ in range(2):  # the second round is answered from the cache
        gzipped = client.get("/markets?limit=50", headers={"Accept-Encoding": "gzip"})
        plain = client.get("/markets?limit=50", headers={"Accept-Encoding": "identity"})
        csv = client.get("/markets?limit=50", headers={"Accept": "text/csv"})
        assert gzipped.headers["content-encoding"] == "gzip"
        assert "content-encoding" not in plain.headers
        assert csv.headers["content-type"].startswith("text/csv")
        assert gzipped.json() == plain.json()
        assert gzipped.headers["x-request-id"] != plain.headers["x-request-id"]


def test_a_write_by_another_process_is_served_within_a_second(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        assert client.get("/markets").json()["total"] == 0
        assert client.get("/markets").json()["total"] == 0  # now cached
        writer = prepare_database(database_url)  # not through this app
        run_ingest([SEEDS_DIR], engine=writer)
        writer.dispose()
        deadline = time.monotonic() + 1.0
        while client.get("/markets").json()["total"] != len(gold_markets()):
            assert time.monotonic() < deadline, "still stale a second after the write"
            time.sleep(0.05)


def test_a_cache_hit_is_counted_under_its_route(client: TestClient) -> None:
    counter = 'http_requests_total{method="GET",route="/markets",status="200"} '

    def answered() -> float:
        lines = client.get("/metrics").text.splitlines()
        return next(
            (float(line.removeprefix(counter)) for line in lines if line.startswith(counter)), 0.0
        )

    before = answered()
    for _ in range(3):  # the last two are cache hits
        assert client.get("/markets?min_cagr=10.5").status_code == 200
    assert answered() == before + 3


def _answering(body_bytes: int) -> ASGIApp:
    """An ASGI app that answers every GET with `body_bytes` bytes, tagged and sized."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        body = b"x" * body_bytes
        headers = [(b"content-length", str(len(body)).encode()), (b"etag", b'W/"x"')]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app


@pytest.mark.backend_independent
@pytest.mark.parametrize(("body_bytes", "most_entries"), [(30_000, 3), (100, 10)])
def test_the_cache_is_bounded_by_bytes_and_by_entries(
    monkeypatch: pytest.MonkeyPatch, body_bytes: int, most_entries: int
) -> None:
    monkeypatch.setattr(cache, "MAX_BYTES", 100_000)
    monkeypatch.setattr(cache, "MAX_ENTRIES", 10)
    layer = cache.ResponseCache(
        _answering(body_bytes), observer=RequestObserver(Metrics(), access_log=False)
    )
    layer.open(read_version=lambda: 1)

    async def ask(path: str) -> None:
        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Message) -> None:
            pass

        await layer(scope, receive, send)

    async def ask_many() -> None:
        for i in range(30):
            await ask(f"/markets/m{i}")

    asyncio.run(ask_many())
    entries = layer.entries
    assert entries is not None  # open
    assert len(entries) == most_entries
    assert sum(len(entry.body) for entry in entries.values()) <= 100_000
