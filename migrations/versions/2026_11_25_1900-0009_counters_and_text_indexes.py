"""Market counts kept by the database, full-text indexes over FAQs and company aliases, and
covering indexes for the filters

`company.market_count` and `segment_tally` (markets per segment key, name and dimension) are
maintained by triggers on `market_company` and `segment`, so that GET /companies and
GET /segments read a counter instead of grouping every link. A count is of distinct markets:
a market that lists one company under two names counts once. SQLite fires row triggers as
each row is written; PostgreSQL's statement triggers read the statement's rows as a whole.

GET /faqs?q= and GET /companies?q= search through full-text indexes: on SQLite external-content
FTS5 tables over the rows themselves (no second copy of the text), on PostgreSQL GIN indexes
over the same expressions the queries use. Their names start with `market_search` /
`ix_market_search_vector`, which migrations/env.py leaves out of the model comparison.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SAME_SEGMENT = "key = {r}.key AND name = {r}.name AND dimension = {r}.dimension"
# In the triggers' lookups the market's own rows are found by its market_id index; the unary
# `+` keeps SQLite from choosing the key or company index instead, whose entries grow with the
# dataset (a slower ingest with every market loaded).
_SAME_SEGMENT_OF_MARKET = (
    "+other.key = {r}.key AND +other.name = {r}.name AND +other.dimension = {r}.dimension"
)
_FAQ_FTS = "market_search_faq"
# Which rows hold each word, not where in them: queries match words, never phrases or ranks,
# and the index is a fifth of the size with positions and column sizes.
_INDEX_ONLY = "detail=none, columnsize=0"
_COMPANY_FTS = "market_search_company"

SQLITE_UPGRADE = [
    # A market's first link to a company counts it; its last link gone uncounts it.
    "CREATE TRIGGER company_count_insert AFTER INSERT ON market_company "
    "WHEN NOT EXISTS (SELECT 1 FROM market_company AS other WHERE other.market_id = "
    "new.market_id AND +other.company_id = new.company_id AND other.position <> new.position) "
    "BEGIN UPDATE company SET market_count = market_count + 1 WHERE id = new.company_id; END",
    "CREATE TRIGGER company_count_delete AFTER DELETE ON market_company "
    "WHEN NOT EXISTS (SELECT 1 FROM market_company AS other WHERE other.market_id = "
    "old.market_id AND +other.company_id = old.company_id) "
    "BEGIN UPDATE company SET market_count = market_count - 1 WHERE id = old.company_id; END",
    "CREATE TRIGGER segment_tally_insert AFTER INSERT ON segment "
    "WHEN NOT EXISTS (SELECT 1 FROM segment AS other WHERE other.market_id = new.market_id "
    f"AND {_SAME_SEGMENT_OF_MARKET.format(r='new')} AND other.id <> new.id) "
    "BEGIN INSERT INTO segment_tally (key, name, dimension, markets) "
    "VALUES (new.key, new.name, new.dimension, 1) "
    "ON CONFLICT (key, name, dimension) DO UPDATE SET markets = markets + 1; END",
    "CREATE TRIGGER segment_tally_delete AFTER DELETE ON segment "
    "WHEN NOT EXISTS (SELECT 1 FROM segment AS other WHERE other.market_id = old.market_id "
    f"AND {_SAME_SEGMENT_OF_MARKET.format(r='old')}) "
    "BEGIN UPDATE segment_tally SET markets = markets - 1 "
    f"WHERE {_SAME_SEGMENT.format(r='old')}; "
    f"DELETE FROM segment_tally WHERE {_SAME_SEGMENT.format(r='old')} AND markets <= 0; END",
    # Full text over the rows' own columns: the FTS5 tables keep only the index.
    f"CREATE VIRTUAL TABLE {_FAQ_FTS} USING fts5(question, answer, content='faq', "
    f"content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', {_INDEX_ONLY})",
    f"CREATE TRIGGER {_FAQ_FTS}_insert AFTER INSERT ON faq BEGIN "
    f"INSERT INTO {_FAQ_FTS}(rowid, question, answer) "
    "VALUES (new.id, new.question, new.answer); END",
    f"CREATE TRIGGER {_FAQ_FTS}_delete AFTER DELETE ON faq BEGIN "
    f"INSERT INTO {_FAQ_FTS}({_FAQ_FTS}, rowid, question, answer) "
    "VALUES ('delete', old.id, old.question, old.answer); END",
    f"CREATE TRIGGER {_FAQ_FTS}_update AFTER UPDATE OF question, answer ON faq BEGIN "
    f"INSERT INTO {_FAQ_FTS}({_FAQ_FTS}, rowid, question, answer) "
    "VALUES ('delete', old.id, old.question, old.answer); "
    f"INSERT INTO {_FAQ_FTS}(rowid, question, answer) "
    "VALUES (new.id, new.question, new.answer); END",
    f"INSERT INTO {_FAQ_FTS}({_FAQ_FTS}) VALUES ('rebuild')",
    # Aliases are a JSON array: its brackets, quotes and commas separate tokens.
    f"CREATE VIRTUAL TABLE {_COMPANY_FTS} USING fts5(aliases, content='company', "
    f"content_rowid='id', tokenize='unicode61 remove_diacritics 2', {_INDEX_ONLY})",
    f"CREATE TRIGGER {_COMPANY_FTS}_insert AFTER INSERT ON company BEGIN "
    f"INSERT INTO {_COMPANY_FTS}(rowid, aliases) VALUES (new.id, new.aliases); END",
    f"CREATE TRIGGER {_COMPANY_FTS}_delete AFTER DELETE ON company BEGIN "
    f"INSERT INTO {_COMPANY_FTS}({_COMPANY_FTS}, rowid, aliases) "
    "VALUES ('delete', old.id, old.aliases); END",
    f"CREATE TRIGGER {_COMPANY_FTS}_update AFTER UPDATE OF aliases ON company "
    "WHEN old.aliases IS NOT new.aliases BEGIN "
    f"INSERT INTO {_COMPANY_FTS}({_COMPANY_FTS}, rowid, aliases) "
    "VALUES ('delete', old.id, old.aliases); "
    f"INSERT INTO {_COMPANY_FTS}(rowid, aliases) VALUES (new.id, new.aliases); END",
    f"INSERT INTO {_COMPANY_FTS}({_COMPANY_FTS}) VALUES ('rebuild')",
]
SQLITE_DOWNGRADE = [
    *(
        f"DROP TRIGGER {name}"
        for name in (
            "company_count_insert",
            "company_count_delete",
            "segment_tally_insert",
            "segment_tally_delete",
            f"{_FAQ_FTS}_insert",
            f"{_FAQ_FTS}_delete",
            f"{_FAQ_FTS}_update",
            f"{_COMPANY_FTS}_insert",
            f"{_COMPANY_FTS}_delete",
            f"{_COMPANY_FTS}_update",
        )
    ),
    f"DROP TABLE {_FAQ_FTS}",
    f"DROP TABLE {_COMPANY_FTS}",
]

# Statement triggers: a multi-row insert's row triggers would all run after the statement and
# each see the others, so a market listing a company twice would never be counted.
_PG_COMPANY_COUNT = """
CREATE FUNCTION company_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE company SET market_count = company.market_count + counted.markets
    FROM (SELECT c.company_id, count(DISTINCT c.market_id) AS markets FROM changed AS c
          WHERE NOT EXISTS (SELECT 1 FROM market_company AS other
                            WHERE other.market_id = c.market_id
                              AND other.company_id = c.company_id
                              AND NOT EXISTS (SELECT 1 FROM changed AS mine
                                              WHERE mine.market_id = other.market_id
                                                AND mine.position = other.position))
          GROUP BY c.company_id) AS counted
    WHERE company.id = counted.company_id;
  ELSE
    UPDATE company SET market_count = company.market_count - counted.markets
    FROM (SELECT c.company_id, count(DISTINCT c.market_id) AS markets FROM changed AS c
          WHERE NOT EXISTS (SELECT 1 FROM market_company AS other
                            WHERE other.market_id = c.market_id
                              AND other.company_id = c.company_id)
          GROUP BY c.company_id) AS counted
    WHERE company.id = counted.company_id;
  END IF;
  RETURN NULL;
