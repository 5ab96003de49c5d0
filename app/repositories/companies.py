"""Companies across markets."""

from typing import Any

from sqlalchemy import func, or_, select
from sqlmodel import Session, col

from app.core.query import Pagination, SortKey, SortOrder
from app.models import Company, Market, MarketCompany

COMPANY_SORT = SortOrder(("name", "slug", "market_count"), default="-market_count,name")


def list_companies(
    session: Session, *, q: str | None, sort: list[SortKey], page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    market_count = func.count(func.distinct(col(MarketCompany.market_id))).label("market_count")
    conditions = []
    if q:
        pattern = q.lower()
        conditions.append(
            or_(
                col(Company.slug).contains(pattern, autoescape=True),
                func.lower(col(Company.name)).contains(pattern, autoescape=True),
            )
        )
    total = session.execute(
        select(func.count()).select_from(Company).where(*conditions)
    ).scalar_one()
    columns = {
        "name": func.lower(col(Company.name)),
        "slug": col(Company.slug),
        "market_count": market_count,
    }
    order = [columns[k.field].desc() if k.descending else columns[k.field].asc() for k in sort]
    statement = (
        select(Company, market_count)
        .join(MarketCompany, col(MarketCompany.company_id) == col(Company.id), isouter=True)
        .where(*conditions)
        .group_by(col(Company.id))
        .order_by(*order, col(Company.slug))
        .limit(page.limit)
        .offset(page.offset)
    )
    rows = [
        {"slug": c.slug, "name": c.name, "aliases": c.aliases, "market_count": int(n)}
        for c, n in session.execute(statement).all()
    ]
    return rows, int(total)


def get_company(session: Session, slug: str) -> Company | None:
    return session.execute(select(Company).where(col(Company.slug) == slug)).scalar_one_or_none()


def company_markets(
    session: Session, company_id: int | None, *, page: Pagination
) -> tuple[list[tuple[str, str, str, int]], int]:
    condition = col(MarketCompany.company_id) == company_id
    total = session.execute(
        select(func.count(func.distinct(col(MarketCompany.market_id)))).where(condition)
    ).scalar_one()
    rows = session.execute(
        select(
            col(Market.slug),
            col(Market.title),
            col(MarketCompany.name_as_given),
            col(MarketCompany.position),
        )
        .join(MarketCompany, col(MarketCompany.market_id) == col(Market.id))
        .where(condition)
        .order_by(col(Market.slug))
        .limit(page.limit)
        .offset(page.offset)
    ).all()
    return list(rows), int(total)
