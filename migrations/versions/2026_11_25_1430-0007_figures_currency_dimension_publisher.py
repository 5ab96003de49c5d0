"""Every dated figure, the currency of the stated amounts, segment dimensions, publisher and date

Markets already loaded get their size and forecast as figures (both in USD, the only currency
the earlier parser read); the parser version bump re-parses their files on the next ingest.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 14:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BACKFILL_FIGURES = """
INSERT INTO figure (market_id, position, year, amount, currency, value_usd, sentence)
SELECT market.id, {position}, market.{kind}_year, market.{kind}_usd, 'USD', market.{kind}_usd,
       COALESCE(provenance.{kind}_sentence, '')
FROM market LEFT JOIN provenance ON provenance.market_id = market.id
WHERE market.{kind}_usd IS NOT NULL AND market.{kind}_year IS NOT NULL {extra}
"""


def upgrade() -> None:
    op.add_column("market", sa.Column("currency", sa.String(), nullable=True))
    op.add_column(
        "segment",
        sa.Column("dimension", sa.String(), nullable=False, server_default="application"),
    )
    op.create_index("ix_segment_dimension", "segment", ["dimension"])
    op.add_column("provenance", sa.Column("publisher", sa.String(), nullable=True))
    op.add_column("provenance", sa.Column("published_on", sa.Date(), nullable=True))
    op.create_index("ix_provenance_publisher", "provenance", ["publisher"])
    op.create_table(
        "figure",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "market_id",
            sa.Integer(),
            sa.ForeignKey("market.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("value_usd", sa.BigInteger(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
    )
    op.create_index(
        "ix_figure_market_position", "figure", ["market_id", "position"], unique=True
    )
    op.execute(_BACKFILL_FIGURES.format(kind="size", position=0, extra=""))
    op.execute(
        _BACKFILL_FIGURES.format(
            kind="forecast",
            position=1,
            # A forecast in the size's own year would repeat the size.
            extra="AND (market.size_year IS NULL OR market.size_year <> market.forecast_year)",
        )
    )
    op.execute(
        "UPDATE market SET currency = 'USD' "
        "WHERE size_usd IS NOT NULL OR forecast_usd IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_index("ix_figure_market_position", table_name="figure")
    op.drop_table("figure")
    op.drop_index("ix_provenance_publisher", table_name="provenance")
    op.drop_column("provenance", "published_on")
    op.drop_column("provenance", "publisher")
    op.drop_index("ix_segment_dimension", table_name="segment")
    op.drop_column("segment", "dimension")
    op.drop_column("market", "currency")
