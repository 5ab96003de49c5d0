"""One export table as a Parquet file, written in row groups.

Run as its own process (`python -m app.bulk.parquet TABLE PATH`, DATABASE_URL from the
environment, never the command line where `ps` shows it) so that the API worker never loads
pyarrow (about 70 MB) nor holds a row group."""

import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, Integer, Numeric

from app.bulk.tables import EXPORT_TABLES, ExportTable
from app.core.db import create_database_engine
from app.core.settings import get_settings

ROW_GROUP_ROWS = 50_000


def arrow_type(column_type: Any) -> pa.DataType:
    if isinstance(column_type, JSON):
        return pa.string()  # JSON text, as in CSV
    if isinstance(column_type, Integer | BigInteger):
        return pa.int64()
    if isinstance(column_type, Float | Numeric):
        return pa.float64()
    if isinstance(column_type, Boolean):
        return pa.bool_()
    if isinstance(column_type, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(column_type, Date):
        return pa.date32()
    return pa.string()


def write_parquet(table: ExportTable, path: Path, database_url: str) -> None:
    schema = pa.schema([(c.name, arrow_type(c.type)) for c in table.columns])
    engine = create_database_engine(database_url)
    try:
        with engine.connect() as connection, pq.ParquetWriter(path, schema) as writer:
            batch: list[dict[str, Any]] = []
            for row in table.flat_rows(connection):
                batch.append(row)
                if len(batch) >= ROW_GROUP_ROWS:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            if batch:  # a table without rows still gets a valid file: schema, no row group
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    finally:
        engine.dispose()


if __name__ == "__main__":
    name, out = sys.argv[1], Path(sys.argv[2])
    write_parquet(EXPORT_TABLES[name], out, get_settings().database_url)
