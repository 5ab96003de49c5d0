"""FAQs across markets."""

from sqlalchemy import func, or_, select
from sqlmodel import Session, col

from app.core.query import Pagination
from app.models import Faq, Market


def list_faqs(
    session: Session, *, q: str | None, market: str | None, page: Pagination
) -> tuple[list[tuple[str, Faq]], int]:
    conditions = []
    if market:
        conditions.append(col(Market.slug) == market)
    for term in (q or "").lower().split():
        conditions.append(
            or_(
                func.lower(col(Faq.question)).contains(term, autoescape=True),
                func.lower(col(Faq.answer)).contains(term, autoescape=True),
            )
        )
    joined = (
        select(func.count()).select_from(Faq).join(Market, col(Market.id) == col(Faq.market_id))
    )
    total = session.execute(joined.where(*conditions)).scalar_one()
    statement = (
        select(col(Market.slug), Faq)
        .join(Market, col(Market.id) == col(Faq.market_id))
        .where(*conditions)
        .order_by(col(Market.slug), col(Faq.position))
        .limit(page.limit)
        .offset(page.offset)
    )
    return list(session.execute(statement).all()), int(total)
