"""Read a market's dated values and stated CAGR from the sentences that state them.

Every search is bounded: an amount's year is looked for between it and its neighbours, a CAGR's
percent and period within a fixed window, so a paragraph of thousands of amounts parses in
linear time.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property

from ingest.currency import amount_pattern, currency_of, unit_multiplier
from ingest.regions import WHOLE_WORLD_WORD, mentions_other_region

_YEAR = r"(?:19|20)\d{2}"
_FY_YEAR = rf"(?:FY\s?)?(?P<year>{_YEAR})"
_MONEY = re.compile(amount_pattern(), re.IGNORECASE)
# The year after an amount: "in 2022", "by 2030", "till 2026", "by the end of 2031", "(2023)".
_YEAR_AFTER = re.compile(
    rf"[^.;]{{0,40}}?\b(?P<prep>in|by|for|of|through|till|until|during|as\s+of)\s+(?:the\s+)?"
    rf"(?:end\s+of\s+(?:the\s+)?|year\s+)?(?:year\s+)?{_FY_YEAR}\b"
    rf"|\s*\(\s*(?:FY\s?)?(?P<paren_year>{_YEAR})\s*\)",
    re.IGNORECASE,
)
# The year before an amount, in its own clause: "In 2023, the market was worth …",
# "By 2031, it will reach …", a label "Market Size in 2024: …" or "2033 Market Size: …".
_YEAR_BEFORE = re.compile(
    rf"\b(?P<prep>in|by|for|as\s+of)\s+(?:the\s+year\s+)?{_FY_YEAR}\b"
    rf"|(?:^|[\s(])(?:FY\s?)?(?P<label_year>{_YEAR})\b[^\d.;:]{{0,40}}:",
    re.IGNORECASE,
)
_BY_YEAR = frozenset({"by", "through", "till", "until"})
_FORECAST_VERB = re.compile(
    r"\b(?:reach|reaching|reached\s+by|surpass|exceed|cross|hit|touch|to\s+grow\s+to|"
    r"forecast|projected|expected|anticipated|predicted|poised|set\s+to|will|would|likely)\b",
    re.IGNORECASE,
)
# A clause about a part of the market, not the whole: a segment, a share, the fastest grower.
_PART_MARKER = re.compile(
    r"\bsub-?segments?\b|\bsegments?\b|\bshare\b|\bfastest\b|\bhighest\b|\bsub-?markets?\b|"
    r"\bregions?\b|\bcountr(?:y|ies)\b|\bcategor(?:y|ies)\b|\bdominat\w*",
    re.IGNORECASE,
)
_CAGR_KEYWORD = re.compile(
    r"\bCAGR\b|\bcompound(?:ed)?\s+annual(?:\s+growth)?(?:\s+rate)?", re.IGNORECASE
)
# A declining market's CAGR carries a minus (ASCII, the minus sign, or a typeset en dash) set
# against the number; after a digit, a dash is a range ("5-6% CAGR" is 6).
_PERCENT = r"(?P<percent>(?:(?<![\d.%])[-−–]\s?)?\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s*cent\b)"
_PERCENT_AFTER = re.compile(rf"[^.;]{{0,60}}?{_PERCENT}", re.IGNORECASE)
_PERCENT_BEFORE = re.compile(rf"{_PERCENT}\s*(?:\w+\s+)?$", re.IGNORECASE)
_PERIOD = re.compile(
    rf"(?:FY\s?)?(?P<start>{_YEAR})\s*(?:-|–|—|to|through|and|until|till)\s*"
    rf"(?:FY\s?)?(?P<end>{_YEAR})\b"
    rf"|\b(?:through|till|until|to)\s+(?:the\s+year\s+)?(?:FY\s?)?(?P<end_only>{_YEAR})\b",
    re.IGNORECASE,
)
_MINUS = str.maketrans("−–", "--")
# The cheap test first: only after a full stop are the abbreviations looked at.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bU\.S\.)(?<!\bInc\.)(?<!\bCo\.)(?<!\bLtd\.)(?<!\bi\.e\.)(?<!\be\.g\.)"
    r"(?<!\bvs\.)\s+(?=[A-Z])"
)
_WINDOW_CHARS = 80
_DIGIT = re.compile(r"\d")
_SUBJECT_CHARS = 160
_MAX_QUOTE_CHARS = 600
_SPEAKS_OF_MARKET = re.compile(r"\bmarket|\bindustry\b|\bCAGR\b", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """An amount the text states for the market, in the currency it was stated in."""

    amount: int
    currency: str
    year: int | None
    sentence: str
    looks_like_forecast: bool = False

    @property
    def usd(self) -> int | None:
        return self.amount if self.currency == "USD" else None


@dataclass(frozen=True)
class StatedCagr:
    percent: float
    start_year: int | None
    end_year: int | None
    sentence: str


@dataclass(frozen=True)
class HeadlineFigures:
    amounts: tuple[Amount, ...] = ()  # the market's own amounts, in text order
    cagr: StatedCagr | None = None

    @cached_property
    def figures(self) -> list[Amount]:
        """Every dated amount, the first stated for each year, by year."""
        by_year: dict[int, Amount] = {}
        for amount in self.amounts:
            if amount.year is not None:
                by_year.setdefault(amount.year, amount)
        return [by_year[year] for year in sorted(by_year)]

    @property
    def size(self) -> Amount | None:
        return self._size_and_forecast[0]

    @property
    def forecast(self) -> Amount | None:
        return self._size_and_forecast[1]

    @cached_property
    def _size_and_forecast(self) -> tuple[Amount | None, Amount | None]:
        return _size_and_forecast(self)

    @property
    def found_any(self) -> bool:
        return bool(self.amounts or self.cagr)

    def then(self, other: "HeadlineFigures") -> "HeadlineFigures":
        """These figures followed by another text's: amounts appended, the first CAGR kept."""
        return HeadlineFigures(self.amounts + other.amounts, self.cagr or other.cagr)


