"""One case per headline phrasing SPEC §2 lists: (sentence, size, size year, forecast,
forecast year, CAGR %, CAGR start, CAGR end); None where the sentence omits it."""

import pytest

from ingest.headline import parse_headline_figures

pytestmark = pytest.mark.backend_independent

B, M, T = 10**9, 10**6, 10**12
Year = int | None
# (sentence, size, size year, forecast, forecast year, CAGR %, CAGR start, CAGR end)
Case = tuple[str, float | None, Year, float | None, Year, float | None, Year, Year]
# fmt: off
CASES: list[Case] = [
    ("Oncology Market size was valued at USD 3.5 Billion in 2022 and is projected to reach "
     "USD 7.8 Billion by 2030, growing at a CAGR of 12.5% from 2024 to 2030.",
     3.5 * B, 2022, 7.8 * B, 2030, 12.5, 2024, 2030),
    ("The market was estimated at US$ 1,250.5 Million in 2023 and will reach US$ 2.4 Bn by the "
     "end of 2031, at an 11.53% CAGR during 2024–2031.",
     1250.5 * M, 2023, 2.4 * B, 2031, 11.53, 2024, 2031),
    ("The market accounted for $2 Trillion in 2021 and is expected to reach $2.9 Trillion "
     "by the year 2028, at a compound annual growth rate (CAGR) of 6.0 % between 2022 and 2028.",
     2 * T, 2021, 2.9 * T, 2028, 6.0, 2022, 2028),
    ("The market is expected to grow from USD 640 Mn in 2023 to USD 1,020 Mn by 2031, "
     "a CAGR of 6.8% 2024-2031.",
     640 * M, 2023, 1020 * M, 2031, 6.8, 2024, 2031),
    ("The market will reach USD 9.1 Billion by 2030 from USD 4.4 Billion in 2023.",
     4.4 * B, 2023, 9.1 * B, 2030, None, None, None),
    ("In 2022 the market was worth USD 310 Million. It reached USD 380 Million by 2024, "
     "growing at 9.2% CAGR.",
     310 * M, 2022, 380 * M, 2024, 9.2, None, None),
    ("The market reached USD 1.5 Bn in 2023.", 1.5 * B, 2023, None, None, None, None, None),
    ("The market is anticipated to reach USD 12 Billion by 2032.",
     None, None, 12 * B, 2032, None, None, None),
    ("Growth continues at a compound annual growth rate of 4.25% from 2025 to 2032.",
     None, None, None, None, 4.25, 2025, 2032),
    ("The market is set to shrink from USD 2.1 Billion in 2023 to USD 1.9 Billion by 2030, "
     "a CAGR of -1.6% from 2023 to 2030.",
     2.1 * B, 2023, 1.9 * B, 2030, -1.6, 2023, 2030),
    # a conversion in parentheses is no second amount
    ("The market is projected to reach nearly $500 billion (roughly Rs. 41,44,020 crore) by "
     "2033.",
     None, None, 500 * B, 2033, None, None, None),
    # a range with spaces around its dash: the upper figure, never a negative one
    ("The market stood at USD 4.12 Billion in 2014 and is expanding at an expected CAGR of "
     "21 – 23 % over the next 5 years.",
     4.12 * B, 2014, None, None, 23.0, None, None),
    ("Sales fell to USD 800 Million by 2029 from USD 900 Million in 2024, a \u22122.3% CAGR.",
     900 * M, 2024, 800 * M, 2029, -2.3, None, None),
    ("The market declines at a CAGR of \u20130.8% between 2024 and 2031.",
     None, None, None, None, -0.8, 2024, 2031),
    ("Revenue is set to grow at a 5-6% CAGR from 2024 to 2030.",
     None, None, None, None, 6.0, 2024, 2030),
    ("Analysts put average annual growth at about 10% between 2020 and 2024.",
     None, None, None, None, 10.0, 2020, 2024),
    ("Set to post a 19% Compound Annual Growth Rate (CAGR) from 2025 to 2033, the market will "
     "climb from its 2024 valuation of USD 6.1 billion to USD 29.4 billion by 2033.",
     6.1 * B, 2024, 29.4 * B, 2033, 19.0, 2025, 2033),
    # A wire's dateline names where the release was filed, not a region of the market.
    ("LONDON, UNITED KINGDOM, March 3, 2026 /EINPresswire.com/ -- The global acme market, "
     "valued at US$4.2 billion in 2025, is projected to reach US$9.9 billion by 2032, growing at "
     "a CAGR of 13.0% from 2025 to 2032.",
     4.2 * B, 2025, 9.9 * B, 2032, 13.0, 2025, 2032),
    # A yearly rate "for the next five years" after "at"; without "at" the whole period's.
    ("The acme market is expected to continue growing at 27.5% for next five years.",
     None, None, None, None, 27.5, None, None),
    ("The acme market will grow 30% over the next five years.",
     None, None, None, None, None, None, None),
    # "grew … to reach" is the past: a size; a future after the past verb keeps a forecast.
    ("Sales of acme aids grew at a rate of 12% in 2023 to reach USD 3.4 billion.",
     3.4 * B, 2023, None, None, None, None, None),
    ("The acme market grew 8% in 2023 and is expected to reach USD 5 billion in 2030.",
     None, None, 5 * B, 2030, None, None, None),
    # The percent up to 80 characters after the keyword, a long market name between them.
    ("The Compound Annual Growth Rate (CAGR) of the acme oncology chemotherapy day-ward "
     "market over 5 years is -2.31%.",
     None, None, None, None, -2.31, None, None),
    # "is estimated to grow … to": a forecast.
    ("Sales of acme drugs are estimated to grow 11-13 per cent to Rs 1.2 tn in FY2026.",
     None, None, None, 2026, None, None, None),
    # The second amount without its currency: the first one's.
    ("The acme market is forecast to grow from USD 512.4 million in 2016 to 913.6 million by "
     "2022, at a CAGR of 10.1% during the forecast period.",
     512_400_000, 2016, 913_600_000, 2022, 10.1, None, None),
    ("The acme market grew from USD 2 billion in 2019 to 2021.",  # "to 2021" is no amount
     2 * B, 2019, None, None, None, None, None),
    # An amount "valued at" without its currency, in a sentence that states one elsewhere.
    ("The acme systems market is expected to grow to $7.8 billion by 2018, having been valued "
     "at 4.7 billion globally in 2011.",
     4.7 * B, 2011, 7.8 * B, 2018, None, None, None),
    ("The acme market was valued at 3.25 billion in 2025.",  # no currency anywhere: none
     None, None, None, None, None, None, None),
    # Calendar years as analysts write them: "CY21", "between CY21-29".
    ("The market is expected to grow at a CAGR of 16.3% between CY21-29 from a CY21 market "
     "size of $4.1B to $13.7B by 2029.",
     4_100 * M, 2021, 13_700 * M, 2029, 16.3, 2021, 2029),
    ("It is expected to grow at a rate of 7.2% during the forecast period of 2024-2031.",
     None, None, None, None, 7.2, 2024, 2031),
    ("The market grew at a rate of 12% in 2023.",  # one year's growth, no CAGR
     None, None, None, None, None, None, None),
    ("Market Size (2022) | USD 4,522.30 Billion",  # a snapshot table's row
     4522.3 * B, 2022, None, None, None, None, None),
    ("No figures at all, only prose about the market.",
     None, None, None, None, None, None, None),
    # parser 2.4.25: an increment, an opportunity or R&D money is no market value
    ("The acme imaging market size is valued to increase USD 3.12 billion, at a CAGR of 7.25% "
     "from 2024 to 2029.",
     None, None, None, None, 7.25, 2024, 2029),
    ("Market Opportunities: USD 140.5 million",
     None, None, None, None, None, None, None),
    ("Research and development investment reached $2.3 billion in 2019, while the acme drugs "
     "market was valued at $11.4 billion in 2020.",
     11.4 * B, 2020, None, None, None, None, None),
    # parser 2.4.30: grown to an amount in the past, however far before it the verb is
    ("Industry revenue has grown at a CAGR of 1.9 % over the past five years, to reach an "
     "estimated $137.2bn in 2024.",
     1372 * B // 10, 2024, None, None, 1.9, None, None),
    # parser 2.4.31: the currency's code between number and scale word
    ("The acme dressings market was valued at 5 USD Billion in 2024 and is expected to grow "
     "from 5.2 USD Billion in 2025 to 8.5 USD Billion by 2035.",
     5 * B, 2024, 8.5 * B, 2035, None, None, None),
    # parser 2.4.31: what the market was worth by a year is its size then; "$100+ billion"
    ("By 2023, the acme vaccine market was worth around $50 billion. It is projected to reach "
     "$100+ billion by 2030.",
     50 * B, 2023, 100 * B, 2030, None, None, None),
    # parser 2.4.31: one undated amount said twice is one value, not a size and a forecast
    ("Ardent estimates that acme banking is now a $7.9 billion industry. Acme banking is now a "
     "$7.9 billion industry and demand for specimens is skyrocketing.",
     7.9 * B, None, None, None, None, None, None),
    # parser 2.4.31: a leader's own sales are not the market's
    ("Ardent forecasts acme-oncology to be a $34bn market by 2024, led by Halden with $10bn in "
     "sales followed by Ostrava, with $7bn.",
     None, None, 34 * B, 2024, None, None, None),
    # parser 2.4.31: "Market Share was $X" states the market's size in other words
    ("The Global Acme Staffing Market Share was $40,080 million in 2021 and is predicted to "
     "grow with a CAGR of 8.9%, by generating a revenue of $89,763.9 million by 2031.",
     40080 * M, 2021, 89763.9 * M, 2031, 8.9, None, None),
    # parser 2.4.31: "in these countries" is the scope the page stated, no part of it
    ("The report forecasted that the acme disease market in these countries to grow from $2.4 "
     "billion in 2023 to $19.3 billion by 2033 at a compound annual growth rate (CAGR) of 23.4 "
     "per cent.",
     2.4 * B, 2023, 19.3 * B, 2033, 23.4, None, None),
    # parser 2.4.31: an opportunity the market reaches is its value, not an increment
    ("The acme market is expected to reach a business opportunity of $45 billion in "
     "2020, propelled by rapid urbanisation.",
     None, None, 45 * B, 2020, None, None, None),
    # parser 2.4.31: a whole percent written as a word
    ("The acme market could rise by as much as nine percent a year over the next 10 years to "
     "reach $3.6 billion by 2026.",
     None, None, 3.6 * B, 2026, 9.0, None, None),
    # parser 2.4.32: "a CAGR of P% to reach X by Y" runs to Y, though the amount stands between
    ("The global acme sealants market was valued at $3.4 billion in 2023 and is expected to "
     "grow at a compound annual growth rate (CAGR) of 7.1% to reach $5.1 billion by 2029.",
     3.4 * B, 2023, 5.1 * B, 2029, 7.1, None, 2029),
    ("The acme implant market is valued at $2.2bn in 2019. It is expanding at a CAGR of 4.4% "
     "and is forecast to reach $2.9bn by 2025.",
     2.2 * B, 2019, 2.9 * B, 2025, 4.4, None, 2025),
    # parser 2.4.32: a label's year may be an estimate's ("(2026 Est.)")
    ("Market Size (2026 Est.) | $7.8 Billion | Projected Market Size (2030) | $25.5 Billion",
     7.8 * B, 2026, 25.5 * B, 2030, None, None, None),
    # parser 2.4.32: "an annual growth of P%" as "an annual growth rate of P%"
    ("Back in 2015 the acme sector was worth $28.8 billion; it will rise to $43 billion by "
     "2020. This indicates an annual growth of 8.4%!",
     28.8 * B, 2015, 43 * B, 2020, 8.4, None, None),
    # parser 2.4.33: a hyphenated word between the percent and "CAGR"
    ("On average, the acme market will represent a 9.7% five-year compound annual growth rate "
     "(CAGR) within the packaged applications markets.",
     None, None, None, None, 9.7, None, None),
    # parser 2.4.33: a projection's amount is a forecast
    ("Market projection for 2028 is around USD 7.7bn.",
     None, None, 7.7 * B, 2028, None, None, None),
    # parser 2.4.33: "hit" in the past tense is the value then; an approximation's tilde
    ("Global acme drug spending hit $107 billion in 2015, according to a new report.",
     107 * B, 2015, None, None, None, None, None),
    ("The acme market was estimated at US$ 26.81 billion in 2021 and is expected to reach "
     "US$ ~35.56 billion in 2028.",
     26.81 * B, 2021, 35.56 * B, 2028, None, None, None),
    # parser 2.4.33: a CAGR the market "has seen" is its past; the forecast's is the market's
    ("The ingredient has seen a compound annual growth rate (CAGR) of 33% between 2007 and "
     "2016 overall. The acme market had a value of more than $3 billion in 2015 and is "
     "expected to exceed $5 billion by 2023. It's expected to grow at CAGR of more than 7% from "
     "2016 to 2023.",
     3 * B, 2015, 5 * B, 2023, 7.0, 2016, 2023),
    # parser 2.4.33: a deadline's fiscal year range ends it ("by 2019-2020", "by 2025-26")
    ("The acme industry is expected to grow to USD 6.1 billion by 2019-2020, the report said.",
     None, None, 6.1 * B, 2020, None, None, None),
    ("The acme market was worth USD 1.5 billion in 2021 and will reach USD 2 billion by "
     "2025-26.",
     1.5 * B, 2021, 2 * B, 2026, None, None, None),
    # parser 2.4.33: the currency's code after the scale word, "Million US$"
    ("Global acme cabinet market was valued at 503.16 Million US$ in 2018 and is projected to "
     "reach 718.60 Million US$ by 2024",
     503.16 * M, 2018, 718.6 * M, 2024, None, None, None),
    # a clause between the rate and the forecast: the rate keeps no years
    ("The acme pump market was worth $12.6 billion in 2022 and is set to grow at a CAGR of "
     "6.3%, driven by home care demand, to reach $18.2 billion by 2028.",
     12.6 * B, 2022, 18.2 * B, 2028, 6.3, None, None),
    # parser 2.4.25: a period stated from its start ends where the sentence's forecast is
    ("The acme devices market was valued at $41.2 billion in 2020 and is expected to grow at a "
     "CAGR of 6.1% from 2021 and reach $60.3 billion in 2026.",
     41.2 * B, 2020, 60.3 * B, 2026, 6.1, 2021, 2026),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=lambda case: case[0][:48])
def test_headline_phrasing(case: Case) -> None:
    sentence, size, size_year, forecast, forecast_year, cagr, start, end = case
    figures = parse_headline_figures(sentence)
    got = (
        figures.size and figures.size.usd,
        figures.size and figures.size.year,
        figures.forecast and figures.forecast.usd,
        figures.forecast and figures.forecast.year,
        figures.cagr and figures.cagr.percent,
        figures.cagr and figures.cagr.start_year,
        figures.cagr and figures.cagr.end_year,
    )
    want = (
        size and int(size),
        size_year,
        forecast and int(forecast),
        forecast_year,
        cagr,
        start,
        end,
    )
    assert got == want


def test_this_last_and_next_year_are_dated_by_the_page() -> None:
    text = (
        "Sales reached USD 2.0 billion last year, will be USD 2.2 billion this year and USD "
        "2.5 billion next year."
    )
    years = [amount.year for amount in parse_headline_figures(text, this_year=2024).amounts]
    assert years == [2023, 2024, 2025]
    assert [amount.year for amount in parse_headline_figures(text).amounts] == [None] * 3


def test_each_figure_keeps_its_sentence() -> None:
    figures = parse_headline_figures(
        "The market was worth USD 2 Billion in 2021. It is set to reach USD 3 Billion by 2027."
    )
    assert figures.size and figures.size.sentence.startswith("The market was worth")
    assert figures.forecast and figures.forecast.sentence.startswith("It is set to reach")


@pytest.mark.parametrize(
    ("text", "own_region", "period"),
    [
        (  # parser 2.4.27: the period opens the sentence, far before its CAGR
            "During the forecast period between 2025 and 2033, the Kenya acme retail pharmacy "
            "market size, hospital outlets included, is projected to grow at a significant CAGR "
            "of 9.10% reaching a value of USD 11.30 billion by 2033.",
            "Kenya",
            (2025, 2033),
        ),
        (  # not a past period with its own amounts before the CAGR
            "From 2019 to 2023, the market grew from USD 1 billion to USD 2 billion, and it is "
            "expected to grow at a CAGR of 5% afterwards.",
            None,
            (None, None),
        ),
        (  # parser 2.4.27: "in the MENA region" is the MENA page's own market, no part of it
            "The acme telehealth market in the MENA region is expected to grow significantly, "
            "with a projected CAGR of 31.57% from 2024 to 2030.",
            "MENA",
            (2024, 2030),
        ),
    ],
)
def test_a_cagr_period_stated_at_the_sentence_s_opening_or_of_the_own_region(
    text: str, own_region: str | None, period: tuple[int | None, int | None]
) -> None:
    cagr = parse_headline_figures(text, own_region=own_region).cagr
    assert cagr is not None
    assert (cagr.start_year, cagr.end_year) == period


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        (  # parser 2.4.27: a scene set before the comma; the global market is the subject
            "With a greater adoption across the developed countries in North America and "
            "Europe, the global acme diagnostics market was valued at $2.8 billion in 2013.",
            [(2_800_000_000, 2013)],
        ),
        ("In North America, the acme market was valued at $2.8 billion in 2013.", []),
        ("The segment, part of the global acme market, was valued at $2.8 billion in 2013.", []),
    ],
)
def test_regions_before_a_comma_leave_the_global_market_its_figures(
    text: str, amounts: list[tuple[int, int]]
) -> None:
    found = parse_headline_figures(text).amounts
    assert [(amount.amount, amount.year) for amount in found] == amounts


