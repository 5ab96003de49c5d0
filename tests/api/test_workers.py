"""Several uvicorn workers on one database serve what an ingest or an upload wrote, at once."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.golden import gold_markets
from tests.paths import PROJECT_ROOT, SEEDS_DIR
from tests.servers import free_port, serving, uvicorn_command

TOKEN = "worker-test-token"
ICLUSIG_FILE = SEEDS_DIR / "002_67a20397f5666d95.txt"
# New connections each time, so the kernel hands requests to both workers.
REQUESTS_PER_CHECK = 40
# A first upload starts the worker's parser child: seconds on a machine busy with other tests.
WRITE_TIMEOUT = 60


def totals_seen(url: str, path: str = "/markets") -> set[int]:
    seen: set[int] = set()
    # One client without kept-alive connections: a new connection per request, and not a
    # new client each time (each builds its TLS context: 20 ms).
    with httpx.Client(limits=httpx.Limits(max_keepalive_connections=0), timeout=10) as client:
        for _ in range(REQUESTS_PER_CHECK):
            response = client.get(f"{url}{path}")
            assert response.status_code == 200, response.text
            seen.add(response.json()["total"])
    return seen


def test_two_workers_serve_new_data_within_a_second(database_url: str, tmp_path: Path) -> None:
    port = free_port()
    command = uvicorn_command(port, "--host", "127.0.0.1", "--workers", "2")
    env = {"DATABASE_URL": database_url, "ADMIN_TOKEN": TOKEN}
    with serving(command, port=port, env=env, log=tmp_path / "uvicorn.log") as url:
        assert totals_seen(url) == {0}  # every worker has answered "empty" once

        ingest = subprocess.run(
            [sys.executable, "-m", "ingest", str(SEEDS_DIR)],
            cwd=PROJECT_ROOT,
            env={**os.environ, "DATABASE_URL": database_url},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert ingest.returncode == 0, ingest.stdout + ingest.stderr
        time.sleep(1.0)
        markets = len(gold_markets())
        assert totals_seen(url) == {markets}

        deleted = httpx.delete(
            f"{url}/admin/markets/united-states-iclusig",
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=WRITE_TIMEOUT,
        )
        assert deleted.status_code == 204
        time.sleep(1.0)
        assert totals_seen(url) == {markets - 1}
        assert totals_seen(url, "/markets?q=iclusig") == {0}

        uploaded = httpx.post(
            f"{url}/admin/reports",
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/html"},
            content=ICLUSIG_FILE.read_bytes(),
            timeout=WRITE_TIMEOUT,
        )
        assert uploaded.status_code == 201
        time.sleep(1.0)
        assert totals_seen(url) == {markets}
        assert totals_seen(url, "/markets?q=iclusig") == {1}
    assert "Started parent process" in (tmp_path / "uvicorn.log").read_text()
