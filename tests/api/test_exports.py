"""Exports are spooled before they are sent: a client that never reads holds no database
connection, and exports beyond the per-process bound get 503 with Retry-After."""

import threading
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Scope

import app.repositories.markets as repository
import app.repositories.streaming as streaming
from app.core.settings import Settings
from app.main import create_app
from tests.golden import gold_markets


def test_a_reader_that_never_reads_holds_no_connection(
    seeded_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Batches of one row: were rows sent as they are read, the first would leave while the
    # export's connection is still open.
    monkeypatch.setattr(streaming, "EXPORT_BATCH_ROWS", 1)
    app = create_app(seeded_database_url)
    with TestClient(app) as client:
        scope: Scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/markets",
            "raw_path": b"/markets",
            "query_string": b"format=csv",
            "root_path": "",
            "headers": [(b"host", b"testserver")],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }

        async def stalled_client() -> int:
            """Checked-out connections when the first bytes reach a client that then stalls."""
            first_bytes, release = anyio.Event(), anyio.Event()
            checked_out: list[int] = []

            async def receive() -> Message:
                await release.wait()
                return {"type": "http.disconnect"}

            async def send(message: Message) -> None:
                if message["type"] == "http.response.body" and not first_bytes.is_set():
                    checked_out.append(app.state.engine.pool.checkedout())
                    first_bytes.set()
                    await release.wait()

            async with anyio.create_task_group() as tasks:
                tasks.start_soon(app, scope, receive, send)
                await first_bytes.wait()
                release.set()
            return checked_out[0]

        assert client.portal is not None
        assert client.portal.call(stalled_client) == 0


def test_exports_beyond_the_bound_get_503_with_retry_after(
    seeded_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading, finish = threading.Event(), threading.Event()
    read_rows = repository.stream_market_rows

    def slow_rows(*args: Any, **kwargs: Any) -> Iterator[dict[str, Any]]:
        reading.set()
        finish.wait(timeout=30)  # a fault: the database answers slowly
        yield from read_rows(*args, **kwargs)

    monkeypatch.setattr(repository, "stream_market_rows", slow_rows)
    settings = Settings(database_url=seeded_database_url, max_concurrent_exports=1)
    with TestClient(create_app(seeded_database_url, settings=settings)) as client:
        first: dict[str, Any] = {}
        worker = threading.Thread(
            target=lambda: first.update(response=client.get("/markets?format=csv"))
        )
        worker.start()
        assert reading.wait(timeout=30)
        busy = client.get("/markets?format=ndjson")
        assert busy.status_code == 503 and busy.headers["retry-after"].isdigit()
        assert busy.json()["type"].endswith("exports-busy")
        assert client.get("/healthz").status_code == 200
        assert client.get("/markets?limit=1").status_code == 200  # pages do not queue
        finish.set()
        worker.join(timeout=30)
        export = first["response"]
        assert export.status_code == 200
        assert len(export.text.splitlines()) == len(gold_markets()) + 1  # header + rows


def test_an_export_the_client_holds_is_not_read_again(client: TestClient) -> None:
    export = client.get("/markets?format=csv")
    held = client.get("/markets?format=csv", headers={"If-None-Match": export.headers["etag"]})
    assert held.status_code == 304 and held.headers["etag"] == export.headers["etag"]
