"""Row counts of the tables GET /stats counts, kept by the database

PostgreSQL's `count(*)` reads every row of a table it cannot see is unchanged (about 60 ms for
the million FAQs of 100,000 markets), so `table_rows` keeps the number of markets, segments,
companies and FAQs: row triggers on SQLite, statement triggers on PostgreSQL (one update per
statement, whatever its row count).

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-26 00:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTED = ("market", "segment", "company", "faq")


def _sqlite_triggers(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_rows_insert AFTER INSERT ON {table} BEGIN "
        f"UPDATE table_rows SET rows = rows + 1 WHERE name = '{table}'; END",
        f"CREATE TRIGGER {table}_rows_delete AFTER DELETE ON {table} BEGIN "
        f"UPDATE table_rows SET rows = rows - 1 WHERE name = '{table}'; END",
    ]


_PG_TABLE_ROWS = """
CREATE FUNCTION table_rows_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE table_rows SET rows = rows + (SELECT count(*) FROM changed) WHERE name = TG_TABLE_NAME;
  ELSE
    UPDATE table_rows SET rows = rows - (SELECT count(*) FROM changed) WHERE name = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$
"""


def _pg_triggers(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_rows_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS "
        "changed FOR EACH STATEMENT EXECUTE FUNCTION table_rows_change()",
        f"CREATE TRIGGER {table}_rows_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS "
        "changed FOR EACH STATEMENT EXECUTE FUNCTION table_rows_change()",
    ]


def upgrade() -> None:
    op.create_table(
        "table_rows",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("rows", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    for table in COUNTED:
        op.execute(
            f"INSERT INTO table_rows (name, rows) SELECT '{table}', count(*) FROM {table}"
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_TABLE_ROWS)
        triggers = [t for table in COUNTED for t in _pg_triggers(table)]
    else:
        triggers = [t for table in COUNTED for t in _sqlite_triggers(table)]
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in COUNTED:
        for event in ("insert", "delete"):
            on = f" ON {table}" if postgresql else ""
            op.execute(f"DROP TRIGGER {table}_rows_{event}{on}")
    if postgresql:
        op.execute("DROP FUNCTION table_rows_change()")
    op.drop_table("table_rows")
