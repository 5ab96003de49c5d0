"""`q` as full-text search: SQLite FTS5 or PostgreSQL tsvector, chosen when the SQL compiles.

A market's texts (title and summary, segments, insights, FAQs) are indexed with English
stemming, so `leukemias` finds `leukemia`, in one row per market kept by the loader (SQLite
FTS5, migration 0025; PostgreSQL a GIN index of lexemes, migration 0026). Every word of `q`
must match. Punctuation-only words and English stop words are ignored on both databases alike.
Company aliases are indexed without stemming and matched by word prefix.
"""

import re
from typing import Any, ClassVar, TypeVar

from sqlalchemy import Boolean, ColumnElement, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import BindParameter, bindparam
from sqlalchemy.sql.visitors import InternalTraversal

from app.repositories.stopwords import ENGLISH_STOP_WORDS

_WORD_CHARS = re.compile(r"[^\w']")
# A company-name token as both indexes split them (letters and digits; `_` separates too).
_TOKEN = re.compile(r"[^\W_]+")
_T = TypeVar("_T")


class _FullText(ColumnElement[_T]):
    """SQL over a full-text index, one template per database (migrations 0002 and 0009);
    `{query}` in a template is the bound query string.

    Both dialects' query strings are bound parameters and part of the cache key, so a cached
    compilation is always run with this query's words.
    """

    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's own declaration style)
        ("fts5_query", InternalTraversal.dp_clauseelement),
        ("plain_query", InternalTraversal.dp_clauseelement),
    ]
    fts5_template: ClassVar[str]
    postgresql_template: ClassVar[str]

    def __init__(self, fts5: str, plain: str) -> None:
        self.fts5_query: BindParameter[str] = bindparam(None, fts5, unique=True)
        self.plain_query: BindParameter[str] = bindparam(None, plain, unique=True)


class TextMatch(_FullText[bool]):
    """True for rows whose indexed text matches every word of the query; each subclass names
    its index on both databases."""

    type = Boolean()
    _is_implicitly_boolean = True  # a predicate already: no "= 1" on SQLite
    inherit_cache = True


# (PostgreSQL) A FAQ matches by the GIN index over this expression (migration 0009).
_FAQ_MATCH = (
    "to_tsvector('english', faq.question || ' ' || faq.answer) "
    "@@ plainto_tsquery('english', {query})"
)
# (PostgreSQL) The markets whose texts have every word (migration 0026).
_MARKETS_WITH_WORDS = (
    "SELECT market_search.market_id FROM market_search "
    "WHERE market_search.document @@ plainto_tsquery('english', {query})"
)


class FaqTextMatch(TextMatch):
    inherit_cache = True
    fts5_template = (
        "faq.id IN (SELECT rowid FROM market_search_faq WHERE market_search_faq MATCH {query})"
    )
    postgresql_template = _FAQ_MATCH


class FaqMatchCount(_FullText[int]):
    """How many FAQs match: on SQLite counted in the full-text index alone, which holds a
    row for every FAQ (its triggers), without reading one."""

    type = Integer()
    inherit_cache = True
    fts5_template = "(SELECT count(*) FROM market_search_faq WHERE market_search_faq MATCH {query})"
    postgresql_template = f"(SELECT count(*) FROM faq WHERE {_FAQ_MATCH})"


class MarketHasWord(TextMatch):
    """True for the markets with the word in their title, summary, segments, insights or
    FAQs: those the index of each market's texts lists for it (migrations 0025 and 0026)."""

    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012
        *TextMatch._traverse_internals,
        ("market_id", InternalTraversal.dp_clauseelement),
    ]
    fts5_template = (
        "{market_id} IN (SELECT rowid FROM market_search WHERE market_search MATCH {query})"
    )
    postgresql_template = f"{{market_id}} IN ({_MARKETS_WITH_WORDS})"

    def __init__(self, fts5: str, plain: str, *, market_id: ColumnElement[Any]) -> None:
        super().__init__(fts5, plain)
        self.market_id = market_id


