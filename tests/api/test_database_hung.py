"""A database that stops answering (not refusing: a stopped or wedged server) costs bounded
time: cached answers are served as they were, /readyz says 503 within its wait, and on
PostgreSQL a request that needs the database gets 503 within seconds."""

import threading
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url

from app.core import stalled_reads
from app.core.cache import VERSION_CHECK_SECONDS, VERSION_WAIT_SECONDS
from app.core.db import CONNECT_TIMEOUT_SECONDS, create_database_engine
from app.core.stalled_reads import PROBE_TIMEOUT_SECONDS, STALLED_SECONDS
from app.main import READY_WAIT_SECONDS, create_app
from tests.frozen_proxy import FreezableProxy


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


@pytest.mark.postgresql_only
def test_a_frozen_postgresql_server_gets_503_within_seconds_then_recovers(
    seeded_database_url: str,
) -> None:
    """A real server behind a proxy that stops forwarding: every byte is acknowledged, no
    answer comes, as when the server is stopped (SIGSTOP) or its host frozen."""
    url = make_url(seeded_database_url)
    assert url.host is not None and url.port is not None
    with FreezableProxy((url.host, url.port)) as proxy:
        proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        with TestClient(create_app(proxied), raise_server_exceptions=False) as client:
            assert client.get("/markets/united-states-blinatumomab/figures").status_code == 200
            proxy.freeze()
            answers: dict[str, Any] = {}

            def ask() -> None:  # not cached: it needs the database
                answers["frozen"] = client.get("/markets/united-states-blinatumomab/segments")

            asking = threading.Thread(target=ask, daemon=True)
            asking.start()
            # a stalled read is noticed, the server checked, then a new connection tried
            bound = STALLED_SECONDS + PROBE_TIMEOUT_SECONDS + CONNECT_TIMEOUT_SECONDS + 10
            asking.join(timeout=bound)
            proxy.thaw()
            assert not asking.is_alive(), "a request waited on the frozen database"
            assert answers["frozen"].status_code == 503
            assert answers["frozen"].headers["retry-after"]
            assert client.get("/markets/united-states-blinatumomab/segments").status_code == 200


@pytest.mark.postgresql_only
def test_a_long_statement_on_a_live_server_runs_to_its_end(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watchdog checks a live server once a statement has run STALLED_SECONDS, then waits
    as long again before the next check (not every tick), and leaves the statement be."""
    checks: list[str] = []
    check = stalled_reads._server_answers

    def counted_check(conninfo: str) -> bool:
        checks.append(conninfo)
        return check(conninfo)

    monkeypatch.setattr(stalled_reads, "_server_answers", counted_check)
    engine = create_database_engine(database_url)
    try:
        with engine.connect() as connection:
            slept = connection.execute(
                text("SELECT 1 FROM pg_sleep(:seconds)"), {"seconds": STALLED_SECONDS + 2.5}
            ).scalar_one()
    finally:
        engine.dispose()
    assert slept == 1
    assert len(checks) == 1
