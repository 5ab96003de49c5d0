"""WORKER_THREADS bounds the threads that run blocking route code in one API process."""

import anyio.to_thread
from fastapi.testclient import TestClient

from app.core.settings import Settings
from app.main import create_app


def test_the_thread_limit_comes_from_the_settings(seeded_database_url: str) -> None:
    threads = 3
    app = create_app(seeded_database_url, settings=Settings(worker_threads=threads))
    with TestClient(app) as client:  # as a context manager, it runs the lifespan
        assert client.get("/markets").status_code == 200
        assert client.portal is not None  # the lifespan's event loop
        limiter = client.portal.call(anyio.to_thread.current_default_thread_limiter)
        assert limiter.total_tokens == threads
