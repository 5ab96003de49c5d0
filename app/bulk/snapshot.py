"""The whole dataset as one SQLite file, from either backend: the export tables copied in
one read transaction (a consistent snapshot: REPEATABLE READ on PostgreSQL, one WAL read
transaction on SQLite), a batch at a time."""

from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Engine, MetaData, Table, Text, create_engine, insert
from sqlalchemy.types import TypeEngine

from app.bulk.tables import BATCH_ROWS, EXPORT_TABLES, ExportTable
from app.core.packed_text import PackedText


def _plain(column_type: TypeEngine[Any]) -> TypeEngine[Any]:
    return Text() if isinstance(column_type, PackedText) else column_type


def _copy_of(table: ExportTable, metadata: MetaData) -> Table:
    # Plain text in the file a data team opens with any SQLite tool (no packed prose).
    columns = [
        Column(c.name, _plain(c.type), primary_key=c.primary_key, nullable=c.nullable)
        for c in table.columns
    ]
    return Table(table.name, metadata, *columns)


def build_snapshot(source: Engine, path: Path) -> None:
    target = create_engine(f"sqlite:///{path}")
    metadata = MetaData()
    copies = {name: _copy_of(table, metadata) for name, table in EXPORT_TABLES.items()}
    try:
        metadata.create_all(target)
        reading = source.connect()
        if source.dialect.name == "postgresql":
            reading = reading.execution_options(isolation_level="REPEATABLE READ")
        with reading as connection, connection.begin(), target.begin() as writing:
            for name, table in EXPORT_TABLES.items():
                rows = table.rows(connection)
                while batch := list(islice(rows, BATCH_ROWS)):
                    writing.execute(insert(copies[name]), batch)
    finally:
        target.dispose()
