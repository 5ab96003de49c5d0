"""A killed ingest leaves no parse workers behind: they die with their parent (PDEATHSIG)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.paths import PROJECT_ROOT, SEEDS_DIR
from tests.processes import live_processes

pytestmark = pytest.mark.backend_independent

COPIES = 3000  # enough that the workers are still parsing when the ingest is killed


def _children(pid: int) -> list[int]:
    return [process.pid for process in live_processes() if process.parent == pid]


def _alive(pid: int) -> bool:
    return any(process.pid == pid for process in live_processes())


def test_a_killed_ingest_takes_its_parse_workers_with_it(tmp_path: Path) -> None:
    seed = next(SEEDS_DIR.glob("*.txt")).read_bytes()
    reports = tmp_path / "reports"
    reports.mkdir()
    for copy in range(COPIES):
        (reports / f"{copy:05}.html").write_bytes(seed)
    ingest = subprocess.Popen(
        [sys.executable, "-m", "ingest", str(reports), "--jobs", "2", "--dry-run"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(ingest.pid)) < 2:
            assert ingest.poll() is None, "the ingest ended before its workers were seen"
            assert time.monotonic() < deadline, "no parse workers started"
            time.sleep(0.05)
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait(timeout=10)
        deadline = time.monotonic() + 10
        while survivors := [pid for pid in workers if _alive(pid)]:
            assert time.monotonic() < deadline, f"orphaned workers: {survivors}"
            time.sleep(0.1)
    finally:
        if ingest.poll() is None:
            ingest.kill()
