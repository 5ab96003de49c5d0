"""Money as report pages write it: a currency mark, a number and a scale word, in any order.

Amounts keep the currency they were stated in; nothing here converts between currencies.
"""

import re
from decimal import Decimal, InvalidOperation

# "1,234.5", "1234.5", or a decimal comma before a scale word ("USD 7,7 billion": a group of
# thousands has three digits, so one or two after the comma are decimals).
# Thousands groups ("1,250.5"), Indian lakh groups ("1,93,838" is 193,838), a decimal comma
# ("3,5"), or plain digits.
_NUMBER = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    # 2.4.32: as continental Europe writes them, "15.340,33 milioni" and "10 658 milhões"
    r"|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])"
    r"|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?"
)
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_EUROPEAN_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
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
    # 2.4.30: French and German scale words ("542,21 milliards USD", "41 Milliarden Euro")
    "milliard": 10**9,
    "milliards": 10**9,
    "milliarde": 10**9,
    "milliarden": 10**9,
    "mrd": 10**9,
    "mds": 10**9,
    "millions": 10**6,
    "millionen": 10**6,
    "billionen": 10**12,  # 2.4.31: German plural, a trillion ("1,5 Billionen Dollar")
    # 2.4.32: Spanish, Italian and Portuguese ("150 mil millones de pesos mexicanos", "13
    # miliardi di euro", "R$ 76,2 bilhões"); Brazil's "bilhão" is a thousand million, Spain's
    # "billón" and Portugal's "bilião" a million million
    "millones": 10**6,
    "mil millones": 10**9,
    "billones": 10**12,
    "milioni": 10**6,
    "miliardi": 10**9,
    "miliardo": 10**9,
    "milhões": 10**6,
    "bilhões": 10**9,
    "bilhão": 10**9,
    "biliões": 10**12,
    "trilhões": 10**12,
}
_UNIT = "|".join(sorted(_UNIT_MULTIPLIER, key=len, reverse=True))
# (ISO code, marks written before the number, words written after the scale word).
_CURRENCIES = (
    # "$US 44.3bn" (Australian and British usage) before the bare "$"; "US 112.9 billion"
    (
        "USD",
        r"USD\$?|US\s?\$|U\.S\.\s?\$|\$\s?US(?![A-Za-z])|US(?=\s?\d)|(?<![A-Za-z])\$",
        # (2.4.33: "503.16 Million US$ in 2018": the code after the scale word, its "$" left)
        r"USD|US(?=\$)|(?:US\s|U\.S\.\s)?dollars?|d[óo]lares|dollari",
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
    # 2.4.13: Gulf, Asian, African and other European currencies; a bare "riyals" or
    # "pesos" names no one country's, so only the country's word does.
    ("AED", r"AED|Dhs?\.?(?=\s?\d)", r"AED|(?:UAE\s+|Emirati\s+)?dirhams?"),
    ("SAR", r"SAR|SR(?=\s?\d)", r"SAR|Saudi\s+riyals?"),
    ("QAR", r"QAR|QR(?=\s?\d)", r"QAR|Qatari\s+riyals?"),
    ("SGD", r"SGD|S\$", r"SGD|Singapore\s+dollars?"),
    ("HKD", r"HKD|HK\$", r"HKD|Hong\s+Kong\s+dollars?"),
    ("TWD", r"TWD|NT\$", r"TWD|(?:NT|New\s+Taiwan)\s+dollars?"),
    ("NZD", r"NZD|NZ\$", r"NZD|New\s+Zealand\s+dollars?"),
    ("MXN", r"MXN|MX\$", r"MXN|Mexican\s+pesos?|pesos\s+mexicanos"),
    ("MYR", r"MYR|RM(?=\s?\d)", r"MYR|ringgit"),
    ("IDR", r"IDR|Rp\.?(?=\s?\d)", r"IDR|rupiah"),
    ("THB", r"THB|฿", r"THB|baht"),
    ("PHP", r"PHP|₱", r"PHP|Philippine\s+pesos?"),
    ("VND", r"VND|₫", r"VND|dong"),
    ("PKR", r"PKR", r"PKR|Pakistani\s+rupees?"),
    ("BDT", r"BDT|Tk\.?(?=\s?\d)", r"BDT|taka"),
    ("NGN", r"NGN|₦", r"NGN|naira"),
    ("KES", r"KES|KSh", r"KES|Kenyan\s+shillings?"),
    ("ZAR", r"ZAR", r"ZAR|rand"),
    ("EGP", r"EGP|E£", r"EGP|Egyptian\s+pounds?"),
    ("ILS", r"ILS|₪", r"ILS|shekels?"),
    ("TRY", r"₺", r"Turkish\s+liras?"),
    ("RUB", r"RUB|₽", r"RUB|roubles?|rubles?"),
    ("PLN", r"PLN", r"PLN|z[łl]oty"),
    ("SEK", r"SEK", r"SEK|Swedish\s+kronor"),
    ("NOK", r"NOK", r"NOK|Norwegian\s+kroner"),
    ("DKK", r"DKK", r"DKK|Danish\s+kroner"),
)
_PREFIXES = "|".join(f"(?P<before_{code}>{marks})" for code, marks, _ in _CURRENCIES)
_CODES_BETWEEN = "|".join(
    f"(?P<between_{code}>{code})" for code, marks, _ in _CURRENCIES if code in marks
)
_SUFFIXES = "|".join(f"(?P<after_{code}>{words})" for code, _, words in _CURRENCIES)


# What every amount `amount_pattern()` matches begins a word with, or contains: a cheap search
# that spares the costly amount pattern the many sentences with a number and no money.
# tests/ingest/test_currency.py checks it against every form the table allows.
_HINT_SYMBOLS = "$€£₹¥₩฿₱₫₦₪₺₽"
_HINT_WORDS = [
    *(code.lower() for code, marks, _ in _CURRENCIES if code in marks),  # "USD", "EUR", …
    *(
        "rmb rs dh sr qr rm rp tk ksh "
        "dollar dólar dolar pound rupee yuan renminbi yen swiss won reais dirham riyal ringgit "
        "rupiah baht "
        "peso dong taka naira shilling rand shekel lira rouble ruble zloty złoty kronor kroner"
    ).split(),
    r"us(?=\s?\d)",  # "US 21.4 billion"; not every word that starts "us"
]


def _words_by_first_letter(words: list[str]) -> str:
    """One alternation per first letter (words are regex fragments): each word start tries a
    few words, not all of them."""
    first_letters = sorted({word[0] for word in words})
    return "|".join(
        f"{letter}(?:{'|'.join(sorted(w[1:] for w in words if w[0] == letter))})"
        for letter in first_letters
    )


CURRENCY_HINT = re.compile(
    rf"[{re.escape(_HINT_SYMBOLS)}]|(?<![a-z])(?:{_words_by_first_letter(_HINT_WORDS)})",
    re.IGNORECASE,
)


def amount_pattern() -> str:
    """'USD 3.5 Billion', 'US$ 1,250.5 Mn', '€2.3bn', '$2.8-trillion', 'Rs 500 crore', '2 billion
    euros', and a large number without a scale word ('USD 1,250,000,000'); never a price like
    'USD 4,250'."""
    return (
        # Each form starts a word (or a number): the lookbehinds spare every other position
        # the alternation of currency marks.
        # ("$100+ billion": at least the number, 2.4.31)
        # (2.4.33: "US$ ~35.56 billion", an approximation's tilde)
        rf"(?:(?<![A-Za-z])(?:{_PREFIXES})\s?(?:~\s?)?(?:(?P<number>{_NUMBER})\+?(?:\s*|-)(?P<unit>{_UNIT})\b"
        rf"|(?P<number_plain>\d{{1,3}}(?:,\d{{3}}){{2,}}(?:\.\d+)?))"
        # (2.4.30: "4,3 milliards de dollars", "1,54 milliard d'euros")
        # (2.4.32: "13 miliardi di euro")
        rf"|(?<![\d.,])(?P<number2>{_NUMBER})(?:\s*(?P<unit2>{_UNIT})\s+(?:de\s+|di\s+|d['’])?"
        rf"(?:{_SUFFIXES})\b"
        # 2.4.31: the code between number and scale word, "valued at 5 USD Billion in 2024"
        rf"|\s+(?:{_CODES_BETWEEN})\s+(?P<unit3>{_UNIT})\b))"
    )


def currency_of(match: re.Match[str]) -> str:
    """The ISO 4217 code of an amount matched by `amount_pattern()`."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(("before_", "after_", "between_")):
            return name.split("_", 1)[1]
    raise ValueError(f"no currency in {match[0]!r}")


# Scale words of languages that group thousands with a full stop: "21.300 millones" is 21,300
# million, where "$21.300 million" reads as 21.3 million.
_DOT_GROUPING_UNITS = frozenset(
    (
        "millones,mil millones,billones,milioni,miliardi,miliardo,milhões,bilhões,bilhão,biliões,"
        "trilhões,millionen,milliarden,milliarde,billionen"
    ).split(",")
)


def number_value(number: str, unit: str) -> Decimal | None:
    """The value a matched number writes, in whichever convention ('1,250.5', '3,5', '15.340,33',
    '10 658'; '21.300' before a scale word of a language that groups with a full stop)."""
    number = re.sub(r"[ \u00a0\u202f]", "", number)
    grouped = "," in number or unit.lower() in _DOT_GROUPING_UNITS
    if _EUROPEAN_NUMBER.fullmatch(number) and grouped:
        number = number.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.fullmatch(number):
        number = number.replace(",", ".")
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None


def unit_multiplier(unit: str) -> int:
    return _UNIT_MULTIPLIER[unit.lower()] if unit else 1
