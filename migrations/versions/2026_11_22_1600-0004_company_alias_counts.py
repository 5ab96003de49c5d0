"""company.alias_counts: how many markets list each company under each name

The loader updates these counts per batch instead of re-reading every market that lists a
company. Existing rows are filled from market_company, and their aliases re-ranked the way the
loader ranks them (most markets first, ties to the shortest, then alphabetical).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 16:00:00
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "company",
        sa.Column("alias_counts", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
    )
    company = sa.table(
        "company",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("aliases", sa.JSON),
        sa.column("alias_counts", sa.JSON),
    )
    link = sa.table(
        "market_company", sa.column("company_id", sa.Integer), sa.column("name_as_given", sa.String)
    )
    connection = op.get_bind()
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for company_id, alias, markets in connection.execute(
        sa.select(link.c.company_id, link.c.name_as_given, sa.func.count()).group_by(
            link.c.company_id, link.c.name_as_given
        )
    ):
        counts[company_id][alias] = markets
    for company_id, tally in counts.items():
        aliases = sorted(tally, key=lambda alias: (-tally[alias], len(alias), alias))
        connection.execute(
            company.update()
            .where(company.c.id == company_id)
            .values(name=aliases[0], aliases=aliases, alias_counts=tally)
        )


def downgrade() -> None:
    op.drop_column("company", "alias_counts")
