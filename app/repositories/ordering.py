"""ORDER BY clauses for a parsed `sort`, each key over the column a resource maps it to."""

from collections.abc import Mapping
from typing import Any

from app.core.query import SortKey


def order_clauses(
    sort: list[SortKey], columns: Mapping[str, Any], *, nulls_last: bool = False
) -> list[Any]:
    """With `nulls_last`, a missing value sorts after every value in both directions (only
    for columns that can be NULL: SQLite cannot read an ascending NULLS LAST from an index)."""
    clauses = []
    for key in sort:
        column = columns[key.field]
        clause = column.desc() if key.descending else column.asc()
        clauses.append(clause.nulls_last() if nulls_last else clause)
    return clauses
