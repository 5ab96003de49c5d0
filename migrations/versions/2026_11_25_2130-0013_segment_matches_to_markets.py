"""A small index from segment ids to their markets, for `q` on SQLite

GET /markets?q= finds a word's segments by their full-text index (migration 0010), which
gives segment ids; their markets were read from the segment rows themselves, about a kilobyte
each with their descriptions, three to a page: 37,000 matches of a common word read as many
pages. An index on (id, market_id) holds the same answer in 15 bytes a segment (68 bytes a
market at 100,000 markets), and app/repositories/search.py names it with `INDEXED BY`, since
SQLite always prefers the rowid for `id IN (…)`. Insights and FAQs, shorter rows in fewer
pages a market, gain too little from one to pay for its bytes.

Its name starts with `market_search`, as the full-text indexes do, which migrations/env.py
leaves out of the model comparison: it exists only on SQLite. PostgreSQL's GIN index over
the segment text returns the rows with their market ids; it needs nothing.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-25 21:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UPGRADE = ["CREATE INDEX market_search_segment_market ON segment (id, market_id)"]
SQLITE_DOWNGRADE = ["DROP INDEX market_search_segment_market"]
POSTGRESQL_UPGRADE: list[str] = []
POSTGRESQL_DOWNGRADE: list[str] = []


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements[op.get_bind().dialect.name]:
        op.execute(statement)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