END $$
"""
_PG_SEGMENT_TALLY = """
CREATE FUNCTION segment_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO segment_tally (key, name, dimension, markets)
    SELECT c.key, c.name, c.dimension, count(DISTINCT c.market_id) FROM changed AS c
    WHERE NOT EXISTS (SELECT 1 FROM segment AS other
                      WHERE other.market_id = c.market_id AND other.key = c.key
                        AND other.name = c.name AND other.dimension = c.dimension
                        AND NOT EXISTS (SELECT 1 FROM changed AS mine WHERE mine.id = other.id))
    GROUP BY c.key, c.name, c.dimension
    ON CONFLICT (key, name, dimension)
    DO UPDATE SET markets = segment_tally.markets + excluded.markets;
  ELSE
    UPDATE segment_tally SET markets = segment_tally.markets - gone.markets
    FROM (SELECT c.key, c.name, c.dimension, count(DISTINCT c.market_id) AS markets
          FROM changed AS c
          WHERE NOT EXISTS (SELECT 1 FROM segment AS other
                            WHERE other.market_id = c.market_id AND other.key = c.key
                              AND other.name = c.name AND other.dimension = c.dimension)
          GROUP BY c.key, c.name, c.dimension) AS gone
    WHERE segment_tally.key = gone.key AND segment_tally.name = gone.name
      AND segment_tally.dimension = gone.dimension;
    DELETE FROM segment_tally WHERE markets <= 0;
  END IF;
  RETURN NULL;
