"""Money patterns: the cheap currency hint finds every amount the full pattern can match, so
the prefilter never hides a figure whatever currency or form the table gains."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.currency import CURRENCY_HINT, amount_pattern

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
