"""Every row of a statement, for exports: fetched in batches on a connection of its own (the
response outlives the request's session), so memory stays bounded whatever the row count."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, Executable, Row

EXPORT_BATCH_ROWS = 1000


def stream_rows(engine: Engine, statement: Executable) -> Iterator[Row[Any]]:
    with engine.connect() as connection:
        yield from connection.execution_options(yield_per=EXPORT_BATCH_ROWS).execute(statement)


def stream_dicts(engine: Engine, statement: Executable) -> Iterator[dict[str, Any]]:
    """`stream_rows`, each row as a dict of its columns."""
    for row in stream_rows(engine, statement):
        yield dict(row._mapping)
