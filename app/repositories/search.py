"""`q` as full-text search: SQLite FTS5 or PostgreSQL tsvector, chosen when the SQL compiles.

A market's texts (title and summary, segments, insights, FAQs) are each indexed where they are
stored, with English stemming (migrations 0009, 0010), so `leukemias` finds `leukemia`; every
word of `q` must match. Punctuation-only words and English stop words
are ignored on both databases alike. Company aliases are indexed without stemming and matched
by word prefix.
"""

import re
from typing import Any, ClassVar

from sqlalchemy import Boolean, ColumnElement, select, union_all
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import BindParameter, bindparam
from sqlalchemy.sql.visitors import InternalTraversal
from sqlmodel import col

from app.models import Faq, Insight, Market, Segment
from app.repositories.stopwords import ENGLISH_STOP_WORDS

_WORD_CHARS = re.compile(r"[^\w']")
# A company-name token as both indexes split them (letters and digits; `_` separates too).
_TOKEN = re.compile(r"[^\W_]+")


class TextMatch(ColumnElement[bool]):
    """True for rows whose indexed text matches every word of the query; each subclass names
    its index on both databases (migrations 0002 and 0009).

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
    # `{query}` is the bound query string.
    fts5_template: ClassVar[str]
    postgresql_template: ClassVar[str]

    def __init__(self, fts5: str, plain: str) -> None:
        self.fts5_query: BindParameter[str] = bindparam(None, fts5, unique=True)
        self.plain_query: BindParameter[str] = bindparam(None, plain, unique=True)


class _MarketOwnTextMatch(TextMatch):
    inherit_cache = True
    fts5_template = (
        "market.id IN (SELECT rowid FROM market_search_market "
        "WHERE market_search_market MATCH {query})"
    )
    postgresql_template = (
        "to_tsvector('english', market.title || ' ' || coalesce(market.summary, '')) "
        "@@ plainto_tsquery('english', {query})"
    )


class _SegmentTextMatch(TextMatch):
    inherit_cache = True
    fts5_template = (
        "segment.id IN (SELECT rowid FROM market_search_segment "
        "WHERE market_search_segment MATCH {query})"
    )
    postgresql_template = (
        "to_tsvector('english', segment.name || ' ' || segment.description) "
        "@@ plainto_tsquery('english', {query})"
    )


class _InsightTextMatch(TextMatch):
    inherit_cache = True
    fts5_template = (
        "insight.id IN (SELECT rowid FROM market_search_insight "
        "WHERE market_search_insight MATCH {query})"
    )
    postgresql_template = (
        "to_tsvector('english', insight.text) @@ plainto_tsquery('english', {query})"
    )


class FaqTextMatch(TextMatch):
    inherit_cache = True
    fts5_template = (
        "faq.id IN (SELECT rowid FROM market_search_faq WHERE market_search_faq MATCH {query})"
    )
    postgresql_template = (
        "to_tsvector('english', faq.question || ' ' || faq.answer) "
        "@@ plainto_tsquery('english', {query})"
    )


class CompanyAliasMatch(TextMatch):
    """Every word of the query starts a word of some alias (no stemming: names)."""

    inherit_cache = True
    fts5_template = (
        "company.id IN (SELECT rowid FROM market_search_company "
        "WHERE market_search_company MATCH {query})"
    )
    postgresql_template = (
        "to_tsvector('simple', company.aliases::text) @@ to_tsquery('simple', {query})"
    )


def _words(q: str) -> list[str]:
    """The words of `q` left once punctuation-only words and stop words go."""
    return [
        word
        for word in q.split()
        if _TOKEN.search(word) and _WORD_CHARS.sub("", word).lower() not in ENGLISH_STOP_WORDS
    ]


def _fts5_strings(words: list[str], suffix: str = "") -> str:
    """Each token of each word an FTS5 string, so that user text is never read as query
    syntax; tokens as the unicode61 tokenizer splits them, as separate terms (the indexes keep
    no positions, so no phrase: `a&b` asks for `a` and `b`)."""
    tokens = [token for word in words for token in _TOKEN.findall(word.lower())]
    return " ".join('"' + token + '"' + suffix for token in tokens)


def market_text_words(q: str) -> list[str]:
    """The words of `q` a market must all have; none (no condition) when only punctuation and
    stop words were given."""
    return _words(q)


def markets_with(word: str) -> Any:
    """The ids of the markets with `word` in their title, summary, segments, insights or
    FAQs, each searched by its own index."""
    fts5, plain = _fts5_strings([word]), word
    return union_all(
        select(col(Market.id)).where(_MarketOwnTextMatch(fts5, plain)).correlate(None),
        select(col(Segment.market_id)).where(_SegmentTextMatch(fts5, plain)),
        select(col(Insight.market_id)).where(_InsightTextMatch(fts5, plain)),
        select(col(Faq.market_id)).where(FaqTextMatch(fts5, plain)),
    )


def faq_text_match(q: str) -> FaqTextMatch | None:
    words = _words(q)
    return FaqTextMatch(_fts5_strings(words), " ".join(words)) if words else None


def company_alias_match(q: str) -> CompanyAliasMatch | None:
    """Prefix match of each word (`pharma` finds Pharmaceuticals); None when `q` has none."""
    tokens = _TOKEN.findall(q.lower())
    if not tokens:
        return None
    tsquery = " & ".join(f"'{token}':*" for token in tokens)
    return CompanyAliasMatch(_fts5_strings(tokens, suffix="*"), tsquery)


@compiles(TextMatch, "sqlite")
def _fts5(element: TextMatch, compiler: Any, **kw: Any) -> str:
    return element.fts5_template.format(query=compiler.process(element.fts5_query, **kw))


@compiles(TextMatch, "postgresql")
def _tsquery(element: TextMatch, compiler: Any, **kw: Any) -> str:
    return element.postgresql_template.format(query=compiler.process(element.plain_query, **kw))
