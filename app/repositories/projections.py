"""Every market's value in one year, computed in the database (the arithmetic of
app/projections.py in SQL): one pass over the figure index, nothing held per market in Python.

Per market, the latest USD figure at or before the year and the earliest at or after it are
found by one grouped scan of `ix_figure_market_year_usd`; each is packed as
`year * 2^50 + value_usd` (value_usd ≤ MAX_AMOUNT < 2^50, years below 8192, so it fits a
BIGINT), so that max()/min() pick the anchor and carry its value along.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Engine,
    Float,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    null,
    select,
)
from sqlmodel import Session, col

from app.core.query import MarketFilters, Pagination, SortKey, SortOrder
from app.models import MAX_AMOUNT, Figure, Market
from app.repositories.markets import filter_conditions
from app.repositories.ordering import order_clauses
from app.repositories.streaming import stream_rows
from app.schemas import ProjectionKind

PROJECTION_SORT = SortOrder(("value_usd", "name", "slug", "region"), default="-value_usd")
_PACK = 2**50
_MAX_PACKED_YEAR = 8191
# Below this the value rounds to 0 (and PostgreSQL's power() would raise on underflow).
_LOG_NEGLIGIBLE = -20.0


@dataclass(frozen=True)
class ProjectionQuery:
    """Which markets, in which year, in which order."""

    year: int
    filters: MarketFilters
    sort: list[SortKey]
    min_value_usd: int | None = None
    max_value_usd: int | None = None


def _anchors(year: int) -> Any:
    """(market_id, low, high): the packed USD figures bracketing `year`, per market."""
    packed = cast(col(Figure.year), BigInteger) * _PACK + col(Figure.value_usd)
    return (
        select(
            col(Figure.market_id).label("market_id"),
            func.max(case((col(Figure.year) <= year, packed))).label("low"),
            func.min(case((col(Figure.year) >= year, packed))).label("high"),
        )
        .where(col(Figure.value_usd) > 0, col(Figure.year).between(0, _MAX_PACKED_YEAR))
        .group_by(col(Figure.market_id))
        .subquery("anchors")
    )


def _anchored_markets(query: ProjectionQuery) -> Any:
    """The filtered markets with their anchors unpacked and their growth per year in logs."""
    anchors = _anchors(query.year)
    nearest = func.coalesce(anchors.c.low, anchors.c.high)  # the end to extrapolate from
    rate = func.coalesce(col(Market.cagr_percent), col(Market.implied_cagr_percent)) / 100.0
    return (
        select(
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
        .where(col(Market.currency) == "USD", *filter_conditions(query.filters))
        .subquery("anchored")
    )


def _valued_markets(query: ProjectionQuery) -> Any:
    """Each market's value in the year (float USD, unrounded; NULL when not projectable)
    and its kind, as app/projections.py computes them."""
    m = _anchored_markets(query).c
    year = query.year
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
        (exact, literal(ProjectionKind.REPORTED.value)),
        (between, literal(ProjectionKind.INTERPOLATED.value)),
        (too_large, literal(ProjectionKind.CAPPED.value)),
        else_=literal(ProjectionKind.EXTRAPOLATED.value),
    )
    return select(m.slug, m.name, m.region, value.label("value"), kind.label("kind")).subquery(
        "valued"
    )


def _projection_query(query: ProjectionQuery) -> Select[Any]:
    v = _valued_markets(query).c
    conditions = [v.value.is_not(None)]
    if query.min_value_usd is not None:
        conditions.append(func.round(v.value) >= query.min_value_usd)
    if query.max_value_usd is not None:
        conditions.append(func.round(v.value) <= query.max_value_usd)
    columns = {"value_usd": v.value, "name": v.name, "slug": v.slug, "region": v.region}
    order = order_clauses(query.sort, columns, nulls_last=True)
    return (
        select(v.slug, v.name, v.region, v.value, v.kind)
        .where(*conditions)
        .order_by(*order, v.slug)
    )


def _row(row: Any, year: int) -> dict[str, Any]:
    value = float(row.value)
    return {
        "slug": row.slug,
        "name": row.name,
        "region": row.region,
        "year": year,
        "value_usd": MAX_AMOUNT if row.kind == "capped" else round(min(value, MAX_AMOUNT)),
        "kind": row.kind,
    }


def list_projections(
    session: Session, query: ProjectionQuery, *, page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    """One page and the total, from one statement (the total rides along as a window count;
    a page past the end counts on its own)."""
    statement = _projection_query(query)
    paged = statement.add_columns(func.count().over().label("total"))
    rows = session.execute(paged.limit(page.limit).offset(page.offset)).all()
    if rows:
        return [_row(row, query.year) for row in rows], int(rows[0].total)
    total = session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
    return [], int(total)


def stream_projections(engine: Engine, query: ProjectionQuery) -> Iterator[dict[str, Any]]:
    for row in stream_rows(engine, _projection_query(query)):
        yield _row(row, query.year)
