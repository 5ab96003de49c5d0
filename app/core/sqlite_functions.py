"""The SQL functions every SQLite connection the project opens has (app/core/db.py and
migrations/env.py register them on connect): `inflate_text` for packed prose, which the
full-text indexes read, and the aggregate `weighted_median` for GET /stats."""

import sqlite3
from collections import Counter

from app.core.packed_text import unpack


class WeightedMedian:
    """The median of values each counted `weight` times: the middle one, or the mean of the two
    middle ones (what PostgreSQL's window over the same histogram gives); null without any.

    One pass over a group's histogram rows in any order: SQLite's window functions, which the
    same answer needs otherwise, take four times as long over a page of company histograms.
    """

    def __init__(self) -> None:
        self._weights: Counter[float] = Counter()

    def step(self, value: float | None, weight: int | None) -> None:
        if value is not None and weight:
            self._weights[value] += weight

    def finalize(self) -> float | None:
        total = sum(self._weights.values())
        lower_position, upper_position = (total + 1) // 2, (total + 2) // 2
        seen, lower = 0, None
        for value in sorted(self._weights):
            seen += self._weights[value]
            if lower is None and seen >= lower_position:
                lower = value
            if lower is not None and seen >= upper_position:
                return (lower + value) / 2
        return None


def register_sqlite_functions(connection: sqlite3.Connection) -> None:
    connection.create_function("inflate_text", 1, unpack, deterministic=True)
    # typeshed's protocol knows one-argument aggregates returning int only.
    connection.create_aggregate("weighted_median", 2, WeightedMedian)  # type: ignore[arg-type]
