"""SPEC §5's bad report files, all among the seeds in one CLI run: each gets its own error or
warning, the good files land, and nobody sees a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlmodel import col

import ingest.limits
from app.models import Faq, Insight, Market
from ingest.errors import ReportParseError
from ingest.jobs import parse_job
from tests.databases import fresh_database_url
from tests.golden import gold_market, gold_markets
from tests.paths import PROJECT_ROOT, SEEDS_DIR

ICLUSIG_GOLD = gold_market("united-states-iclusig")
ICLUSIG: str = (SEEDS_DIR / ICLUSIG_GOLD["file"]).read_text(encoding="utf-8")


def variant(name: str, rid: str) -> str:
    """The Iclusig page as another market: its own name and report id."""
    return ICLUSIG.replace("Iclusig", name).replace("rid=852844", f"rid={rid}")


BAD_FILES: dict[str, bytes] = {
    "empty.html": b"",
    "binary.html": os.urandom(2048) + b"\x00" * 64,
    "no-title.html": b"<html><body><p>Hello world.</p><p>Nothing else here.</p></body></html>",
    "huge.html": b"<p>" + b"x" * 20_000_000 + b"</p>",
}
ACCEPTED_FILES: dict[str, bytes] = {
    "cp1252.html": variant("Zelboraf", "700001").encode("cp1252"),
    "script.html": variant("Tagrisso", "700002")
    .replace("<h2>Key Trends", "<script>document.write('injected')</script><h2>Key Trends")
    .encode(),
    "no-figures.html": (PROJECT_ROOT / "tests/ingest/samples/no_figures.html").read_bytes(),
}
# Either outcome is fine for these, as long as it is a clear one.
EITHER_FILES: dict[str, bytes] = {
    "truncated.html": variant("Lenvima", "700003").encode()[:3000],
    "nested.html": b"<div>" * 10_000 + variant("Kisqali", "700004").encode() + b"</div>" * 10_000,
}


@pytest.fixture
def report_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in SEEDS_DIR.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    for name, data in {**BAD_FILES, **ACCEPTED_FILES, **EITHER_FILES}.items():
        (folder / name).write_bytes(data)
    return folder


def test_bad_files_fail_alone_with_their_reasons(report_folder: Path, tmp_path: Path) -> None:
    database_url = fresh_database_url(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "ingest", str(report_folder), "--jobs", "2"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    reasons = {
        "empty.html": "empty file",
        "binary.html": "binary data",
        "no-title.html": "no recognisable title",
        "huge.html": "file too large",
    }
    for name, reason in reasons.items():
        assert f"FAILED {report_folder / name}: {reason}" in output, output
    for name in ACCEPTED_FILES:
        assert f"FAILED {report_folder / name}" not in output, output

    with create_engine(database_url).connect() as connection:
        cagr: dict[str, float] = dict(
            connection.execute(text("select slug, cagr_percent from market")).all()
        )
        outcomes: dict[str, str] = dict(
            connection.execute(text("select file, status from ingest_file_outcome")).all()
        )
        warnings = connection.execute(
            text("select m.slug, w.code from quality_warning w join market m on m.id = w.market_id")
        ).all()
        # Through the tables' column types: prose is stored packed on SQLite.
        stored_text = " ".join(
            [
                *(
                    summary or ""
                    for summary in connection.execute(select(col(Market.summary))).scalars()
                ),
                *connection.execute(select(col(Insight.text))).scalars(),
                *(
                    f"{q} {a}"
                    for q, a in connection.execute(select(col(Faq.question), col(Faq.answer)))
                ),
            ]
        )
    for gold in gold_markets():
        assert cagr[gold["slug"]] == gold["cagr_percent"]
    # An Iclusig page under another name: its CAGR, cp1252 decoded.
    assert cagr["united-states-zelboraf"] == ICLUSIG_GOLD["cagr_percent"]
    assert ("united-states-zelboraf", "non_utf8_text") in warnings
    assert "united-states-tagrisso" in cagr and "injected" not in stored_text
    assert len(outcomes) == len(os.listdir(report_folder))
    for name in EITHER_FILES:
        assert outcomes[str(report_folder / name)] in {"created", "failed"}


@pytest.mark.backend_independent
def test_parsing_is_cut_off_after_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest.limits, "MAX_PARSE_SECONDS", 0.000_001)
    result = parse_job(("slow.html", ICLUSIG.encode()))
    assert result.report is None
    assert "parsing took over" in (result.error or "")


@pytest.mark.backend_independent
def test_size_cap_is_the_parsers_own_error() -> None:
    with pytest.raises(ReportParseError, match="file too large"):
        ingest.limits.check_size(ingest.limits.MAX_REPORT_BYTES + 1)
