"""Database outages: 503 problems with Retry-After and /readyz 503, then recovery by itself."""

import time

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from app.core.cache import VERSION_CHECK_SECONDS
from app.main import create_app
from tests.golden import gold_markets


class Outage:
    """Every statement fails as a lost connection does, until `end()` (fault injection)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        event.listen(engine, "before_cursor_execute", self._fail)

    @staticmethod
    def _fail(*_args: object) -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("server closed"))

    def end(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._fail)


def test_outage_answers_503_then_recovers_without_restart(seeded_database_url: str) -> None:
    app = create_app(seeded_database_url)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/markets?q=leukemia").status_code == 200
        outage = Outage(app.state.engine)
        time.sleep(VERSION_CHECK_SECONDS * 1.5)  # past what the response cache may still serve
        for path in ("/markets?q=leukemia", "/markets/united-states-iclusig", "/stats", "/readyz"):
            response = client.get(path)
            assert response.status_code == 503, path
            assert response.headers["retry-after"] == "5"
            assert response.headers["content-type"] == "application/problem+json"
            assert "server closed" not in response.text
        assert client.get("/healthz").status_code == 200  # the process itself is alive
        outage.end()
        time.sleep(VERSION_CHECK_SECONDS * 1.5)
        for path in ("/markets?q=leukemia", "/readyz"):
            assert client.get(path).status_code == 200, path


def test_the_api_starts_while_its_database_is_down_and_serves_once_it_is_back(
    seeded_database_url: str,
) -> None:
    def refuse(*_args: object) -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    event.listen(Engine, "before_cursor_execute", refuse)  # every engine, the app's included
    try:
        app = create_app(seeded_database_url)
        with TestClient(app, raise_server_exceptions=False) as client:
            assert client.get("/healthz").status_code == 200
            for path in ("/markets", "/readyz"):
                response = client.get(path)
                assert response.status_code == 503, path
                assert response.headers["content-type"] == "application/problem+json"
            event.remove(Engine, "before_cursor_execute", refuse)
            markets = client.get("/markets")
            assert markets.status_code == 200 and markets.json()["total"] == len(gold_markets())
            assert client.get("/readyz").status_code == 200
    finally:
        if event.contains(Engine, "before_cursor_execute", refuse):
            event.remove(Engine, "before_cursor_execute", refuse)
