"""The loader and a whole run on a real SQLite file: idempotency, updates in place, isolation."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, MetaData, select, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

import ingest.load
from app.models import Company, Faq, Market, Segment
from ingest.load import LoadStatus
from ingest.run import run_ingest
from tests.paths import SEEDS_DIR, seed_gold

# Columns that record when, not what: excluded from "identical tables".
TIMESTAMP_COLUMNS = {"updated_at", "ingested_at", "started_at", "finished_at"}
RUN_TABLES = {
    "ingest_run",
    "ingest_file_outcome",
    "ingest_file_state",
    "alembic_version",
    "dataset_version",
}


def dump_tables(engine: Engine, *, ignore_ids: bool = False) -> dict[str, list[tuple]]:
    metadata = MetaData()
    metadata.reflect(engine)
    dump = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name in RUN_TABLES:
                continue
            # Children are replaced on update, so their surrogate ids are not part of the data;
            # market and company ids must stay stable and are compared.
            replaced = "market_id" in table.columns and table.name != "provenance"
            columns = [
                c
                for c in table.columns
                if c.name not in TIMESTAMP_COLUMNS
                and not ((replaced or ignore_ids) and c.name == "id")
                and not (ignore_ids and c.name in {"market_id", "company_id"})
            ]
            rows = connection.execute(select(*columns)).all()
            dump[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    return dump


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def test_seeds_load_with_gold_cross_market_facts(engine):
    summary = run_ingest([SEEDS_DIR], engine=engine)
    assert summary.count(LoadStatus.CREATED) == 5 and not summary.failures
    cross = seed_gold()["cross_market"]
    with Session(engine) as session:
        companies = session.exec(select(Company)).scalars().all()
        assert len(companies) == cross["distinct_companies"]
        by_slug = {company.slug: company for company in companies}
        for group in cross["company_groups"]:
            company = by_slug[group["slug"]]
            assert company.name == group["name"]
            assert set(company.aliases) == set(group["aliases"])
        hospital_markets = (
            session.exec(
                select(Market.slug)
                .join(Segment, Segment.market_id == Market.id)
                .where(Segment.key == "hospital")
            )
            .scalars()
            .all()
        )
        assert sorted(hospital_markets) == sorted(cross["segment_key_markets"]["hospital"])


def test_second_run_skips_unchanged_files_and_changes_nothing(engine):
    run_ingest([SEEDS_DIR], engine=engine)
    before = dump_tables(engine)
    summary = run_ingest([SEEDS_DIR], engine=engine)
    assert summary.count(LoadStatus.UNCHANGED) == 5
    assert dump_tables(engine) == before


def test_reloading_the_same_reports_leaves_identical_tables(engine, monkeypatch):
    run_ingest([SEEDS_DIR], engine=engine)
    before = dump_tables(engine)
    monkeypatch.setattr("ingest.run.unchanged_hashes", lambda *_: set())  # force a re-parse
    summary = run_ingest([SEEDS_DIR], engine=engine)
    assert summary.count(LoadStatus.UPDATED) == 5
    assert dump_tables(engine) == before


def test_changed_file_updates_its_market_in_place(engine, seed_copy):
    run_ingest([seed_copy], engine=engine)
    with Session(engine) as session:
        market_id = session.exec(
            select(Market.id).where(Market.slug == "united-states-iclusig")
        ).scalar_one()
    path = seed_copy / "002_67a20397f5666d95.txt"
    removed_faq = "<p>Is Iclusig covered by insurance?</p>"
    html = path.read_text(encoding="utf-8")
    assert removed_faq in html
    html = html.replace("CAGR of 10.5%", "CAGR of 11.0%").replace(removed_faq, "")
    path.write_text(html, encoding="utf-8")

    summary = run_ingest([seed_copy], engine=engine)
    assert summary.count(LoadStatus.UPDATED) == 1
    assert summary.count(LoadStatus.UNCHANGED) == 4
    with Session(engine) as session:
        market = session.exec(select(Market).where(Market.id == market_id)).scalar_one()
        assert market.cagr_percent == 11.0
        questions = session.exec(select(Faq.question).where(Faq.market_id == market_id))
        questions = questions.scalars().all()
        assert len(questions) == 9
        assert "Is Iclusig covered by insurance?" not in questions
        assert session.exec(text("select count(*) from market")).scalar_one() == 5


def test_a_failing_write_leaves_no_half_market(engine, monkeypatch):
    real_row = ingest.load._provenance_row

    def fail_for_iclusig(market_id, report, now):
        if report.slug == "united-states-iclusig":
            raise OperationalError("INSERT INTO provenance", {}, Exception("disk I/O error"))
        return real_row(market_id, report, now)

    monkeypatch.setattr(ingest.load, "_provenance_row", fail_for_iclusig)
    summary = run_ingest([SEEDS_DIR], engine=engine)
    assert [Path(f.file).name for f in summary.failures] == ["002_67a20397f5666d95.txt"]
    assert "disk I/O error" in (summary.failures[0].reason or "")
    with Session(engine) as session:
        slugs = session.exec(select(Market.slug)).scalars().all()
        assert len(slugs) == 4 and "united-states-iclusig" not in slugs
        orphans = session.exec(
            text("select count(*) from segment where market_id not in (select id from market)")
        ).scalar_one()
        assert orphans == 0
        assert (
            session.exec(select(Company).where(Company.slug == "ariad-pharmaceuticals")).first()
            is None
        )


def test_same_report_id_in_two_files_is_one_market(engine, tmp_path):
    original = (SEEDS_DIR / "001_44f0dd4fdcc0169a.txt").read_text(encoding="utf-8")
    (tmp_path / "a.html").write_text(original, encoding="utf-8")
    (tmp_path / "b.html").write_text(original.replace("USD 2.5 Billion", "USD 2.6 Billion"))
    summary = run_ingest([tmp_path / "a.html", tmp_path / "b.html"], engine=engine)
    assert [o.status for o in summary.outcomes] == [LoadStatus.CREATED, LoadStatus.UPDATED]
    with Session(engine) as session:
        assert session.exec(select(Market.size_usd)).scalars().all() == [2_600_000_000]


def test_a_slug_taken_by_another_report_fails_that_file_only(engine, tmp_path):
    original = (SEEDS_DIR / "001_44f0dd4fdcc0169a.txt").read_text(encoding="utf-8")
    (tmp_path / "a.html").write_text(original, encoding="utf-8")
    (tmp_path / "b.html").write_text(original.replace("rid=857292", "rid=999999"))
    summary = run_ingest([tmp_path], engine=engine)
    assert summary.count(LoadStatus.CREATED) == 1
    assert "already belongs to another report" in (summary.failures[0].reason or "")


def test_companies_no_longer_listed_are_removed(engine, seed_copy):
    run_ingest([seed_copy], engine=engine)
    path = seed_copy / "001_44f0dd4fdcc0169a.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("<li>Amgen</li>", "<li>Amgen Inc</li>")
    )
    run_ingest([seed_copy], engine=engine)
    with Session(engine) as session:
        amgen = session.exec(select(Company).where(Company.slug == "amgen")).scalar_one()
        assert amgen.aliases == ["Amgen Inc"] and amgen.name == "Amgen Inc"
    path.write_text(path.read_text(encoding="utf-8").replace("<li>Amgen Inc</li>", ""))
    run_ingest([seed_copy], engine=engine)
    with Session(engine) as session:
        assert session.exec(select(Company).where(Company.slug == "amgen")).first() is None
