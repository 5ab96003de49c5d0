"""Segment keys across markets, read from the counters in `segment_tally` (migration 0009)."""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, Select, exists, func, select
from sqlmodel import Session, col

from app.core.query import Pagination, SortKey, SortOrder
from app.models import Market, Segment, SegmentTally
from app.repositories.ordering import order_clauses

SEGMENT_SORT = SortOrder(("key", "market_count"), default="key")
_KEYS_PER_BATCH = 500


def _keys_query(dimension: str | None, sort: list[SortKey]) -> Select[*tuple[Any, ...]]:
    """Each key with its market count (only segments along `dimension` when given)."""
    only = [col(SegmentTally.dimension) == dimension] if dimension is not None else []
    market_count = func.sum(col(SegmentTally.markets)).label("market_count")
    columns = {"key": col(SegmentTally.key), "market_count": market_count}
    order = order_clauses(sort, columns)
    return (
        select(col(SegmentTally.key), market_count)
        .where(*only)
        .group_by(col(SegmentTally.key))
        .order_by(*order, col(SegmentTally.key))
    )


def _described(
    session: Session | Any, keys: list[tuple[str, int]], dimension: str | None
) -> list[dict[str, Any]]:
    """The keys with their most common name (ties to the shortest), every name, and the
    dimensions reports file them under."""
    only = [col(SegmentTally.dimension) == dimension] if dimension is not None else []
    tallies = session.execute(
        select(
            col(SegmentTally.key),
            col(SegmentTally.name),
            col(SegmentTally.dimension),
            col(SegmentTally.markets),
        ).where(col(SegmentTally.key).in_([key for key, _ in keys]), *only)
    ).all()
    names: dict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    dimensions: dict[str, set[str]] = defaultdict(set)
    for key, name, along, markets in tallies:
        names[key][name] += markets
        dimensions[key].add(along)
    return [
        {
            "key": key,
            "name": min(names[key], key=lambda n: (-names[key][n], len(n), n)),
            "names": sorted(names[key]),
            "dimensions": sorted(dimensions[key]),
            "market_count": int(count),
        }
        for key, count in keys
    ]


def list_segment_keys(
    session: Session, *, dimension: str | None, sort: list[SortKey], page: Pagination
) -> tuple[list[dict[str, Any]], int]:
    statement = _keys_query(dimension, sort)
    total = session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
    keys = session.execute(statement.limit(page.limit).offset(page.offset)).all()
    return _described(session, [(key, count) for key, count in keys], dimension), int(total)


def stream_segment_keys(
    engine: Engine, *, dimension: str | None, sort: list[SortKey]
) -> Iterator[dict[str, Any]]:
    """Every key in order, described a batch of keys at a time."""
    with Session(engine) as session:
        offset = 0
        statement = _keys_query(dimension, sort).limit(_KEYS_PER_BATCH)
        while keys := session.execute(statement.offset(offset)).all():
            yield from _described(session, [(key, count) for key, count in keys], dimension)
            offset += _KEYS_PER_BATCH


def get_segment_key(session: Session, key: str) -> dict[str, Any] | None:
    found = session.execute(
        select(func.sum(col(SegmentTally.markets))).where(col(SegmentTally.key) == key)
    ).scalar_one()
    return _described(session, [(key, int(found))], None)[0] if found else None


def segment_markets(session: Session, key: str, *, page: Pagination) -> list[tuple[str, str, str]]:
    """(slug, title, segment name) of the markets with this key, by slug: read in slug order
    (the slug index) and kept when the market has the key (its segments' index)."""
    has_key = (
        select(col(Segment.name))
        .where(col(Segment.market_id) == col(Market.id), col(Segment.key) == key)
        .order_by(col(Segment.position))
        .limit(1)
        .scalar_subquery()
    )
    rows = session.execute(
        select(col(Market.slug), col(Market.title), has_key)
        .where(exists().where(col(Segment.market_id) == col(Market.id), col(Segment.key) == key))
        .order_by(col(Market.slug))
        .limit(page.limit)
        .offset(page.offset)
    ).all()
    return [(slug, title, name) for slug, title, name in rows]
