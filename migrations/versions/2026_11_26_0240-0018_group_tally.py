"""Segment and dimension groups kept by the database, so that GET /stats?group_by=segment (or
dimension) without filters reads a few rows instead of every segment of every market

`group_tally` holds, per grouping ('segment': a segment key, 'dimension': a segment
dimension), group and CAGR value, how many markets there are and the counts and sums of their
sizes and forecasts: the histogram GET /stats ranks for its medians (app/repositories/groups.py),
kept as the rows change. A market counts once in each of its groups however many of its
segments share the key. CAGR is NOT NULL in the key (`stated` says whether the market states
one), since neither database treats two NULLs as one key. Sums are floats, as GET /stats sums
them.

Row triggers on both databases, each reading the market's figures: a segment written or
removed adds or takes out its market's membership (when no other segment of that market has
the key); a market's figures changed move its memberships; a market removed takes out all of
them before its segments go (a segment removed with its market finds no market, and so
changes nothing). On PostgreSQL the segment triggers run BEFORE each row, where a
statement's earlier rows are visible, so two segments of one market with one key count once.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-26 02:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GROUPINGS = (("segment", "key"), ("dimension", "dimension"))
_FIGURES = ("cagr_percent", "size_usd", "forecast_usd")
_KEY = ("grouping", "grp", "stated", "cagr_percent")


def _members(figures: str, segments: str, where: str) -> str:
    """(grouping, grp, market_id, cagr, size, forecast) of each grouping's distinct members:
    `segments` rows `s` of the markets whose figures `figures` (`m`) gives, with `where`."""
    return " UNION ".join(
        f"SELECT '{grouping}' AS grouping, s.{column} AS grp, m.id AS market_id, "
        "m.cagr_percent AS cagr, m.size_usd AS size, m.forecast_usd AS forecast "
        f"FROM {segments} AS s JOIN {figures} AS m ON m.id = s.market_id "
        f"WHERE {where.format(column=column)}"
        for grouping, column in _GROUPINGS
    )


def _contributions(members: str) -> str:
    """The histogram rows the members add up to."""
    return (
        "SELECT grouping, grp, cagr IS NOT NULL AS stated, coalesce(cagr, 0) AS cagr_percent, "
        "count(*) AS markets, count(size) AS sized, "
        "coalesce(sum(CAST(size AS DOUBLE PRECISION)), 0) AS size_usd_sum, "
        "count(forecast) AS forecasted, "
        "coalesce(sum(CAST(forecast AS DOUBLE PRECISION)), 0) AS forecast_usd_sum "
        f"FROM ({members}) AS members "
        "GROUP BY grouping, grp, cagr IS NOT NULL, coalesce(cagr, 0)"
    )


_COUNTS = ("markets", "sized", "size_usd_sum", "forecasted", "forecast_usd_sum")


def _add(members: str) -> str:
    columns = ", ".join((*_KEY, *_COUNTS))
    added = ", ".join(f"{name} = group_tally.{name} + excluded.{name}" for name in _COUNTS)
    return (
        f"INSERT INTO group_tally ({columns}) {_contributions(members)} "
        f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET {added}"
    )


def _take_out(members: str) -> list[str]:
    taken = ", ".join(f"{name} = group_tally.{name} - gone.{name}" for name in _COUNTS)
    same = " AND ".join(f"group_tally.{name} = gone.{name}" for name in _KEY)
    return [
        f"UPDATE group_tally SET {taken} FROM ({_contributions(members)}) AS gone WHERE {same}",
        "DELETE FROM group_tally WHERE markets <= 0",
    ]


def _alone(row: str, *, visible: bool, sqlite: bool) -> str:
    """The segment `row` is the only one of its market with the key: no other row has it
    (`visible`: the row itself is still in the table, and is not that other). On SQLite the
    unary `+` keeps the lookup on the market_id index (as migration 0009's triggers do)."""
    itself = f" AND other.id <> {row}.id" if visible else ""
    plus = "+" if sqlite else ""
    return (
        f"NOT EXISTS (SELECT 1 FROM segment AS other WHERE other.market_id = {row}.market_id "
        f"AND {plus}other.{{column}} = {row}.{{column}}{itself})"
    )


def _segment_members(row: str, *, visible: bool, sqlite: bool) -> str:
    """The membership the segment `row` gives its market, if no other segment gives it."""
    source = (  # the row as a one-row table
        f"(SELECT {row}.market_id AS market_id, {row}.key AS key, "
        f"{row}.dimension AS dimension)"
    )
    return _members("market", source, _alone(row, visible=visible, sqlite=sqlite))


def _market_members(row: str) -> str:
    """Every membership of the market `row` (its old or new figures)."""
    figures = (
        f"(SELECT {row}.id AS id, {row}.cagr_percent AS cagr_percent, "
        f"{row}.size_usd AS size_usd, {row}.forecast_usd AS forecast_usd)"
    )
    return _members(figures, "segment", "TRUE")


_CHANGED = " OR ".join(f"old.{name} IS DISTINCT FROM new.{name}" for name in _FIGURES)
_MARKET_GONE = "; ".join(_take_out(_market_members("old")))
_MARKET_ADDED = _add(_market_members("new"))
SQLITE_UPGRADE = [
    "CREATE TRIGGER group_tally_segment_insert AFTER INSERT ON segment BEGIN "
    f"{_add(_segment_members('new', visible=True, sqlite=True))}; END",
    "CREATE TRIGGER group_tally_segment_delete AFTER DELETE ON segment BEGIN "
    f"{'; '.join(_take_out(_segment_members('old', visible=False, sqlite=True)))}; END",
    f"CREATE TRIGGER group_tally_market_update AFTER UPDATE OF {', '.join(_FIGURES)} ON market "
    f"WHEN {_CHANGED.replace('IS DISTINCT FROM', 'IS NOT')} BEGIN "
    f"{_MARKET_GONE}; {_MARKET_ADDED}; END",
    f"CREATE TRIGGER group_tally_market_delete BEFORE DELETE ON market BEGIN {_MARKET_GONE}; END",
]
SQLITE_DOWNGRADE = [
    f"DROP TRIGGER group_tally_{name}"
    for name in ("segment_insert", "segment_delete", "market_update", "market_delete")
]

_PG_SEGMENT_ADDED = _add(_segment_members("new", visible=False, sqlite=False))
_PG_SEGMENT_GONE = "; ".join(_take_out(_segment_members("old", visible=True, sqlite=False)))
_PG_FUNCTIONS = {  # each trigger's body
    "group_tally_segment_insert": f"{_PG_SEGMENT_ADDED}; RETURN new;",
    "group_tally_segment_delete": f"{_PG_SEGMENT_GONE}; RETURN old;",
    "group_tally_market_update": f"{_MARKET_GONE}; {_MARKET_ADDED}; RETURN NULL;",
    "group_tally_market_delete": f"{_MARKET_GONE}; RETURN old;",
}
# name: (when it fires, on which table, the condition)
_PG_TRIGGERS = {
    "group_tally_segment_insert": ("BEFORE INSERT", "segment", ""),
    "group_tally_segment_delete": ("BEFORE DELETE", "segment", ""),
    "group_tally_market_update": (
        f"AFTER UPDATE OF {', '.join(_FIGURES)}",
        "market",
        f" WHEN ({_CHANGED})",
    ),
    "group_tally_market_delete": ("BEFORE DELETE", "market", ""),
}
POSTGRESQL_UPGRADE = [
    statement
    for name, (timing, table, condition) in _PG_TRIGGERS.items()
    for statement in (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {_PG_FUNCTIONS[name]} END $$",
        f"CREATE TRIGGER {name} {timing} ON {table} FOR EACH ROW{condition} "
        f"EXECUTE FUNCTION {name}()",
    )
]
POSTGRESQL_DOWNGRADE = [
    statement
    for name, (_, table, _) in _PG_TRIGGERS.items()
    for statement in (f"DROP TRIGGER {name} ON {table}", f"DROP FUNCTION {name}()")
]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements[op.get_bind().dialect.name]:
        op.execute(statement)


def upgrade() -> None:
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
        sa.PrimaryKeyConstraint(*_KEY),
    )
    members = _members("market", "segment", "TRUE")
    op.execute(
        f"INSERT INTO group_tally ({', '.join((*_KEY, *_COUNTS))}) {_contributions(members)}"
    )
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
    op.drop_table("group_tally")
