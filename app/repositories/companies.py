"""Companies across markets: counts from `company.market_count` (kept by triggers, migration
0009), `q` through the full-text index over every alias."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.core.query import Pagination, SortKey, SortOrder
from app.models import Company, Market, MarketCompany
from app.repositories.ordering import order_clauses
from app.repositories.plans import Unindexed, walks_sooner
from app.repositories.search import company_alias_match
from app.repositories.streaming import stream_dicts

COMPANY_SORT = SortOrder(("name", "slug", "market_count"), default="-market_count,name")
_COLUMNS = (col(Company.slug), col(Company.name), col(Company.aliases), col(Company.market_count))


def _conditions(q: str | None) -> list[ColumnElement[bool]]:
    match = company_alias_match(q) if q else None
    return [match] if match is not None else []


def _companies_query(q: str | None, sort: list[SortKey]) -> Select[*tuple[Any, ...]]:
    columns = {
        "name": func.lower(col(Company.name)),
        "slug": col(Company.slug),
        "market_count": col(Company.market_count),
    }
    order = order_clauses(sort, columns)
    return select(*_COLUMNS).where(*_conditions(q)).order_by(*order, col(Company.slug))


def list_companies(
    session: Session, *, q: str | None, sort: list[SortKey], page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    total = session.execute(
        select(func.count()).select_from(Company).where(*_conditions(q))
    ).scalar_one()
    statement = _companies_query(q, sort).limit(page.limit).offset(page.offset)
    return [dict(row._mapping) for row in session.execute(statement)], int(total)


def stream_companies(
    engine: Engine, *, q: str | None, sort: list[SortKey]
) -> Iterator[dict[str, Any]]:
    return stream_dicts(engine, _companies_query(q, sort))


def get_company(session: Session, slug: str) -> Company | None:
    return session.execute(select(Company).where(col(Company.slug) == slug)).scalar_one_or_none()


def company_markets(
    session: Session, company_id: int | None, *, listed: int, page: Pagination
) -> list[tuple[str, str, str, int]]:
    """(slug, title, name as given, position) of the markets listing the company, by slug
    (its first listing in each); `listed` is how many there are (the company's counter)."""
    listed_ids = select(col(MarketCompany.market_id)).where(
        col(MarketCompany.company_id) == company_id
    )
    # A company in many markets: SQLite finds a page sooner along the slug index, testing
    # each market, than by reading all of the company's markets and sorting them (markets.py).
    market_id: Any = col(Market.id)
    if session.get_bind().dialect.name == "sqlite":
        # The highest id bounds the markets at once (counting them reads an index).
        markets = session.execute(select(func.max(col(Market.id)))).scalar_one() or 0
        if walks_sooner(rows=markets, total=listed, page=page):
            market_id = Unindexed(market_id)
    # The page's markets first, by slug alone; their titles and first listings after.
    on_page = (
        select(col(Market.id).label("id"), col(Market.slug).label("slug"))
        .where(market_id.in_(listed_ids))
        .order_by(col(Market.slug))
        .limit(page.limit)
        .offset(page.offset)
        .subquery()
    )
    link = aliased(MarketCompany)
    first_link = (
        select(func.min(col(link.position)).label("position"))
        .where(col(link.market_id) == on_page.c.id, col(link.company_id) == company_id)
        .correlate(on_page)
        .scalar_subquery()
    )
    rows = session.execute(
        select(on_page.c.slug, col(Market.title), col(MarketCompany.name_as_given), first_link)
        .join(Market, col(Market.id) == on_page.c.id)
        .join(
            MarketCompany,
            (col(MarketCompany.market_id) == on_page.c.id)
            & (col(MarketCompany.position) == first_link),
        )
        .order_by(on_page.c.slug)
    ).all()
    return [(slug, title, given, position) for slug, title, given, position in rows]
