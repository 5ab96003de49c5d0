"""Covering indexes: GET /projections reads each market's USD figures by year from figure
(market_id, year, value_usd) alone, in one scan; GET /stats sums sizes and forecasts per year
from market (size_year, size_usd) and (forecast_year, forecast_usd)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 18:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_figure_market_year_usd", "figure", ["market_id", "year", "value_usd"])
    op.create_index("ix_market_size_year_usd", "market", ["size_year", "size_usd"])
    op.create_index("ix_market_forecast_year_usd", "market", ["forecast_year", "forecast_usd"])


def downgrade() -> None:
    op.drop_index("ix_market_forecast_year_usd", table_name="market")
    op.drop_index("ix_market_size_year_usd", table_name="market")
    op.drop_index("ix_figure_market_year_usd", table_name="figure")
