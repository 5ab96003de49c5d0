"""`python -m ingest` and Alembic run as a user runs them: real processes, real files."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.core.db import prepare_database
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


def test_dry_run_prints_the_gold_extraction() -> None:
    result = run("-m", "ingest", "seeds/", "--dry-run", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    reports = {report["slug"]: report for report in json.loads(result.stdout)}
    assert len(reports) == len(gold_markets())
    for gold in gold_markets():
        check_gold_market(reports[gold["slug"]], gold)
    assert f"{len(gold_markets())} ingested" in result.stderr


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


@pytest.mark.parametrize("pragma,expected", [("journal_mode", "wal"), ("foreign_keys", 1)])
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


def test_seeds_folder_holds_the_shared_seeds_unchanged() -> None:
    digests = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in SEEDS_DIR.iterdir()
    }
    assert digests == SHARED_SEED_SHA256
