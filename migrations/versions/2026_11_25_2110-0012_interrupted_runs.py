"""Ingest runs that were killed are marked as interrupted

`ingest_run.interrupted_at` is set by a later run that finds the run unfinished while no
process holds its lock (ingest/run_lock.py): the run's process died before it could finish.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25 21:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ingest_run") as table:
        table.add_column(sa.Column("interrupted_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ingest_run") as table:
        table.drop_column("interrupted_at")
