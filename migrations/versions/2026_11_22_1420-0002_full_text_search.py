"""full-text search over market.search_text: FTS5 on SQLite, tsvector + GIN on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 14:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# An external-content FTS5 index over market.search_text, kept in step by triggers.
SQLITE_UPGRADE = [
    "CREATE VIRTUAL TABLE market_search USING fts5(search_text, content='market', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER market_search_insert AFTER INSERT ON market BEGIN "
    "INSERT INTO market_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER market_search_delete AFTER DELETE ON market BEGIN "
    "INSERT INTO market_search(market_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER market_search_update AFTER UPDATE OF search_text ON market BEGIN "
    "INSERT INTO market_search(market_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO market_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO market_search(market_search) VALUES ('rebuild')",
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER market_search_update",
    "DROP TRIGGER market_search_delete",
    "DROP TRIGGER market_search_insert",
    "DROP TABLE market_search",
]
# A stored, generated tsvector: PostgreSQL keeps it current on every write.
POSTGRESQL_UPGRADE = [
    "ALTER TABLE market ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED",
    "CREATE INDEX ix_market_search_vector ON market USING gin (search_vector)",
]
POSTGRESQL_DOWNGRADE = [
    "DROP INDEX ix_market_search_vector",
    "ALTER TABLE market DROP COLUMN search_vector",
]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements[op.get_bind().dialect.name]:
        op.execute(statement)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
