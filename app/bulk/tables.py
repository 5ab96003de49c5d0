"""The tables a data team can download, under their public names, and their rows in order.

Columns are the stored ones minus what only the service uses (the alias tallies). JSON
columns (lists) stay lists in NDJSON and become JSON text in CSV and Parquet, whose cells
are flat; timestamps are RFC 3339 UTC text in CSV and NDJSON, typed in Parquet."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import JSON, Column, Connection, DateTime, Table, select
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers every table on SQLModel.metadata)
from app.schemas import as_utc

BATCH_ROWS = 2_000  # rows fetched per round trip: bounded memory whatever the table's size
_HIDDEN = {"company": {"alias_counts"}}
# Public name → stored table, in the order GET /exports lists them.
_STORED = {
    "markets": "market",
    "figures": "figure",
    "segments": "segment",
    "companies": "company",
    "market_companies": "market_company",
    "insights": "insight",
    "faqs": "faq",
    "warnings": "quality_warning",
    "provenance": "provenance",
    "editions": "edition",
}


@dataclass(frozen=True)
class ExportTable:
    name: str  # public
    table: Table

    @property
    def columns(self) -> list[Column[Any]]:
        hidden = _HIDDEN.get(self.table.name, set())
        return [column for column in self.table.columns if column.name not in hidden]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def json_columns(self) -> set[str]:
        return {column.name for column in self.columns if isinstance(column.type, JSON)}

    @property
    def timestamp_columns(self) -> set[str]:
        return {column.name for column in self.columns if isinstance(column.type, DateTime)}

    def rows(self, connection: Connection, *, text_times: bool = False) -> Iterator[dict[str, Any]]:
        """Every row in primary-key order, fetched BATCH_ROWS at a time; with `text_times`,
        timestamps as RFC 3339 UTC text, as the API writes them (CSV and NDJSON cells)."""
        statement = select(*self.columns).order_by(*self.table.primary_key.columns)
        result = connection.execution_options(yield_per=BATCH_ROWS).execute(statement)
        timestamps = self.timestamp_columns if text_times else set()
        for mapping in result.mappings():
            row = dict(mapping)
            for name in timestamps:
                if row[name] is not None:
                    row[name] = rfc3339_utc(row[name])
            yield row

    def flat_rows(
        self, connection: Connection, *, text_times: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Rows with every JSON column as JSON text: what CSV and Parquet cells hold."""
        as_text = self.json_columns
        for row in self.rows(connection, text_times=text_times):
            for name in as_text:
                if row[name] is not None:
                    row[name] = orjson.dumps(row[name]).decode()
            yield row


def rfc3339_utc(moment: datetime) -> str:
    """'2026-11-26T17:15:02.851016Z', as the API writes its times."""
    return as_utc(moment).astimezone(UTC).isoformat().replace("+00:00", "Z")


EXPORT_TABLES = {
    name: ExportTable(name, SQLModel.metadata.tables[stored]) for name, stored in _STORED.items()
}
