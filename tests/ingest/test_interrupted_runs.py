"""A run whose process dies is marked interrupted by the next run; a run still going is not,
whichever process asks (its lock, not a process id, tells them apart)."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlmodel import Session, col

from app.models import IngestRun
from ingest.records import mark_interrupted_runs, start_run
from ingest.run_lock import run_is_live
from tests.paths import PROJECT_ROOT

LOCK_RELEASE_SECONDS = 10
# Starts a run, says its id, then waits for stdin to close or a signal to kill it.
_HOLD_A_RUN = """
import sys
from app.core.db import create_database_engine
from ingest.records import start_run
run = start_run(create_database_engine(sys.argv[1]))
print(run.id, flush=True)
sys.stdin.read()
"""


@pytest.fixture
def running(database_url: str, engine: Engine) -> Iterator[tuple[subprocess.Popen[str], int]]:
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD_A_RUN, database_url],
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    run_id = int(process.stdout.readline())
    yield process, run_id
    process.kill()
    process.wait()


def _wait_for_the_lock_to_go(engine: Engine, run_id: int) -> None:
    """PostgreSQL drops a killed client's advisory lock when its backend notices the closed
    connection, a moment after the kill: the next run marks the run from then on."""
    deadline = time.monotonic() + LOCK_RELEASE_SECONDS
    while run_is_live(engine, run_id):
        assert time.monotonic() < deadline, "the killed run's lock was never released"
        time.sleep(0.05)


def _interrupted_at(engine: Engine, run_id: int) -> object:
    with Session(engine) as session:
        return session.execute(
            select(col(IngestRun.interrupted_at)).where(col(IngestRun.id) == run_id)
        ).scalar_one()


def test_a_live_run_is_left_alone_and_a_killed_one_marked(
    engine: Engine, running: tuple[subprocess.Popen[str], int]
) -> None:
    process, run_id = running
    assert mark_interrupted_runs(engine) == []
    assert _interrupted_at(engine, run_id) is None

    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    _wait_for_the_lock_to_go(engine, run_id)
    next_run = start_run(engine)
    try:
        assert _interrupted_at(engine, run_id) is not None
        assert _interrupted_at(engine, next_run.id) is None
        assert mark_interrupted_runs(engine) == []  # once marked, not again; the new run lives
    finally:
        next_run.lock.release()


def test_a_run_that_finished_is_never_marked(engine: Engine) -> None:
    run = start_run(engine)
    run.lock.release()  # as after finish_run, but the row left unfinished: like a crash
    assert mark_interrupted_runs(engine) == [run.id]
    finished = start_run(engine)
    with Session(engine) as session, session.begin():
        row = session.get(IngestRun, finished.id)
        assert row is not None
        row.finished_at = row.started_at
    finished.lock.release()
    assert mark_interrupted_runs(engine) == []
