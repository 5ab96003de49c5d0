"""A re-run trusts a file whose size and modification time are those of its last ingest.

The tests prove a file was not read by changing its bytes while keeping its size and
modification time: a run that read it would see the change.
"""

import os
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from ingest.load import LoadStatus, delete_market
from ingest.records import RunSummary
from ingest.run import run_ingest
from tests.golden import gold_markets
from tests.paths import SEEDS_DIR

ICLUSIG = "002_67a20397f5666d95.txt"
HOUR_NS = 3600 * 10**9


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """The seeds, last modified an hour ago (long settled)."""
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS_DIR, folder)
    for path in folder.iterdir():
        os.utime(path, ns=(time.time_ns() - HOUR_NS,) * 2)
    return folder


def rewrite_keeping_stamp(path: Path) -> None:
    """A same-length change to the CAGR, with the old modification time put back."""
    stat = path.stat()
    html = path.read_text(encoding="utf-8")
    assert "CAGR of 10.5%" in html
    path.write_text(html.replace("CAGR of 10.5%", "CAGR of 11.0%"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size


def statuses(summary: RunSummary) -> dict[str, LoadStatus]:
    return {Path(outcome.file).name: outcome.status for outcome in summary.outcomes}


def test_a_file_with_its_old_stamp_is_not_read_again(engine: Engine, reports: Path) -> None:
    run_ingest([reports], engine=engine)
    rewrite_keeping_stamp(reports / ICLUSIG)
    assert statuses(run_ingest([reports], engine=engine))[ICLUSIG] is LoadStatus.UNCHANGED
    # --checksum reads every file, and finds the change.
    summary = run_ingest([reports], engine=engine, checksum=True)
    assert statuses(summary)[ICLUSIG] is LoadStatus.UPDATED
    assert summary.count(LoadStatus.UNCHANGED) == len(gold_markets()) - 1


def test_a_file_with_a_new_modification_time_is_read(engine: Engine, reports: Path) -> None:
    run_ingest([reports], engine=engine)
    rewrite_keeping_stamp(reports / ICLUSIG)
    os.utime(reports / ICLUSIG)  # now: as an editor saving it would leave it
    assert statuses(run_ingest([reports], engine=engine))[ICLUSIG] is LoadStatus.UPDATED


def test_a_file_modified_just_before_its_ingest_is_not_trusted(
    engine: Engine, reports: Path
) -> None:
    """Its stamp could survive a second change within the same clock tick."""
    os.utime(reports / ICLUSIG)  # modified now, as the run starts
    run_ingest([reports], engine=engine)
    rewrite_keeping_stamp(reports / ICLUSIG)
    assert statuses(run_ingest([reports], engine=engine))[ICLUSIG] is LoadStatus.UPDATED


def test_a_deleted_market_is_ingested_again_from_an_unchanged_file(
    engine: Engine, reports: Path
) -> None:
    run_ingest([reports], engine=engine)
    with Session(engine) as session, session.begin():
        assert delete_market(session, "united-states-iclusig")
    assert statuses(run_ingest([reports], engine=engine))[ICLUSIG] is LoadStatus.CREATED


def test_the_stamp_is_found_from_another_working_directory(
    engine: Engine, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(reports.parent)
    run_ingest([Path("reports")], engine=engine)  # a relative path
    rewrite_keeping_stamp(reports / ICLUSIG)
    assert statuses(run_ingest([reports], engine=engine))[ICLUSIG] is LoadStatus.UNCHANGED
