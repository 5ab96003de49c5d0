"""How many kept values of a year fall in each bucket of values (`projected_bucket`), so that
GET /projections counts a value range by adding up buckets instead of stepping through every
index entry in it (a range over most of 100,000 markets took 12-14 ms to count).

A bucket holds the values with one number of digits and the same two leading digits (1200 to
1299, 99 alone, 0 to 9 one each): ninety buckets per power of ten, in the order of the values,
computed the same way in Python and in SQL on both databases. Only the two buckets at the ends
of a range are counted entry by entry, each about 1/90 of a decade of values.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Integer, Select, String, cast, func, select, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col

from app.models import ProjectedBucket, ProjectedValue

_LEADING_DIGITS = 2
_PER_DIGIT = 100  # a key is digits * 100 + the leading digits (10-99, or 0-9 for one digit)


def bucket_of(value: Any) -> Any:
    """The bucket key of a non-negative whole-dollar value column, in SQL."""
    digits = cast(value, String)
    leading = cast(func.substr(digits, 1, _LEADING_DIGITS), Integer)
    return func.length(digits) * _PER_DIGIT + leading


def bucket_key(value: int) -> int:
    """`bucket_of` in Python."""
    digits = str(value)
    return len(digits) * _PER_DIGIT + int(digits[:_LEADING_DIGITS])


def bucket_range(key: int) -> tuple[int, int]:
    """The first value of a bucket and the first after it."""
    length, leading = divmod(key, _PER_DIGIT)
    scale = 10 ** max(length - _LEADING_DIGITS, 0)
    return leading * scale, (leading + 1) * scale


def count_in_buckets(connection: Connection, market_ids: Sequence[int] | None, sign: int) -> None:
    """Add (sign 1) or take out (sign -1) these markets' kept values in their buckets (every
    market's when None): one upsert of the deltas, which reads nothing back."""
    year, key = col(ProjectedValue.year), bucket_of(col(ProjectedValue.value_usd))
    deltas = (
        select(year, key, sign * func.count())
        .where(true())  # SQLite reads "ON CONFLICT" after a bare SELECT as a join's clause
        .group_by(year, key)
    )
    if market_ids is not None:
        deltas = deltas.where(col(ProjectedValue.market_id).in_(market_ids))
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    upsert = dialect.insert(ProjectedBucket).from_select(["year", "bucket", "markets"], deltas)
    connection.execute(
        upsert.on_conflict_do_update(
            index_elements=["year", "bucket"],
            set_={"markets": col(ProjectedBucket.markets) + upsert.excluded.markets},
        )
    )


def count_in_range(year: int, low: int | None, high: int | None) -> Select[Any]:
    """How many kept values of `year` lie in [low, high] (either open): the buckets strictly
    inside, plus the values of the two end buckets within the bounds."""
    low = max(low or 0, 0)
    value = col(ProjectedValue.value_usd)

    def entries(first: int, last: int | None) -> Any:
        bounded = [col(ProjectedValue.year) == year, value >= first]
        if last is not None:
            bounded.append(value <= last)
        return select(func.count()).where(*bounded).scalar_subquery()

    low_key = bucket_key(low)
    if high is not None and bucket_key(max(high, low)) == low_key:
        return select(entries(low, high))  # one bucket: its entries
    low_end = bucket_range(low_key)[1] - 1
    bucket = col(ProjectedBucket.bucket)
    inside = [col(ProjectedBucket.year) == year, bucket > low_key]
    total = entries(low, low_end if high is None else min(high, low_end))
    if high is not None:
        high_key = bucket_key(high)
        inside.append(bucket < high_key)
        total = total + entries(max(low, bucket_range(high_key)[0]), high)
    summed = select(func.coalesce(func.sum(col(ProjectedBucket.markets)), 0)).where(*inside)
    return select(total + summed.scalar_subquery())
