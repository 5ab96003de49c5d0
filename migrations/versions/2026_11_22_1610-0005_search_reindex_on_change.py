"""SQLite: re-index a market's search text only when the text changed

The loader rewrites whole market rows; re-indexing an unchanged text would only churn the FTS5
index. PostgreSQL's generated tsvector needs no change.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 16:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REINDEX = (
    "INSERT INTO market_search(market_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO market_search(rowid, search_text) VALUES (new.id, new.search_text); END"
)


def _replace_trigger(condition: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER market_search_update")
    op.execute(
        f"CREATE TRIGGER market_search_update AFTER UPDATE OF search_text ON market "
        f"{condition}BEGIN {_REINDEX}"
    )


def upgrade() -> None:
    _replace_trigger("WHEN old.search_text IS NOT new.search_text ")


def downgrade() -> None:
    _replace_trigger("")
