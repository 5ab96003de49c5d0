"""Read market size, forecast and stated CAGR from the headline sentence(s) of a report."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_YEAR = r"(?:19|20)\d{2}"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT_MULTIPLIER = {
    "trillion": 10**12,
    "tn": 10**12,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
}
_UNIT = r"trillion|billion|million|thousand|tn|bn|mn|b|m|k"
_CURRENCY = r"USD|US\s?\$|U\.S\.\s?\$|\$"
_MONEY = re.compile(
    rf"(?:(?:{_CURRENCY})\s*(?P<number>{_NUMBER})\s*(?P<unit>{_UNIT})\b"
    rf"|(?P<number2>{_NUMBER})\s*(?P<unit2>{_UNIT})\s*(?:USD|US\s?dollars?|dollars?)\b)",
    re.IGNORECASE,
)
# The year an amount belongs to: "in 2022", "by 2030", "by the end of 2031", "by the year 2031".
_AMOUNT_YEAR = re.compile(
    rf"[^.;]{{0,40}}?\b(?:in|(?P<by>by)|for|of|through|till|until)\s+(?:the\s+)?(?:end\s+of\s+|year\s+)?"
    rf"(?:the\s+year\s+)?(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
_YEAR_BEFORE_AMOUNT = re.compile(rf"\b(?:in|by)\s+(?P<year>{_YEAR})\b[^.;]{{0,40}}$", re.IGNORECASE)
_FORECAST_VERB = re.compile(
    r"\b(?:reach|reaching|reached by|to|forecast|projected|expected|anticipated|estimated to)\b"
    r"[^.;]{0,25}$",
    re.IGNORECASE,
)
# A declining market's CAGR carries a minus (ASCII, the minus sign, or a typeset en dash) set
# against the number; after a digit, a dash is a range ("5-6% CAGR" is 6).
_SIGNED_PERCENT = r"(?:(?<![\d.%])[-−–])?\d+(?:\.\d+)?"
_CAGR = re.compile(
    r"(?:(?:CAGR|compound\s+annual\s+growth\s+rate(?:\s*\(CAGR\))?)\s*(?:of|at|:)?\s*"
    rf"(?:about|around|approximately|nearly|over)?\s*(?P<percent>{_SIGNED_PERCENT})\s*%"
    rf"|(?P<percent2>{_SIGNED_PERCENT})\s*%\s*(?:CAGR|compound\s+annual\s+growth\s+rate))",
    re.IGNORECASE,
)
_CAGR_PERIOD = re.compile(
    rf"[^.;]{{0,60}}?(?P<start>{_YEAR})\s*(?:-|–|—|to|through|and|until)\s*(?P<end>{_YEAR})\b",
    re.IGNORECASE,
)
_MINUS = str.maketrans("−–", "--")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True)
class Figure:
    usd: int
    year: int | None
    sentence: str


@dataclass(frozen=True)
class StatedCagr:
    percent: float
    start_year: int | None
    end_year: int | None
    sentence: str


@dataclass(frozen=True)
class HeadlineFigures:
    size: Figure | None = None
    forecast: Figure | None = None
    cagr: StatedCagr | None = None

    @property
    def found_any(self) -> bool:
        return any((self.size, self.forecast, self.cagr))


@dataclass(frozen=True)
class _Amount:
    usd: int
    year: int | None
    sentence: str
    looks_like_forecast: bool


def mentions_headline_figures(text: str) -> bool:
    return bool(_MONEY.search(text) or _CAGR.search(text))


def parse_headline_figures(text: str) -> HeadlineFigures:
    """Figures from a paragraph: the first stated CAGR, and the first two amounts, the earlier
    year being the size and the later the forecast, whatever order the text uses."""
    cagr = None
    amounts: list[_Amount] = []
    for sentence in _SENTENCE_END.split(text):
        sentence_cagr, cagr_span = _parse_cagr(sentence)
        cagr = cagr or sentence_cagr
        amounts.extend(_parse_amounts(sentence, masked_span=cagr_span))
    size, forecast = _assign_size_and_forecast(amounts[:2])
    return HeadlineFigures(
        size=Figure(size.usd, size.year, size.sentence) if size else None,
        forecast=Figure(forecast.usd, forecast.year, forecast.sentence) if forecast else None,
        cagr=cagr,
    )


def _parse_cagr(sentence: str) -> tuple[StatedCagr | None, tuple[int, int] | None]:
    match = _CAGR.search(sentence)
    if match is None:
        return None, None
    number = match["percent"] or match["percent2"]
    percent = float(number.translate(_MINUS))
    start_year = end_year = None
    span_end = match.end()
    period = _CAGR_PERIOD.match(sentence, match.end())
    if period is not None:
        start_year, end_year = int(period["start"]), int(period["end"])
        span_end = period.end()
    stated = StatedCagr(percent, start_year, end_year, sentence)
    return stated, (match.start(), span_end)


def _parse_amounts(sentence: str, *, masked_span: tuple[int, int] | None) -> list[_Amount]:
    original = sentence
    if masked_span is not None:
        # The CAGR's own years ("from 2024 to 2030") must not be read as an amount's year.
        start, end = masked_span
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    amounts = []
    for match in _MONEY.finditer(sentence):
        usd = _to_usd(match["number"] or match["number2"], match["unit"] or match["unit2"])
        if usd is None:
            continue
        after = _AMOUNT_YEAR.match(sentence, match.end())
        before = _YEAR_BEFORE_AMOUNT.search(sentence[: match.start()])
        year = int(after["year"]) if after else int(before["year"]) if before else None
        looks_like_forecast = bool(
            _FORECAST_VERB.search(sentence[: match.start()]) or (after and after["by"])
        )
        amounts.append(_Amount(usd, year, original, looks_like_forecast))
    return amounts


def _assign_size_and_forecast(amounts: list[_Amount]) -> tuple[_Amount | None, _Amount | None]:
    """The earlier year is the size and the later the forecast, whatever order the text uses."""
    if not amounts:
        return None, None
    if len(amounts) == 1:
        only = amounts[0]
        return (None, only) if only.looks_like_forecast else (only, None)
    first, second = amounts[0], amounts[1]
    if first.year is not None and second.year is not None and first.year > second.year:
        return second, first
    return first, second


def _to_usd(number: str, unit: str) -> int | None:
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    return int(value * _UNIT_MULTIPLIER[unit.lower()])
