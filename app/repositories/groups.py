"""GET /stats?group_by=: one row per group of the markets matching the /markets filters,
computed in the database (medians too, with window functions both backends have)."""

from enum import StrEnum
from typing import Any

from sqlalchemy import Float, Label, Select, Subquery, and_, case, cast, distinct, func, or_, select
from sqlmodel import Session, col

from app.core.query import MarketFilters, Pagination
from app.models import Company, Market, MarketCompany, Provenance, Segment
from app.repositories.markets import filter_conditions


class GroupBy(StrEnum):
    REGION = "region"
    SEGMENT = "segment"
    DIMENSION = "dimension"
    COMPANY = "company"
    PUBLISHER = "publisher"
    SIZE_YEAR = "size_year"
    FORECAST_YEAR = "forecast_year"


def _memberships(group_by: GroupBy, filters: MarketFilters) -> Subquery:
    """Distinct (market_id, grp) pairs: a market counts once in each of its groups."""
    market_id: Label[int | None] = col(Market.id).label("market_id")
    statement: Select[int | None, Any]
    if group_by is GroupBy.COMPANY:
        statement = (
            select(market_id, col(Company.slug).label("grp"))
            .join(MarketCompany, col(MarketCompany.market_id) == col(Market.id))
            .join(Company, col(Company.id) == col(MarketCompany.company_id))
        )
    elif group_by in (GroupBy.SEGMENT, GroupBy.DIMENSION):
        column = col(Segment.key) if group_by is GroupBy.SEGMENT else col(Segment.dimension)
        statement = select(market_id, column.label("grp")).join(
            Segment, col(Segment.market_id) == col(Market.id)
        )
    elif group_by is GroupBy.PUBLISHER:
        statement = select(market_id, col(Provenance.publisher).label("grp")).join(
            Provenance, col(Provenance.market_id) == col(Market.id)
        )
    else:  # a column of the market itself
        statement = select(market_id, getattr(Market, group_by.value).label("grp"))
    return statement.where(*filter_conditions(filters)).distinct().subquery()


def group_stats(
    session: Session, group_by: GroupBy, filters: MarketFilters, page: Pagination | None
) -> tuple[list[dict[str, Any]], int]:
    """(rows of this page, or every row when `page` is None; the number of groups), largest
    groups first, then by group value."""
    pairs = _memberships(group_by, filters)
    cagr = col(Market.cagr_percent)
    ranked = (
        select(
            pairs.c.grp,
            col(Market.size_usd).label("size_usd"),
            col(Market.forecast_usd).label("forecast_usd"),
            cagr.label("cagr"),
            func.row_number()
            .over(partition_by=pairs.c.grp, order_by=cagr.asc().nulls_last())
            .label("rank"),
            func.count(cagr).over(partition_by=pairs.c.grp).label("stated"),
        )
        .join(Market, col(Market.id) == pairs.c.market_id)
        .subquery()
    )
    middle = and_(
        ranked.c.cagr.is_not(None),
        or_(
            ranked.c.rank == (ranked.c.stated + 1) // 2, ranked.c.rank == (ranked.c.stated + 2) // 2
        ),
    )
    market_count = func.count().label("market_count")
    statement = (
        select(
            ranked.c.grp,
            market_count,
            # Summed as floats: no sum of amounts overflows (SQLite's integer SUM raises).
            func.sum(cast(ranked.c.size_usd, Float)).label("size_usd_sum"),
            func.sum(cast(ranked.c.forecast_usd, Float)).label("forecast_usd_sum"),
            func.avg(case((middle, ranked.c.cagr))).label("cagr_percent_median"),
            func.avg(ranked.c.cagr).label("cagr_percent_mean"),
        )
        .group_by(ranked.c.grp)
        .order_by(market_count.desc(), ranked.c.grp.asc().nulls_last())
    )
    if page is not None:
        statement = statement.limit(page.limit).offset(page.offset)
    total = session.execute(select(func.count(distinct(pairs.c.grp)))).scalar_one()
    has_null = session.execute(select(func.count()).where(pairs.c.grp.is_(None))).scalar_one()
    rows = [_row(row._mapping) for row in session.execute(statement)]
    return rows, int(total) + (1 if has_null else 0)


def _row(mapping: Any) -> dict[str, Any]:
    def rounded(value: Any, digits: int) -> float | None:
        return None if value is None else round(float(value), digits)

    return {
        "group": mapping["grp"],
        "market_count": int(mapping["market_count"]),
        "size_usd_sum": rounded(mapping["size_usd_sum"], 0),
        "forecast_usd_sum": rounded(mapping["forecast_usd_sum"], 0),
        "cagr_percent_median": rounded(mapping["cagr_percent_median"], 4),
        "cagr_percent_mean": rounded(mapping["cagr_percent_mean"], 4),
    }