class MarketHasWordOfItsOwn(MarketHasWord):
    """MarketHasWord for a market at a time (SQLite): the market's rowid looked for in the
    word's list, so that walking a sort's index to fill a page reads the few markets it
    passes, not every match."""

    inherit_cache = True
    fts5_template = (
        "EXISTS (SELECT 1 FROM market_search WHERE market_search MATCH {query} "
        "AND rowid = {market_id})"
    )


class MarketsWithWordsCount(_FullText[int]):
    """How many markets have every word, from the index of each market's texts alone (no
    market row read)."""

    type = Integer()
    inherit_cache = True
    fts5_template = "(SELECT count(*) FROM market_search WHERE market_search MATCH {query})"
    postgresql_template = f"(SELECT count(*) FROM ({_MARKETS_WITH_WORDS}) AS matched)"


class MarketsListed(TextMatch):
    """(PostgreSQL) `market.id` among the list of every word's markets, read first: for a page
    of `q` alone when few markets match, which the planner would otherwise look for along the
    sort's index (it estimates any word absent from its statistics at 0.5 % of markets, and
    walked all 100,000 for a word in none: 1.3 s)."""

    inherit_cache = True
    fts5_template = (
        "market.id IN (SELECT rowid FROM market_search WHERE market_search MATCH {query})"
    )
    postgresql_template = f"market.id = ANY(ARRAY({_MARKETS_WITH_WORDS}))"


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


def market_has_word(
    word: str, *, market_id: ColumnElement[Any], one_market_at_a_time: bool = False
) -> MarketHasWord:
    """`one_market_at_a_time` when a page walks a sort's index (SQLite)."""
    kind = MarketHasWordOfItsOwn if one_market_at_a_time else MarketHasWord
    return kind(_fts5_strings([word]), word, market_id=market_id)


def markets_with_words_count(words: list[str]) -> MarketsWithWordsCount:
    return MarketsWithWordsCount(_fts5_strings(words), " ".join(words))


def markets_listed(words: list[str]) -> MarketsListed:
    return MarketsListed(_fts5_strings(words), " ".join(words))


def faq_text_match(q: str) -> FaqTextMatch | None:
    words = _words(q)
    return FaqTextMatch(_fts5_strings(words), " ".join(words)) if words else None


def faq_match_count(q: str) -> FaqMatchCount | None:
    words = _words(q)
    return FaqMatchCount(_fts5_strings(words), " ".join(words)) if words else None


def company_alias_match(q: str) -> CompanyAliasMatch | None:
    """Prefix match of each word (`pharma` finds Pharmaceuticals); None when `q` has none."""
    tokens = _TOKEN.findall(q.lower())
    if not tokens:
        return None
    tsquery = " & ".join(f"'{token}':*" for token in tokens)
    return CompanyAliasMatch(_fts5_strings(tokens, suffix="*"), tsquery)


@compiles(_FullText, "sqlite")
def _fts5(element: _FullText[Any], compiler: Any, **kw: Any) -> str:
    return element.fts5_template.format(query=compiler.process(element.fts5_query, **kw))


@compiles(MarketHasWord, "sqlite")
def _fts5_markets(element: MarketHasWord, compiler: Any, **kw: Any) -> str:
    query, market_id = (compiler.process(e, **kw) for e in (element.fts5_query, element.market_id))
    return "(" + element.fts5_template.format(query=query, market_id=market_id) + ")"


@compiles(MarketHasWord, "postgresql")
def _tsquery_markets(element: MarketHasWord, compiler: Any, **kw: Any) -> str:
    query, market_id = (compiler.process(e, **kw) for e in (element.plain_query, element.market_id))
    return element.postgresql_template.format(query=query, market_id=market_id)


@compiles(_FullText, "postgresql")
def _tsquery(element: _FullText[Any], compiler: Any, **kw: Any) -> str:
    return element.postgresql_template.format(query=compiler.process(element.plain_query, **kw))
