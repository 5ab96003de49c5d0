"""The response cache: one representation per request variant, and never staler than a second
after a write made by any process."""

import time

from fastapi.testclient import TestClient

from app.core.db import get_engine
from app.main import create_app
from ingest.run import run_ingest
from tests.paths import SEEDS_DIR


def test_cached_answers_keep_each_representation_apart(client):
    for _ in range(2):  # the second round is answered from the cache
        gzipped = client.get("/markets?limit=50", headers={"Accept-Encoding": "gzip"})
        plain = client.get("/markets?limit=50", headers={"Accept-Encoding": "identity"})
        csv = client.get("/markets?limit=50", headers={"Accept": "text/csv"})
        assert gzipped.headers["content-encoding"] == "gzip"
        assert "content-encoding" not in plain.headers
        assert csv.headers["content-type"].startswith("text/csv")
        assert gzipped.json() == plain.json()
        assert gzipped.headers["x-request-id"] != plain.headers["x-request-id"]


def test_a_write_by_another_process_is_served_within_a_second(database_url):
    with TestClient(create_app(database_url)) as client:
        assert client.get("/markets").json()["total"] == 0
        assert client.get("/markets").json()["total"] == 0  # now cached
        run_ingest([SEEDS_DIR], engine=get_engine(database_url))  # not through this app
        deadline = time.monotonic() + 1.0
        while client.get("/markets").json()["total"] != 5:
            assert time.monotonic() < deadline, "still stale a second after the write"
            time.sleep(0.05)
    get_engine.cache_clear()


def test_a_cache_hit_is_counted_under_its_route(client):
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
