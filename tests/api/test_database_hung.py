"""A database that stops answering (not refusing: a stopped or wedged server) costs bounded
time: cached answers are served as they were, and /readyz says 503 within its wait."""

import threading
import time
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from app.core.cache import VERSION_CHECK_SECONDS, VERSION_WAIT_SECONDS
from app.main import READY_WAIT_SECONDS, create_app


class Hang:
    """Every statement waits until `end()`, as on a server that never answers (a fault)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.released = threading.Event()
        event.listen(engine, "before_cursor_execute", self._wait)

    def _wait(self, *_args: object) -> None:
        self.released.wait(timeout=60)

    def end(self) -> None:
        self.released.set()
        event.remove(self.engine, "before_cursor_execute", self._wait)


def test_a_hung_database_gets_cached_answers_and_a_prompt_not_ready(
    seeded_database_url: str,
) -> None:
    app = create_app(seeded_database_url)
    with TestClient(app, raise_server_exceptions=False) as client:
        before = client.get("/markets?q=leukemia")
        assert before.status_code == 200
        hang = Hang(app.state.engine)
        try:
            time.sleep(VERSION_CHECK_SECONDS * 1.5)  # the next hit must check the version
            answers: dict[str, Any] = {}

            def ask() -> None:
                answers["cached"] = client.get("/markets?q=leukemia")
                answers["ready"] = client.get("/readyz")

            asking = threading.Thread(target=ask, daemon=True)
            asking.start()
            asking.join(timeout=VERSION_WAIT_SECONDS + READY_WAIT_SECONDS + 10)
            assert not asking.is_alive(), "a request waited on the hung database"
            assert answers["cached"].status_code == 200
            assert answers["cached"].json() == before.json()
            assert answers["ready"].status_code == 503
            assert answers["ready"].headers["retry-after"] == "5"
        finally:
            hang.end()
