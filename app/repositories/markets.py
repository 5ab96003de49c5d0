"""Market queries: filters, sorting, pages, exports and the full detail of one market."""

from collections.abc import Iterator
from dataclasses import dataclass, replace
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
from app.repositories.meta import row_counts
from app.repositories.ordering import order_clauses
from app.repositories.plans import Unindexed, walks_sooner
from app.repositories.search import (
    market_has_word,
    market_text_words,
    markets_listed,
    markets_with_words_count,
)
from app.repositories.streaming import stream_dicts
from app.repositories.tallies import kept_count

_MARKET_COLUMNS = [getattr(Market, field) for field in MARKET_LIST_FIELDS]
MARKET_SORT = SortOrder(
    ("name", "cagr_percent", "size_usd", "forecast_usd", "implied_cagr_percent", "updated_at"),
    default="name",
)
_SORT_COLUMNS = {field: getattr(Market, field) for field in MARKET_SORT.fields}


def filter_conditions(
    filters: MarketFilters, *, by_index: bool = True
) -> list[ColumnElement[bool]]:
    """The filters as conditions; `by_index=False` keeps SQLite from using their indexes."""

    def market(column: Any) -> Any:
        return col(column) if by_index else Unindexed(column)

    conditions: list[ColumnElement[bool]] = []
    bounds = (
        (market(Market.cagr_percent), filters.min_cagr, filters.max_cagr),
        (market(Market.size_usd), filters.min_size_usd, filters.max_size_usd),
        (market(Market.forecast_usd), filters.min_forecast_usd, filters.max_forecast_usd),
    )
    for column, low, high in bounds:
        if low is not None:
            conditions.append(column >= low)
        if high is not None:
            conditions.append(column <= high)
    if filters.region:
        conditions.append(func.lower(market(Market.region)) == filters.region.lower())
    for members in _memberships(filters):
        if by_index:
            conditions.append(col(Market.id).in_(members))
        else:  # each walked market looked up in the filter's index, no list of every match
            (member_id,) = members.selected_columns
            conditions.append(members.where(member_id == col(Market.id)).exists())
    for word in market_text_words(filters.q or ""):
        conditions.append(
            market_has_word(word, market_id=market(Market.id), one_market_at_a_time=not by_index)
        )
    if filters.updated_since is not None:
        conditions.append(market(Market.updated_at) >= filters.updated_since)
    return conditions


def order_by(sort: list[SortKey]) -> list[Any]:
    """Requested keys (nulls last either way), then slug: a stable, total order."""
    return [*order_clauses(sort, _SORT_COLUMNS, nulls_last=True), col(Market.slug).asc()]


def market_rows_query(filters: MarketFilters, sort: list[SortKey]) -> Select[Any]:
    conditions = filter_conditions(filters)
    return select(*_MARKET_COLUMNS).where(*conditions).order_by(*order_by(sort))


def _broad(*, markets: int, total: int, page: Pagination) -> bool:
    """Whether a page of these `total` matches is read along the sort's index."""
    return walks_sooner(rows=markets, total=total, page=page)


def _memberships(filters: MarketFilters) -> list[Select[int]]:
    """The market ids of each filter that a market meets by a row elsewhere: a company that
    lists it, a segment or dimension of its, its publisher."""
    selects: list[Select[int]] = []
    if filters.company:
        selects.append(
            select(col(MarketCompany.market_id))
            .join(Company, col(Company.id) == col(MarketCompany.company_id))
            .where(col(Company.slug) == filters.company)
        )
    if filters.segment:
        selects.append(select(col(Segment.market_id)).where(col(Segment.key) == filters.segment))
    if filters.dimension:
        selects.append(
            select(col(Segment.market_id)).where(col(Segment.dimension) == filters.dimension)
        )
    if filters.publisher:
        selects.append(
            select(col(Provenance.market_id)).where(
                func.lower(col(Provenance.publisher)) == filters.publisher.lower()
            )
        )
    return selects


def _words_alone(filters: MarketFilters) -> list[str]:
    """The words of `q` when it is the only filter, else none."""
    alone = replace(filters, q=None) == MarketFilters()
    return market_text_words(filters.q or "") if alone else []


def _count(
    session: Session, filters: MarketFilters, *, words_alone: list[str], markets: int
) -> int:
    if (kept := kept_count(session, filters)) is not None:
        return kept  # a CAGR range and one group at most: from the kept histograms
    if words_alone:  # from the index of each market's texts, no market row read
        counted = markets_with_words_count(words_alone)
        return int(session.execute(select(counted)).scalar_one())
    if not (conditions := filter_conditions(filters)):
        return markets  # `q` of stop words alone
    return int(
        session.execute(select(func.count()).select_from(Market).where(*conditions)).scalar_one()
    )


def list_markets(
    session: Session, *, filters: MarketFilters, sort: list[SortKey], page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    sqlite = session.get_bind().dialect.name == "sqlite"  # others plan from statistics
    markets = 0
    if filters != MarketFilters():
        markets = row_counts(session).get("market", 0)
    words_alone = _words_alone(filters)
    total = _count(session, filters, words_alone=words_alone, markets=markets)
    if total == 0:
        return [], 0
    broad = _broad(markets=markets, total=total, page=page)
    conditions = filter_conditions(filters, by_index=not (sqlite and broad))
    if not sqlite and not broad and words_alone:
        conditions = [markets_listed(words_alone)]
    statement = (
        select(*_MARKET_COLUMNS)
        .where(*conditions)
        .order_by(*order_by(sort))
        .limit(page.limit)
        .offset(page.offset)
    )
    rows = [dict(row._mapping) for row in session.execute(statement)]
    return rows, total


def stream_market_rows(
    engine: Engine, *, filters: MarketFilters, sort: list[SortKey]
) -> Iterator[dict[str, Any]]:
    return stream_dicts(engine, market_rows_query(filters, sort))


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
