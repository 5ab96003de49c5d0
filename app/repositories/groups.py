"""GET /stats?group_by=: one row per group of the markets matching the /markets filters,
computed in the database (medians too, from a histogram of CAGR values per group). Without
filters, or with a CAGR range alone, every grouping reads the histogram the database keeps
(group_tally); other filters read the memberships of every matching market."""

from dataclasses import replace
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    CTE,
    BigInteger,
    ColumnElement,
    Float,
    FromClause,
    Select,
    String,
    and_,
    case,
    cast,
    false,
    func,
    or_,
    select,
    true,
)
from sqlmodel import Session, col

from app.core.query import MarketFilters, Pagination
from app.models import (
    Company,
    GroupTally,
    Market,
    MarketCompany,
    MarketTotal,
    Provenance,
    Segment,
)
from app.repositories.markets import filter_conditions
from app.repositories.meta import row_counts


class GroupBy(StrEnum):
    REGION = "region"
    SEGMENT = "segment"
    DIMENSION = "dimension"
    COMPANY = "company"
    PUBLISHER = "publisher"
    SIZE_YEAR = "size_year"
    FORECAST_YEAR = "forecast_year"


# The markets' own columns one can group by: no membership table to join.
_MARKET_COLUMNS = (GroupBy.REGION, GroupBy.SIZE_YEAR, GroupBy.FORECAST_YEAR)


def _markets(group_by: GroupBy, filters: MarketFilters, *, materialized: bool) -> CTE:
    """The matching markets' figures (and group, when it is a column of theirs), read once."""
    columns: list[Any] = [
        col(Market.id).label("id"),
        col(Market.size_usd).label("size_usd"),
        col(Market.forecast_usd).label("forecast_usd"),
        col(Market.cagr_percent).label("cagr"),
    ]
    if group_by in _MARKET_COLUMNS:
        columns.append(getattr(Market, group_by.value).label("grp"))
    markets = select(*columns).where(*filter_conditions(filters)).cte("matched")
    # SQLite would otherwise look each of every group's markets up in the whole `market` table
    # (a page-cache miss each); a copy of four columns with an index of its own is 2-3 × faster.
    # PostgreSQL hash-joins either way.
    return markets.prefix_with("MATERIALIZED") if materialized else markets


def _memberships(group_by: GroupBy, companies: list[int] | None = None) -> Select[Any]:
    """Distinct (grp, market_id) pairs: a market counts once in each of its groups. Each is
    read from one covering index, in (grp, market_id) order, so that duplicates go in a scan;
    `companies` keeps those of these company ids alone."""
    grp: Any
    market_id: Any
    if group_by is GroupBy.COMPANY:  # by id: the slug is joined to the page's groups alone
        grp, market_id = col(MarketCompany.company_id), col(MarketCompany.market_id)
    elif group_by is GroupBy.SEGMENT:
        grp, market_id = col(Segment.key), col(Segment.market_id)
    elif group_by is GroupBy.DIMENSION:
        grp, market_id = col(Segment.dimension), col(Segment.market_id)
    else:  # publisher: one provenance row per market
        grp, market_id = col(Provenance.publisher), col(Provenance.market_id)
        return select(grp.label("grp"), market_id.label("market_id"))
    pairs: Select[Any] = select(grp.label("grp"), market_id.label("market_id"))
    pairs = pairs.group_by(grp, market_id)
    return pairs if companies is None else pairs.where(grp.in_(companies))


def _histogram(
    group_by: GroupBy, filters: MarketFilters, *, sqlite: bool, companies: list[int] | None
) -> CTE:
    """Per group and distinct CAGR value: the markets, their amounts and how many state it.
    Groups have far fewer distinct CAGRs than markets, so ranking them finds medians cheaply."""
    # A few companies' markets are fewer lookups than copying every market costs.
    markets = _markets(group_by, filters, materialized=sqlite and companies is None)
    if group_by in _MARKET_COLUMNS:
        grp: ColumnElement[Any] = markets.c.grp
        source: Any = markets
    else:
        pairs = _memberships(group_by, companies).subquery("pairs")
        grp = pairs.c.grp
        source = pairs.join(markets, markets.c.id == pairs.c.market_id)
    return (
        select(
            grp.label("grp"),
            grp.label("stored_grp"),
            markets.c.cagr,
            func.count().label("markets"),
            # Summed as floats: no sum of amounts overflows (SQLite's integer SUM raises).
            func.sum(cast(markets.c.size_usd, Float)).label("size_usd_sum"),
            func.sum(cast(markets.c.forecast_usd, Float)).label("forecast_usd_sum"),
            (markets.c.cagr * func.count(markets.c.cagr)).label("cagr_sum"),
            func.count(markets.c.cagr).label("stated"),
        )
        .select_from(source)
        .group_by(grp, markets.c.cagr)
        .cte("histogram")
    )


