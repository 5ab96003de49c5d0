"""Money patterns: the cheap currency hint finds every amount the full pattern can match, so
the prefilter never hides a figure whatever currency or form the table gains."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.currency import CURRENCY_HINT, amount_pattern, currency_of
from ingest.headline import parse_headline_figures

pytestmark = pytest.mark.backend_independent

_AMOUNT = re.compile(amount_pattern(), re.IGNORECASE)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_regex(_AMOUNT, fullmatch=True))
def test_the_hint_finds_every_amount(amount: str) -> None:
    assert CURRENCY_HINT.search(amount), amount


@pytest.mark.parametrize(
    "text", ["the market reached US$ 2.1 billion", "worth 3 million pounds sterling", "₹400 crore"]
)
def test_the_hint_and_the_pattern_agree_on_written_amounts(text: str) -> None:
    assert CURRENCY_HINT.search(text) and _AMOUNT.search(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("stood at KRW19.291 trillion in 2013", "KRW"),
        ("revenue hit 4.5 trillion won in 2022", "KRW"),
        ("worth CHF 17.5 billion in 2020", "CHF"),
        ("sales of R$ 57.85 billion in 2013", "BRL"),
        ("sales of 57.85 billion reais in 2013", "BRL"),
    ],
)
def test_won_francs_and_reais_keep_their_currency(text: str, code: str) -> None:
    """Parser 2.4.9: amounts in won, Swiss francs and reais are read in their currency (never
    as dollars), as euros, pounds, rupees, yuan and yen are."""
    match = _AMOUNT.search(text)
    assert match and CURRENCY_HINT.search(text) and currency_of(match) == code


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("a turnover of Rs. 1,93,838 crore in 2022", 1_938_380_000_000),  # lakh groups
        ("valued at Rs. 111,022 crores", 1_110_220_000_000),
    ],
)
def test_indian_digit_grouping(text: str, amount: int) -> None:
    """Parser 2.4.10: '1,93,838' (Indian lakh grouping) is 193,838."""
    figures = parse_headline_figures(f"The market had {text}.")
    assert [a.amount for a in figures.amounts] == [amount]
