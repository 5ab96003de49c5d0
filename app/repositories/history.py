"""A market's editions and the dataset's changes feed, as stored by ingest/load.py."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.core.query import Pagination
from app.models import Change, Edition


def list_editions(session: Session, market_id: int | None) -> Sequence[Edition]:
    statement = (
        select(Edition).where(col(Edition.market_id) == market_id).order_by(col(Edition.number))
    )
    return session.execute(statement).scalars().all()


def count_editions(session: Session, market_id: int | None) -> int:
    statement = select(func.count()).where(col(Edition.market_id) == market_id)
    return int(session.execute(statement).scalar_one())


def list_changes(session: Session, *, since: int, page: Pagination) -> tuple[Sequence[Change], int]:
    """Changes after dataset version `since`, oldest first (in the order they were written)."""
    after = col(Change.version) > since
    total = session.execute(select(func.count()).select_from(Change).where(after)).scalar_one()
    statement = (
        select(Change)
        .where(after)
        .order_by(col(Change.version), col(Change.id))
        .limit(page.limit)
        .offset(page.offset)
    )
    return session.execute(statement).scalars().all(), int(total)
