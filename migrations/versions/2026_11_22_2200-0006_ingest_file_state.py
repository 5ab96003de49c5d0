"""Ingest file state: size, modification time and hash of each file when last ingested

A re-run skips reading a file whose size and modification time match (as make and rsync do).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ingest_file_state",
        sa.Column("path", sa.String(), primary_key=True),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ingest_file_state")