END $$
"""


def _pg_triggers(table: str, function: str) -> list[str]:
    return [
        f"CREATE TRIGGER {function}_insert AFTER INSERT ON {table} "
        f"REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER {function}_delete AFTER DELETE ON {table} "
        f"REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
    ]


POSTGRESQL_UPGRADE = [
    _PG_COMPANY_COUNT,
    *_pg_triggers("market_company", "company_count_change"),
    _PG_SEGMENT_TALLY,
    *_pg_triggers("segment", "segment_tally_change"),
    # The same expressions as app/repositories/search.py, so that the planner uses them.
    "CREATE INDEX ix_market_search_vector_faq ON faq "
    "USING gin (to_tsvector('english', question || ' ' || answer))",
    "CREATE INDEX ix_market_search_vector_company ON company "
    "USING gin (to_tsvector('simple', aliases::text))",
]
POSTGRESQL_DOWNGRADE = [
    "DROP INDEX ix_market_search_vector_company",
    "DROP INDEX ix_market_search_vector_faq",
    "DROP TRIGGER segment_tally_change_delete ON segment",
    "DROP TRIGGER segment_tally_change_insert ON segment",
    "DROP FUNCTION segment_tally_change()",
    "DROP TRIGGER company_count_change_delete ON market_company",
    "DROP TRIGGER company_count_change_insert ON market_company",
    "DROP FUNCTION company_count_change()",
]

_BACKFILL_COMPANY_COUNTS = (
    "UPDATE company SET market_count = (SELECT count(DISTINCT market_id) FROM market_company "
    "WHERE market_company.company_id = company.id)"
)
_BACKFILL_SEGMENT_TALLY = (
    "INSERT INTO segment_tally (key, name, dimension, markets) "
    "SELECT key, name, dimension, count(DISTINCT market_id) FROM segment "
    "GROUP BY key, name, dimension"
)


# (table, old index, its columns, covering index, its columns): filters and counts read the
# markets from the index alone, and a sort by name ties on slug within one index.
_COVERING_INDEXES = [
    ("segment", "ix_segment_key", ["key"], "ix_segment_key_market", ["key", "market_id"]),
    (
        "segment",
        "ix_segment_dimension",
        ["dimension"],
        "ix_segment_dimension_market",
        ["dimension", "market_id"],
    ),
    (
        "market_company",
        "ix_market_company_company_id",
        ["company_id"],
        "ix_market_company_company_market",
        ["company_id", "market_id"],
    ),
    ("market", "ix_market_name", ["name"], "ix_market_name_slug", ["name", "slug"]),
]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements[op.get_bind().dialect.name]:
        op.execute(statement)


def upgrade() -> None:
    with op.batch_alter_table("company") as batch:
        batch.add_column(
            sa.Column("market_count", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_index("ix_company_market_count", "company", ["market_count"])
    for table, old, _old_columns, new, new_columns in _COVERING_INDEXES:
        op.drop_index(old, table_name=table)
        op.create_index(new, table, new_columns)
    op.create_index("ix_faq_market_position", "faq", ["market_id", "position"])
    op.create_table(
        "segment_tally",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("dimension", sa.String(), nullable=False),
        sa.Column("markets", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "name", "dimension"),
    )
    op.execute(_BACKFILL_COMPANY_COUNTS)
    op.execute(_BACKFILL_SEGMENT_TALLY)
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
    op.drop_table("segment_tally")
    op.drop_index("ix_faq_market_position", table_name="faq")
    op.drop_index("ix_company_market_count", table_name="company")
    for table, old, old_columns, new, _new_columns in _COVERING_INDEXES:
        op.drop_index(new, table_name=table)
        op.create_index(old, table, old_columns)
    with op.batch_alter_table("company") as batch:
        batch.drop_column("market_count")
