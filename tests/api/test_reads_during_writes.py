"""A reader hammering a real server while an ingest writes gets no 5xx (WAL, busy timeout)."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import httpx

from bench.corpus import write_corpus
from tests.paths import PROJECT_ROOT
from tests.servers import free_port, serving, uvicorn_command

REPORTS = 50  # generated reports the ingest writes while the readers read,
BATCH_FILES = 10  # in five transactions


def test_reads_keep_answering_while_an_ingest_writes(database_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", REPORTS)
    port = free_port()
    command = uvicorn_command(port, "--host", "127.0.0.1")
    statuses: list[int] = []
    with serving(command, port=port, env={"DATABASE_URL": database_url}) as url:
        writer = subprocess.Popen(
            [sys.executable, "-m", "ingest", str(corpus), "--batch-size", str(BATCH_FILES)],
            cwd=PROJECT_ROOT,
            env={**os.environ, "DATABASE_URL": database_url},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def read_until_written() -> None:
            with httpx.Client(base_url=url, timeout=30) as client:
                while writer.poll() is None:
                    for path in ("/markets?min_cagr=5&sort=-size_usd", "/stats", "/companies"):
                        statuses.append(client.get(path).status_code)

        readers = [threading.Thread(target=read_until_written) for _ in range(3)]
        for reader in readers:
            reader.start()
        assert writer.wait(timeout=300) == 0
        for reader in readers:
            reader.join()
        assert httpx.get(f"{url}/markets").json()["total"] == REPORTS
    assert len(statuses) > 50
    assert [status for status in statuses if status >= 500] == []