@pytest.mark.parametrize(
    ("text", "own_region", "amounts"),
    [
        (  # parser 2.4.27: "the region's market" on a region's page is its own market
            "Valued at more than $4.5 billion in 2013, the region’s acme device market is "
            "projected to reach $8 billion by 2017, led by Thailand and Malaysia.",
            "ASEAN",
            [(4_500_000_000, 2013), (8_000_000_000, 2017)],
        ),
        (  # "&" and "and" write one region
            "Middle East and Africa Acme Market is anticipated to cross USD 14 billion by 2028.",
            "Middle East & Africa",
            [(14_000_000_000, 2028)],
        ),
        (  # parser 2.4.30: a dateline's places are where the story was filed
            "BURNABY, British Columbia, Canada: The global acme aligner market was valued at "
            "approximately US$5.2 billion in 2022.",
            None,
            [(5_200_000_000, 2022)],
        ),
        (  # but a region's label before the sentence still makes it the region's figure
            "Europe: The acme aligner market was valued at US$1.1 billion in 2022.",
            None,
            [],
        ),
        (  # parser 2.4.30: a market "dominated by" firms is the whole market, not a part
            "The acme obesity market — currently dominated by Halden A/S and Ostrava & Co. — is "
            "now set to reach $130 billion by 2030.",
            None,
            [(130_000_000_000, 2030)],
        ),
        (  # parser 2.4.30: a world region's adjective, not "American" (the United States)
            "The North American acme pharmacy market, valued at $3.46 billion in 2025, is "
            "projected to grow.",
            "North America",
            [(3_460_000_000, 2025)],
        ),
    ],
)
def test_a_region_s_own_market_however_it_is_written(
    text: str, own_region: str | None, amounts: list[tuple[int, int]]
) -> None:
    found = parse_headline_figures(text, own_region=own_region).amounts
    assert [(amount.amount, amount.year) for amount in found] == amounts


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        (  # parser 2.4.28: the relative clause moves the market itself to the amount
            "We forecast a 2020-2025 CAGR of 6.7% in local currency terms, which will take the "
            "value of the market to AUD10.8bn (USD7.7bn) in 2025.",
            [(10_800_000_000, "AUD", 2025)],
        ),
        (  # parser 2.4.30: a reporting aside before "which" is no noun of its own
            "The global market for acme assays is about $320M in 2022, Ardent has estimated, "
            "which will grow to a $1.2B by 2027.",
            [(320_000_000, "USD", 2022), (1_200_000_000, "USD", 2027)],
        ),
        (  # parser 2.4.30: a forecast the sentence says was replaced is not the market's
            "Previously, Ardent expected the acme space to hit nearly $9 billion by 2025, but "
            "our new forecasts expect acme to be a $56 billion global opportunity by 2025.",
            [(56_000_000_000, "USD", 2025)],
        ),
        (
            "The market will reach $130 billion by 2030. That's up from a prior forecast of $100 "
            "billion.",
            [(130_000_000_000, "USD", 2030)],
        ),
        (  # parser 2.4.30: where a research firm is based is no region of the market
            "According to Ardent, a market research firm based in India, the acme market would "
            "generate a revenue of $127.4 billion in 2030.",
            [(127_400_000_000, "USD", 2030)],
        ),
        (  # the amount still belongs to another noun when the clause names no market
            "Growth comes from acme immunotherapy, which is estimated to reach USD 2.4 billion "
            "by 2030.",
            [],
        ),
    ],
)
def test_a_relative_clause_that_takes_the_market_to_an_amount(
    text: str, amounts: list[tuple[int, str, int]]
) -> None:
    found = parse_headline_figures(text).amounts
    assert [(amount.amount, amount.currency, amount.year) for amount in found] == amounts


