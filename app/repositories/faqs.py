"""FAQs across markets; `q` through the full-text index over questions and answers."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func, select
from sqlmodel import Session, col

from app.core.query import Pagination, SortKey, SortOrder
from app.models import Faq, Market
from app.repositories.ordering import order_clauses
from app.repositories.search import faq_match_count, faq_text_match
from app.repositories.streaming import stream_dicts

FAQ_SORT = SortOrder(
    ("market", "position"),
    default="market,position",
    searched="each market's FAQs together in page order, markets in the order their reports "
    "were last stored (the index's order: a page reads its own rows alone at any size)",
)


def _conditions(q: str | None, market: str | None, *, dialect: str) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if market:
        in_market = select(col(Market.id)).where(col(Market.slug) == market).scalar_subquery()
        conditions.append(col(Faq.market_id) == in_market)
    match = faq_text_match(q) if q else None
    if match is not None and dialect == "postgresql":
        # The matches first, by the full-text index: left as a condition, PostgreSQL walks
        # the markets in slug order and computes every FAQ's tsvector until a page fills.
        matched = select(col(Faq.id)).where(match).cte("matched").prefix_with("MATERIALIZED")
        conditions.append(col(Faq.id).in_(select(matched.c.id)))
    elif match is not None:  # SQLite's is the index's list of FAQ ids already
        conditions.append(match)
    return conditions


def _order(q: str | None, sort: list[SortKey] | None) -> list[Any]:
    if sort is None and q:
        # By id, as the index lists its matches: a report's FAQs are stored together, in order.
        return [col(Faq.id)]
    columns = {"market": col(Market.slug), "position": col(Faq.position)}
    keys = FAQ_SORT.parse(None) if sort is None else sort
    return [*order_clauses(keys, columns), col(Market.slug), col(Faq.position)]


def _faqs_query(
    q: str | None, market: str | None, sort: list[SortKey] | None, *, dialect: str
) -> Select[*tuple[Any, ...]]:
    return (
        select(  # in FaqWithMarket's order, as the CSV's columns
            col(Faq.question),
            col(Faq.answer),
            col(Faq.position),
            col(Market.slug).label("market"),
        )
        .join(Market, col(Market.id) == col(Faq.market_id))
        .where(*_conditions(q, market, dialect=dialect))
        .order_by(*_order(q, sort))
    )


def list_faqs(
    session: Session,
    *,
    q: str | None,
    market: str | None,
    sort: list[SortKey] | None,
    page: Pagination,
) -> tuple[list[dict[str, Any]], int]:
    dialect = session.get_bind().dialect.name
    # Across all markets the index counts its matches alone, without reading the FAQs.
    count_matches = faq_match_count(q) if q and not market else None
    if count_matches is not None:
        total = session.execute(select(count_matches)).scalar_one()
    else:
        total = session.execute(
            select(func.count()).select_from(Faq).where(*_conditions(q, market, dialect=dialect))
        ).scalar_one()
    statement = _faqs_query(q, market, sort, dialect=dialect).limit(page.limit).offset(page.offset)
    return [dict(row._mapping) for row in session.execute(statement)], int(total)


def stream_faqs(
    engine: Engine, *, q: str | None, market: str | None, sort: list[SortKey] | None
) -> Iterator[dict[str, Any]]:
    return stream_dicts(engine, _faqs_query(q, market, sort, dialect=engine.dialect.name))
