"""Prose packed with zlib on SQLite (SPEC §6 P6): segment descriptions, insights, FAQ answers
and the sentences figures were read from

These columns are most of a market's bytes; app/core/packed_text.py stores each value of 128
bytes or more as a zlib blob when that is smaller. Each FTS5 index now reads its content
from a view that gives the text (`inflate_text(column)`), so `rebuild` and `integrity-check`
see what the triggers index. Existing rows are packed here and the indexes rebuilt; `VACUUM`
returns the freed pages to the file system.

PostgreSQL is unchanged: its columns stay text.

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-26 19:30:00
"""

from collections.abc import Callable, Sequence

from alembic import context, op
from sqlalchemy import Connection, text

from app.core.packed_text import pack, unpack

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Table → its packed columns.
_PACKED = {
    "segment": ("description",),
    "insight": ("text",),
    "faq": ("answer",),
    "figure": ("sentence",),
    "provenance": ("size_sentence", "forecast_sentence", "cagr_sentence"),
}
_KEY = {"provenance": "market_id"}  # every other table's is `id`
# Content table → (FTS5 table, its indexed columns).
_INDEXED = {
    "segment": ("market_search_segment", ("name", "description")),
    "insight": ("market_search_insight", ("text",)),
    "faq": ("market_search_faq", ("question", "answer")),
}
_TOKENIZER = "porter unicode61 remove_diacritics 2"
_BATCH_ROWS = 5_000


def _drop_index(table: str) -> list[str]:
    fts = _INDEXED[table][0]
    return [
        *(f"DROP TRIGGER {fts}_{event}" for event in ("insert", "delete", "update")),
        f"DROP TABLE {fts}",
        f"DROP VIEW IF EXISTS {fts}_text",
    ]


def _create_index(table: str, *, packed: bool) -> list[str]:
    """The FTS5 index of `table`, its triggers and its rebuild; with `packed`, over the view
    of its text (migration 0023), else over the table itself (migrations 0009 and 0010)."""
    fts, columns = _INDEXED[table]

    def value(row: str, column: str) -> str:
        stored = f"{row}.{column}"
        return f"inflate_text({stored})" if packed and column in _PACKED[table] else stored

    names = ", ".join(columns)
    new = ", ".join(value("new", c) for c in columns)
    old = ", ".join(value("old", c) for c in columns)
    changed = " OR ".join(f"{value('old', c)} IS NOT {value('new', c)}" for c in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"
    content = f"{fts}_text" if packed else table
    texts = ", ".join(f"{value(table, c)} AS {c}" for c in columns)
    return [
        *([f"CREATE VIEW {content} AS SELECT id, {texts} FROM {table}"] if packed else []),
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{content}', "
        f"content_rowid='id', tokenize='{_TOKENIZER}', detail=none, columnsize=0)",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} "
        f"WHEN {changed} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _repack(connection: Connection, table: str, convert: Callable[[str], object]) -> None:
    """Each row's packed columns rewritten as `convert` gives them where that changes them, a
    batch of keys at a time."""
    key = _KEY.get(table, "id")
    for column in _PACKED[table]:
        last = 0
        batch = text(
            f"SELECT {key}, {column} FROM {table} WHERE {key} > :last ORDER BY {key} LIMIT :n"
        )
        while rows := connection.execute(batch, {"last": last, "n": _BATCH_ROWS}).all():
            converted = ((k, stored, convert(unpack(stored) or "")) for k, stored in rows if stored)
            updates = [{"k": k, "value": new} for k, stored, new in converted if new != stored]
            if updates:
                update = text(f"UPDATE {table} SET {column} = :value WHERE {key} = :k")
                connection.execute(update, updates)
            last = rows[-1][0]


def _rewrite(*, packed: bool) -> None:
    """Each searched table's index dropped, every packed column (un)packed with no trigger to
    fire, then each index created again over the text."""
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    for table in _INDEXED:
        for statement in _drop_index(table):
            op.execute(statement)
    if not context.is_offline_mode():  # SQL written out (`--sql`) leaves rows as they are
        for table in _PACKED:
            _repack(connection, table, pack if packed else str)
    for table in _INDEXED:
        for statement in _create_index(table, packed=packed):
            op.execute(statement)


def upgrade() -> None:
    _rewrite(packed=True)


def downgrade() -> None:
    _rewrite(packed=False)