def _size_and_forecast(figures: HeadlineFigures) -> tuple[Amount | None, Amount | None]:
    """Size is the earliest dated value and forecast the latest; with a single dated value,
    its wording and the undated amounts beside it decide."""
    dated = figures.figures
    if len(dated) >= 2:
        return dated[0], dated[-1]
    undated = [amount for amount in figures.amounts if amount.year is None]
    if len(dated) == 1:
        only = dated[0]
        if only.looks_like_forecast:
            current = [a for a in undated if not a.looks_like_forecast]
            return (current[0] if current else None), only
        later = [a for a in undated if a.looks_like_forecast]
        return only, (later[0] if later else None)
    if not undated:
        return None, None
    if len(undated) == 1:
        only = undated[0]
        return (None, only) if only.looks_like_forecast else (only, None)
    return undated[0], undated[1]


def mentions_headline_figures(text: str) -> bool:
    # Every amount and every CAGR has a digit: most paragraphs are ruled out by that alone.
    return bool(_DIGIT.search(text)) and bool(_MONEY.search(text) or _CAGR_KEYWORD.search(text))


def parse_headline_figures(
    text: str, *, own_region: str | None = None, market_sentences_only: bool = False
) -> HeadlineFigures:
    """The market's own amounts and first stated CAGR in a text; clauses about a segment, a
    share or another region than `own_region` are left out, and with `market_sentences_only`
    every sentence that does not speak of the market."""
    amounts: list[Amount] = []
    cagr: StatedCagr | None = None
    for sentence in split_sentences(text):
        if not _DIGIT.search(sentence):
            continue  # no amount, no percent
        if market_sentences_only and not _SPEAKS_OF_MARKET.search(sentence):
            continue
        money = list(_MONEY.finditer(sentence))
        about = _Subject(own_region, _subject_is_a_part(sentence, money, own_region))
        sentence_cagr, masked = _parse_cagr(sentence, about=about)
        cagr = cagr or sentence_cagr
        amounts.extend(_parse_amounts(sentence, money, masked=masked, about=about))
    return HeadlineFigures(tuple(amounts), cagr)


def split_sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text)


@dataclass(frozen=True)
class _Subject:
    """What a sentence is about: the market's own region, and whether its subject is a part
    (a sub-region or a segment), which every figure in it then describes unless its own clause
    returns to the whole ('… while the global market …')."""

    own_region: str | None
    part: bool

    def is_part(self, clause: str) -> bool:
        if self.part and not WHOLE_WORLD_WORD.search(clause):
            return True
        return _is_about_a_part(clause, self.own_region)


def _subject_is_a_part(sentence: str, money: list[re.Match[str]], own_region: str | None) -> bool:
    """Whether the words before the sentence's first amount or CAGR name a part."""
    keyword = _CAGR_KEYWORD.search(sentence)
    starts = [m.start() for m in (money[0] if money else None, keyword) if m]
    subject = sentence[: min(starts)][-_SUBJECT_CHARS:] if starts else ""
    return _is_about_a_part(subject, own_region)


def _is_about_a_part(clause: str, own_region: str | None) -> bool:
    return bool(_PART_MARKER.search(clause)) or mentions_other_region(clause, own_region)


def _parse_cagr(
    sentence: str, *, about: _Subject
) -> tuple[StatedCagr | None, tuple[int, int] | None]:
    """The first CAGR stated for the whole market, and the span it covers (keyword to period)."""
    clause_start = 0
    for keyword in _CAGR_KEYWORD.finditer(sentence):
        found = _percent_near(sentence, keyword.start(), keyword.end())
        if found is None:
            continue
        number, span_start, span_end = found
        clause = sentence[max(clause_start, span_start - _WINDOW_CHARS) : span_start]
        clause_start = span_end
        if about.is_part(clause):
            continue
        start_year, end_year, span_start, span_end = _cagr_period(
            sentence, keyword_end=keyword.end(), span=(span_start, span_end)
        )
        percent = float(number.translate(_MINUS).replace(" ", ""))
        quote = _quote(sentence, span_start, span_end)
        return StatedCagr(percent, start_year, end_year, quote), (span_start, span_end)
    return None, None


