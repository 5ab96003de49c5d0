"""Companies across markets: counts from `company.market_count` (kept by triggers, migration
0009), `q` through the full-text index over every alias."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func, select
from sqlmodel import Session, col

from app.core.query import Pagination, SortKey, SortOrder
from app.models import Company, Market, MarketCompany
from app.repositories.markets import EXPORT_BATCH_ROWS
from app.repositories.search import company_alias_match

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
    order = [columns[k.field].desc() if k.descending else columns[k.field].asc() for k in sort]
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
    with engine.connect() as connection:
        result = connection.execution_options(yield_per=EXPORT_BATCH_ROWS).execute(
            _companies_query(q, sort)
        )
        for row in result:
            yield dict(row._mapping)


def get_company(session: Session, slug: str) -> Company | None:
    return session.execute(select(Company).where(col(Company.slug) == slug)).scalar_one_or_none()


def company_markets(
    session: Session, company_id: int | None, *, page: Pagination
) -> list[tuple[str, str, str, int]]:
    """(slug, title, name as given, position) of the markets listing the company, by slug
    (its first listing in each)."""
    first_link = (
        select(col(MarketCompany.position))
        .where(
            col(MarketCompany.market_id) == col(Market.id),
            col(MarketCompany.company_id) == company_id,
        )
        .order_by(col(MarketCompany.position))
        .limit(1)
        .scalar_subquery()
    )
    # The company's links, read once by its index (correlated, each market would scan them).
    listed = col(Market.id).in_(
        select(col(MarketCompany.market_id)).where(col(MarketCompany.company_id) == company_id)
    )
    markets = (
        select(
            col(Market.id).label("id"),
            col(Market.slug),
            col(Market.title),
            first_link.label("position"),
        )
        .where(listed)
        .order_by(col(Market.slug))
        .limit(page.limit)
        .offset(page.offset)
        .subquery()
    )
    rows = session.execute(
        select(
            markets.c.slug, markets.c.title, col(MarketCompany.name_as_given), markets.c.position
        )
        .join(
            MarketCompany,
            (col(MarketCompany.market_id) == markets.c.id)
            & (col(MarketCompany.position) == markets.c.position),
        )
        .order_by(markets.c.slug)
    ).all()
    return [(slug, title, given, position) for slug, title, given, position in rows]
