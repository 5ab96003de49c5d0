"""Dataset totals kept by the database, so that GET /stats reads a few rows instead of every
market

`market_total` holds, per measure and year, the sum and the count of the markets' stated
values: `size_usd` and `forecast_usd` by their year, `cagr_percent` under year 0 (it has no
year of its own). Triggers on `market` keep it: SQLite's row triggers take the old row's
values out and put the new row's in; PostgreSQL's statement triggers do the same for the
statement's rows as a whole. Sums are floats, as GET /stats summed them before: exact for
whole dollars up to 2^53, and no sum overflows.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (measure, year expression, value expression, the row counts when) over the rows `r`
_MEASURES = [
    (
        "size_usd",
        "{r}.size_year",
        "{r}.size_usd",
        "{r}.size_year IS NOT NULL AND {r}.size_usd IS NOT NULL",
    ),
    (
        "forecast_usd",
        "{r}.forecast_year",
        "{r}.forecast_usd",
        "{r}.forecast_year IS NOT NULL AND {r}.forecast_usd IS NOT NULL",
    ),
    ("cagr_percent", "0", "{r}.cagr_percent", "{r}.cagr_percent IS NOT NULL"),
]


def _values(rows: str, source: str) -> str:
    """(measure, year, value) for every stated value of the markets `rows` in `source`."""
    return " UNION ALL ".join(
        f"SELECT '{measure}' AS measure, {year.format(r=rows)} AS year, "
        f"CAST({value.format(r=rows)} AS DOUBLE PRECISION) AS value{source} "
        f"WHERE {counted.format(r=rows)}"
        for measure, year, value, counted in _MEASURES
    )


def _totals(rows: str, source: str) -> str:
    """(measure, year, total, markets) of the markets `rows` in `source`."""
    return (
        f"SELECT measure, year, sum(value) AS total, count(*) AS markets "
        f"FROM ({_values(rows, source)}) AS v GROUP BY measure, year"
    )


def _add(rows: str, source: str = "") -> str:
    return (
        f"INSERT INTO market_total (measure, year, total, markets) {_totals(rows, source)} "
        "ON CONFLICT (measure, year) DO UPDATE SET "
        "total = market_total.total + excluded.total, "
        "markets = market_total.markets + excluded.markets"
    )


def _take_out(rows: str, source: str = "") -> list[str]:
    return [
        "UPDATE market_total SET total = market_total.total - gone.total, "
        f"markets = market_total.markets - gone.markets FROM ({_totals(rows, source)}) AS gone "
        "WHERE market_total.measure = gone.measure AND market_total.year = gone.year",
        # A total of no market is gone, not a zero (nor a float's leftover of one).
        "DELETE FROM market_total WHERE markets <= 0",
    ]


_TOTALLED = "size_year, size_usd, forecast_year, forecast_usd, cagr_percent"
SQLITE_UPGRADE = [
    f"CREATE TRIGGER market_total_insert AFTER INSERT ON market BEGIN {_add('new')}; END",
    f"CREATE TRIGGER market_total_delete AFTER DELETE ON market BEGIN "
    f"{'; '.join(_take_out('old'))}; END",
    f"CREATE TRIGGER market_total_update AFTER UPDATE OF {_TOTALLED} ON market BEGIN "
    f"{'; '.join(_take_out('old'))}; {_add('new')}; END",
]
SQLITE_DOWNGRADE = [
    f"DROP TRIGGER market_total_{event}" for event in ("insert", "delete", "update")
]

_PG_MARKET_TOTAL = f"""
CREATE FUNCTION market_total_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    {"; ".join(_take_out("old_rows", " FROM old_rows"))};
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {_add("new_rows", " FROM new_rows")};
  END IF;
  RETURN NULL;
END $$
"""
POSTGRESQL_UPGRADE = [
    _PG_MARKET_TOTAL,
    "CREATE TRIGGER market_total_insert AFTER INSERT ON market REFERENCING NEW TABLE AS "
    "new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_total_change()",
    "CREATE TRIGGER market_total_delete AFTER DELETE ON market REFERENCING OLD TABLE AS "
    "old_rows FOR EACH STATEMENT EXECUTE FUNCTION market_total_change()",
    # A trigger with transition tables cannot name its columns: every update of a market.
    "CREATE TRIGGER market_total_update AFTER UPDATE ON market REFERENCING OLD TABLE AS "
    "old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_total_change()",
]
POSTGRESQL_DOWNGRADE = [
    *(f"DROP TRIGGER market_total_{event} ON market" for event in ("insert", "delete", "update")),
    "DROP FUNCTION market_total_change()",
]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements[op.get_bind().dialect.name]:
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "market_total",
        sa.Column("measure", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("markets", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("measure", "year"),
    )
    op.execute(
        "INSERT INTO market_total (measure, year, total, markets) "
        + _totals("market", " FROM market")
    )
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
    op.drop_table("market_total")
