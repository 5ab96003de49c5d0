"""Steering SQLite's planner, which has no statistics: a page of a broad match is found
sooner by walking the sort's index and testing each row than by reading every match and
sorting them all. Other databases plan from statistics and get the statements as written."""

from typing import Any

from sqlalchemy import ColumnElement, Join
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from app.core.query import Pagination


def walks_sooner(*, rows: int, total: int, page: Pagination) -> bool:
    """Whether walking the sort's index finds a page of `total` matches among `rows` sooner
    than reading every match: it reads about (offset + limit) × rows / total rows, against
    total rows and a sort."""
    return total > 0 and (page.offset + page.limit) * rows < total * total


class Unindexed(ColumnElement[Any]):
    """A column SQLite may not look up by an index (a unary `+`): a page of a broad filter
    then walks the sort's index and tests each market."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]  # noqa: RUF012

    def __init__(self, column: ColumnElement[Any]) -> None:
        self.column = column
        self.type = column.type


@compiles(Unindexed)
def _as_is(element: Unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(Unindexed, "sqlite")
def _unary_plus(element: Unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.column, **kw))


class InOrderWritten(Join):
    """A join SQLite reads in the order written (a CROSS JOIN): the left table first, along
    the index it picks for it (a filter's, or the sort's), then the right one's rows by key.
    Left to itself, it may read every row of the right one first and sort them all."""

    inherit_cache = True


@compiles(InOrderWritten, "sqlite")
def _cross_join(element: InOrderWritten, compiler: Any, **kw: Any) -> str:
    kw["asfrom"] = True
    left, right = compiler.process(element.left, **kw), compiler.process(element.right, **kw)
    return f"{left} CROSS JOIN {right} ON {compiler.process(element.onclause, **kw)}"
