"""One full-text row per market on PostgreSQL too: `q` counted from one GIN index (SPEC §6 P3)

Migration 0025 gave SQLite one index row per market. PostgreSQL still matched each of a
market's texts by its own GIN index and took the union of their markets: for a word in 99 %
of 100,000 markets' segments and FAQs, counting read 243,000 segment and 84,000 FAQ rows from
the heap (370 ms). `market_search` holds each market's lexemes, stripped of positions
(`strip(to_tsvector(...))` of the view `market_search_text`, every text of the market), with
a GIN index: a word's markets are one index lookup. The loader writes a market's row after
its texts (app/market_search.py); a deleted market's row goes with it (`ON DELETE CASCADE`).
The GIN indexes of market, segment and insight texts go; FAQs keep theirs, for `/faqs?q=`.
SQLite is unchanged.

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-26 22:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _all_of(table: str, text: str) -> str:
    return f"(SELECT string_agg({text}, ' ') FROM {table} WHERE {table}.market_id = market.id)"


_MARKET_TEXT = "concat_ws(' ', " + ", ".join(
    (
        "market.title",
        "market.summary",
        _all_of("segment", "segment.name || ' ' || segment.description"),
        _all_of("insight", "insight.text"),
        _all_of("faq", "faq.question || ' ' || faq.answer"),
    )
) + ")"
# Migration 0010's indexes of each text where it is stored: name → (table, document).
_PER_TABLE = {
    "ix_market_search_vector_market": ("market", "title || ' ' || coalesce(summary, '')"),
    "ix_market_search_vector_segment": ("segment", "name || ' ' || description"),
    "ix_market_search_vector_insight": ("insight", "text"),
}

POSTGRESQL_UPGRADE = [
    f"CREATE VIEW market_search_text AS SELECT market.id AS id, {_MARKET_TEXT} AS body FROM market",
    "CREATE TABLE market_search (market_id INTEGER PRIMARY KEY "
    "REFERENCES market (id) ON DELETE CASCADE, document tsvector NOT NULL)",
    "INSERT INTO market_search (market_id, document) "
    "SELECT id, strip(to_tsvector('english', body)) FROM market_search_text",
    "CREATE INDEX market_search_document ON market_search USING gin (document)",
    *(f"DROP INDEX {index}" for index in _PER_TABLE),
]
POSTGRESQL_DOWNGRADE = [
    *(
        f"CREATE INDEX {index} ON {table} USING gin (to_tsvector('english', {document}))"
        for index, (table, document) in _PER_TABLE.items()
    ),
    "DROP TABLE market_search",
    "DROP VIEW market_search_text",
]


def _run(statements: list[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in statements:
            op.execute(statement)


def upgrade() -> None:
    _run(POSTGRESQL_UPGRADE)


def downgrade() -> None:
    _run(POSTGRESQL_DOWNGRADE)
