"""SIGKILL an ingest mid-run: every market is complete or absent, and a re-run finishes the job
with the same result as a clean ingest."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from bench.corpus import write_corpus
from tests.databases import dump_tables, fresh_database_url, uses_postgresql
from tests.paths import PROJECT_ROOT

REPORTS = 100
BATCH_FILES = 16  # each batch one transaction: the kill lands with several still to write


def ingest(folder: Path, database_url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "ingest", str(folder), "--batch-size", str(BATCH_FILES)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def market_count(engine: Engine) -> int:
    with engine.connect() as connection:
        count: int = connection.execute(text("select count(*) from market")).scalar_one()
        return count


def test_sigkill_mid_run_then_rerun_equals_a_clean_ingest(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", REPORTS)
    (tmp_path / "killed").mkdir()
    (tmp_path / "clean").mkdir()
    killed_url = fresh_database_url(tmp_path / "killed")
    engine = create_engine(killed_url)
    process = ingest(corpus, killed_url)
    deadline = time.monotonic() + 120
    while market_count(engine) < 20:
        assert process.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    loaded = market_count(engine)
    assert 20 <= loaded < REPORTS and loaded % BATCH_FILES == 0  # whole batches only

    with engine.connect() as connection:
        if not uses_postgresql():
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        incomplete = connection.execute(
            text(
                "select count(*) from market m where not exists "
                "(select 1 from provenance p where p.market_id = m.id) "
                "or not exists (select 1 from faq f where f.market_id = m.id) "
                "or not exists (select 1 from market_company c where c.market_id = m.id)"
            )
        ).scalar_one()
        duplicates = connection.execute(
            text("select count(*) - count(distinct identity) from market")
        ).scalar_one()
    assert incomplete == 0 and duplicates == 0

    assert ingest(corpus, killed_url).wait(timeout=300) == 0
    assert market_count(engine) == REPORTS
    with engine.connect() as connection:
        runs = connection.execute(
            text("select finished_at is null, interrupted_at is null from ingest_run order by id")
        ).all()
    assert [tuple(run) for run in runs] == [(True, False), (False, True)]  # killed, then re-run
    clean_url = fresh_database_url(tmp_path / "clean")
    assert ingest(corpus, clean_url).wait(timeout=300) == 0
    clean_engine = create_engine(clean_url)
    # PostgreSQL's sequences keep the numbers the killed transaction took: compare without ids.
    assert dump_tables(engine, ignore_ids=True) == dump_tables(clean_engine, ignore_ids=True)
    engine.dispose()
    clean_engine.dispose()