# The histograms of every market the database keeps (migration 0018) keep each
# group as text, '' for a market without one; these groupings are numbers.
_NUMBERED = (GroupBy.COMPANY, GroupBy.SIZE_YEAR, GroupBy.FORECAST_YEAR)


def _tallied(filters: MarketFilters) -> bool:
    """Whether the kept histograms answer these filters: none, or a CAGR range alone (the
    histograms are per CAGR value)."""
    return replace(filters, min_cagr=None, max_cagr=None) == MarketFilters()


def _tally_rows(
    group_by: GroupBy, companies: list[int] | None, filters: MarketFilters
) -> list[ColumnElement[bool]]:
    """The `group_tally` rows of this grouping in the filters' CAGR range (every row without
    one); `companies` keeps those of these company ids alone."""
    tally = GroupTally
    conditions = [col(tally.grouping) == group_by.value]
    if companies is not None:
        conditions.append(col(tally.grp).in_([str(company) for company in companies]))
    if filters.min_cagr is not None or filters.max_cagr is not None:
        conditions.append(col(tally.stated) == true())  # a market stating no CAGR is in none
    if filters.min_cagr is not None:
        conditions.append(col(tally.cagr_percent) >= filters.min_cagr)
    if filters.max_cagr is not None:
        conditions.append(col(tally.cagr_percent) <= filters.max_cagr)
    return conditions


def _tallied_histogram(
    group_by: GroupBy, companies: list[int] | None, filters: MarketFilters
) -> CTE:
    """`_histogram` read from `group_tally` instead of every membership (the rows of
    `_tally_rows`)."""
    tally = GroupTally
    stated = col(tally.stated)
    grp: Any = func.nullif(col(tally.grp), "")
    return (
        select(
            (cast(grp, BigInteger) if group_by in _NUMBERED else grp).label("grp"),
            col(tally.grp).label("stored_grp"),  # grouped by as stored: in the key's order
            case((stated, col(tally.cagr_percent))).label("cagr"),
            col(tally.markets).label("markets"),
            case((col(tally.sized) > 0, col(tally.size_usd_sum))).label("size_usd_sum"),
            case((col(tally.forecasted) > 0, col(tally.forecast_usd_sum))).label(
                "forecast_usd_sum"
            ),
            case((stated, col(tally.cagr_percent) * col(tally.markets))).label("cagr_sum"),
            case((stated, col(tally.markets)), else_=0).label("stated"),
        )
        .where(*_tally_rows(group_by, companies, filters))
        .cte("histogram")
    )


def _company_page(
    session: Session, filters: MarketFilters, page: Pagination, *, sqlite: bool
) -> tuple[list[int], int]:
    """(the ids of this page's companies, in order; how many companies have a matching market).
    Without filters from the companies' own counters, with a CAGR range alone from the kept
    histograms, with other filters by counting memberships alone."""
    counted: FromClause
    if filters == MarketFilters():
        counted = (
            select(col(Company.id).label("grp"), col(Company.market_count).label("markets"))
            .where(col(Company.market_count) > 0)
            .subquery("counted")
        )
    elif _tallied(filters):
        counted = kept_company_counts(session, filters)
    else:
        markets = _markets(GroupBy.COMPANY, filters, materialized=sqlite)
        pairs = _memberships(GroupBy.COMPANY).subquery("pairs")
        counted = (
            select(pairs.c.grp, func.count().label("markets"))
            .join(markets, markets.c.id == pairs.c.market_id)
            .group_by(pairs.c.grp)
            .subquery("counted")
        )
    statement = (
        select(counted.c.grp, func.count().over().label("groups_total"))
        .join(Company, col(Company.id) == counted.c.grp)
        .order_by(counted.c.markets.desc(), col(Company.slug).asc())
        .limit(page.limit)
        .offset(page.offset)
    )
    rows = session.execute(statement).all()
    if rows:
        return [int(row.grp) for row in rows], int(rows[0].groups_total)
    return [], int(session.execute(select(func.count()).select_from(counted)).scalar_one())


