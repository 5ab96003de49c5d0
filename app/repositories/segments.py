"""Segment keys across markets."""

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.core.query import Pagination
from app.models import Market, Segment


def segment_keys(
    session: Session, *, key: str | None = None, dimension: str | None = None
) -> list[dict[str, Any]]:
    """Every key (or just `key`; only segments along `dimension`) with its most common name
    (ties to the shortest), the dimensions reports file it under, and its market count."""
    only = [col(Segment.key) == key] if key is not None else []
    if dimension is not None:
        only.append(col(Segment.dimension) == dimension)
    rows = session.execute(
        select(
            col(Segment.key),
            col(Segment.name),
            col(Segment.dimension),
            func.count(func.distinct(col(Segment.market_id))),
        )
        .where(*only)
        .group_by(col(Segment.key), col(Segment.name), col(Segment.dimension))
    ).all()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    dimensions: dict[str, set[str]] = defaultdict(set)
    for key, name, along, markets in rows:
        names[key][name] += markets
        dimensions[key].add(along)
    counts = dict(
        session.execute(
            select(col(Segment.key), func.count(func.distinct(col(Segment.market_id))))
            .where(*only)
            .group_by(col(Segment.key))
        ).all()
    )
    return [
        {
            "key": key,
            "name": _display_name(names[key]),
            "names": list(names[key]),
            "dimensions": sorted(dimensions[key]),
            "market_count": int(counts[key]),
        }
        for key in sorted(names)
    ]


def _display_name(names: Counter[str]) -> str:
    return min(names, key=lambda name: (-names[name], len(name), name))


def segment_markets(
    session: Session, key: str, *, page: Pagination
) -> tuple[list[tuple[str, str, str]], int]:
    """(slug, title, segment name) of the markets with this key, by slug."""
    condition = col(Segment.key) == key
    total = session.execute(
        select(func.count(func.distinct(col(Segment.market_id)))).where(condition)
    ).scalar_one()
    rows = session.execute(
        select(col(Market.slug), col(Market.title), col(Segment.name))
        .join(Segment, col(Segment.market_id) == col(Market.id))
        .where(condition)
        .order_by(col(Market.slug), col(Segment.position))
        .limit(page.limit)
        .offset(page.offset)
    ).all()
    return list(rows), int(total)
