"""Full-text search over the text already stored: no `market.search_text` copy

`q` on GET /markets searched a lowercased copy of each market's title, summary, segments,
insights and FAQs, indexed again by FTS5 (half of the SQLite file). Each of those tables is
now indexed where its text lives: on SQLite by external-content FTS5 tables kept in step by
triggers (they store only the index), on PostgreSQL by GIN indexes over the same expressions
the queries use. A market matches when every word of `q` is in any of its texts.

The market_id indexes of segment, insight and faq go too: a composite index on each starts
with market_id. On SQLite the space the column held is reused by later writes; `VACUUM`
returns it to the file system at once.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 19:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# FTS5 table → (content table, indexed columns, tokenizer).
_STEMMED = "porter unicode61 remove_diacritics 2"
_SQLITE_INDEXES = {
    "market_search_market": ("market", ("title", "summary")),
    "market_search_segment": ("segment", ("name", "description")),
    "market_search_insight": ("insight", ("text",)),
}


def _fts5(fts: str, table: str, columns: tuple[str, ...]) -> list[str]:
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='id', tokenize='{_STEMMED}', detail=none, columnsize=0)",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} "
        f"WHEN {changed} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


SQLITE_UPGRADE = [
    "DROP TRIGGER market_search_update",
    "DROP TRIGGER market_search_delete",
    "DROP TRIGGER market_search_insert",
    "DROP TABLE market_search",
    "ALTER TABLE market DROP COLUMN search_text",
    *(
        statement
        for fts, (table, columns) in _SQLITE_INDEXES.items()
        for statement in _fts5(fts, table, columns)
    ),
]
SQLITE_DOWNGRADE = [
    *(
        f"DROP TRIGGER {fts}_{event}"
        for fts in _SQLITE_INDEXES
        for event in ("insert", "delete", "update")
    ),
    *(f"DROP TABLE {fts}" for fts in _SQLITE_INDEXES),
    # Back to migration 0002's index, over a column the loader fills again on its next run.
    "ALTER TABLE market ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
    "CREATE VIRTUAL TABLE market_search USING fts5(search_text, content='market', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER market_search_insert AFTER INSERT ON market BEGIN "
    "INSERT INTO market_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER market_search_delete AFTER DELETE ON market BEGIN "
    "INSERT INTO market_search(market_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER market_search_update AFTER UPDATE OF search_text ON market "
    "WHEN old.search_text IS NOT new.search_text BEGIN "
    "INSERT INTO market_search(market_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO market_search(rowid, search_text) VALUES (new.id, new.search_text); END",
]

# The same expressions as app/repositories/search.py, so that the planner uses them.
_PG_INDEXES = {
    "ix_market_search_vector_market": ("market", "title || ' ' || coalesce(summary, '')"),
    "ix_market_search_vector_segment": ("segment", "name || ' ' || description"),
    "ix_market_search_vector_insight": ("insight", "text"),
}
POSTGRESQL_UPGRADE = [
    "DROP INDEX ix_market_search_vector",
    "ALTER TABLE market DROP COLUMN search_vector",
    "ALTER TABLE market DROP COLUMN search_text",
    *(
        f"CREATE INDEX {name} ON {table} USING gin (to_tsvector('english', {expression}))"
        for name, (table, expression) in _PG_INDEXES.items()
    ),
]
POSTGRESQL_DOWNGRADE = [
    *(f"DROP INDEX {name}" for name in _PG_INDEXES),
    "ALTER TABLE market ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE market ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED",
    "CREATE INDEX ix_market_search_vector ON market USING gin (search_vector)",
]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements[op.get_bind().dialect.name]:
        op.execute(statement)


# Each is the first column of a composite index on the same table (market_id, position…).
_REDUNDANT_INDEXES = {
    "ix_segment_market_id": "segment",
    "ix_insight_market_id": "insight",
    "ix_faq_market_id": "faq",
}


def upgrade() -> None:
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})
    for name, table in _REDUNDANT_INDEXES.items():
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table in _REDUNDANT_INDEXES.items():
        op.create_index(name, table, ["market_id"])
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
