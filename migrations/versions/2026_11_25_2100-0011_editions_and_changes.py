"""Editions of each report and the changes feed

`edition`: every distinct content version of a market's report, with its headline figures.
`change`: what each write did to which market, under the dataset version it produced.
Existing markets get their first edition from what they hold now, and one `created` change
at the current version, so that a client syncing from version 0 receives every market.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FIGURES = (
    "size_usd, size_year, forecast_usd, forecast_year, cagr_percent, cagr_start_year, "
    "cagr_end_year, currency"
)


def upgrade() -> None:
    op.create_table(
        "edition",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "market_id",
            sa.Integer(),
            sa.ForeignKey("market.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("size_usd", sa.BigInteger(), nullable=True),
        sa.Column("size_year", sa.Integer(), nullable=True),
        sa.Column("forecast_usd", sa.BigInteger(), nullable=True),
        sa.Column("forecast_year", sa.Integer(), nullable=True),
        sa.Column("cagr_percent", sa.Float(), nullable=True),
        sa.Column("cagr_start_year", sa.Integer(), nullable=True),
        sa.Column("cagr_end_year", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(), nullable=True),
    )
    op.create_index("ix_edition_market_number", "edition", ["market_id", "number"], unique=True)
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("change", sa.String(), nullable=False),
    )
    op.create_index("ix_change_version", "change", ["version"])
    op.execute(
        f"INSERT INTO edition (market_id, number, sha256, ingested_at, published_on, {_FIGURES}) "
        f"SELECT m.id, 1, p.sha256, p.ingested_at, p.published_on, "
        f"{', '.join('m.' + name.strip() for name in _FIGURES.split(','))} "
        "FROM market m JOIN provenance p ON p.market_id = m.id"
    )
    op.execute(
        "INSERT INTO change (version, at, slug, change) "
        "SELECT (SELECT version FROM dataset_version WHERE id = 1), m.updated_at, m.slug, "
        "'created' FROM market m ORDER BY m.id"
    )


def downgrade() -> None:
    op.drop_index("ix_change_version", table_name="change")
    op.drop_table("change")
    op.drop_index("ix_edition_market_number", table_name="edition")
    op.drop_table("edition")
