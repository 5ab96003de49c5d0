"""PostgreSQL indexes for the descending market sorts

`GET /markets?sort=-cagr_percent` orders by `cagr_percent DESC NULLS LAST, slug`. PostgreSQL
reads its ascending indexes backwards with nulls first, so every descending sort read and
sorted all matching markets (70 ms at 100,000). An index in exactly that order gives a page
from its first entries. SQLite needs none: it keeps nulls first, so a backward scan already
ends with them, and it sorts only the ties on slug. Kept out of the models (SQLite would get
them too); migrations/env.py leaves them out of the comparison.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-26 00:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# app/repositories/markets.py MARKET_SORT's fields
SORTED_COLUMNS = ("name", "cagr_percent", "size_usd", "forecast_usd", "implied_cagr_percent")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in SORTED_COLUMNS:
        op.execute(
            f"CREATE INDEX ix_market_sort_desc_{column} ON market ({column} DESC NULLS LAST, slug)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in SORTED_COLUMNS:
        op.execute(f"DROP INDEX ix_market_sort_desc_{column}")