def _percent_near(sentence: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The percent beside a CAGR keyword ('an 11.5% CAGR', 'CAGR of 11.5%', 'CAGR (2025-2029)
    of 11.40%'): its number and the span from the first of the two to the last."""
    before = _PERCENT_BEFORE.search(sentence, max(0, start - 30), start)
    if before is not None:
        return before["percent"], before.start(), end
    after = _PERCENT_AFTER.match(sentence, end, end + _WINDOW_CHARS)
    if after is not None and not _MONEY.search(sentence, end, after.start("percent")):
        return after["percent"], start, after.end()
    return None


def _cagr_period(
    sentence: str, *, keyword_end: int, span: tuple[int, int]
) -> tuple[int | None, int | None, int, int]:
    """The CAGR's period: after its percent, else between keyword and percent, else just
    before it ('from 2025 to 2030, at a CAGR of 5%'); widens the span to cover it."""
    span_start, span_end = span
    limit = span_end + _WINDOW_CHARS
    next_amount = _MONEY.search(sentence, span_end, limit)
    after_end = next_amount.start() if next_amount else limit
    candidates = (
        (span_end, after_end, True),
        (keyword_end, span_end, False),
        (max(0, span_start - 60), span_start, False),
    )
    for window_start, window_end, allow_end_only in candidates:
        for period in _PERIOD.finditer(sentence, window_start, window_end):
            if period["end_only"] and not allow_end_only:
                continue
            if window_start == span_end and _crosses_clause(sentence[span_end : period.start()]):
                break
            start = int(period["start"]) if period["start"] else None
            end = int(period["end"] or period["end_only"])
            return start, end, min(span_start, period.start()), max(span_end, period.end())
    return None, None, span_start, span_end


def _crosses_clause(between: str) -> bool:
    return ";" in between or bool(_CAGR_KEYWORD.search(between))


def _parse_amounts(
    sentence: str,
    money: list[re.Match[str]],
    *,
    masked: tuple[int, int] | None,
    about: _Subject,
) -> list[Amount]:
    text, matches = sentence, money
    if masked is not None:
        # The CAGR's own years ("from 2024 to 2030") must not be read as an amount's year.
        start, end = masked
        text = sentence[:start] + " " * (end - start) + sentence[end:]
        matches = [m for m in money if m.end() <= start or m.start() >= end]
    amounts = []
    clause_start = 0  # where the current amount's clause begins: after the previous one's year
    for index, match in enumerate(matches):
        following = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        after = _YEAR_AFTER.match(text, match.end(), min(following, match.end() + _WINDOW_CHARS))
        before_window_start = max(clause_start, match.start() - _WINDOW_CHARS)
        clause = text[before_window_start : match.start()]
        clause_start = after.end() if after else match.end()
        value = _amount_value(match)
        if value is None or about.is_part(clause):
            continue
        year, by_year = _amount_year(after, clause)
        forecast_wording = by_year or bool(_FORECAST_VERB.search(clause[-60:]))
        quote = _quote(sentence, match.start(), match.end())
        amounts.append(Amount(value, currency_of(match), year, quote, forecast_wording))
    return amounts


def _quote(sentence: str, start: int, end: int) -> str:
    """The sentence a figure was read from, or the words around it when the 'sentence' is a
    run-on paragraph: provenance stays readable and every figure row stays small."""
    if len(sentence) <= _MAX_QUOTE_CHARS:
        return sentence
    margin = (_MAX_QUOTE_CHARS - (end - start)) // 2
    left, right = max(0, start - margin), min(len(sentence), end + margin)
    cut_right = "…" if right < len(sentence) else ""
    return ("…" if left else "") + sentence[left:right] + cut_right


def _amount_year(after: re.Match[str] | None, clause: str) -> tuple[int | None, bool]:
    """The amount's year, and whether it was stated as a deadline ('by 2030')."""
    if after is not None:
        prep = (after["prep"] or "").lower()
        return int(after["year"] or after["paren_year"]), prep in _BY_YEAR
    years_before = list(_YEAR_BEFORE.finditer(clause))
    if not years_before:
        return None, False
    before = years_before[-1]  # the nearest year before the amount
    if before["label_year"]:
        return int(before["label_year"]), False
    return int(before["year"]), (before["prep"] or "").lower() in _BY_YEAR


def _amount_value(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    number = groups.get("number") or groups.get("number_plain") or groups.get("number2")
    unit = groups.get("unit") or groups.get("unit2") or ""
    if number is None:
        return None
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    return int(value * unit_multiplier(unit))
