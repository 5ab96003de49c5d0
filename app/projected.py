"""Every market's value in one year, computed in the database (the arithmetic of
app/projections.py in SQL): one pass over the figure index, nothing held per market in Python.

The loader keeps the values of KEPT_YEARS in `projected_value` as it writes markets (so that
GET /projections reads a page of a common year from an index); the read side computes any other
year with the same statement. A change to KEPT_YEARS or to the arithmetic needs a migration
that calls `keep_values(connection)` again (as 0019 did first).

Per market, the latest USD figure at or before the year and the earliest at or after it are
found by one grouped scan of `ix_figure_market_year_usd`; each is packed as
`year * 2^50 + value_usd` (value_usd ≤ MAX_AMOUNT < 2^50, years below 8192, so it fits a
BIGINT), so that max()/min() pick the anchor and carry its value along.
"""

import math
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Float,
    Integer,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    null,
    select,
    true,
    union_all,
    update,
)
from sqlmodel import SQLModel, col

from app.models import MAX_AMOUNT, Figure, Market
from app.schemas import ProjectionKind
from app.value_buckets import count_in_buckets

# The years whose values are kept: those reports state (base years from about 2018,
# forecasts to about 2035) and a margin either side. Another year is computed on request.
KEPT_YEARS = range(2015, 2041)
# `projected_value.kind` holds the kind's position here.
KINDS = (
    ProjectionKind.REPORTED,
    ProjectionKind.INTERPOLATED,
    ProjectionKind.EXTRAPOLATED,
    ProjectionKind.CAPPED,
)  # stored by position: append only
_REPORTED, _INTERPOLATED, _EXTRAPOLATED, _CAPPED = range(len(KINDS))
_PACK = 2**50
_MAX_PACKED_YEAR = 8191
# Below this the value rounds to 0 (and PostgreSQL's power() would raise on underflow).
_LOG_NEGLIGIBLE = -20.0


def _anchors(year: Any, years: Any = None, market_ids: Sequence[int] | None = None) -> Any:
    """(market_id, low, high): the packed USD figures bracketing `year`, per market; with a
    table of `years` (its `year` column as `year`), per market and year; only for
    `market_ids` when given (inside the grouping: SQLite would otherwise group every figure
    before it joins)."""
    packed = cast(col(Figure.year), BigInteger) * _PACK + col(Figure.value_usd)
    keys: list[Any] = [col(Figure.market_id).label("market_id")]
    if years is not None:
        keys.append(year.label("year"))
    statement = select(
        *keys,
        func.max(case((col(Figure.year) <= year, packed))).label("low"),
        func.min(case((col(Figure.year) >= year, packed))).label("high"),
    )
    if years is not None:
        statement = statement.select_from(Figure).join(years, true())
    conditions = [col(Figure.value_usd) > 0, col(Figure.year).between(0, _MAX_PACKED_YEAR)]
    if market_ids is not None:
        conditions.append(col(Figure.market_id).in_(market_ids))
    return statement.where(*conditions).group_by(*keys).subquery("anchors")


