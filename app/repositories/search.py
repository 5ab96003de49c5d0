"""`q` as full-text search: SQLite FTS5 or PostgreSQL tsvector, chosen when the SQL compiles.

A market's texts (title and summary, segments, insights, FAQs) are each indexed where they are
stored, with English stemming (migrations 0009, 0010), so `leukemias` finds `leukemia`; every
word of `q` must match. Punctuation-only words and English stop words
are ignored on both databases alike. Company aliases are indexed without stemming and matched
by word prefix.
"""

import re
from typing import Any, ClassVar, TypeVar

from sqlalchemy import Boolean, ColumnElement, Integer, TextClause, text
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


class FaqMatchCount(_FullText[int]):
    """How many FAQs match: on SQLite counted in the full-text index alone, which holds a
    row for every FAQ (its triggers), without reading one."""

    type = Integer()
    inherit_cache = True
    fts5_template = "(SELECT count(*) FROM market_search_faq WHERE market_search_faq MATCH {query})"
    postgresql_template = (
        "(SELECT count(*) FROM faq WHERE to_tsvector('english', faq.question || ' ' || "
        "faq.answer) @@ plainto_tsquery('english', {query}))"
    )


_MARKET_TEXT_INDEXES = (
    "market_search_market",
    "market_search_segment",
    "market_search_insight",
    "market_search_faq",
)


def _market_ids(table: str, match: type[TextMatch], *, fts5_hint: str = "") -> dict[str, str]:
    """The ids of the markets whose `table` rows match, on each database."""
    return {
        "fts5": f"SELECT market_id FROM {table}{fts5_hint} WHERE {match.fts5_template}",
        "postgresql": f"SELECT {table}.market_id FROM {table} WHERE {match.postgresql_template}",
    }


_SEGMENT_MARKETS = _market_ids(
    "segment",
    _SegmentTextMatch,
    # Migration 0013: a matched segment's market read from a small index, not from its row.
    fts5_hint=" INDEXED BY market_search_segment_market",
)
_INSIGHT_MARKETS = _market_ids("insight", _InsightTextMatch)
_FAQ_MARKETS = _market_ids("faq", FaqTextMatch)


class MarketHasWord(TextMatch):
    """True for the markets with the word in their title, summary, segments, insights or
    FAQs, each searched by its own index.

    On SQLite each index's markets are a list of their own, tried in turn: a market found
    in its own text is never looked up in the others, and a list is only built when some
    market needs it (a word in every title never reads a million FAQ matches). PostgreSQL
    reads their union once.
    """

    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012
        *TextMatch._traverse_internals,
        ("market_id", InternalTraversal.dp_clauseelement),
    ]
    fts5_template = " OR ".join(
        f"{{market_id}} IN ({markets})"
        for markets in (
            "SELECT rowid FROM market_search_market WHERE market_search_market MATCH {query}",
            _SEGMENT_MARKETS["fts5"],
            _INSIGHT_MARKETS["fts5"],
            _FAQ_MARKETS["fts5"],
        )
    )
    postgresql_template = (
        "{market_id} IN ("
        + " UNION ALL ".join(
            (
                f"SELECT market.id FROM market WHERE {_MarketOwnTextMatch.postgresql_template}",
                _SEGMENT_MARKETS["postgresql"],
                _INSIGHT_MARKETS["postgresql"],
                _FAQ_MARKETS["postgresql"],
            )
        )
        + ")"
    )

    def __init__(self, fts5: str, plain: str, *, market_id: ColumnElement[Any]) -> None:
        super().__init__(fts5, plain)
        self.market_id = market_id


class MarketHasWordOfItsOwn(MarketHasWord):
    """MarketHasWord for a market at a time (SQLite): its own rows looked for among each
    index's matches, by the indexes on market_id, so that walking a sort's index to fill a
    page reads the few markets it passes, not every match's market."""

    inherit_cache = True
    fts5_template = " OR ".join(
        (
            "{market_id} IN (SELECT rowid FROM market_search_market "
            "WHERE market_search_market MATCH {query})",
            *(
                # `+`: never the match's ids as rowids, looked up for each market.
                f"EXISTS (SELECT 1 FROM {table} WHERE {table}.market_id = {{market_id}} "
                f"AND +{match.fts5_template})"
                for table, match in (
                    ("segment", _SegmentTextMatch),
                    ("insight", _InsightTextMatch),
                    ("faq", FaqTextMatch),
                )
            ),
        )
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


def market_has_word(
    word: str, *, market_id: ColumnElement[Any], one_market_at_a_time: bool = False
) -> MarketHasWord:
    """`one_market_at_a_time` when a page walks a sort's index (SQLite)."""
    kind = MarketHasWordOfItsOwn if one_market_at_a_time else MarketHasWord
    return kind(_fts5_strings([word]), word, market_id=market_id)


def word_reach(word: str, *, rows: int, dialect: str) -> TextClause:
    """How many markets have `word` in their own text, and (SQLite) whether the four indexes
    of market texts hold `rows` rows or more with it: read from the indexes alone, no more
    than `rows` of them for the second."""
    if dialect == "postgresql":
        own_text = _MarketOwnTextMatch.postgresql_template.format(query=":query")
        return text(
            f"SELECT count(*) AS markets, false AS common FROM market WHERE {own_text}"
        ).bindparams(query=word)
    every_index = " UNION ALL ".join(
        f"SELECT rowid FROM {index} WHERE {index} MATCH :query" for index in _MARKET_TEXT_INDEXES
    )
    own = "SELECT count(*) FROM market_search_market WHERE market_search_market MATCH :query"
    # A word in every market's own text is left out of the query anyway: the four indexes
    # are not read for it (7 ms at 100,000 markets).
    return text(
        f"SELECT own.markets, CASE WHEN own.markets >= :rows THEN 1 ELSE "
        f"(SELECT count(*) >= :rows FROM ({every_index} LIMIT :rows)) END AS common "
        f"FROM (SELECT ({own}) AS markets) AS own"
    ).bindparams(query=_fts5_strings([word]), rows=rows)


def count_markets_with(words: list[str]) -> TextClause:
    """(SQLite) How many markets have every word, counted from the indexes' market ids alone
    (no market row read): for each word the union of its four indexes' markets."""
    each_word = []
    for i in range(len(words)):
        markets = " UNION ".join(
            [
                "SELECT rowid FROM market_search_market WHERE market_search_market MATCH {query}",
                _SEGMENT_MARKETS["fts5"],
                _INSIGHT_MARKETS["fts5"],
                _FAQ_MARKETS["fts5"],
            ]
        ).format(query=f":query_{i}")
        each_word.append(f"SELECT * FROM ({markets})")
    return text(f"SELECT count(*) FROM ({' INTERSECT '.join(each_word)})").bindparams(
        **{f"query_{i}": _fts5_strings([word]) for i, word in enumerate(words)}
    )


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
