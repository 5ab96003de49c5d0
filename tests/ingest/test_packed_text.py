"""Prose packed in the SQLite file (app/core/packed_text.py, migration 0023): stored smaller,
read back as written, and indexed as text by the full-text triggers through every write."""

import random
import sqlite3
import string
from pathlib import Path

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text
from sqlmodel import Session, col

from app.core.db import alembic_config
from app.core.packed_text import MIN_PACKED_BYTES, pack, unpack
from app.main import create_app
from app.models import Segment
from ingest.load import delete_market
from ingest.run import run_ingest
from tests.databases import dump_tables, uses_postgresql
from tests.golden import gold_market
from tests.paths import SEEDS_DIR

SEED = gold_market("united-states-t-cells-leukemia-treatment")
# A word of the seed's hospital segment description, found nowhere else on its page.
WORD = "cornerstone"


@pytest.mark.backend_independent
def test_pack_keeps_text_it_cannot_shrink_and_round_trips_the_rest() -> None:
    prose = (SEEDS_DIR / SEED["file"]).read_text(encoding="utf-8")[:4000]
    assert isinstance(pack(prose), bytes) and len(pack(prose)) < len(prose.encode()) / 2
    assert unpack(pack(prose)) == prose
    short = prose[: MIN_PACKED_BYTES - 1]
    assert pack(short) == short
    # At the threshold but with nothing to find: zlib would make it a byte longer.
    noise = "".join(
        random.Random(0).choices(string.ascii_letters + string.digits, k=MIN_PACKED_BYTES)
    )
    assert pack(noise) == noise and unpack(noise) == noise


def _markets_matching(database_url: str, word: str) -> set[str]:
    with TestClient(create_app(database_url)) as client:
        response = client.get("/markets", params={"q": word, "fields": "slug"})
    assert response.status_code == 200, response.text
    return {market["slug"] for market in response.json()["items"]}


