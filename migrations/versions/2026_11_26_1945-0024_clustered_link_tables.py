"""`market_company` and `ingest_file_state` clustered on their keys on SQLite (SPEC §6 P6)

Both had a primary key that is not an integer, which SQLite keeps as a rowid table plus a
unique index holding the key again: 163 bytes per market at 100,000 markets. `WITHOUT ROWID`
stores each row once, in its key's order (as `projected_value` and `group_tally` already
are). SQLite cannot change that in place: each table is created anew, filled, and takes the
old one's name, its indexes and triggers (read from `sqlite_master`, so SQL written out with
`--sql` leaves both tables as they were: the same rows and columns, stored as before).
PostgreSQL has no rowid and is unchanged.

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-26 19:45:00
"""

from collections.abc import Sequence

from alembic import context, op
from sqlalchemy import text

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Table → (its columns, its constraints as created by migrations 0001 and 0006, its key).
_TABLES = {
    "market_company": (
        ("market_id", "position", "company_id", "name_as_given"),
        "market_id INTEGER NOT NULL, position INTEGER NOT NULL, company_id INTEGER NOT NULL, "
        "name_as_given VARCHAR NOT NULL, "
        "FOREIGN KEY(company_id) REFERENCES company (id) ON DELETE CASCADE, "
        "FOREIGN KEY(market_id) REFERENCES market (id) ON DELETE CASCADE",
        "market_id, position",
    ),
    "ingest_file_state": (
        ("path", "size_bytes", "mtime_ns", "sha256"),
        "path VARCHAR NOT NULL, size_bytes BIGINT NOT NULL, mtime_ns BIGINT NOT NULL, "
        "sha256 VARCHAR NOT NULL",
        "path",
    ),
}


def _recreate(table: str, *, with_rowid: bool) -> None:
    columns, definition, key = _TABLES[table]
    names = ", ".join(columns)
    connection = op.get_bind()
    # Its own indexes and triggers go with the old table; they are made again, as they were.
    own = connection.execute(
        text(
            "SELECT sql FROM sqlite_master WHERE tbl_name = :table "
            "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type"
        ),
        {"table": table},
    ).scalars()
    statements = list(own)
    options = "" if with_rowid else " WITHOUT ROWID"
    op.execute(f"CREATE TABLE {table}_new ({definition}, PRIMARY KEY ({key})){options}")
    op.execute(f"INSERT INTO {table}_new ({names}) SELECT {names} FROM {table}")
    op.execute(f"DROP TABLE {table}")
    # Triggers of other tables name this one: the rename must not check them while it is gone.
    op.execute("PRAGMA legacy_alter_table = ON")
    op.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    op.execute("PRAGMA legacy_alter_table = OFF")
    for statement in statements:
        op.execute(statement)


def _applies() -> bool:
    return op.get_bind().dialect.name == "sqlite" and not context.is_offline_mode()


def upgrade() -> None:
    if _applies():
        for table in _TABLES:
            _recreate(table, with_rowid=False)


def downgrade() -> None:
    if _applies():
        for table in _TABLES:
            _recreate(table, with_rowid=True)
