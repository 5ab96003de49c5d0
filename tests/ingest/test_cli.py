"""`python -m ingest` and Alembic run as a user runs them: real processes, real files."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text

from app.core.db import SCHEMA_HEAD, SQLITE_PAGE_BYTES, alembic_config, prepare_database
from tests.databases import fresh_database_url
from tests.golden import check_gold_market, gold_markets
from tests.paths import PROJECT_ROOT, SEEDS_DIR


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.backend_independent
def test_dry_run_prints_the_gold_extraction(tmp_path: Path) -> None:
    absent = f"sqlite:///{tmp_path / 'absent.sqlite3'}"
    result = run("-m", "ingest", "seeds/", "--dry-run", "--jobs", "2", "--database-url", absent)
    assert result.returncode == 0, result.stderr
    reports = {report["slug"]: report for report in json.loads(result.stdout)}
    assert len(reports) == len(gold_markets())
    for gold in gold_markets():
        check_gold_market(reports[gold["slug"]], gold)
    assert f"would create {len(gold_markets())}, update 0" in result.stderr
    assert not (tmp_path / "absent.sqlite3").exists()  # a dry run creates no database


def test_dry_run_says_what_a_real_run_would_do(tmp_path: Path) -> None:
    database_url = fresh_database_url(tmp_path)
    assert run("-m", "ingest", "seeds/", "--database-url", database_url).returncode == 0
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS_DIR, reports)
    first = sorted(reports.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n<p>Revised.</p>", encoding="utf-8")
    with create_engine(database_url).connect() as connection:
        version = connection.execute(text("select version from dataset_version")).scalar()

    result = run("-m", "ingest", str(reports), "--dry-run", "--database-url", database_url)

    assert result.returncode == 0, result.stderr
    n = len(gold_markets())
    assert f"would create 0, update 1, leave {n - 1} unchanged; 0 failed" in result.stderr
    with create_engine(database_url).connect() as connection:
        assert connection.execute(text("select version from dataset_version")).scalar() == version


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.mark.backend_independent
def test_an_unreachable_database_is_one_line() -> None:
    result = run("-m", "ingest", "seeds/", "--database-url", "postgresql://u:p@127.0.0.1:1/db")
    assert "Connection refused" in _one_line_error(result)


@pytest.mark.sqlite_only
def test_a_read_only_database_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    assert run("-m", "ingest", "seeds/", "--database-url", f"sqlite:///{path}").returncode == 0
    changed = tmp_path / "changed"
    shutil.copytree(SEEDS_DIR, changed)
    for report in changed.iterdir():
        report.write_text(report.read_text(encoding="utf-8") + "\n<p>x</p>", encoding="utf-8")
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    result = run("-m", "ingest", str(changed), "--database-url", read_only)
    assert "readonly database" in _one_line_error(result)


@pytest.mark.backend_independent
def test_a_missing_report_path_is_a_failure_not_a_traceback(tmp_path: Path) -> None:
    result = run(
        "-m", "ingest", str(tmp_path / "nowhere"), "--database-url", f"sqlite:///{tmp_path / 'd'}"
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr


def test_garbage_among_the_seeds_fails_alone(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS_DIR, reports)
    (reports / "garbage.txt").write_bytes(os.urandom(4096) + b"\x00")
    (reports / "empty.html").write_bytes(b"")
    (reports / "notes.md").write_text("not a report file type: ignored")
    database_url = fresh_database_url(tmp_path)

    result = run("-m", "ingest", str(reports), "--database-url", database_url)

    assert result.returncode == 1
    assert f"FAILED {reports / 'garbage.txt'}: binary data" in result.stdout
    assert f"FAILED {reports / 'empty.html'}: empty file" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    with create_engine(database_url).connect() as connection:
        faqs_per_market = connection.execute(
            text(
                "select m.slug, count(f.id) from market m join faq f on f.market_id = m.id "
                "group by m.slug"
            )
        ).all()
        outcomes = connection.execute(
            text("select status, count(*) from ingest_file_outcome group by status")
        ).all()
    assert sorted(faqs_per_market) == sorted((g["slug"], len(g["faqs"])) for g in gold_markets())
    # The two bad files fail; notes.md is no report file type and is not tried.
    assert dict(outcomes) == {"created": len(gold_markets()), "failed": 2}


@pytest.mark.backend_independent
def test_missing_path_is_a_failure() -> None:
    result = run("-m", "ingest", "no/such/folder", "--dry-run")
    assert result.returncode == 1
    assert "FAILED no/such/folder: no such file or directory" in result.stderr


def test_alembic_upgrade_then_check_reports_no_drift(tmp_path: Path) -> None:
    env = {"DATABASE_URL": fresh_database_url(tmp_path, migrated=False)}
    upgrade = run("-m", "alembic", "upgrade", "head", env=env)
    assert upgrade.returncode == 0, upgrade.stderr
    check = run("-m", "alembic", "check", env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No new upgrade operations detected" in check.stdout + check.stderr


@pytest.mark.backend_independent
def test_the_code_knows_the_newest_migration() -> None:
    """A new migration changes SCHEMA_HEAD too: processes at the head check it without Alembic."""
    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert scripts.get_heads() == [SCHEMA_HEAD]


def test_alembic_writes_the_latest_migrations_as_sql_without_a_database(tmp_path: Path) -> None:
    """Offline mode (`--sql`), for a DBA who applies the schema by hand: from 0018 on no
    migration reads results back (0019's backfill counts in one UPDATE); nothing is written.
    (0004's data migration reads rows, so the whole chain cannot be written out.)"""
    url = fresh_database_url(tmp_path, migrated=False)
    offline = run("-m", "alembic", "upgrade", "0018:head", "--sql", env={"DATABASE_URL": url})
    assert offline.returncode == 0, offline.stderr
    assert "CREATE TABLE projected_value" in offline.stdout
    assert "UPDATE projected_year" in offline.stdout
    assert not (tmp_path / "test.sqlite3").exists()


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "pragma,expected",
    [("journal_mode", "wal"), ("foreign_keys", 1), ("page_size", SQLITE_PAGE_BYTES)],
)
def test_embedded_sqlite_creates_migrates_and_configures_itself(
    tmp_path: Path, pragma: str, expected: object
) -> None:
    path = tmp_path / "nested" / "embedded.sqlite3"
    engine = prepare_database(f"sqlite:///{path}")
    assert path.exists()
    with engine.connect() as connection:
        assert connection.execute(text(f"PRAGMA {pragma}")).scalar_one() == expected
        assert connection.execute(text("select version_num from alembic_version")).scalar_one()
    engine.dispose()


# SHA-256 of the five shared seed reports (../shared/seeds), recorded here so that a clone
# without that folder, CI's included, still checks the copies in seeds/ are unchanged.
SHARED_SEED_SHA256 = {
    "000_a60780165573b026.txt": "3368bea31f63b4ecf6b4f02ec6c086b9f8f0acf89a24dfb37abd95a255d7c74a",
    "001_44f0dd4fdcc0169a.txt": "002765cac4e27d45404d79e7c0bfa4f93b4310f84c9db5b4319b1da620407032",
    "002_67a20397f5666d95.txt": "f30e5afe3097efffe3c38212121a64c0add01252f4dd56f83330294e167310a5",
    "003_4529c24fc678d09f.txt": "6109e96d078ba4a5ef78863ac25c297e141082d62e48d24acc6cd6516ab11579",
    "004_ba0676e9597d80a9.txt": "27c7596028828976fcd7f2fe8bd3a5554ef467ad4377266fadd28705cc6f902e",
}


@pytest.mark.backend_independent
def test_seeds_folder_holds_the_shared_seeds_unchanged() -> None:
    digests = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in SEEDS_DIR.iterdir()
    }
    assert digests == SHARED_SEED_SHA256


@pytest.mark.sqlite_only
def test_a_full_disk_fails_each_report_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fault is injected: SQLite's max_page_count makes the file "full" after migration."""
    from typer.testing import CliRunner

    from ingest.__main__ import cli

    database_url = f"sqlite:///{tmp_path / 'full.sqlite3'}"
    prepare_database(database_url).dispose()
    with sqlite3.connect(tmp_path / "full.sqlite3") as fresh:
        fresh.execute("VACUUM")  # no page the migrations freed left to fill
        pages = fresh.execute("pragma page_count").fetchone()[0]

    def no_room(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"pragma max_page_count = {pages + 2}")

    event.listen(Engine, "connect", no_room)
    try:
        result = CliRunner().invoke(cli, ["seeds/", "--jobs", "1", "--database-url", database_url])
    finally:
        event.remove(Engine, "connect", no_room)
    output = result.output
    assert result.exit_code in (1, 2), output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    assert "database or disk is full" in output