def _check_full_text_indexes(engine: Engine) -> None:
    """(SQLite) FTS5's own check that each full-text index the schema has holds exactly its
    content's text."""
    if uses_postgresql():
        return
    with engine.begin() as connection:
        indexes = connection.execute(
            text("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")
        ).scalars()
        for fts in indexes:
            connection.execute(
                text(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
            )


def test_packed_descriptions_are_searched_by_their_words_through_every_write(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    page = (SEEDS_DIR / SEED["file"]).read_text(encoding="utf-8")
    assert page.count(WORD) == 1
    report = tmp_path / SEED["file"]
    report.write_text(page.replace(WORD, "zorblaxite"), encoding="utf-8")
    assert not run_ingest([report], engine=engine).failures

    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT description FROM segment WHERE key = 'hospital'")
        ).scalar_one()
        description = connection.execute(
            select(col(Segment.description)).where(col(Segment.key) == "hospital")
        ).scalar_one()
    assert "zorblaxite" in description and SEED["segments"][0]["key"] == "hospital"
    # Bytes on SQLite, the text itself on PostgreSQL.
    assert isinstance(stored, str if uses_postgresql() else bytes)
    _check_full_text_indexes(engine)
    assert _markets_matching(database_url, "zorblaxite") == {SEED["slug"]}

    report.write_text(page.replace(WORD, "quuxilane"), encoding="utf-8")
    assert not run_ingest([report], engine=engine).failures
    _check_full_text_indexes(engine)
    assert _markets_matching(database_url, "zorblaxite") == set()
    assert _markets_matching(database_url, "quuxilane") == {SEED["slug"]}

    with Session(engine) as session, session.begin():
        assert delete_market(session, SEED["slug"])
    _check_full_text_indexes(engine)
    assert _markets_matching(database_url, "quuxilane") == set()


@pytest.mark.sqlite_only
def test_a_tool_without_the_function_cannot_write_what_the_index_reads(
    engine: Engine, database_url: str
) -> None:
    """The `sqlite3` shell has no `inflate_text`: deleting a FAQ there is refused, not left
    out of the full-text index."""
    assert not run_ingest([SEEDS_DIR / SEED["file"]], engine=engine).failures
    path = engine.url.database
    assert path
    with (
        sqlite3.connect(path) as shell,
        pytest.raises(sqlite3.OperationalError, match="inflate_text"),
    ):
        shell.execute("DELETE FROM faq")
    _check_full_text_indexes(engine)
    assert _markets_matching(database_url, WORD) == {SEED["slug"]}


@pytest.mark.sqlite_only
def test_migrations_0023_to_0025_keep_every_row_through_a_round_trip(
    engine: Engine, database_url: str
) -> None:
    """0023 packs prose, 0024 clusters two tables on their keys, 0025 indexes each market's
    texts in one row; down to 0022 and up again on an ingested file, the rows and what the
    indexes answer stay the same."""
    assert not run_ingest([SEEDS_DIR], engine=engine).failures
    rows = dump_tables(engine)
    matched = _markets_matching(database_url, WORD)
    assert SEED["slug"] in matched
    engine.dispose()
    stored_types = text(
        "SELECT typeof(description) FROM segment UNION SELECT typeof(size_sentence) FROM provenance"
    )
    clustered = text(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID'"
    )

    command.downgrade(alembic_config(database_url), "0022")
    with engine.connect() as connection:
        assert set(connection.execute(stored_types).scalars()) == {"text"}
        assert {"market_company", "ingest_file_state"}.isdisjoint(
            connection.execute(clustered).scalars()
        )
    _check_full_text_indexes(engine)

    command.upgrade(alembic_config(database_url), "head")
    with engine.connect() as connection:
        assert "blob" in set(connection.execute(stored_types).scalars())
        assert {"market_company", "ingest_file_state"} <= set(
            connection.execute(clustered).scalars()
        )
    _check_full_text_indexes(engine)
    assert dump_tables(engine) == rows
    assert _markets_matching(database_url, WORD) == matched
    # The company counters' triggers came back with their table: a deletion keeps them exact.
    miscounted = text(
        "SELECT c.slug FROM company c WHERE c.market_count <> "
        "(SELECT count(DISTINCT l.market_id) FROM market_company l WHERE l.company_id = c.id)"
    )
    with Session(engine) as session, session.begin():
        assert delete_market(session, SEED["slug"])
        assert session.connection().execute(miscounted).all() == []


@pytest.mark.postgresql_only
def test_migration_0026_round_trip_keeps_what_search_answers(
    engine: Engine, database_url: str
) -> None:
    """PostgreSQL's row per market (0026): down to 0025 (each text's own GIN index) and up
    again, the same markets match, and every market has its row back."""
    assert not run_ingest([SEEDS_DIR], engine=engine).failures
    matched = _markets_matching(database_url, WORD)
    assert SEED["slug"] in matched
    engine.dispose()
    command.downgrade(alembic_config(database_url), "0025")
    command.upgrade(alembic_config(database_url), "head")
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT (SELECT count(*) FROM market_search) = (SELECT count(*) FROM market)")
        ).scalar_one()
    assert rows
    assert _markets_matching(database_url, WORD) == matched


def test_rebuild_search_indexes_texts_another_tool_wrote(engine: Engine, database_url: str) -> None:
    """The loader keeps each market's search row; a text written around it is searched only
    after `python -m ingest --rebuild-search`, which also tells caches the data changed."""
    from typer.testing import CliRunner

    from ingest.__main__ import cli

    assert not run_ingest([SEEDS_DIR / SEED["file"]], engine=engine).failures
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE segment SET description = 'zorblaxite' WHERE key = 'hospital'")
        )
        version = text("SELECT version FROM dataset_version")
        before = connection.execute(version).scalar_one()
    assert _markets_matching(database_url, "zorblaxite") == set()

    result = CliRunner().invoke(cli, ["--rebuild-search", "--database-url", database_url])
    assert result.exit_code == 0, result.output
    assert _markets_matching(database_url, "zorblaxite") == {SEED["slug"]}
    _check_full_text_indexes(engine)
    with engine.connect() as connection:
        assert connection.execute(version).scalar_one() == before + 1
