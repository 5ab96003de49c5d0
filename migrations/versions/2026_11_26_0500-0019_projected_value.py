"""Each market's value in the kept years, so that GET /projections?year= reads a page from
an index instead of computing every market's value

`projected_value` holds, per market and year of app/projected.py KEPT_YEARS (2015-2040), the
whole-dollar value GET /projections serves and its kind, with an index on (year, value_usd):
the page of a year sorted by value is the first entries of that index, its total a count of
one range. `projected_year` counts the markets with a value in each kept year: the total of
a page without filters. The loader rewrites a market's values and their counts with its
figures, and takes them out with a market it removes (ON DELETE CASCADE stays as a guard). Rows are narrow and, on SQLite, clustered on their key
(WITHOUT ROWID): about 26 rows of 20 bytes per market.

The values are computed by the statement the API computes other years with
(app/projected.py), here for every market already stored.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-26 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.projected import keep_values

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "projected_value",
        sa.Column(
            "market_id",
            sa.Integer(),
            sa.ForeignKey("market.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("value_usd", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Integer(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_projected_value_year_value", "projected_value", ["year", "value_usd"])
    op.create_table(
        "projected_year",
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("markets", sa.Integer(), nullable=False),
    )
    keep_values(op.get_bind(), buckets=False)  # their table comes with 0021


def downgrade() -> None:
    op.drop_table("projected_year")
    op.drop_index("ix_projected_value_year_value", table_name="projected_value")
    op.drop_table("projected_value")