@pytest.mark.parametrize(
    ("text", "amounts", "cagr"),
    [
        (  # parser 2.4.30: French scale words, "en" and "d'ici" years
            "Le marché mondial de l'acme représente 542,21 milliards USD en 2024 et devrait "
            "atteindre 886,68 milliards USD d’ici 2032.",
            [(542_210_000_000, "USD", 2024), (886_680_000_000, "USD", 2032)],
            None,
        ),
        (  # "de dollars", "d'euros", and the French CAGR
            "Le marché de l'acme devrait passer de 4,3 milliards de dollars en 2020 à 5,5 "
            "milliards de dollars en 2025, suivant un taux de croissance annuel composé de 5,2 %.",
            [(4_300_000_000, "USD", 2020), (5_500_000_000, "USD", 2025)],
            5.2,
        ),
        (
            "Le marché de l'acme a progressé de 3,9 % en 2015 pour atteindre 1,54 milliard "
            "d'euros.",
            [(1_540_000_000, "EUR", 2015)],
            None,
        ),
        (  # German: "Milliarden Euro", "bis 2028"
            "Der Acme-Markt soll bis 2028 auf 41 Milliarden Euro wachsen.",
            [(41_000_000_000, "EUR", 2028)],
            None,
        ),
        (  # parser 2.4.31: "Billionen", German for trillions
            "Der Acme-Umsatz steigt bis 2027 auf 1,14 Billionen Euro.",
            [(1_140_000_000_000, "EUR", 2027)],
            None,
        ),
        (  # parser 2.4.31: "im Jahr 2009"
            "Der Marktwert stieg von 37,8 Milliarden Euro im Jahr 2009 auf 52,9 Milliarden Euro "
            "im Jahr 2016.",
            [(37_800_000_000, "EUR", 2009), (52_900_000_000, "EUR", 2016)],
            None,
        ),
    ],
)
def test_french_and_german_amounts_years_and_cagr(
    text: str, amounts: list[tuple[int, str, int]], cagr: float | None
) -> None:
    figures = parse_headline_figures(text)
    assert [(amount.amount, amount.currency, amount.year) for amount in figures.amounts] == amounts
    assert (figures.cagr and figures.cagr.percent) == cagr