# Reading each company's histogram along its key beats one scan of them all only when they
# are long: a seek costs about as much as reading 40 rows, and a company's histogram has a row
# per distinct CAGR of its markets. Many markets per company (the bench's 312) read along the
# key; many small companies (real pages name thousands) read in one scan.
_MARKETS_PER_COMPANY_FOR_SEEKS = 16


def kept_company_counts(
    session: Session, filters: MarketFilters, *, per_company: bool | None = None
) -> FromClause:
    """(company id, its markets in the filters' CAGR range) from the kept histograms:
    `_counted_per_company` or `_counted_in_one_scan`, by the dataset's shape unless asked."""
    if per_company is None:
        rows = row_counts(session)
        companies, markets = rows.get("company", 0), rows.get("market", 0)
        per_company = companies * _MARKETS_PER_COMPANY_FOR_SEEKS <= markets
    if per_company:
        return _counted_per_company(session, filters)
    return _counted_in_one_scan(filters)


def _counted_in_one_scan(filters: MarketFilters) -> FromClause:
    # Summed in the key's order (the id as text: no sort), then read as a company id.
    grp = col(GroupTally.grp)
    summed = (
        select(grp.label("grp"), func.sum(col(GroupTally.markets)).label("markets"))
        .where(*_tally_rows(GroupBy.COMPANY, None, filters))
        .group_by(grp)
        .subquery("summed")
    )
    return select(cast(summed.c.grp, BigInteger).label("grp"), summed.c.markets).subquery("counted")


def _counted_per_company(session: Session, filters: MarketFilters) -> FromClause:
    """One company at a time along the key: the rows in the range, or, when the range likely
    holds most markets (a lower bound under the mean CAGR, an upper one above it), the
    company's markets less those outside it (no CAGR, below, above)."""
    tally = GroupTally
    cagr, stated = col(tally.cagr_percent), col(tally.stated)

    def markets(*conditions: ColumnElement[bool]) -> Any:
        """The company's markets in its histogram rows that meet `conditions`."""
        its_rows = col(tally.grp) == cast(col(Company.id), String)
        total = func.coalesce(func.sum(col(tally.markets)), 0)
        return select(total).where(its_rows, *conditions).scalar_subquery()

    company_rows = col(tally.grouping) == GroupBy.COMPANY.value

    low, high = filters.min_cagr, filters.max_cagr
    mean = session.execute(
        select(col(MarketTotal.total) / col(MarketTotal.markets)).where(
            col(MarketTotal.measure) == "cagr_percent", col(MarketTotal.markets) > 0
        )
    ).scalar()
    outside_is_smaller = mean is not None and (
        (high is None and low is not None and low < mean)
        or (low is None and high is not None and high > mean)
    )
    count: Any
    if outside_is_smaller:
        count = col(Company.market_count) - markets(company_rows, stated == false())
        if low is not None:
            count = count - markets(company_rows, stated == true(), cagr < low)
        if high is not None:
            count = count - markets(company_rows, stated == true(), cagr > high)
    else:
        count = markets(*_tally_rows(GroupBy.COMPANY, None, filters))
    # Materialized: each company's count is read once, not again for the filter and the order.
    counts = (
        select(col(Company.id).label("grp"), count.label("markets"))
        .where(col(Company.market_count) > 0)
        .cte("counts")
        .prefix_with("MATERIALIZED")
    )
    # A company with no market in the range is no group (the page and its total count groups).
    return select(counts).where(counts.c.markets > 0).subquery("counted")


