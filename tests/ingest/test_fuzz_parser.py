"""Hypothesis on the parser: random bytes, truncations and mutations of the seeds give a report
or the parser's own error (ReportParseError), never anything else."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.errors import ReportParseError
from ingest.limits import MAX_REPORT_BYTES, parse_time_limit
from ingest.parse import parse_report_bytes
from tests.paths import SEEDS_DIR

pytestmark = pytest.mark.backend_independent

SEEDS = [path.read_bytes() for path in sorted(SEEDS_DIR.iterdir())]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def parses_or_refuses(data: bytes) -> None:
    try:
        report = parse_report_bytes(data, file_name="fuzz.html")
    except ReportParseError as error:
        assert str(error)  # a reason the summary can print
        return
    assert report.slug and report.title


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    parses_or_refuses(data)


@FUZZ
@given(st.sampled_from(SEEDS), st.floats(min_value=0, max_value=1))
# Found by a longer run: cut mid-word, a bold line ended "... PDF S"; inflect singularised the
# lone "S" to "" and then refused to pluralise "" (a TypeCheckError, not a parse error).
@example(SEEDS[2], (SEEDS[2].index(b"PDF S") + len(b"PDF S") + 0.5) / len(SEEDS[2]))
def test_truncated_seeds(seed: bytes, fraction: float) -> None:
    parses_or_refuses(seed[: int(len(seed) * fraction)])


@FUZZ
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.binary(min_size=0, max_size=12)),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_seeds(seed: bytes, edits: list[tuple[float, bytes]]) -> None:
    data = bytearray(seed)
    for where, replacement in edits:
        start = int(len(data) * where)
        data[start : start + len(replacement) or start + 1] = replacement
    parses_or_refuses(bytes(data))


@FUZZ
@given(st.sampled_from(SEEDS), st.text(alphabet="<>/&;\"'=!-[]*#`", min_size=1, max_size=40))
def test_markup_noise_spliced_into_seeds(seed: bytes, noise: str) -> None:
    middle = len(seed) // 2
    parses_or_refuses(seed[:middle] + noise.encode() + seed[middle:])


def test_a_link_urllib_refuses_is_skipped_not_fatal() -> None:
    """Found by test_mutated_seeds: an unbalanced "[" in a host made urlsplit raise ValueError.
    The broken link is skipped; the page's intact sample link still gives the report id."""
    seed = SEEDS[0].decode()
    first_link = seed.index('href="https://www.')
    broken = (
        seed[:first_link] + 'href="https://[www.' + seed[first_link + len('href="https://www.') :]
    )
    report = parse_report_bytes(broken.encode(), file_name="broken-link.html")
    assert report.source.report_id == "823236"


