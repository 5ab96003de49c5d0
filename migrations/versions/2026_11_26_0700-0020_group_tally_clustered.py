"""SQLite: `group_tally` clustered on its key (WITHOUT ROWID), so that a grouping's rows
are read in key order without a lookup of each row in the table

GET /stats?group_by= with a CAGR range (and nothing else) reads the kept histogram's rows of
that range instead of every membership of every matching market. On a rowid table each of
those rows is found in the key's index, then read from the table; clustered, the key's
B-tree holds the counts too: ranking 320 companies by their markets in a CAGR range read
78,000 rows in 44 ms, 8 ms clustered, at 100,000 markets.

The table is copied, dropped and created again under its own name (not renamed: SQLite
rewrites the triggers that write to a renamed table to follow it). PostgreSQL has no such
layout and is left as it is.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-26 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EMPTIED_INDEX = "ix_group_tally_emptied"
_COPY = "group_tally_copy"


def _rebuild(*, with_rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"DROP TABLE IF EXISTS {_COPY}")  # left by a run stopped before its DROP
    op.execute(f"CREATE TABLE {_COPY} AS SELECT * FROM group_tally")
    op.execute(f"DROP INDEX IF EXISTS {_EMPTIED_INDEX}")
    op.execute("DROP TABLE group_tally")
    op.create_table(
        "group_tally",
        sa.Column("grouping", sa.String(), nullable=False),
        sa.Column("grp", sa.String(), nullable=False),
        sa.Column("stated", sa.Boolean(), nullable=False),
        sa.Column("cagr_percent", sa.Float(), nullable=False),
        sa.Column("markets", sa.Integer(), nullable=False),
        sa.Column("sized", sa.Integer(), nullable=False),
        sa.Column("size_usd_sum", sa.Float(), nullable=False),
        sa.Column("forecasted", sa.Integer(), nullable=False),
        sa.Column("forecast_usd_sum", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("grouping", "grp", "stated", "cagr_percent"),
        sqlite_with_rowid=with_rowid,
    )
    op.execute(f"INSERT INTO group_tally SELECT * FROM {_COPY}")
    op.execute(f"DROP TABLE {_COPY}")
    op.execute(f"CREATE INDEX {_EMPTIED_INDEX} ON group_tally (markets) WHERE markets <= 0")


def upgrade() -> None:
    _rebuild(with_rowid=False)


def downgrade() -> None:
    _rebuild(with_rowid=True)
