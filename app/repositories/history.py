"""A market's editions and the dataset's changes feed, as stored by ingest/load.py."""

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlmodel import Session, col

from app.core.query import Pagination
from app.models import Change, Edition
from app.repositories.streaming import stream_dicts


def list_editions(session: Session, market_id: int | None) -> Sequence[Edition]:
    statement = (
        select(Edition).where(col(Edition.market_id) == market_id).order_by(col(Edition.number))
    )
    return session.execute(statement).scalars().all()


def count_editions(session: Session, market_id: int | None) -> int:
    statement = select(func.count()).where(col(Edition.market_id) == market_id)
    return int(session.execute(statement).scalar_one())


def _changes_after(since: int) -> Select[int, datetime, str, str]:
    columns = (col(Change.version), col(Change.at), col(Change.slug), col(Change.change))
    return (
        select(*columns)
        .where(col(Change.version) > since)
        .order_by(col(Change.version), col(Change.id))
    )


def list_changes(
    session: Session, *, since: int, page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    """Changes after dataset version `since`, oldest first (in the order they were written)."""
    after = col(Change.version) > since
    total = session.execute(select(func.count()).select_from(Change).where(after)).scalar_one()
    statement = _changes_after(since).limit(page.limit).offset(page.offset)
    return [dict(row._mapping) for row in session.execute(statement)], int(total)


def stream_changes(engine: Engine, *, since: int) -> Iterator[dict[str, Any]]:
    return stream_dicts(engine, _changes_after(since))
