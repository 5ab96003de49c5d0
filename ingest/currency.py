"""Money as report pages write it: a currency mark, a number and a scale word, in any order.

Amounts keep the currency they were stated in; nothing here converts between currencies.
"""

import re

# "1,234.5", "1234.5", or a decimal comma before a scale word ("USD 7,7 billion": a group of
# thousands has three digits, so one or two after the comma are decimals).
# Thousands groups ("1,250.5"), Indian lakh groups ("1,93,838" is 193,838), a decimal comma
# ("3,5"), or plain digits.
_NUMBER = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?"
)
DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_UNIT_MULTIPLIER = {
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
    "billion": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "b": 10**9,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "mio": 10**6,
    "m": 10**6,
    "lakh crore": 10**12,  # "₹190 lakh crore"
    "lakh crores": 10**12,
    "crore": 10**7,
    "crores": 10**7,
    "cr": 10**7,
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "thousand": 10**3,
    "k": 10**3,
}
_UNIT = "|".join(sorted(_UNIT_MULTIPLIER, key=len, reverse=True))
# (ISO code, marks written before the number, words written after the scale word).
_CURRENCIES = (
    # "$US 44.3bn" (Australian and British usage) before the bare "$"; "US 112.9 billion"
    (
        "USD",
        r"USD\$?|US\s?\$|U\.S\.\s?\$|\$\s?US(?![A-Za-z])|US(?=\s?\d)|(?<![A-Za-z])\$",
        r"USD|(?:US\s|U\.S\.\s)?dollars?",
    ),
    ("EUR", r"EUR|€", r"EUR|euros?"),
    ("GBP", r"GBP|£", r"GBP|pounds?(?:\s+sterling)?"),
    ("INR", r"INR|Rs\.?|₹", r"INR|rupees?"),
    ("CNY", r"CNY|RMB|CN¥", r"CNY|RMB|yuan|renminbi"),
    ("JPY", r"JPY|JP¥|¥", r"JPY|yen"),
    ("AUD", r"AUD\$?|AU\$|A\$", r"AUD"),
    ("CAD", r"CAD\$?|CA\$|C\$", r"CAD"),
    ("CHF", r"CHF", r"CHF|Swiss\s+francs?"),
    ("KRW", r"KRW|₩", r"KRW|won"),
    ("BRL", r"BRL|R\$", r"BRL|reais"),
)
_PREFIXES = "|".join(f"(?P<before_{code}>{marks})" for code, marks, _ in _CURRENCIES)
_SUFFIXES = "|".join(f"(?P<after_{code}>{words})" for code, _, words in _CURRENCIES)


# What every amount `amount_pattern()` matches begins a word with, or contains: a cheap search
# that spares the costly amount pattern the many sentences with a number and no money. Written
# out for speed; tests/ingest/test_currency.py checks it against every form the table allows.
CURRENCY_HINT = re.compile(
    r"[$€£₹¥₩]|(?<![a-z])(?=[audegicrjypkbswh])"
    r"(?:usd|eur|gbp|inr|cny|rmb|jpy|aud|cad|chf|krw|brl|rs|us(?=\s?\d)|dollar|pound|rupee|"
    r"yuan|renminbi|yen|swiss|won|reais)",
    re.IGNORECASE,
)


def amount_pattern() -> str:
    """'USD 3.5 Billion', 'US$ 1,250.5 Mn', '€2.3bn', '$2.8-trillion', 'Rs 500 crore', '2 billion
    euros', and a large number without a scale word ('USD 1,250,000,000'); never a price like
    'USD 4,250'."""
    return (
        # Each form starts a word (or a number): the lookbehinds spare every other position
        # the alternation of currency marks.
        rf"(?:(?<![A-Za-z])(?:{_PREFIXES})\s?(?:(?P<number>{_NUMBER})(?:\s*|-)(?P<unit>{_UNIT})\b"
        rf"|(?P<number_plain>\d{{1,3}}(?:,\d{{3}}){{2,}}(?:\.\d+)?))"
        rf"|(?<![\d.,])(?P<number2>{_NUMBER})\s*(?P<unit2>{_UNIT})\s+(?:{_SUFFIXES})\b)"
    )


def currency_of(match: re.Match[str]) -> str:
    """The ISO 4217 code of an amount matched by `amount_pattern()`."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(("before_", "after_")):
            return name.split("_", 1)[1]
    raise ValueError(f"no currency in {match[0]!r}")


def unit_multiplier(unit: str) -> int:
    return _UNIT_MULTIPLIER[unit.lower()] if unit else 1