def _anchored_markets(
    year: Any, conditions: Sequence[Any], years: Any = None, market_ids: Sequence[int] | None = None
) -> Any:
    """The markets meeting `conditions` with their anchors unpacked and their growth per year
    (and the year, for a table of `years`)."""
    anchors = _anchors(year, years, market_ids)
    nearest = func.coalesce(anchors.c.low, anchors.c.high)  # the end to extrapolate from
    rate = func.coalesce(col(Market.cagr_percent), col(Market.implied_cagr_percent)) / 100.0
    each_year = [anchors.c.year] if years is not None else []
    return (
        select(
            col(Market.id).label("market_id"),
            *each_year,
            col(Market.slug).label("slug"),
            col(Market.name).label("name"),
            col(Market.region).label("region"),
            (anchors.c.low // _PACK).label("low_year"),
            cast(anchors.c.low % _PACK, Float).label("low_usd"),
            (anchors.c.high // _PACK).label("high_year"),
            cast(anchors.c.high % _PACK, Float).label("high_usd"),
            (nearest // _PACK).label("anchor_year"),
            cast(nearest % _PACK, Float).label("anchor_usd"),
            (1 + rate).label("growth"),  # NULL when no CAGR is known
        )
        .join(anchors, anchors.c.market_id == col(Market.id))
        # as app/projections.py: a market stated in another currency has no USD series
        .where(col(Market.currency) == "USD", *conditions)
        .subquery("anchored")
    )


def valued_markets(year: int, conditions: Sequence[Any] = ()) -> Any:
    """Each market's value in the year (float USD, unrounded; NULL when not projectable) and
    its kind (a position in KINDS), as app/projections.py computes them."""
    m = _anchored_markets(year, conditions).c
    value, kind = _value_and_kind(m, year)
    return select(
        m.market_id, m.slug, m.name, m.region, value.label("value"), kind.label("kind")
    ).subquery("valued")


def _valued_years(market_ids: Sequence[int] | None) -> Any:
    """valued_markets for every kept year at once (of these markets, or of all when None):
    (market_id, year, value, kind)."""
    kept_years = (select(literal(year, Integer).label("year")) for year in KEPT_YEARS)
    years = union_all(*kept_years).subquery("years")
    m = _anchored_markets(years.c.year, (), years, market_ids).c
    value, kind = _value_and_kind(m, m.year)
    return select(m.market_id, m.year, value.label("value"), kind.label("kind")).subquery()


def _value_and_kind(m: Any, year: Any) -> tuple[Any, Any]:
    """The arithmetic of app/projections.py over one anchored market and year."""
    interpolated = m.low_usd * func.power(
        m.high_usd / m.low_usd,
        cast(year - m.low_year, Float) / cast(m.high_year - m.low_year, Float),
    )
    # Beyond the reported years: from the nearest end at the CAGR, checked in logs first so
    # that no power overflows, nor underflows on PostgreSQL (`_grown`).
    years = cast(year - m.anchor_year, Float)
    log_growth = func.ln(case((m.growth > 0, m.growth)))
    log_value = func.ln(m.anchor_usd) + years * log_growth
    exact = m.low_year == year
    between = and_(m.low_year.is_not(None), m.high_year.is_not(None))
    too_large = log_value > math.log(MAX_AMOUNT)
    value = case(
        (exact, m.low_usd),
        (between, interpolated),
        (log_growth.is_(None), null()),
        (too_large, float(MAX_AMOUNT)),
        (log_value < _LOG_NEGLIGIBLE, 0.0),
        else_=m.anchor_usd * func.power(m.growth, years),
    )
    kind = case(
        (exact, literal(_REPORTED)),
        (between, literal(_INTERPOLATED)),
        (too_large, literal(_CAPPED)),
        else_=literal(_EXTRAPOLATED),
    )
    return value, kind


def whole_dollars(value: Any) -> Any:
    """Halves up (`floor(x + 0.5)`), on both databases as app/projections.py's whole_dollars:
    SQLite's round() takes halves away from zero, PostgreSQL's to even."""
    return func.floor(value + 0.5)


def value_usd(value: Any, kind: Any) -> Any:
    """The whole dollars GET /projections serves for a value: the bound when capped."""
    bounded = case((value > MAX_AMOUNT, float(MAX_AMOUNT)), else_=value)
    return cast(case((kind == _CAPPED, MAX_AMOUNT), else_=whole_dollars(bounded)), BigInteger)


_VALUES = SQLModel.metadata.tables["projected_value"]
_YEARS = SQLModel.metadata.tables["projected_year"]
_BUCKETS = SQLModel.metadata.tables["projected_bucket"]


def keep_values(
    connection: Connection, market_ids: Sequence[int] | None = None, *, buckets: bool = True
) -> None:
    """Write the kept years' values of these markets (of every market when None), after their
    figures, and count them in, per year and (unless `buckets` is false, as in migration 0019,
    which came before their table) per bucket of values; `forget_values` has taken their old
    values out."""
    if market_ids is None:
        connection.execute(delete(_VALUES))
        connection.execute(delete(_YEARS))
        if buckets:
            connection.execute(delete(_BUCKETS))
        connection.execute(insert(_YEARS), [{"year": year, "markets": 0} for year in KEPT_YEARS])
    valued = _valued_years(market_ids).c
    rows = select(
        valued.market_id, valued.year, value_usd(valued.value, valued.kind), valued.kind
    ).where(valued.value.is_not(None))
    columns = ["market_id", "year", "value_usd", "kind"]
    connection.execute(insert(_VALUES).from_select(columns, rows))
    _count_in(connection, market_ids, sign=1)
    if buckets:
        count_in_buckets(connection, market_ids, sign=1)


def forget_values(connection: Connection, market_ids: Sequence[int]) -> None:
    """Take these markets' kept values out (before their figures are replaced or removed)."""
    _count_in(connection, market_ids, sign=-1)
    count_in_buckets(connection, market_ids, sign=-1)
    connection.execute(delete(_VALUES).where(_VALUES.c.market_id.in_(market_ids)))


def _count_in(connection: Connection, market_ids: Sequence[int] | None, *, sign: int) -> None:
    """Add (or with sign -1, take out) these markets' values to the counts per year: one
    statement, which reads nothing back (so that `alembic upgrade --sql` can write it out)."""
    counted = select(func.count()).where(_VALUES.c.year == _YEARS.c.year)
    if market_ids is not None:
        counted = counted.where(_VALUES.c.market_id.in_(market_ids))
    connection.execute(
        update(_YEARS).values(markets=_YEARS.c.markets + sign * counted.scalar_subquery())
    )
