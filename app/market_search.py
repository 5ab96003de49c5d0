"""The full-text row of each market (migrations 0025 and 0026), kept by the loader.

A market's row in `market_search` indexes every text it has (title, summary, segments,
insights, FAQs), which the view `market_search_text` assembles: on SQLite an FTS5 row, on
PostgreSQL the market's lexemes (a stripped tsvector) under a GIN index. No trigger can keep a
row that is several tables' text, so the loader calls `unindex_markets` while a market's rows
are still as indexed (before they are replaced or removed: FTS5 takes a row out only given the
text it indexed) and `index_markets` once they are written. On PostgreSQL the row is replaced
in place, and goes with its market.
"""

from collections.abc import Sequence

from sqlalchemy import Connection, TextClause, bindparam, text


def _for_markets(sql: str) -> TextClause:
    return text(sql).bindparams(bindparam("market_ids", expanding=True))


_SQLITE_UNINDEX = _for_markets(
    "INSERT INTO market_search(market_search, rowid, body) "
    "SELECT 'delete', id, body FROM market_search_text WHERE id IN :market_ids"
)
_SQLITE_INDEX = _for_markets(
    "INSERT INTO market_search(rowid, body) "
    "SELECT id, body FROM market_search_text WHERE id IN :market_ids"
)
# Each market's lexemes, without positions.
_POSTGRESQL_DOCUMENTS = (
    "INSERT INTO market_search (market_id, document) "
    "SELECT id, strip(to_tsvector('english', body)) FROM market_search_text"
)
_POSTGRESQL_INDEX = _for_markets(
    f"{_POSTGRESQL_DOCUMENTS} WHERE id IN :market_ids "
    "ON CONFLICT (market_id) DO UPDATE SET document = excluded.document"
)
_SQLITE_REBUILD = ("INSERT INTO market_search(market_search) VALUES ('rebuild')",)
_POSTGRESQL_REBUILD = ("DELETE FROM market_search", _POSTGRESQL_DOCUMENTS)


def unindex_markets(connection: Connection, market_ids: Sequence[int]) -> None:
    """Take these markets out of the index, before their texts change or go."""
    if market_ids and connection.dialect.name == "sqlite":
        connection.execute(_SQLITE_UNINDEX, {"market_ids": list(market_ids)})


def index_markets(connection: Connection, market_ids: Sequence[int]) -> None:
    """Index these markets' texts as now written."""
    if market_ids:
        sqlite = connection.dialect.name == "sqlite"
        statement = _SQLITE_INDEX if sqlite else _POSTGRESQL_INDEX
        connection.execute(statement, {"market_ids": list(market_ids)})


def rebuild_index(connection: Connection) -> None:
    """Index every market's texts as stored, whatever the index held: after the tables were
    written by a tool other than the loader (`python -m ingest --rebuild-search`)."""
    sqlite = connection.dialect.name == "sqlite"
    for statement in _SQLITE_REBUILD if sqlite else _POSTGRESQL_REBUILD:
        connection.execute(text(statement))
