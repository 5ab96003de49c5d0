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


@pytest.mark.parametrize(
    ("text", "code", "amount"),
    [
        ("stands at AED 71.6 billion in 2023", "AED", 71_600_000_000),
        ("was worth Dh5.2 billion in 2023", "AED", 5_200_000_000),
        ("reached SR 12 billion in 2022", "SAR", 12_000_000_000),
        ("was 2.5 billion Saudi riyals in 2021", "SAR", 2_500_000_000),
        ("stood at QR 3 billion in 2020", "QAR", 3_000_000_000),
        ("hit S$ 3.1 billion in 2023", "SGD", 3_100_000_000),
        ("hit HK$ 7 billion in 2019", "HKD", 7_000_000_000),
        ("was RM2.3 billion in 2022", "MYR", 2_300_000_000),
        ("was Rp 45 trillion in 2022", "IDR", 45_000_000_000_000),
        ("was E£ 40 billion in 2022", "EGP", 40_000_000_000),
        ("was 5 billion rand in 2021", "ZAR", 5_000_000_000),
        ("was ₦2.1 trillion in 2022", "NGN", 2_100_000_000_000),
        ("was 12 billion Swedish kronor in 2022", "SEK", 12_000_000_000),
    ],
)
def test_gulf_asian_african_and_nordic_amounts_keep_their_currency(
    text: str, code: str, amount: int
) -> None:
    """Parser 2.4.13: these amounts had been read as no amount at all (or, after a bare "$",
    as dollars: "S$ 3.1 billion"); a bare "riyals" or "pesos" names no one currency."""
    figures = parse_headline_figures(f"The market {text}.")
    assert [(a.amount, a.currency) for a in figures.amounts] == [(amount, code)]
    assert parse_headline_figures("The market was 4 billion riyals in 2021.").amounts == ()


@pytest.mark.parametrize(
    ("text", "amount", "currency", "year"),
    [
        ("Il mercato vale 15.340,33 milioni di dollari nel 2021.", 15_340_330_000, "USD", 2021),
        ("El mercado supera los 21.300 millones de euros en 2021.", 21_300_000_000, "EUR", 2021),
        ("O mercado deverá atingir 10 658 milhões de euros em 2025.", 10_658_000_000, "EUR", 2025),
        ("Um faturamento de R$ 76,2 bilhões em 2018.", 76_200_000_000, "BRL", 2018),
        ("Un valor de 150 mil millones de pesos mexicanos en 2013.", 150_000_000_000, "MXN", 2013),
        ("Un valore di 390 miliardi di euro entro il 2030.", 390_000_000_000, "EUR", 2030),
        # English keeps its own: "$1.234 billion" is 1.234 billion
        ("The market reached $1.234 billion in 2024.", 1_234_000_000, "USD", 2024),
    ],
)
def test_spanish_italian_and_portuguese_amounts(
    text: str, amount: int, currency: str, year: int
) -> None:
    """Parser 2.4.32: their scale words, currency words, years, and numbers grouped with full
    stops or spaces."""
    (found,) = parse_headline_figures(text).amounts
    assert (found.amount, found.currency, found.year) == (amount, currency, year)


def test_a_yearly_rate_in_portuguese_and_italian() -> None:
    """Parser 2.4.32: "5,7% por ano", "6% all'anno" as "5.7% per year"."""
    for text in ("O mercado deverá crescer 5,7% por ano.", "Il mercato crescerà del 6% all'anno."):
        cagr = parse_headline_figures(text).cagr
        assert cagr is not None and cagr.percent in (5.7, 6.0)


@pytest.mark.parametrize(
    ("text", "cagr"),
    [
        (  # parser 2.4.33: the compound rate's Spanish, Italian and Portuguese names, with
            # their periods ("entre 2024 y 2030", "tra il 2024 e il 2030", "até 2030")
            "El mercado crecerá a una tasa compuesta anual de 6.99% entre 2024 y 2029.",
            (6.99, 2024, 2029),
        ),
        (
            "Equivale a una tasa anual acumulativa del 3,6% para el período 2008-2017.",
            (3.6, 2008, 2017),
        ),
        (
            "Il mercato crescerà a un tasso di crescita annuo composto del 5,2% tra il 2024 e il "
            "2030.",
            (5.2, 2024, 2030),
        ),
        (
            "O mercado deve crescer a uma taxa de crescimento anual composta de 7,1% até 2030.",
            (7.1, None, 2030),
        ),
        ("La industria crecerá a una TCAC del 4,5% hasta 2028.", (4.5, None, 2028)),
    ],
)
def test_a_compound_rate_in_spanish_italian_and_portuguese(
    text: str, cagr: tuple[float, int | None, int | None]
) -> None:
    found = parse_headline_figures(text).cagr
    assert found is not None and (found.percent, found.start_year, found.end_year) == cagr
