"""An index for `GET /markets?sort=updated_at` (SPEC §4) and `updated_since`

Both read `market.updated_at`, which no index held: the filter scanned every market, and the
sort would have sorted them all. (updated_at, slug) gives the ascending order with its slug
tiebreak on both databases; PostgreSQL also gets the descending one, as migration 0016 gives
the other sorts (`updated_at DESC NULLS LAST, slug`; SQLite reads the first backwards).

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-26 18:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_market_updated_at_slug", "market", ["updated_at", "slug"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_market_sort_desc_updated_at "
            "ON market (updated_at DESC NULLS LAST, slug)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_market_sort_desc_updated_at")
    op.drop_index("ix_market_updated_at_slug", table_name="market")
