"""`q` as full-text search: SQLite FTS5 or PostgreSQL tsvector, chosen when the SQL compiles.

Both index `market.search_text` with English stemming (migration 0002), so `leukemias` finds
`leukemia`; every word of `q` must match. Punctuation-only words and English stop words are
ignored on both databases alike.
"""

import re
from typing import Any

from sqlalchemy import Boolean, ColumnElement
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import BindParameter, bindparam
from sqlalchemy.sql.visitors import InternalTraversal

from app.repositories.stopwords import ENGLISH_STOP_WORDS

_WORD = re.compile(r"\w")
_WORD_CHARS = re.compile(r"[^\w']")


class MarketTextMatch(ColumnElement[bool]):
    """True for markets whose search text matches every word of the query.

    Both dialects' query strings are bound parameters and part of the cache key, so a cached
    compilation is always run with this query's words.
    """

    type = Boolean()
    _is_implicitly_boolean = True  # a predicate already: no "= 1" on SQLite
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's own declaration style)
        ("fts5_query", InternalTraversal.dp_clauseelement),
        ("plain_query", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, words: list[str]) -> None:
        # Each word becomes an FTS5 string, so user text is never read as query syntax.
        fts5 = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        self.fts5_query: BindParameter[str] = bindparam(None, fts5, unique=True)
        self.plain_query: BindParameter[str] = bindparam(None, " ".join(words), unique=True)


def market_text_match(q: str) -> MarketTextMatch | None:
    """None (no condition) when `q` has no word left once punctuation and stop words go."""
    words = [
        word
        for word in q.split()
        if _WORD.search(word) and _WORD_CHARS.sub("", word).lower() not in ENGLISH_STOP_WORDS
    ]
    return MarketTextMatch(words) if words else None


@compiles(MarketTextMatch, "sqlite")
def _fts5(element: MarketTextMatch, compiler: Any, **kw: Any) -> str:
    query = compiler.process(element.fts5_query, **kw)
    return f"market.id IN (SELECT rowid FROM market_search WHERE market_search MATCH {query})"


@compiles(MarketTextMatch, "postgresql")
def _tsquery(element: MarketTextMatch, compiler: Any, **kw: Any) -> str:
    query = compiler.process(element.plain_query, **kw)
    return f"market.search_vector @@ plainto_tsquery('english', {query})"
