"""The full-text row of each market on SQLite (migration 0025), kept by the loader.

A market's row in `market_search` indexes every text it has (title, summary, segments,
insights, FAQs), which the view `market_search_text` assembles. FTS5 takes a row out only
given the text it was indexed with, so the writer calls `unindex_markets` while a market's
rows are still as indexed (before they are replaced or removed) and `index_markets` once they
are written. PostgreSQL indexes each table's text where it is stored: nothing to do there.
"""

from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, text

_UNINDEX = text(
    "INSERT INTO market_search(market_search, rowid, body) "
    "SELECT 'delete', id, body FROM market_search_text WHERE id IN :market_ids"
).bindparams(bindparam("market_ids", expanding=True))
_INDEX = text(
    "INSERT INTO market_search(rowid, body) "
    "SELECT id, body FROM market_search_text WHERE id IN :market_ids"
).bindparams(bindparam("market_ids", expanding=True))


def unindex_markets(connection: Connection, market_ids: Sequence[int]) -> None:
    """Take these markets out of the index, before their texts change or go."""
    if market_ids and connection.dialect.name == "sqlite":
        connection.execute(_UNINDEX, {"market_ids": list(market_ids)})


def index_markets(connection: Connection, market_ids: Sequence[int]) -> None:
    """Index these markets' texts as now written."""
    if market_ids and connection.dialect.name == "sqlite":
        connection.execute(_INDEX, {"market_ids": list(market_ids)})