# Pieces of headline wording that a regex could backtrack over: amounts, years, CAGRs, periods,
# region and segment words, currency marks without numbers.
HEADLINE_PIECES = [
    # parser 2.4.32: a rate to a forecast, rate ranges, German and Romance amounts and rates
    " a CAGR of 6.2% to reach $15.3 billion by 2028", "a CAGR of 5-6%", " 38–39% CAGR",
    " 15 to 20 percent annually", "belief sich 2023 auf rund 59,8 Milliarden Euro",
    "jährliche Wachstumsrate von 5,9 Prozent", "15.340,33 milioni di dollari nel 2021",
    "10 658 milhões de euros em 2025", " 5,7% por ano", "Market Size (2026 Est.) | ",
    # parser 2.4.31: a code between number and scale, a floor, what it was worth by a year,
    # a leader's sales, a share that states a size, German years
    "5 USD Billion", "$100+ billion", "By 2023, the market was worth ", ", led by Acme with ",
    " followed by Ostrava, with ", " Market Share was ", " im Jahr 2009", "Acme B.V. Major ",
    # parser 2.4.30: superseded forecasts, a firm's place, an aside before "which"
    "Previously, ", " a prior forecast of ", " based in India, ", ", Ardent has estimated, which",
    " market players,” which include ", "Acme AB (Ostrava BV & Co. KG), ", " & Co. KGaA, ",
    " has grown at a CAGR of ", " over the past five years, to reach an estimated ",
    " measured across several distinct product and services lines, including ",
    "542,21 milliards USD en 2024", " d’ici 2032", " milliards de dollars", " d'euros",
    "41 Milliarden Euro bis 2028", " taux de croissance annuel composé de 5,2 %",
    "USD 1.5 Billion", " in 2023", " by 2031", "a CAGR of 5.2%", " from 2024 to 2030", "US$ 1,",
    "€2.3bn", "Rs 500 crore", " the U.S. market", " segment ", "2024-", "%", " market ", "$",
    "By Type (A, B), ", "Key players include Acme Inc., ", " between 2025 and ", ". ", "FY2024",
]  # fmt: skip


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(HEADLINE_PIECES), min_size=1, max_size=40))
def test_a_page_of_headline_wording_parses_within_the_cap(pieces: list[str]) -> None:
    """A 2 MB report of nothing but figure wording (a paragraph, a title, a players list)
    parses within the per-report cap (MAX_PARSE_SECONDS): every search is bounded, none runs
    over a growing prefix; and every figure keeps a short quote, not the whole paragraph."""
    unit = "".join(pieces)
    paragraph = unit * (MAX_REPORT_BYTES // 2 // len(unit.encode()))
    page = (
        f"<h1>Acme Oncology Market {unit[:2000]}</h1><p>{paragraph}</p><p>{paragraph[:200_000]}</p>"
    )
    data = page.encode()[: MAX_REPORT_BYTES - 10]
    with parse_time_limit():
        report = parse_report_bytes(data, file_name="wording.html")
    assert all(len(figure.sentence) <= 610 for figure in report.figures)


# Pieces of the wording the segment, title and company readers search: "the A segment", "By
# type, A held … while B is projected", restated and quoted titles with nested lists, forecast
# periods, and lists that turn back into prose.
STRUCTURE_PIECES = [
    "the ", " segment", " segments ", "By type, ", "Based on ", "held ", " while ", " is projected",
    "Market By Type (", "(", ")", "{", "}", "[", "]", ", ", " and ", '"', "Acme Market ",
    "forecast period 2024-", "Forecasts, ", "Key players include Acme Inc", ", coupled with the ",
    "segmented into ", "key segments include ", "On the other hand, ", "China's ", "F. ",
    "Acme AG (NYSE: AC)", " are the top three players", "CAGR (2025-2030)", "9.80%",
    " grew from USD 1 Billion in 2024", " over this period", " CAGR of 5%", "By Type;",
    # parser 2.3.0, a headline's amounts here too
    "segmented as ", "segmented by type of therapy, including ", "the study includes ",
    "Key Players: ", "Acme Market (Drug Type: ", "Product Type - ", "Report Coverage: ",
    " continue to dominate ", "Currently, ", "Global Market for Acme ", "USD 7,7 billion",
    " a year earlier, ", "market capitalization ", "characterized into ",
    " in Asia-Pacific Markets", " during 2022-30", "By 2030, it is anticipated that ",
    "Acme Incorporated, Ostrava S.A., ",
    # parser 2.4.29: list leads and described items, ranked segments, players and title groups
    "There are two main types of acme:", "Type of biomarkers – ", " — This method uses ",
    " is the largest application segment", " has emerged as the leading segment",
    "By Type (A and B), By Application (", "Twelve of them: ", "New entrants like ",
    "oncology giants–", "two chains: ", "Q1: ", "FAQ:", " depending upon ",
    "The segments of this market ", "growth from 2025 to 2033", " (based in Ostrava)",
    # parser 2.4.30: sub-lists after a lead, stated markets, players in a section's prose
    " as detailed below:-", " (foam, film (thin), and gels); and", "MARKET OUTLOOK",
    " pegged the global market for ", ", Ardent has estimated, which will grow to ",
    "leadership rests with Acme, Ostrava, and ", "The North American ",
    " market — currently dominated by ", "Canada: The ", " Are A 600 Billion Market", "Acme Sees ",
    " market for acme—which includes ", " (excluding acme devices)—",
    "Acme Market Study by ", " for Hospitals, Clinics from 2024 to 2034",
    # parser 2.4.31: dimensions after a list, others' examples, ranked shares, French titles
    " on the basis of their product type", "segmented on the basis of material into ",
    ", and other services such as ", "traditional and advanced wound care", " the traditional ",
    "The companies with the biggest market share were listed as ", ", 44 percent; ",
    "Le marché mondial des ", " market for acme in radiology ", " impact on the overall market",
    "The Growth of the UK Acme Sector", " To Expedite The ", "and the Serum Institute of ",
    # parser 2.4.32: rates to a forecast, known firms, German and Romance wordings
    " a CAGR of 6.2% to reach $15.3 billion by 2028", "Medtronic, Merck KGaA and J&J ",
    "according to IQVIA ", "Der Pharmamarkt in Deutschland", "Medizintechnik wächst: ",
    "belief sich 2023 auf rund 59,8 Milliarden Euro", "jährliche Wachstumsrate von 5,9 Prozent",
    "15.340,33 milioni di dollari ", "10 658 milhões de euros em 2025", " 5,7% por ano",
    " in Australia and New Zealand ", "a CAGR of 38–39%", "Market (2026 Est.) | ",
    "Spending on Acme Could Reach ", "Point Of Acme Diagnostics Poad ",
    # parser 2.4.33: list verbs and preambles, titles after "through", Romance rates
    "is broken down into applications of ", "breaking it down into its key components: ",
    "The Acme industry in India comprises of ", "into categories based on resin types, including ",
    "soft, hybrid, and rigid gas permeable acme lenses", "Solutions Through Acme Market ",
    "Blog on the United States ", "Market Analysis For Acme ", "a 9.7% five-year CAGR ",
    "Market projection for 2028 is ", "una tasa compuesta anual de 6.99% ", "tra il 2024 e il 2030",
    "Acme Drug Sales Will Outpace ", "Will Acme Apps Reach ", " driving acme lens", "Why Is ",
    " Sales Spending Usage", "Acme Surge: ", "According to the India Acme Market Report ",
    "Based on the most recent acme market studies ", "New Report 2021 ", "Acme Players Need To ",
    ", which treats eye diseases, ", "More Posts", "are the main product categories of ",
    "Some of the major acme ingredients are ", "Major Players in the ",
    "controlled mostly by five big corporations: ", "Acme Medication 315039",
    " has seen a CAGR of 33% between 2007 and 2016", " by 2019-2020", "into three segments - ",
    "consists primarily of ", "into two major categories, ", ", among others",
    "Why the Acme Market Is ", "Acme Care - US - May 2013", " In India Rising Popularity ",
    "Leave a Reply", "Examples: ", "503.16 Million US$ in 2018", "Medical Acme: When ",
    "Common acme cosmetics include ", "Acme Market products include ",
]  # fmt: skip


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(STRUCTURE_PIECES), min_size=1, max_size=40))
def test_a_page_of_structure_wording_parses_within_the_cap(pieces: list[str]) -> None:
    """A 2 MB report of nothing but segment, title and player wording, as a lead paragraph,
    list items, an overview and a players section, parses within the per-report cap
    (MAX_PARSE_SECONDS)."""
    unit = "".join(pieces)
    paragraph = unit * (MAX_REPORT_BYTES // 4 // len(unit.encode()))
    items = "".join(f"<li>{unit}</li>" for _ in range(200))
    page = (
        f"<p>{paragraph} USD 1.5 Billion in 2023</p><h2>Acme Market Highlights</h2>"
        f"<ul>{items}</ul><h2>Market Overview</h2><p>{paragraph}</p>"
        f"<h2>Key Market Players</h2><p>{paragraph}</p>"
    )
    data = page.encode()[: MAX_REPORT_BYTES - 10]
    with parse_time_limit():
        parses_or_refuses(data)


@pytest.mark.parametrize("name", ["Acme Ostrava", "Acme & Ostrava AG", "Acme"])
def test_a_players_section_of_one_long_sentence_of_names_parses_within_the_cap(name: str) -> None:
    """A players section that is one 1 MB sentence of names after prose, with no last "and"
    (2.4.29 backtracked through the whole run from each name: minutes for 200 kB), parses
    within the per-report cap."""
    names = f"{name}, " * (MAX_REPORT_BYTES // 2 // (len(name) + 2))
    page = (
        "<h1>Acme Market</h1><p>The acme market was valued at USD 1 billion in 2023.</p>"
        f"<h2>Key Market Players</h2><p>Leadership rests with {names}which is prose.</p>"
    )
    with parse_time_limit():
        report = parse_report_bytes(page.encode(), file_name="players.html")
    assert report.size_usd == 1_000_000_000
