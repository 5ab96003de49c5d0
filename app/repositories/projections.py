"""GET /projections: every market's value in one year. A kept year (app/projected.py
KEPT_YEARS) is read from `projected_value` along its (year, value_usd) index; any other year
is computed from the figures by app/projected.py's statement. Both give the same rows."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlmodel import Session, SQLModel, col

from app.core.query import MarketFilters, Pagination, SortKey, SortOrder
from app.models import MAX_AMOUNT, Market
from app.projected import KEPT_YEARS, KINDS, valued_markets
from app.projected import whole_dollars as sql_whole_dollars
from app.projections import whole_dollars
from app.repositories.markets import filter_conditions
from app.repositories.meta import row_counts
from app.repositories.ordering import order_clauses
from app.repositories.plans import InOrderWritten, walks_sooner
from app.repositories.streaming import stream_rows
from app.value_buckets import count_in_range

PROJECTION_SORT = SortOrder(("value_usd", "name", "slug", "region"), default="-value_usd")
# Market columns an index gives in order (region sorts with nulls last: no index does).
_INDEXED_SORTS = ("name", "slug")
_TABLES = SQLModel.metadata.tables
_KEPT = _TABLES["projected_value"].c
_KEPT_MARKET = col(Market.id) == _KEPT.market_id


@dataclass(frozen=True)
class ProjectionQuery:
    """Which markets, in which year, in which order."""

    year: int
    filters: MarketFilters
    sort: list[SortKey]
    min_value_usd: int | None = None
    max_value_usd: int | None = None


def _order(
    query: ProjectionQuery, columns: dict[str, Any], *, nullable: tuple[str, ...] = ("region",)
) -> list[Any]:
    """NULLS LAST only where a value can be missing: an index gives the order of a column
    that is never NULL (name, slug, a kept value) in both directions only without it."""
    return [
        clause
        for key in query.sort
        for clause in order_clauses([key], columns, nulls_last=key.field in nullable)
    ]


def _kept_conditions(query: ProjectionQuery) -> list[Any]:
    conditions = [_KEPT.year == query.year]
    if query.min_value_usd is not None:
        conditions.append(_KEPT.value_usd >= query.min_value_usd)
    if query.max_value_usd is not None:
        conditions.append(_KEPT.value_usd <= query.max_value_usd)
    return conditions


def _kept_query(
    query: ProjectionQuery, *, markets_first: bool = False, by_index: bool = True
) -> Select[Any]:
    """The kept values of the year, read from the (year, value) index and each looked up in
    its market; `markets_first`: from the markets (along the filters' indexes, or with
    `by_index=False` along the sort's, as for GET /markets) and each looked up by key."""
    conditions = [*_kept_conditions(query), *filter_conditions(query.filters, by_index=by_index)]
    slug, name, region = col(Market.slug), col(Market.name), col(Market.region)
    columns = {"value_usd": _KEPT.value_usd, "name": name, "slug": slug, "region": region}
    statement = select(slug, name, region, _KEPT.value_usd.label("value"), _KEPT.kind)
    if markets_first:
        statement = statement.select_from(_markets_first())
    else:
        statement = statement.join(Market, _KEPT_MARKET)
    return statement.where(*conditions).order_by(*_order(query, columns), slug)


def _markets_first() -> InOrderWritten:
    return InOrderWritten(_TABLES["market"], _TABLES["projected_value"], _KEPT_MARKET)


def _computed_query(query: ProjectionQuery) -> Select[Any]:
    v = valued_markets(query.year, filter_conditions(query.filters)).c
    served = sql_whole_dollars(v.value)  # compared and sorted as served, as the kept values are
    conditions = [v.value.is_not(None)]
    if query.min_value_usd is not None:
        conditions.append(served >= query.min_value_usd)
    if query.max_value_usd is not None:
        conditions.append(served <= query.max_value_usd)
    columns = {"value_usd": served, "name": v.name, "slug": v.slug, "region": v.region}
    return (
        select(v.slug, v.name, v.region, v.value, v.kind)
        .where(*conditions)
        .order_by(*_order(query, columns, nullable=("region", "value_usd")), v.slug)
    )


def _projection_query(query: ProjectionQuery) -> Select[Any]:
    return _kept_query(query) if query.year in KEPT_YEARS else _computed_query(query)


def _row(row: Any, year: int) -> dict[str, Any]:
    kind = KINDS[row.kind]
    return {
        "slug": row.slug,
        "name": row.name,
        "region": row.region,
        "year": year,
        "value_usd": MAX_AMOUNT if kind == "capped" else whole_dollars(min(row.value, MAX_AMOUNT)),
        "kind": kind,
    }


def list_projections(
    session: Session, query: ProjectionQuery, *, page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    """One page and the total. A kept year counts along its index; a computed one counts
    with the page (a window count: computing every value twice costs more)."""
    if query.year in KEPT_YEARS:
        return _list_kept(session, query, page=page)
    statement = _computed_query(query)
    paged = statement.add_columns(func.count().over().label("total"))
    rows = session.execute(paged.limit(page.limit).offset(page.offset)).all()
    if rows:
        return [_row(row, query.year) for row in rows], int(rows[0].total)
    total = session.execute(_count(statement)).scalar_one()
    return [], int(total)


def _list_kept(
    session: Session, query: ProjectionQuery, *, page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    """The total first: on SQLite it says how the page is read. A broad match sorted by value,
    name or slug walks that key's index and stops after the page; a narrow one (or a sort by
    region, which no index gives) reads the matches from the filters' indexes and sorts them."""
    market_conditions = filter_conditions(query.filters)
    total = int(session.execute(_kept_count(query, market_conditions)).scalar_one())
    markets_first, by_index = bool(market_conditions), True
    first_key = query.sort[0].field
    if session.get_bind().dialect.name == "sqlite" and first_key in (*_INDEXED_SORTS, "value_usd"):
        markets = row_counts(session).get("market", 0)
        if walks_sooner(rows=markets, total=total, page=page):
            # along the value index from the year's first entry, or along the markets' own
            markets_first, by_index = first_key != "value_usd", first_key == "value_usd"
    statement = _kept_query(query, markets_first=markets_first, by_index=by_index)
    rows = session.execute(statement.limit(page.limit).offset(page.offset)).all()
    return [_row(row, query.year) for row in rows], total


def _kept_count(query: ProjectionQuery, market_conditions: list[Any]) -> Select[Any]:
    """Without filters, the year's count the loader keeps; with bounds on the value only, one
    range of the index (every kept value has its market); with market filters (their
    `market_conditions`), the matching markets (by their filters' indexes), each looked up by
    key."""
    bounded = query.min_value_usd is not None or query.max_value_usd is not None
    if not market_conditions and not bounded:
        years = _TABLES["projected_year"].c
        return select(func.coalesce(func.max(years.markets), 0)).where(years.year == query.year)
    if not market_conditions:  # the buckets in the range, and the ends' entries
        return count_in_range(query.year, query.min_value_usd, query.max_value_usd)
    return (
        select(func.count())
        .select_from(_markets_first())
        .where(*_kept_conditions(query), *market_conditions)
    )


def _count(statement: Select[Any]) -> Select[Any]:
    return select(func.count()).select_from(statement.order_by(None).subquery())


def stream_projections(engine: Engine, query: ProjectionQuery) -> Iterator[dict[str, Any]]:
    for row in stream_rows(engine, _projection_query(query)):
        yield _row(row, query.year)