def group_stats(
    session: Session, group_by: GroupBy, filters: MarketFilters, page: Pagination | None
) -> tuple[list[dict[str, Any]], int]:
    """(rows of this page, or every row when `page` is None; the number of groups), largest
    groups first, then by group value."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    companies: list[int] | None = None
    if group_by is GroupBy.COMPANY and page is not None:
        # Hundreds of companies: rank them by their market counts, then read a page's markets.
        companies, total = _company_page(session, filters, page, sqlite=sqlite)
        if not companies:
            return [], total
        page = None
    if _tallied(filters):
        values = _tallied_histogram(group_by, companies, filters)
    else:
        values = _histogram(group_by, filters, sqlite=sqlite, companies=companies)

    source, median = _medians(values, sqlite=sqlite)
    stated = func.sum(source.c.stated)
    groups = (
        select(
            source.c.grp,
            cast(func.sum(source.c.markets), BigInteger).label("market_count"),
            func.sum(source.c.size_usd_sum).label("size_usd_sum"),
            func.sum(source.c.forecast_usd_sum).label("forecast_usd_sum"),
            median.label("cagr_percent_median"),
            (func.sum(source.c.cagr_sum) / cast(func.nullif(stated, 0), Float)).label(
                "cagr_percent_mean"
            ),
        )
        .group_by(source.c.stored_grp if sqlite else source.c.grp)
        .subquery("groups")
    )
    group: Any = groups.c.grp
    statement = select(groups, func.count().over().label("groups_total"))
    if group_by is GroupBy.COMPANY:
        group = col(Company.slug)
        statement = statement.join(Company, col(Company.id) == groups.c.grp)
    statement = statement.add_columns(group.label("grp_value")).order_by(
        groups.c.market_count.desc(), group.asc().nulls_last()
    )
    if page is not None:
        statement = statement.limit(page.limit).offset(page.offset)
    result = [row._mapping for row in session.execute(statement)]
    if companies is None:  # else counted with the page
        if result:
            total = int(result[0]["groups_total"])
        elif page is not None and page.offset > 0:  # past the last group: count them alone
            total = int(session.execute(select(func.count()).select_from(groups)).scalar_one())
        else:
            total = 0
    return [_row(mapping) for mapping in result], total


def _medians(values: CTE, *, sqlite: bool) -> tuple[Any, ColumnElement[Any]]:
    """(the rows to group, the median CAGR of a group of them) from a histogram of CAGR
    values: on SQLite the aggregate `weighted_median` (app/core/sqlite_functions.py), four
    times faster there than the windows PostgreSQL reads the same answer with."""
    if sqlite:
        return values, func.weighted_median(values.c.cagr, values.c.stated)

    # Each CAGR value's positions in its group's ascending order: (before, up_to]; and the
    # group's count, over the same ordered partition so that one sort serves both.
    def summed_stated(rows: tuple[None, int | None]) -> ColumnElement[Any]:
        window = func.sum(values.c.stated).over(
            partition_by=values.c.grp, order_by=values.c.cagr, rows=rows
        )
        return cast(window, BigInteger)

    ranked = select(
        values,
        summed_stated((None, 0)).label("up_to"),
        summed_stated((None, None)).label("group_stated"),
    ).subquery("ranked")

    def holds(position: ColumnElement[Any]) -> ColumnElement[bool]:
        return and_(ranked.c.up_to - ranked.c.stated < position, position <= ranked.c.up_to)

    # The median: the middle value, or the mean of the two middle ones.
    middle = or_(holds((ranked.c.group_stated + 1) // 2), holds((ranked.c.group_stated + 2) // 2))
    return ranked, func.avg(case((and_(ranked.c.stated > 0, middle), ranked.c.cagr)))


def _row(mapping: Any) -> dict[str, Any]:
    def rounded(value: Any, digits: int) -> float | None:
        return None if value is None else round(float(value), digits)

    def whole(value: Any) -> int | None:
        return None if value is None else round(float(value))

    return {
        "group": mapping["grp_value"],
        "market_count": int(mapping["market_count"]),
        # Summed as floats in the database (no overflow), served as whole dollars.
        "size_usd_sum": whole(mapping["size_usd_sum"]),
        "forecast_usd_sum": whole(mapping["forecast_usd_sum"]),
        "cagr_percent_median": rounded(mapping["cagr_percent_median"], 4),
        "cagr_percent_mean": rounded(mapping["cagr_percent_mean"], 4),
    }
