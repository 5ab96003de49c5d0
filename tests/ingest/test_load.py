"""The loader and a whole run on a real SQLite file: idempotency, updates in place, isolation."""

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

import ingest.load
from app.models import Company, Faq, Market, Segment
from ingest.load import LoadStatus
from ingest.report import ParsedReport
from ingest.run import run_ingest
from tests.databases import dump_tables
from tests.golden import cross_market, gold_market, gold_markets
from tests.paths import SEEDS_DIR

SEEDS = len(gold_markets())


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def test_seeds_load_with_gold_cross_market_facts(engine: Engine) -> None:
    summary = run_ingest([SEEDS_DIR], engine=engine)
    assert summary.count(LoadStatus.CREATED) == SEEDS and not summary.failures
    cross = cross_market()
    with Session(engine) as session:
        companies = session.exec(select(Company)).all()
        assert len(companies) == cross["distinct_companies"]
        by_slug = {company.slug: company for company in companies}
        for group in cross["company_groups"]:
            company = by_slug[group["slug"]]
            assert company.name == group["name"]
            assert set(company.aliases) == set(group["aliases"])
        hospital_markets = session.exec(
            select(Market.slug)
            .join(Segment, col(Segment.market_id) == col(Market.id))
            .where(Segment.key == "hospital")
        ).all()
        assert sorted(hospital_markets) == sorted(cross["segment_key_markets"]["hospital"])


def test_second_run_skips_unchanged_files_and_changes_nothing(engine: Engine) -> None:
    run_ingest([SEEDS_DIR], engine=engine)
    before = dump_tables(engine)
    summary = run_ingest([SEEDS_DIR], engine=engine)
    assert summary.count(LoadStatus.UNCHANGED) == SEEDS
    assert dump_tables(engine) == before


def test_reloading_the_same_reports_leaves_identical_tables(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_ingest([SEEDS_DIR], engine=engine)
    before = dump_tables(engine)
    monkeypatch.setattr("ingest.files.unchanged_hashes", lambda *_: set())  # force a re-parse
    summary = run_ingest([SEEDS_DIR], engine=engine)
    assert summary.count(LoadStatus.UPDATED) == SEEDS
    assert dump_tables(engine) == before


def test_changed_file_updates_its_market_in_place(engine: Engine, seed_copy: Path) -> None:
    run_ingest([seed_copy], engine=engine)
    iclusig = gold_market("united-states-iclusig")
    with Session(engine) as session:
        market_id = session.exec(select(Market.id).where(Market.slug == iclusig["slug"])).one()
    path = seed_copy / iclusig["file"]
    removed_faq = "<p>Is Iclusig covered by insurance?</p>"
    html = path.read_text(encoding="utf-8")
    assert removed_faq in html
    html = html.replace("CAGR of 10.5%", "CAGR of 11.0%").replace(removed_faq, "")
    path.write_text(html, encoding="utf-8")

    summary = run_ingest([seed_copy], engine=engine)
    assert summary.count(LoadStatus.UPDATED) == 1
    assert summary.count(LoadStatus.UNCHANGED) == SEEDS - 1
    with Session(engine) as session:
        market = session.exec(select(Market).where(Market.id == market_id)).one()
        assert market.cagr_percent == 11.0
        questions = session.exec(select(Faq.question).where(Faq.market_id == market_id)).all()
        assert len(questions) == len(iclusig["faqs"]) - 1  # all but the removed one
        assert "Is Iclusig covered by insurance?" not in questions
        assert session.exec(select(func.count()).select_from(Market)).one() == SEEDS


def test_a_failing_write_leaves_no_half_market(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_row = ingest.load._provenance_row

    def fail_for_iclusig(market_id: int, report: ParsedReport, now: Any) -> dict[str, Any]:
        if report.slug == "united-states-iclusig":
            raise OperationalError("INSERT INTO provenance", {}, Exception("disk I/O error"))
        return real_row(market_id, report, now)

    monkeypatch.setattr(ingest.load, "_provenance_row", fail_for_iclusig)
    summary = run_ingest([SEEDS_DIR], engine=engine)
    iclusig = gold_market("united-states-iclusig")
    assert [Path(f.file).name for f in summary.failures] == [iclusig["file"]]
    assert "disk I/O error" in (summary.failures[0].reason or "")
    with Session(engine) as session:
        slugs = session.exec(select(Market.slug)).all()
        assert len(slugs) == SEEDS - 1 and "united-states-iclusig" not in slugs
        orphans = session.exec(
            select(func.count())
            .select_from(Segment)
            .where(col(Segment.market_id).not_in(select(Market.id)))
        ).one()
        assert orphans == 0
        assert (
            session.exec(select(Company).where(Company.slug == "ariad-pharmaceuticals")).first()
            is None
        )


def test_same_report_id_in_two_files_is_one_market(engine: Engine, tmp_path: Path) -> None:
    original = (SEEDS_DIR / "001_44f0dd4fdcc0169a.txt").read_text(encoding="utf-8")
    (tmp_path / "a.html").write_text(original, encoding="utf-8")
    (tmp_path / "b.html").write_text(original.replace("USD 2.5 Billion", "USD 2.6 Billion"))
    summary = run_ingest([tmp_path / "a.html", tmp_path / "b.html"], engine=engine)
    assert [o.status for o in summary.outcomes] == [LoadStatus.CREATED, LoadStatus.UPDATED]
    with Session(engine) as session:
        assert session.exec(select(Market.size_usd)).all() == [2_600_000_000]


def test_a_slug_taken_by_another_report_fails_that_file_only(
    engine: Engine, tmp_path: Path
) -> None:
    original = (SEEDS_DIR / "001_44f0dd4fdcc0169a.txt").read_text(encoding="utf-8")
    (tmp_path / "a.html").write_text(original, encoding="utf-8")
    (tmp_path / "b.html").write_text(original.replace("rid=857292", "rid=999999"))
    summary = run_ingest([tmp_path], engine=engine)
    assert summary.count(LoadStatus.CREATED) == 1
    assert "already belongs to another report" in (summary.failures[0].reason or "")


def test_companies_no_longer_listed_are_removed(engine: Engine, seed_copy: Path) -> None:
    run_ingest([seed_copy], engine=engine)
    path = seed_copy / "001_44f0dd4fdcc0169a.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("<li>Amgen</li>", "<li>Amgen Inc</li>")
    )
    run_ingest([seed_copy], engine=engine)
    with Session(engine) as session:
        amgen = session.exec(select(Company).where(Company.slug == "amgen")).one()
        assert amgen.aliases == ["Amgen Inc"] and amgen.name == "Amgen Inc"
    path.write_text(path.read_text(encoding="utf-8").replace("<li>Amgen Inc</li>", ""))
    run_ingest([seed_copy], engine=engine)
    with Session(engine) as session:
        assert session.exec(select(Company).where(Company.slug == "amgen")).first() is None
