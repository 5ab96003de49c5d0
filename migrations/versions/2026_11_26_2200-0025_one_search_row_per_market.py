"""One full-text row per market on SQLite: `q` counted from one list of markets (SPEC §6 P3)

`GET /markets?q=` matched each of a market's texts in its own FTS5 index (title and summary,
segments, insights, FAQs) and looked every match's market up: for a word in 99 % of 100,000
markets' segments that read 243,443 segment matches (225 ms). `market_search` has one row per
market, its text every text the market has (the view `market_search_text`), so a word's
markets are one doclist: counted in 2 ms, and a market is tested by rowid.

A market's row is many tables' text, so no trigger can keep it: the loader takes a market out
with the text it was indexed with before replacing its rows, and puts it back after
(app/market_search.py). The three per-table indexes of market texts and the segment-to-market
index (migration 0013) go; the FAQ index stays, for `GET /faqs?q=`. PostgreSQL is unchanged:
its GIN indexes answer from each table.

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-26 22:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TOKENIZER = "porter unicode61 remove_diacritics 2"
_INDEX_ONLY = f"tokenize='{_TOKENIZER}', detail=none, columnsize=0"


def _all_of(table: str, text: str) -> str:
    return (
        f"coalesce((SELECT group_concat({text}, ' ') FROM {table} "
        f"WHERE {table}.market_id = market.id), '')"
    )


_MARKET_TEXT = " || ' ' || ".join(
    (
        "market.title",
        "coalesce(market.summary, '')",
        _all_of("segment", "segment.name || ' ' || coalesce(inflate_text(segment.description), '')"),
        _all_of("insight", "inflate_text(insight.text)"),
        _all_of("faq", "faq.question || ' ' || coalesce(inflate_text(faq.answer), '')"),
    )
)
_PER_MARKET = [
    f"CREATE VIEW market_search_text AS SELECT market.id AS id, {_MARKET_TEXT} AS body FROM market",
    "CREATE VIRTUAL TABLE market_search USING fts5(body, content='market_search_text', "
    f"content_rowid='id', {_INDEX_ONLY})",
    "INSERT INTO market_search(market_search) VALUES ('rebuild')",
    # One b-tree per term instead of the rebuild's many segments: a fifth of the bytes.
    "INSERT INTO market_search(market_search) VALUES ('optimize')",
]

# The per-table indexes of migrations 0010 and 0023: table → (FTS5 table, its columns, with
# whether each is packed). An index with a packed column reads a view of the text.
_PER_TABLE = {
    "market": ("market_search_market", (("title", False), ("summary", False))),
    "segment": ("market_search_segment", (("name", False), ("description", True))),
    "insight": ("market_search_insight", (("text", True),)),
}


def _content(table: str) -> str:
    fts, columns = _PER_TABLE[table]
    return f"{fts}_text" if any(packed for _, packed in columns) else table


def _per_table_index(table: str) -> list[str]:
    fts, columns = _PER_TABLE[table]
    content = _content(table)

    def values(row: str) -> list[str]:
        return [f"inflate_text({row}.{c})" if packed else f"{row}.{c}" for c, packed in columns]

    names = ", ".join(column for column, _ in columns)
    old, new = ", ".join(values("old")), ", ".join(values("new"))
    changed = " OR ".join(f"{o} IS NOT {n}" for o, n in zip(values("old"), values("new")))
    texts = ", ".join(f"{v} AS {c}" for v, (c, _) in zip(values(table), columns, strict=True))
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"
    return [
        *([f"CREATE VIEW {content} AS SELECT id, {texts} FROM {table}"] if content != table else []),
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{content}', "
        f"content_rowid='id', {_INDEX_ONLY})",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} "
        f"WHEN {changed} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _drop_per_table_index(table: str) -> list[str]:
    fts, content = _PER_TABLE[table][0], _content(table)
    return [
        *(f"DROP TRIGGER {fts}_{event}" for event in ("insert", "delete", "update")),
        f"DROP TABLE {fts}",
        *([f"DROP VIEW {content}"] if content != table else []),
    ]


def _run(statements: list[str]) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in statements:
            op.execute(statement)


def upgrade() -> None:
    _run(
        [
            *(s for table in _PER_TABLE for s in _drop_per_table_index(table)),
            "DROP INDEX market_search_segment_market",
            *_PER_MARKET,
        ]
    )


def downgrade() -> None:
    _run(
        [
            "DROP TABLE market_search",
            "DROP VIEW market_search_text",
            *(s for table in _PER_TABLE for s in _per_table_index(table)),
            "CREATE INDEX market_search_segment_market ON segment (id, market_id)",
        ]
    )
