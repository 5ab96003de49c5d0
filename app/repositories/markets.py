"""Market queries: filters, sorting, pages, exports and the full detail of one market."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func, select
from sqlmodel import Session, col

from app.core.query import MarketFilters, Pagination, SortKey, SortOrder
from app.models import (
    MARKET_LIST_FIELDS,
    Company,
    Faq,
    Figure,
    Insight,
    Market,
    MarketCompany,
    Provenance,
    QualityWarning,
    Segment,
)
from app.repositories.search import market_text_match

_MARKET_COLUMNS = [getattr(Market, field) for field in MARKET_LIST_FIELDS]
EXPORT_BATCH_ROWS = 1000
MARKET_SORT = SortOrder(
    ("name", "cagr_percent", "size_usd", "forecast_usd", "implied_cagr_percent"), default="name"
)


def filter_conditions(filters: MarketFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    bounds = (
        (col(Market.cagr_percent), filters.min_cagr, filters.max_cagr),
        (col(Market.size_usd), filters.min_size_usd, filters.max_size_usd),
        (col(Market.forecast_usd), filters.min_forecast_usd, filters.max_forecast_usd),
    )
    for column, low, high in bounds:
        if low is not None:
            conditions.append(column >= low)
        if high is not None:
            conditions.append(column <= high)
    if filters.region:
        conditions.append(func.lower(col(Market.region)) == filters.region.lower())
    if filters.company:
        listed = (
            select(col(MarketCompany.market_id))
            .join(Company, col(Company.id) == col(MarketCompany.company_id))
            .where(col(Company.slug) == filters.company)
        )
        conditions.append(col(Market.id).in_(listed))
    if filters.segment:
        with_segment = select(col(Segment.market_id)).where(col(Segment.key) == filters.segment)
        conditions.append(col(Market.id).in_(with_segment))
    if filters.dimension:
        along = select(col(Segment.market_id)).where(col(Segment.dimension) == filters.dimension)
        conditions.append(col(Market.id).in_(along))
    if filters.publisher:
        published = select(col(Provenance.market_id)).where(
            func.lower(col(Provenance.publisher)) == filters.publisher.lower()
        )
        conditions.append(col(Market.id).in_(published))
    if filters.q and (text_match := market_text_match(filters.q)) is not None:
        conditions.append(text_match)
    return conditions


def order_by(sort: list[SortKey]) -> list[Any]:
    """Requested keys (nulls last either way), then slug: a stable, total order."""
    clauses: list[Any] = []
    for key in sort:
        column = getattr(Market, key.field)
        clauses.append(column.desc().nulls_last() if key.descending else column.asc().nulls_last())
    clauses.append(col(Market.slug).asc())
    return clauses


def market_rows_query(filters: MarketFilters, sort: list[SortKey]) -> Select[Any]:
    return select(*_MARKET_COLUMNS).where(*filter_conditions(filters)).order_by(*order_by(sort))


def list_markets(
    session: Session, *, filters: MarketFilters, sort: list[SortKey], page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    conditions = filter_conditions(filters)
    total = session.execute(
        select(func.count()).select_from(Market).where(*conditions)
    ).scalar_one()
    statement = market_rows_query(filters, sort).limit(page.limit).offset(page.offset)
    rows = [dict(row._mapping) for row in session.execute(statement)]
    return rows, int(total)


def stream_market_rows(
    engine: Engine, *, filters: MarketFilters, sort: list[SortKey]
) -> Iterator[dict[str, Any]]:
    """Every matching row, fetched in batches on a connection of its own (the response outlives
    the request's session)."""
    with engine.connect() as connection:
        result = connection.execution_options(yield_per=EXPORT_BATCH_ROWS).execute(
            market_rows_query(filters, sort)
        )
        for row in result:
            yield dict(row._mapping)


@dataclass
class MarketBundle:
    """One market with all its children, each loaded by one query."""

    market: Market
    figures: list[Figure]
    segments: list[Segment]
    companies: list[tuple[MarketCompany, Company]]
    insights: list[Insight]
    faqs: list[Faq]
    warnings: list[QualityWarning]
    provenance: Provenance


def get_market(session: Session, slug: str) -> Market | None:
    return session.execute(select(Market).where(col(Market.slug) == slug)).scalar_one_or_none()


def load_market_bundle(session: Session, market: Market) -> MarketBundle:
    market_id = market.id
    provenance = session.get(Provenance, market_id)
    if provenance is None:  # the loader writes both in one transaction
        raise RuntimeError(f"market {market.slug!r} has no provenance row")
    return MarketBundle(
        market=market,
        figures=list_figures(session, market_id),
        segments=list_segments(session, market_id),
        companies=list_companies(session, market_id),
        insights=list(
            session.execute(
                select(Insight)
                .where(col(Insight.market_id) == market_id)
                .order_by(col(Insight.kind), col(Insight.position))
            ).scalars()
        ),
        faqs=list_faqs(session, market_id),
        warnings=list(
            session.execute(
                select(QualityWarning)
                .where(col(QualityWarning.market_id) == market_id)
                .order_by(col(QualityWarning.position))
            ).scalars()
        ),
        provenance=provenance,
    )


def list_figures(session: Session, market_id: int | None) -> list[Figure]:
    statement = (
        select(Figure).where(col(Figure.market_id) == market_id).order_by(col(Figure.position))
    )
    return list(session.execute(statement).scalars())


def figures_by_market(
    session: Session, filters: MarketFilters
) -> defaultdict[int | None, list[Figure]]:
    """The figures of every market matching the filters, in one query."""
    found: defaultdict[int | None, list[Figure]] = defaultdict(list)
    matching = select(col(Market.id)).where(*filter_conditions(filters))
    statement = select(Figure).where(col(Figure.market_id).in_(matching))
    for figure in session.execute(statement).scalars():
        found[figure.market_id].append(figure)
    return found


def list_segments(session: Session, market_id: int | None) -> list[Segment]:
    statement = (
        select(Segment).where(col(Segment.market_id) == market_id).order_by(col(Segment.position))
    )
    return list(session.execute(statement).scalars())


def list_companies(session: Session, market_id: int | None) -> list[tuple[MarketCompany, Company]]:
    statement = (
        select(MarketCompany, Company)
        .join(Company, col(Company.id) == col(MarketCompany.company_id))
        .where(col(MarketCompany.market_id) == market_id)
        .order_by(col(MarketCompany.position))
    )
    return [(link, company) for link, company in session.execute(statement).all()]


def list_faqs(session: Session, market_id: int | None) -> list[Faq]:
    statement = select(Faq).where(col(Faq.market_id) == market_id).order_by(col(Faq.position))
    return list(session.execute(statement).scalars())
