"""WORKER_THREADS bounds the threads that run blocking route code in one API process."""

import threading
from typing import Any

import anyio.to_thread
from fastapi.testclient import TestClient

from app.core.settings import Settings
from app.main import create_app
from tests.paths import SEEDS_DIR

TOKEN = "thread-test-token"


def test_the_thread_limit_comes_from_the_settings(seeded_database_url: str) -> None:
    threads = 3
    app = create_app(seeded_database_url, settings=Settings(worker_threads=threads))
    with TestClient(app) as client:  # as a context manager, it runs the lifespan
        assert client.get("/markets").status_code == 200
        assert client.portal is not None  # the lifespan's event loop
        limiter = client.portal.call(anyio.to_thread.current_default_thread_limiter)
        assert limiter.total_tokens == threads


def test_uploads_waiting_for_the_parser_hold_no_worker_thread(seeded_database_url: str) -> None:
    """Uploads take turns on the one parser child; those waiting must not hold the threads
    that reads need. The parse is held open by an injected fault until the reads are done."""
    settings = Settings(worker_threads=2, admin_token=TOKEN)
    app = create_app(seeded_database_url, settings=settings)
    release = threading.Event()
    report = (SEEDS_DIR / "002_67a20397f5666d95.txt").read_bytes()
    with TestClient(app) as client:
        writer = app.state.report_writer
        upload = writer.upload

        def held_upload(*args: Any, **kwargs: Any) -> Any:
            release.wait(timeout=30)
            return upload(*args, **kwargs)

        writer.upload = held_upload
        statuses: list[int] = []

        def post() -> None:
            headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/html"}
            response = client.post("/admin/reports?dry_run=true", headers=headers, content=report)
            statuses.append(response.status_code)

        uploads = [threading.Thread(target=post) for _ in range(4)]
        for thread in uploads:
            thread.start()
        reads: list[int] = []
        reader = threading.Thread(
            target=lambda: reads.append(client.get("/markets?min_cagr=7").status_code)
        )
        reader.start()
        reader.join(timeout=20)  # a liveness bound: with threads held, the read never ends
        answered_while_held = reads == [200]
        release.set()
        for thread in [*uploads, reader]:
            thread.join(timeout=30)
    assert answered_while_held
    assert statuses == [200, 200, 200, 200]
