"""Every GET /stats?group_by= grouping kept by the database, so that a grouping without
filters (and the /markets total of a CAGR range with one group at most) reads a few rows
instead of every membership of every market

`group_tally` holds, per grouping, group and CAGR value, how many markets there are and the
counts and sums of their sizes and forecasts: the histogram GET /stats ranks for its medians
(app/repositories/groups.py), kept as the rows change. The groupings: segment key and
dimension (from `segment`), company (from `market_company`, the company's id), publisher
(from `provenance`), and the market's own region, size year and forecast year. A market
counts once in each of its groups however many of its rows share one; a group the market does
not state (no publisher, no size year) is kept under '' (no real group is empty) and read back
as null. CAGR is NOT NULL in the key (`stated` says whether the market states one), since
neither database treats two NULLs as one key. Sums are floats, as GET /stats sums them.

Row triggers on both databases, each reading the market's figures:
- a child row written or removed adds or takes out its market's membership, when no other row
  of that market gives it; a child removed with its market finds no market and changes
  nothing (on PostgreSQL the child triggers run BEFORE each row, where a statement's earlier
  rows are visible, so two rows of one market with one group count once);
- a market written adds its own-column memberships; a market's figures or own columns
  changed move its memberships; a market removed takes them all out before its children go.
Child rows are replaced, never updated, by the loader; as for `segment_tally`, no trigger
follows an UPDATE of a child row. An emptied group goes at once: the partial index finds the
(rare) rows at zero without reading the table, which every take-out would otherwise do.

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

_FIGURES = ("cagr_percent", "size_usd", "forecast_usd")
_OWN_COLUMNS = ("region", "size_year", "forecast_year")
_KEY = ("grouping", "grp", "stated", "cagr_percent")
_COUNTS = ("markets", "sized", "size_usd_sum", "forecasted", "forecast_usd_sum")
# Rows at zero markets, found without reading the table (migrations/env.py leaves it out of
# the model comparison: a partial index the models do not declare).
_EMPTIED_INDEX = "ix_group_tally_emptied"
# grouping: (the child table it is read from, or None for the market's own row `c`; the
# group's text from the row `c`; what makes two rows of one market the same membership)
_GROUPINGS = {
    "segment": ("segment", "c.key", "key"),
    "dimension": ("segment", "c.dimension", "dimension"),
    "company": ("market_company", "CAST(c.company_id AS TEXT)", "company_id"),
    "publisher": ("provenance", "coalesce(c.publisher, '')", None),
    "region": (None, "coalesce(c.region, '')", None),
    "size_year": (None, "coalesce(CAST(c.size_year AS TEXT), '')", None),
    "forecast_year": (None, "coalesce(CAST(c.forecast_year AS TEXT), '')", None),
}
# Each child table: what tells its rows apart within a market, and the columns read.
_CHILDREN = {
    "segment": ("id", ("id", "market_id", "key", "dimension")),
    "market_company": ("position", ("position", "market_id", "company_id")),
    "provenance": ("market_id", ("market_id", "publisher")),
}


def _member(grouping: str, rows: str, figures: str, where: str = "TRUE") -> str:
    """(grouping, grp, market_id, cagr, size, forecast) of `rows` `c` (the market's own row
    for its own columns, else rows of the grouping's child table), each with its market's
    figures `m` from `figures`."""
    table, group, _ = _GROUPINGS[grouping]
    market_id = "c.id" if table is None else "c.market_id"
    return (
        f"SELECT '{grouping}' AS grouping, {group} AS grp, m.id AS market_id, "
        "m.cagr_percent AS cagr, m.size_usd AS size, m.forecast_usd AS forecast "
        f"FROM {rows} AS c JOIN {figures} AS m ON m.id = {market_id} WHERE {where}"
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


def _add(members: str) -> str:
    columns = ", ".join((*_KEY, *_COUNTS))
    added = ", ".join(f"{name} = group_tally.{name} + excluded.{name}" for name in _COUNTS)
    return (
        f"INSERT INTO group_tally ({columns}) {_contributions(members)} "
        f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET {added}"
    )


def _take_out(members: str) -> str:
    taken = ", ".join(f"{name} = group_tally.{name} - gone.{name}" for name in _COUNTS)
    same = " AND ".join(f"group_tally.{name} = gone.{name}" for name in _KEY)
    return (
        f"UPDATE group_tally SET {taken} FROM ({_contributions(members)}) AS gone WHERE {same}; "
        "DELETE FROM group_tally WHERE markets <= 0"
    )


def _market_row(row: str) -> str:
    """The market row `row` (old or new) as a one-row table."""
    columns = ("id", *_FIGURES, *_OWN_COLUMNS)
    return "(SELECT " + ", ".join(f"{row}.{name} AS {name}" for name in columns) + ")"


def _market_members(row: str) -> str:
    """Every membership of the market `row` (old or new), with its figures: its own columns'
    and its children's (one per distinct group)."""
    market = _market_row(row)
    return " UNION ".join(
        _member(grouping, table or market, market) for grouping, (table, _, _) in _GROUPINGS.items()
    )


def _child_members(table: str, row: str, *, visible: bool, sqlite: bool) -> str:
    """The memberships the child row `row` of `table` gives its market, each only when no
    other row of that market gives it (`visible`: the row itself is in the table still)."""
    identity, columns = _CHILDREN[table]
    child = "(SELECT " + ", ".join(f"{row}.{name} AS {name}" for name in columns) + ")"
    members = []
    for grouping, (source, _, same) in _GROUPINGS.items():
        if source != table:
            continue
        where = "TRUE"
        if same is not None:
            itself = f" AND other.{identity} <> {row}.{identity}" if visible else ""
            plus = "+" if sqlite else ""  # SQLite: keep the lookup on the market_id index
            where = (
                f"NOT EXISTS (SELECT 1 FROM {table} AS other WHERE other.market_id = "
                f"{row}.market_id AND {plus}other.{same} = {row}.{same}{itself})"
            )
        members.append(_member(grouping, child, "market", where))
    return " UNION ".join(members)


_CHANGED = " OR ".join(
    f"old.{name} IS DISTINCT FROM new.{name}" for name in (*_FIGURES, *_OWN_COLUMNS)
)
_WATCHED = ", ".join((*_FIGURES, *_OWN_COLUMNS))
_OWN_GROUPINGS = [grouping for grouping, (table, _, _) in _GROUPINGS.items() if table is None]
_NEW_MARKET = " UNION ".join(
    _member(grouping, _market_row("new"), _market_row("new")) for grouping in _OWN_GROUPINGS
)

SQLITE_UPGRADE = [
    *(
        f"CREATE TRIGGER group_tally_{table}_insert AFTER INSERT ON {table} BEGIN "
        f"{_add(_child_members(table, 'new', visible=True, sqlite=True))}; END"
        for table in _CHILDREN
    ),
    *(
        f"CREATE TRIGGER group_tally_{table}_delete AFTER DELETE ON {table} BEGIN "
        f"{_take_out(_child_members(table, 'old', visible=False, sqlite=True))}; END"
        for table in _CHILDREN
    ),
    f"CREATE TRIGGER group_tally_market_insert AFTER INSERT ON market BEGIN {_add(_NEW_MARKET)}; END",
    f"CREATE TRIGGER group_tally_market_update AFTER UPDATE OF {_WATCHED} ON market "
    f"WHEN {_CHANGED.replace('IS DISTINCT FROM', 'IS NOT')} BEGIN "
    f"{_take_out(_market_members('old'))}; {_add(_market_members('new'))}; END",
    "CREATE TRIGGER group_tally_market_delete BEFORE DELETE ON market BEGIN "
    f"{_take_out(_market_members('old'))}; END",
]
_SQLITE_TRIGGERS = [
    *(f"group_tally_{table}_{event}" for table in _CHILDREN for event in ("insert", "delete")),
    *(f"group_tally_market_{event}" for event in ("insert", "update", "delete")),
]
SQLITE_DOWNGRADE = [f"DROP TRIGGER {name}" for name in _SQLITE_TRIGGERS]

# name: (when it fires, on which table, the condition, its body). On PostgreSQL the child
# triggers run BEFORE each row, where a statement's earlier rows are visible.
_PG_TRIGGERS = {
    **{
        f"group_tally_{table}_insert": (
            "BEFORE INSERT",
            table,
            "",
            f"{_add(_child_members(table, 'new', visible=False, sqlite=False))}; RETURN new;",
        )
        for table in _CHILDREN
    },
    **{
        f"group_tally_{table}_delete": (
            "BEFORE DELETE",
            table,
            "",
            f"{_take_out(_child_members(table, 'old', visible=True, sqlite=False))}; RETURN old;",
        )
        for table in _CHILDREN
    },
    "group_tally_market_insert": (
        "AFTER INSERT",
        "market",
        "",
        f"{_add(_NEW_MARKET)}; RETURN NULL;",
    ),
    "group_tally_market_update": (
        f"AFTER UPDATE OF {_WATCHED}",
        "market",
        f" WHEN ({_CHANGED})",
        f"{_take_out(_market_members('old'))}; {_add(_market_members('new'))}; RETURN NULL;",
    ),
    "group_tally_market_delete": (
        "BEFORE DELETE",
        "market",
        "",
        f"{_take_out(_market_members('old'))}; RETURN old;",
    ),
}
POSTGRESQL_UPGRADE = [
    statement
    for name, (timing, table, condition, body) in _PG_TRIGGERS.items()
    for statement in (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} END $$",
        f"CREATE TRIGGER {name} {timing} ON {table} FOR EACH ROW{condition} "
        f"EXECUTE FUNCTION {name}()",
    )
]
POSTGRESQL_DOWNGRADE = [
    statement
    for name, (_, table, _, _) in _PG_TRIGGERS.items()
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
    op.execute(f"CREATE INDEX {_EMPTIED_INDEX} ON group_tally (markets) WHERE markets <= 0")
    members = " UNION ".join(
        _member(grouping, table or "market", "market")
        for grouping, (table, _, _) in _GROUPINGS.items()
    )
    columns = ", ".join((*_KEY, *_COUNTS))
    op.execute(f"INSERT INTO group_tally ({columns}) {_contributions(members)}")
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
    op.drop_table("group_tally")
