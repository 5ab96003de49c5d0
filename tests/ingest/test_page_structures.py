"""Page structures of other publishers, read as a whole page: where the parser must not
mistake one thing for another (each case written for the rule it guards)."""

from typing import Any

import pytest

from ingest.errors import ReportParseError
from ingest.parse import parse_report_bytes

pytestmark = pytest.mark.backend_independent


def parse(html: str) -> dict[str, Any]:
    return parse_report_bytes(html.encode(), file_name="page.html").model_dump(mode="json")


LEAD = (
    "<h1>Acme Oncology Market</h1><p>The global acme oncology market was valued at USD 1.2 "
    "billion in 2023 and is expected to reach USD 2.0 billion by 2030.</p>"
)


def test_names_after_a_players_lead_are_companies_but_strategies_are_not() -> None:
    names = "<p>Corvane Biologics Inc.<br>Halden Pharma Ltd.<br>Ostrava Biotech</p>"
    strategies = "<p>Product launches<br>Partnerships<br>Regional expansion</p>"
    lead = "<p>The report profiles major market players, such as</p>"
    strategy_lead = "<p>Strategies adopted by key players include:</p>"
    assert parse(LEAD + lead + names)["companies"] == [
        "Corvane Biologics Inc.",
        "Halden Pharma Ltd.",
        "Ostrava Biotech",
    ]
    assert parse(LEAD + strategy_lead + strategies)["companies"] == []


def test_one_name_a_paragraph_after_a_players_lead() -> None:
    names = "<p>Corvane-La Halden</p><p>Ostrava Pharma Inc.</p><p>Tallis Biologics</p>"
    lead = "<p>Leading players in the global acme oncology market includes</p>"
    after = "<p>The report also covers pricing in each region.</p>"
    assert parse(LEAD + lead + names + after)["companies"] == [
        "Corvane-La Halden",
        "Ostrava Pharma Inc.",
        "Tallis Biologics",
    ]
    assert (
        parse(LEAD + lead + names)["companies"] == parse(LEAD + lead + names + after)["companies"]
    )


def test_a_sentence_heading_about_the_market_is_not_the_title() -> None:
    page = (
        "<p>The tumor ablation market is estimated at USD 2.1 Bn in 2025.</p>"
        "<h2>Rising Screening is Driving the Market Growth</h2><p>More tumours are found.</p>"
    )
    assert parse(page)["title"] == "Tumor Ablation Market"


@pytest.mark.parametrize(
    ("heading", "region", "name"),
    [
        ("Pharmaceuticals in Vietnam", "Vietnam", "Pharmaceuticals"),
        ("Consumer Health in Japan: Forecast to 2030", "Japan", "Consumer Health"),
        ("Acme Oncology in the United States 2025", "United States", "Acme Oncology"),
        # "In" capitalised, as title-case headings write it
        ("Acme Oncology Market In Japan 2025: Growth, Opportunities", "Japan", "Acme Oncology"),
        # a country after the name, before "Market" (stored under one spelling, 2.4.31); an
        # industry that is the market
        ("Acme Oncology UK Market Report, Tenth Edition", "United Kingdom", "Acme Oncology"),
        ("Acme Oncology Industry Market Research", "Global", "Acme Oncology"),
        # The region ends a sentence about a market named before it: not the market's region.
        ("Acme Oncology Market to Become the Largest in Europe", "Global", "Acme Oncology"),
    ],
)
def test_a_country_report_title_names_its_region_after_in(
    heading: str, region: str, name: str
) -> None:
    body = f"<p>Sales of {name.lower()} reached USD 1.2 billion in 2023.</p>"
    report = parse(f"<h1>{heading}</h1>{body}")
    assert (report["region"], report["name"]) == (region, name)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # a publisher's name holding "Market" opens the sentence; the market follows "that"
        (
            "<p>A Global Market Analytics Ltd. study predicts that tumour ablation probes "
            "market will pass $4.1 Billion by 2029.</p>",
            "Tumour Ablation Probes Market",
        ),
        # a clause before "the market", then the market named after "worth of"
        (
            "<p>In 2022, the market worth of oncology infusion pumps was USD 2.35 billion, "
            "and by 2031 it will be worth USD 5.1 billion.</p>",
            "Oncology Infusion Pumps Market",
        ),
        # a growing market, named after "for"
        (
            "<h1>Survey Sees Booming Market for Biopsy Needles</h1><p>Sales of biopsy needles "
            "reached US$1.8 billion in 2020.</p>",
            "Biopsy Needles Market",
        ),
        # a page's h1 may end in a section's word
        (
            "<h1>Proton Beam Therapy Market Assessment Trends (2021-2027)</h1><p>The 4th "
            "edition of this report was written to give detail on market segments now that "
            "carbon ion sales are past (<$40M in 2022).</p>",
            "Proton Beam Therapy Market",
        ),
        # an amount after "Global", a name before a colon
        (
            "<h1>Global $48 Billion Biosimilars Market Opportunities 2019-2023</h1>",
            "Global Biosimilars Market",
        ),
        (
            "<h1>Cell Therapy: Global Market Trends &amp; Notable Developments</h1>",
            "Cell Therapy Market",
        ),
        # no sentence says "market": the sector, or the demand, a page is about
        (
            "<p>The global radiography film sector remains a steady supplier to hospitals.</p>"
            "<p>Sales reached US$2.4 billion in 2021.</p>",
            "Radiography Film Market",
        ),
        (
            "<p>Worldwide demand for suture anchors is forecast to rise 5.1 percent annually to "
            "$3.3 billion in 2027.</p>",
            "Suture Anchors Market",
        ),
        # parser 2.4.32: "projected" names nothing (it had given "With A Projected Market")
        (
            "<h1>Digital Care</h1><p>With a projected market value of $3.5 billion by 2020, "
            "acme telecare is poised for growth.</p>",
            "Digital Care",
        ),
    ],
)
def test_words_before_market_that_name_nothing_are_no_title(page: str, title: str) -> None:
    assert parse(page)["title"] == title


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        # a sentence heading names its market after its last preposition
        (
            "Rising Demand for Clear Retainers, Coupled with Dental Tourism, Driving the Growth "
            "of the Dental Aligners Market",
            "Dental Aligners Market",
        ),
        ("Pandemic Impact Analysis on Infusion Pumps Market", "Infusion Pumps Market"),
        ("A bright outlook for Korea's biosimilars market", "Korea Biosimilars Market"),
        # a name with a preposition of its own stays whole
        ("Radioligands for Prostate Cancer Market", "Radioligands for Prostate Cancer Market"),
        (
            "Detailed Analysis of Point of Care Coagulation Market",
            "Point of Care Coagulation Market",
        ),
        # parser 2.4.32: "scale" and "value" are a report's words, "for" ends one after "growth"
        ("Global scale of the acme tissue medicine market", "Global Acme Tissue Medicine Market"),
        ("Recent Analyses Forecast Remarkable Growth for the Acme Care Market", "Acme Care Market"),
        ("Human Growth Hormone for Acme Market", "Human Growth Hormone for Acme Market"),
    ],
)
def test_a_sentence_heading_names_its_market_after_its_last_preposition(
    heading: str, title: str
) -> None:
    body = "<p>Sales reached USD 1.2 billion in 2023.</p>"
    assert parse(f"<h1>{heading}</h1>{body}")["title"] == title


def test_a_heading_naming_only_a_region_is_no_title() -> None:
    page = (
        "<p>Europe Bone Graft Market size passed USD 1.4 billion in 2022.</p>"
        "<h2>Impact of Inflation on the European Market</h2><p>Prices rose.</p>"
    )
    report = parse(page)
    assert (report["title"], report["region"], report["size_usd"]) == (
        "Europe Bone Graft Market",
        "Europe",
        1_400_000_000,
    )


def test_players_named_in_the_sentence_after_one_about_the_leading_companies() -> None:
    prose = (
        "<p>Most firms are small. However, the top eight U.S. biopsy companies hold over "
        "half of the market. These include Corvane Biologics, Halden Pharma, and Ostrava "
        "Labs.</p>"
    )
    other = "<p>Most firms are small. These include startups, clinics and universities.</p>"
    # parser 2.4.29: "N of them: A, B and C …" after the sentence about the manufacturers
    counted = (
        "<p>The market is dominated by large international manufacturers. Three of them: "
        "Corvane Biologics, Halden Pharma and Ostrava Labs accounted for 79% of sales.</p>"
    )
    for page in (prose, counted):
        assert parse(LEAD + page)["companies"] == [
            "Corvane Biologics",
            "Halden Pharma",
            "Ostrava Labs",
        ]
    assert parse(LEAD + other)["companies"] == []


def test_a_ranking_by_market_share_names_its_companies_without_their_shares() -> None:
    ranking = "".join(
        f"<li>{line}</li>"
        for line in (
            "Corvane Biologics, 11.3%",
            "Halden Pharma Corp., 7.2%",
            "Ostrava Labs PLC, 5.9%",
            "Tallis Health 4.4%",
            "Quorin Laboratories, 3.1%",
        )
    )
    lead = "<p>The release ranks the top contract developers by their market shares:</p>"
    assert parse(LEAD + lead + f"<ul>{ranking}</ul>")["companies"] == [
        "Corvane Biologics",
        "Halden Pharma Corp.",
        "Ostrava Labs PLC",
        "Tallis Health",
        "Quorin Laboratories",
    ]


def test_a_players_paragraph_opening_with_its_industry_names_no_company() -> None:
    """Parser 2.4.32: "The CRO industry is dominated by …" had given a company "The CRO"."""
    page = parse(
        LEAD + "<h2>Key Players</h2><p>The CRO industry is dominated by several key players who "
        "have established a strong presence. Some of the top CROs include:</p><table><tr><td>"
        "Company</td><td>Headquarters</td></tr><tr><td>Corvane Research</td><td>Boston</td></tr>"
        "<tr><td>Halden Clinical Plc</td><td>Manchester</td></tr></table>"
    )
    assert page["companies"] == ["Corvane Research", "Halden Clinical Plc"]


def test_a_cagr_without_years_spans_the_single_stated_forecast_period() -> None:
    cagr = "<p>The market is growing at a CAGR of 6.1% over the forecast period.</p>"
    one = parse(LEAD + cagr + "<p>Growth holds through the forecast period 2024–2031.</p>")
    assert (one["cagr_start_year"], one["cagr_end_year"]) == (2024, 2031)
    two = parse(
        LEAD + cagr + "<p>Forecast period 2024–2031 here, forecast period 2025-2031 there.</p>"
    )
    assert (two["cagr_start_year"], two["cagr_end_year"]) == (None, None)


@pytest.mark.parametrize(
    ("period", "years"),
    [
        ("Forecasts From 2022 To 2027", (2022, 2027)),
        ("Forecast 2018-2027", (2018, 2027)),
        ("Forecast 2018-2026", (None, 2027)),  # a period ending elsewhere lends no start
    ],
)
def test_a_cagr_with_its_end_year_alone_starts_where_the_forecast_period_ending_then_does(
    period: str, years: tuple[int | None, int]
) -> None:
    """Parser 2.4.32: "a CAGR of P% to reach X by Y" runs to Y; the page's forecast period
    ending in Y gives its start."""
    page = parse(
        f"<h1>Acme Baby Food Market - {period}</h1><p>The acme baby food market is projected to "
        "grow at a CAGR of 5.5% to reach USD 3.6 billion by 2027.</p>"
    )
    assert (page["cagr_start_year"], page["cagr_end_year"]) == years
    through = parse(
        f"<h1>Acme Baby Food Market - {period}</h1><p>The acme baby food market was valued at "
        "USD 2.5 billion in 2021 and is projected to grow at a CAGR of 5.5% through 2027.</p>"
    )
    assert (through["cagr_start_year"], through["cagr_end_year"]) == years


def test_label_and_value_blocks_are_read_as_one_line() -> None:
    snapshot = "<p>CAGR (2025-2030)</p><p>8.45%</p><p>Fastest Growing Segment</p><p>Radiology</p>"
    report = parse(LEAD + snapshot)
    assert (report["cagr_percent"], report["cagr_start_year"]) == (8.45, 2025)
    assert report["segments"] == []


def test_outline_numbered_segmentation_and_dimension_labelled_lines() -> None:
    page = (
        LEAD + "<p>Key market segments:</p><ul><li>Application: Kidney Cancer, Lung Cancer</li>"
        "<li>Type: PDF</li></ul><h2>Acme Oncology Segmentation</h2><h3>2. Type</h3>"
        "<ul><li>2.1. Single-use Probes</li><li>2.2. Reusable Probes</li></ul>"
    )
    segments = [(s["name"], s["dimension"]) for s in parse(page)["segments"]]
    assert segments == [
        ("Kidney Cancer", "application"),
        ("Lung Cancer", "application"),
        ("Single-use Probes", "type"),
        ("Reusable Probes", "type"),
    ]


def test_a_region_after_in_names_the_market_s_region() -> None:
    page = (
        "<h1>Bladder Cancer Therapeutics in Asia-Pacific Markets to 2029</h1><p>Asia-Pacific "
        "(APAC) bladder cancer therapeutics market was valued at $1.31 billion in 2022, and is "
        "expected to reach $2.40 billion in 2029.</p>"
    )
    report = parse(page)
    assert (report["region"], report["name"]) == ("Asia Pacific", "Bladder Cancer Therapeutics")
    assert (report["size_usd"], report["forecast_usd"]) == (1_310_000_000, 2_400_000_000)


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        (
            "The acme market in Australia and New Zealand is expected to record",
            "Australia and New Zealand",
        ),
        ("The market for acme in Canada and Mexico is expected to record", "Canada and Mexico"),
        ("The acme market in Trinidad and Tobago is expected to record", "Trinidad and Tobago"),
        ("The acme market in Canada and Acme Corp's home is expected to record", "Canada"),
    ],
)
def test_two_regions_after_in_are_the_market_s_region_together(sentence: str, region: str) -> None:
    """Parser 2.4.32: "in Australia and New Zealand" had given Australia alone, and the CAGR of
    the pair was then another region's."""
    page = f"<h1>Care Anywhere</h1><p>{sentence} a CAGR of 44 per cent from 2015 to 2019.</p>"
    report = parse(page)
    assert report["region"] == region
    assert (report["cagr_percent"], report["cagr_start_year"]) == (44.0, 2015)


@pytest.mark.parametrize(
    "heading,name",
    [
        (
            "Global Market for Tumour Ablation Devices to Reach $6.9 Billion",
            "Tumour Ablation Devices",
        ),
        ("4 Billion-Dollar Market for Liquid Biopsy Kits", "Liquid Biopsy Kits"),
        ("Report: Bile duct cancer market to hit $3B by 2030", "Bile duct cancer"),
    ],
)
def test_the_market_a_heading_names_after_for_or_a_label(heading: str, name: str) -> None:
    page = (
        f"<h1>{heading}</h1><p>The market was worth USD 2.1 billion in 2023 and will reach "
        "USD 3.0 billion by 2030.</p>"
    )
    report = parse(page)
    assert (report["name"], report["region"]) == (name, "Global")


def test_a_players_heading_over_one_line_of_names_with_legal_forms() -> None:
    players = (
        "<h2>Key Players</h2><p>Corvane Incorporated, Halden Medical Systems, Inc., Lisova AB, "
        "Ostrava Beam Applications S.A., T.R. Ellis, Inc.</p>"
    )
    assert parse(LEAD + players)["companies"] == [
        "Corvane Incorporated",
        "Halden Medical Systems, Inc.",
        "Lisova AB",
        "Ostrava Beam Applications S.A.",
        "T.R. Ellis, Inc.",
    ]


def test_a_players_list_of_sentences_gives_the_names_they_open_with() -> None:
    players = (
        "<h2>Key Players</h2><ul><li>Corvane Diagnostics held 14.5% of the market in 2023</li>"
        "<li>Halden Laboratories led with 12% share in chemistry analyzers</li>"
        "<li>Ostrava Scientific captured 9.1% of sequencing revenue</li></ul>"
    )
    assert parse(LEAD + players)["companies"] == [
        "Corvane Diagnostics",
        "Halden Laboratories",
        "Ostrava Scientific",
    ]


def test_a_description_heading_after_the_players_opens_the_headline() -> None:
    page = (
        "<h1>India Acme Drugs Market Size, Trends and Insights</h1><h2>Major Players</h2>"
        "<ul><li>Corvane Limited</li><li>Halden Pharma</li></ul><h2>Reports Description</h2>"
        "<p>India Acme Drugs Market was valued at USD 5.5 Billion in 2022 and is expected to "
        "reach USD 9.9 Billion by 2032, at a CAGR of 6.1% during the forecast period "
        "2023 – 2032.</p>"
    )
    report = parse(page)
    assert report["companies"] == ["Corvane Limited", "Halden Pharma"]
    assert (report["size_usd"], report["forecast_usd"], report["cagr_percent"]) == (
        5_500_000_000,
        9_900_000_000,
        6.1,
    )


def test_faq_answers_whose_questions_were_lost_give_figures_and_players() -> None:
    page = (
        "<h1>Acme Food Market</h1><h2>Frequently Asked Questions</h2>"
        "<p>Acme food means prepared meals for pets.</p>"
        "<p>The acme food market is projected to grow from USD 14 billion in 2026 to USD "
        "24.7 billion by 2035.</p><p>The CAGR is expected to be 6.5% during 2026-2035.</p>"
        "<p>Major players include Corvane Inc., Halden Foods, and Ostrava Nutrition.</p>"
    )
    report = parse(page)
    assert (report["size_year"], report["forecast_usd"], report["cagr_end_year"]) == (
        2026,
        24_700_000_000,
        2035,
    )
    assert report["companies"] == ["Corvane Inc.", "Halden Foods", "Ostrava Nutrition"]


def test_faq_answers_never_add_to_figures_stated_elsewhere() -> None:
    faq = (
        "<h2>FAQs</h2><h3>How big will it be?</h3><p>The market is expected to reach USD 2.4 "
        "billion in 2034.</p>"
    )
    assert parse(LEAD + faq)["forecast_year"] == 2030


def test_a_footnote_mark_after_a_year_is_not_part_of_it() -> None:
    page = (
        "<h1>Acme Market</h1><p>The acme market was worth €160 billion in 2023<sup>1,2</sup> "
        "and is set to reach €200 billion by 2030<sup>[3]</sup>; kits hold 1.2 × 10<sup>9</sup> "
        "units.</p>"
    )
    report = parse(page)
    assert [(f["year"], f["amount"]) for f in report["figures"]] == [
        (2023, 160_000_000_000),
        (2030, 200_000_000_000),
    ]
    assert "× 109 units" in report["figures"][0]["sentence"]  # an exponent is no footnote


@pytest.mark.parametrize(
    ("dated", "size_year"),
    [
        ('<meta property="article:published_time" content="2023-01-12T13:41:00Z">', 2023),
        ("<p>By Anna Ellis • 12 January 2024 • 13:41</p>", 2024),
        ("", None),  # no date: "this year" dates nothing
    ],
)
def test_this_year_is_the_year_of_the_page(dated: str, size_year: int | None) -> None:
    page = (
        f"<html><head>{dated if dated.startswith('<meta') else ''}</head><body>"
        f"<h1>Acme Market</h1>{'' if dated.startswith('<meta') else dated}"
        "<p>The acme market will be worth €2.4 billion this year and €3.1 billion by 2030.</p>"
        "</body></html>"
    )
    report = parse(page)
    assert report["size_year"] == size_year
    assert report["forecast_year"] == 2030
    if size_year:
        assert report["source"]["published_on"].startswith(str(size_year))


def test_names_opening_with_digits_and_figures_beside_names() -> None:
    lists = (
        "<p>By Application;</p><p>3D Imaging, AR, VR and MR</p>"
        "<p>Top Segment: Wire Bonding (34.6% share)</p>"
    )
    names = {segment["name"] for segment in parse(LEAD + lists)["segments"]}
    assert names == {"3D Imaging", "AR", "VR", "MR", "Wire Bonding"}


@pytest.mark.parametrize(
    "heading,region,name",
    [
        (
            "CHINA’S COSMETICS AND TOILETRIES MARKET SEES GROWTH",
            "China",
            "Cosmetics and Toiletries",  # in title case (2.4.27)
        ),
        # (parser 2.4.33: a name in small letters is written as a name, "Snacks")
        ("In India, snacks market size is Rs 44000 cr", "India", "Snacks"),
        ("Korea’s Biosimilar Market Set to Double", "South Korea", "Biosimilar"),
        ("Oncology Healthcare Market Scenario of India", "India", "Oncology Healthcare"),
        ("Vietnamese Generic Drug Market Outlook", "Vietnam", "Generic Drug"),
    ],
)
def test_a_region_in_capitals_or_opening_the_heading(heading: str, region: str, name: str) -> None:
    page = f"<h1>{heading}</h1><p>Sales were USD 2.1 billion in 2023.</p>"
    report = parse(page)
    assert (report["region"], report["name"]) == (region, name)


def test_question_headings_are_faqs_when_a_page_asks_several() -> None:
    asked = (
        "<h2>How Big is the Acme Oncology Market?</h2><p>It was USD 1.2 billion in 2023.</p>"
        "<h2>How is the Acme Oncology Market Segmented?</h2><p>By type and by end user.</p>"
    )
    faqs = parse(LEAD + asked)["faqs"]
    assert [faq["question"] for faq in faqs] == [
        "How Big is the Acme Oncology Market?",
        "How is the Acme Oncology Market Segmented?",
    ]
    assert faqs[1]["answer"] == "By type and by end user."
    rhetorical = "<h2>Why does it matter?</h2><p>Because patients wait.</p>"
    assert parse(LEAD + rhetorical)["faqs"] == []


def test_another_market_s_figure_under_another_heading_is_not_this_one_s() -> None:
    page = (
        "<h1>Hyaluronate Repair Dressings Market</h1><p>Dressings that speed healing.</p>"
        "<h2>Market Trends</h2><p>The global aesthetic medicine market, valued at $85.6 "
        "billion in 2022, relies on these dressings.</p>"
    )
    report = parse(page)
    assert (report["size_usd"], report["size_year"]) == (None, None)
    own = page.replace("aesthetic medicine market", "hyaluronate repair dressings market")
    assert parse(own)["size_usd"] == 85_600_000_000  # read last, but read


def test_segment_headings_ending_with_a_colon_under_a_segments_heading() -> None:
    segments = (
        "<h2>Major Acme Segments</h2><h3>1. Hospitals and Clinical Services:</h3><p>Most care.</p>"
        "<h3>2. Diagnostic Laboratories:</h3><p>Tests.</p>"
    )
    names = [segment["name"] for segment in parse(LEAD + segments)["segments"]]
    assert names == ["Hospitals and Clinical Services", "Diagnostic Laboratories"]


def test_words_before_the_headline_s_subject_are_a_region_only_when_named() -> None:
    page = (
        "<h1>Know the Acme Devices Market Size &amp; Share Analysis</h1><p>The Acme Devices "
        "market was valued at USD 1.2 billion in 2023.</p>"
    )
    assert parse(page)["region"] == "Global"


def test_figures_in_two_currencies_are_flagged() -> None:
    page = (
        "<h1>India Snacks Market</h1><p>The India snacks market was Rs 38,603 crore in 2022 and "
        "will reach Rs 70,731 crore by 2028.</p><p>The market's revenue is estimated to reach "
        "US$66.9 billion by 2030.</p>"
    )
    report = parse(page)
    assert {figure["currency"] for figure in report["figures"]} == {"INR", "USD"}
    assert "mixed_currencies" in {warning["code"] for warning in report["quality"]["warnings"]}
    # size and forecast in the currency most figures use, so that they compare
    assert (report["currency"], report["size_year"], report["forecast_year"]) == ("INR", 2022, 2028)
    assert report["forecast_usd"] is None and report["implied_cagr_percent"] == 10.62


def test_a_market_label_naming_a_dimension_ends_the_players_list() -> None:
    """Bold labels "Global Acme Market: Major Players", then "…: Types" with list items: the
    second label opens a segmentation section, so its items are segments, not companies."""
    page = (
        "<p><b>Global Acme Oncology Market: Major Players</b></p>"
        "<ul><li>Corvane Biologics Inc.</li><li>Halden Pharma Ltd.</li></ul>"
        "<p><b>Global Acme Oncology Market: Types</b></p>"
        "<ul><li>Single Dose Vials</li><li>Prefilled Syringes</li></ul>"
    )
    report = parse(LEAD + page)
    assert report["companies"] == ["Corvane Biologics Inc.", "Halden Pharma Ltd."]
    assert [segment["name"] for segment in report["segments"]] == [
        "Single Dose Vials",
        "Prefilled Syringes",
    ]


def test_a_headline_sentence_as_the_only_heading_gives_its_figures() -> None:
    """A wire copy whose `<h1>` is the headline sentence and whose lead was cut: the title is
    the sentence's market, and its CAGR is read from the heading."""
    page = (
        "<h1>The global market for acme cell therapy is predicted to grow at a CAGR of 31.5% over"
        " the forecast period 2024-2032</h1><p>Read the full release on our site.</p>"
    )
    report = parse(page)
    assert report["title"] == "Global Acme Cell Therapy Market"
    assert (report["cagr_percent"], report["cagr_start_year"], report["cagr_end_year"]) == (
        31.5,
        2024,
        2032,
    )


def test_the_first_overview_paragraph_is_the_headline_when_the_lead_states_no_figure() -> None:
    """A broker's note: the title, a lead without figures, then under a size heading a sentence
    that never says "market": it is the headline, read whole."""
    page = (
        "<h1>Canadian Acme Beverages Market</h1><p>Our view on the category after legalisation.</p>"
        "<h2>Acme Beverages Market Size Forecast</h2><p>We expect beverage sales of $1.2bn in "
        "2024e, $1.9bn in 2027e and $2.6bn in 2030e.</p>"
    )
    report = parse(page)
    assert (report["size_usd"], report["size_year"]) == (1_200_000_000, 2024)
    assert (report["forecast_usd"], report["forecast_year"]) == (2_600_000_000, 2030)


def test_a_segment_s_figures_under_a_segments_heading_are_not_the_headline() -> None:
    """The segments section comes first and states a segment's revenue; the market's own
    figures follow under an overview heading: those are the headline."""
    page = (
        "<h1>Acme Devices Market</h1><h2>Revenue by Segment</h2><p>It had a revenue of USD 0.75 "
        "billion in 2022 and is expected to reach USD 1.18 billion in 2027.</p>"
        "<h2>Market Overview</h2><p>The global acme devices market was valued at USD 6.25 billion"
        " in 2022 and is expected to reach USD 8.71 billion by 2027.</p>"
    )
    report = parse(page)
    assert (report["size_usd"], report["forecast_usd"]) == (6_250_000_000, 8_710_000_000)


def test_profiles_after_a_companies_lead_give_the_names_they_open_with() -> None:
    lead = "<p>The companies highlighted in the report serve different parts of the pipeline:</p>"
    profiles = (
        "<ul><li>Corvane Biologics is positioned around sequencing platforms.</li>"
        "<li>Halden Pharma provides companion diagnostics for oncology.</li></ul>"
    )
    news = (
        "<ul><li>May 2023: Corvane Biologics announced an approval.</li>"
        "<li>Competition is intense in every region.</li></ul>"
    )
    assert parse(LEAD + lead + profiles)["companies"] == ["Corvane Biologics", "Halden Pharma"]
    assert parse(LEAD + lead + news)["companies"] == []
    # one profile alone may be any sentence
    assert (
        parse(LEAD + lead + profiles.replace("</li><li>", "</li></ul><p>x</p><ul><li>"))[
            "companies"
        ]
        == []
    )


def test_name_and_description_paragraphs_under_a_players_heading() -> None:
    heading = "<h2>Leading Companies in the Market</h2>"
    intro = "<p>Several key players lead the charge in this space, with many facilities.</p>"
    profiles = (
        "<p>Corvane Biologics: A global leader in acme services, Corvane Biologics runs more "
        "than 260 sites across 33 countries and supports many industries.</p>"
        "<p>Halden Pharma Trust: With over 300 facilities in 50 metro markets, it is a major "
        "player in the industry, focused on colocation and cloud services.</p>"
    )
    one = (
        "<p>Figure 8: Trends in acme oncology sales across the ten largest markets, 2015-2023.</p>"
    )
    assert parse(LEAD + heading + intro + profiles)["companies"] == [
        "Corvane Biologics",
        "Halden Pharma Trust",
    ]
    assert parse(LEAD + heading + intro + one)["companies"] == []


def test_ranked_headings_on_a_top_companies_page_are_the_players() -> None:
    page = (
        "<h1>Top 5 Global Generics Companies 2022</h1><p>With the global market for generic "
        "drugs expected to reach USD 36.4 billion by 2027, generics producers rank high.</p>"
        "<h2>1. Corvane</h2><p>Rx Sales: USD 17.5 billion</p><h2>2. Halden Pharma</h2>"
        "<p>Rx Sales: USD 9.4 billion</p>"
    )
    parsed = parse(page)
    assert parsed["companies"] == ["Corvane", "Halden Pharma"]
    assert parsed["title"] == "Global Generic Drugs Market"
    outline = page.replace("Companies 2022", "Trends 2022")
    assert parse(outline)["companies"] == []


def test_a_term_and_its_definition_ends_a_run_of_names() -> None:
    lead = "<p>Major Acme Oncology Players in India:</p>"
    names = "<ul><li>Corvane India</li><li>Halden Pharma Ltd</li></ul>"
    terms = (
        "<p>Device Rules (2017): Notified in 2017 and in force from January 2018 for all.</p>"
        "<p>FDI in Acme Devices: Up to 100% under the automatic route is permitted.</p>"
    )
    assert parse(LEAD + lead + names + terms)["companies"] == ["Corvane India", "Halden Pharma Ltd"]


def test_large_manufacturers_include_names_the_players() -> None:
    sentence = (
        "<ul><li>Large manufacturers include Corvane, Halden, and Ostrava Scientific.</li></ul>"
    )
    assert parse(LEAD + sentence)["companies"] == ["Corvane", "Halden", "Ostrava Scientific"]


def test_a_table_with_a_column_of_players_names_them() -> None:
    ranked = (
        "<table><tr><td>Rank</td><td>Company Name</td><td>Country</td></tr>"
        "<tr><td>1</td><td>Corvane Health (including Aetna)</td><td>United States</td></tr>"
        "<tr><td>2</td><td>Halden Group</td><td>Germany</td></tr>"
        "<tr><td>3</td><td>Other</td><td>-</td></tr></table>"
    )
    by_kind = (
        "<table><tr><td>Equipment Type</td><td>2025 Domestic Rate</td><td>Key Players</td></tr>"
        "<tr><td>CT Scanners</td><td>85%</td><td>Ostrava Imaging, Tallis Medical</td></tr></table>"
    )
    assert parse(LEAD + ranked)["companies"] == ["Corvane Health", "Halden Group"]
    assert parse(LEAD + by_kind)["companies"] == ["Ostrava Imaging", "Tallis Medical"]
    end_users = (
        "<table><tr><td>End user</td><td>Share</td><td>Growth</td></tr>"
        "<tr><td>Pharmaceutical companies</td><td>30%</td><td>6%</td></tr>"
        "<tr><td>Research Institutes</td><td>30%</td><td>4%</td></tr></table>"
    )
    assert parse(LEAD + end_users)["companies"] == []  # only a first row is a header
    # parser 2.4.29: a row's empty cells at its end leave it shorter than the header
    trailing_empty = (
        "<table><tr><th>Company</th><th>Share (%) 2024</th><th>Revenue ($m)</th>"
        "<th>Margin (%)</th></tr><tr><td>Corvane Care Inc.</td><td>2,337.9</td><td>133.3</td>"
        "<td></td></tr><tr><td>Halden, Inc.</td><td>2,192.9</td><td>245.9</td><td></td></tr>"
        "</table>"
    )
    assert parse(LEAD + trailing_empty)["companies"] == ["Corvane Care Inc.", "Halden, Inc."]


def test_a_players_table_s_revenues_are_not_the_market_s_figures() -> None:
    page = (
        "<h1>10 Largest Acme Device Companies in the World 2022</h1>"
        "<p>Here are the largest acme device companies, by revenue:</p>"
        "<table><tr><td>Largest acme device companies</td><td>Annual revenue</td>"
        "<td>Headquarters</td></tr>"
        "<tr><td>1</td><td>Corvane</td><td>$17.1 billion (+19.2%)</td><td>Michigan</td></tr>"
        "<tr><td>2</td><td>Halden</td><td>$8.6 billion (+10.6%)</td><td>Indiana</td></tr></table>"
    )
    parsed = parse(page)
    assert parsed["companies"] == ["Corvane", "Halden"]
    assert parsed["size_usd"] is None and parsed["figures"] == []


def test_ranked_share_lines_name_players_only_under_talk_of_players() -> None:
    said = "<p>The big six acme device manufacturers held 98% of the market.</p>"
    lines = (
        "<p>1) Corvane (owner of Lumen et al.): 24%</p><p>2) Halden Group: 23%</p>"
        "<p>3) Ostrava Scientific: 17%</p>"
    )
    segments = "<p>1) Hospitals: 45%</p><p>2) Specialty Clinics: 30%</p><p>3) Homecare: 25%</p>"
    assert parse(LEAD + said + lines)["companies"] == [
        "Corvane",
        "Halden Group",
        "Ostrava Scientific",
    ]
    assert parse(LEAD + "<p>Shares by end user:</p>" + segments)["companies"] == []
    # two lines are no ranking
    assert parse(LEAD + said + lines.split("<p>3)")[0])["companies"] == []


@pytest.mark.parametrize(
    ("prose", "names"),
    [
        (
            "Major segments of the acme oncology industry include generic drugs, OTC "
            "medicines and biosimilars.",
            ["generic drugs", "OTC medicines", "biosimilars"],
        ),
        (
            "The market is divided into three segments based on end users- hospitals and "
            "clinics, home care, and laboratories.",
            ["hospitals and clinics", "home care", "laboratories"],
        ),
        (
            "Teleradiology leads. Teledermatology, telepathology, and telepsychiatry are some "
            "of the other application-based segments.",
            ["Teledermatology", "telepathology", "telepsychiatry"],
        ),
        (
            'The market will grow, according to "Global Acme Imaging (CT, MRI, Ultrasound) '
            'Market - Forecasts to 2030", a report.',
            ["CT", "MRI", "Ultrasound"],
        ),
        ("North America, Europe and Asia are key regional segments.", []),
    ],
)
def test_segments_named_in_prose(prose: str, names: list[str]) -> None:
    """Names as the page writes them."""
    segments = parse(LEAD + f"<p>{prose}</p>")["segments"]
    assert [segment["name"] for segment in segments] == names


def test_manufacturers_covered_in_this_report_and_a_doctor_s_name() -> None:
    covered = (
        "<p>The following manufacturers are covered in this report:, Corvane, Dr. Halden's "
        "Laboratories, Ostrava Pharma</p>"
    )
    assert parse(LEAD + covered)["companies"] == [
        "Corvane",
        "Dr. Halden's Laboratories",
        "Ostrava Pharma",
    ]


def test_labelled_question_paragraphs_are_faqs_without_an_faq_heading() -> None:
    pairs = (
        "<p>Q. What is acme market research?</p><p>A. Research for acme makers.</p>"
        "<p>Q. Who buys it?</p><p>A. Hospitals and payers.</p>"
    )
    assert parse(LEAD + pairs)["faqs"] == [
        {"question": "What is acme market research?", "answer": "Research for acme makers."},
        {"question": "Who buys it?", "answer": "Hospitals and payers."},
    ]
    # parser 2.4.11: pairs on one line under an FAQ heading, one or several to a paragraph
    one_line = (
        "<h2>FAQ</h2><p>Q: Why do hospitals lead? A: They perform the complex surgeries.</p>"
        "<p>Q: What is A? A: A is one. Q: What is B? A: B is two.</p>"
    )
    assert parse(LEAD + one_line)["faqs"] == [
        {"question": "Why do hospitals lead?", "answer": "They perform the complex surgeries."},
        {"question": "What is A?", "answer": "A is one."},
        {"question": "What is B?", "answer": "B is two."},
    ]


@pytest.mark.parametrize(
    "blocks",
    [
        "<p>Strategies adopted by key players include the following:</p><ul><li>Product "
        "Launches: firms launch drugs.</li><li>Mergers and Acquisitions: firms buy.</li></ul>",
        "<p>Pharmaceutical companies face several challenges in this market:</p><ul><li>High "
        "Costs: trials cost a lot.</li><li>Regulatory Changes: rules change.</li></ul>",
        "<p>The companies highlighted in the report are:</p><ul><li>Corvane Biologics is a "
        "leader in cell therapy.</li></ul><h2>Market Trends</h2><ul><li>Immunotherapy: demand "
        "grows.</li></ul>",
        "<p>Large companies are increasingly adopting Artificial Intelligence, Cloud Computing "
        "and Big Data tools.</p>",
        "<h2>1. Checkpoint Inhibitors</h2><p>Text.</p><h2>2. Targeted Therapies</h2><p>Text.</p>",
    ],
    ids=["strategies", "challenges", "heading-ends-a-run", "large-companies-are", "outline"],
)
def test_what_follows_talk_of_players_is_not_always_players(blocks: str) -> None:
    assert parse(LEAD + blocks)["companies"] == []


def test_profiles_after_a_players_lead_and_names_that_only_look_like_captions() -> None:
    lead = "<p>Some of the key players operating in the market are:</p>"
    profiles = (
        "<p>Corvane Inc.: A leading company in oncology with many approved drugs worldwide.</p>"
        "<p>Halden Pharma AG: A Swiss company with a broad oncology pipeline of drugs.</p>"
    )
    assert parse(LEAD + lead + profiles)["companies"] == ["Corvane Inc.", "Halden Pharma AG"]
    listed = "<h2>Key Players</h2><ul><li>Source BioScience</li><li>Halden Pharma Ltd</li></ul>"
    assert parse(LEAD + listed)["companies"] == ["Source BioScience", "Halden Pharma Ltd"]


def test_a_segment_analysis_heading_holds_the_segmentation() -> None:
    """Parser 2.4.9: "… Market Segment Analysis" is a segmentation section, so its "divided
    into" sentences are read (before, its heading made it an analysis section of no kind)."""
    section = (
        "<h2>Acme Oncology Market Segment Analysis</h2><p>The global acme oncology market, by "
        "type, has been divided into diagnostics and therapeutics. The therapeutics segment "
        "is further segmented into beta emitters and alpha emitters.</p>"
    )
    segments = parse(LEAD + section)["segments"]
    assert [(s["name"], s["dimension"]) for s in segments] == [
        ("diagnostics", "type"),
        ("therapeutics", "type"),
        ("beta emitters", "other"),
        ("alpha emitters", "other"),
    ]


def test_a_line_of_names_under_a_dimension_heading_lists_segments() -> None:
    """Parser 2.4.9: "Simple Generics, Super Generics, Biosimilars" alone under "… by Type";
    a sentence or a flattened table row ("Product | A, B") under such a heading is no list."""
    listed = "<h2>Acme Oncology Breakdown Data by Type</h2><p>Vial Kits, Syringe Kits, Pumps</p>"
    assert [(s["name"], s["dimension"]) for s in parse(LEAD + listed)["segments"]] == [
        ("Vial Kits", "type"),
        ("Syringe Kits", "type"),
        ("Pumps", "type"),
    ]
    prose = (
        "<h2>Acme Oncology Breakdown Data by Type</h2><p>Kits lead, pumps follow. Vials, "
        "syringes and pumps are sold.</p><p>Product | Vial Kits, Pumps</p>"
    )
    assert parse(LEAD + prose)["segments"] == []


def test_a_ranking_table_under_a_top_companies_heading_gives_the_names_alone() -> None:
    """Parser 2.4.9: "1. Halden Holdings– Diagnostics Division, Basel, …" is Halden Holdings
    (a dash on the name's last word ends it), and a "2020 Revenue" column heading no name."""
    table = (
        "<p><strong>Top 3 Scanner Companies by Revenue in 2020</strong></p><table>"
        "<tr><td>2020 Revenue</td><td>Percent</td><td>Cumulative percent</td></tr>"
        "<tr><td>1. Halden Holdings– Imaging Division, Basel, Switzerland, founded 1896</td>"
        "<td>$5.3</td><td>20.6%</td><td>20.6%</td></tr>"
        "<tr><td>2. Tallis Scientific– Lab Products Div., Waltham, Mass., founded 1956</td>"
        "<td>$2.2</td><td>16.5%</td><td>37.1%</td></tr>"
        "<tr><td>3. Kaito Medical– Imaging Division</td></tr></table>"
    )
    assert parse(LEAD + table)["companies"] == [
        "Halden Holdings",
        "Tallis Scientific",
        "Kaito Medical",
    ]


def test_a_rank_or_a_pointer_is_no_segment_named_in_prose() -> None:
    """Parser 2.4.9: "segmented into the following:", "the fastest-growing technology
    segment" and the axis "end use" name no segment; the list items do."""
    section = (
        "<h2>Acme Oncology Market: Segmentation</h2><p>The global acme oncology market is "
        "classified on the basis of product type, end use and region.</p><p>Based on product "
        "type, the global acme oncology market is segmented into the following:</p><ul>"
        "<li>Beam Systems</li><li>Seed Implants</li></ul><p>Beam systems lead the market, "
        "while seed implants are the fastest-growing product segment.</p>"
    )
    names = [s["name"] for s in parse(LEAD + section)["segments"]]
    assert names == ["Beam Systems", "Seed Implants"]


def test_a_long_run_of_bare_company_names_lists_players() -> None:
    """Parser 2.4.9: names one a paragraph with nothing introducing them are players when the
    run is long and some carry a legal form or a group word; a run of segment names, or the
    page's buttons, is none."""
    players = ["Halden", "Tallis Medical Imaging", "Kaito Group", "Corvane", "Ostrava Inc."]
    run = "".join(f"<p>{name}</p>" for name in [*players, "Enquire Now"])
    assert parse(LEAD + "<p>Demand keeps rising.</p>" + run)["companies"] == players
    segments = ["Hospitals", "Clinics", "Cancer Centers", "Home Care", "Laboratories"]
    plain = "".join(f"<p>{name}</p>" for name in segments)
    assert parse(LEAD + "<p>Demand keeps rising.</p>" + plain)["companies"] == []


def test_a_market_segmented_under_a_players_list() -> None:
    """Parser 2.4.10: a press release goes on after its company list: "The X market, by route
    of administration, is segmented into …" names segments wherever it stands, as long as it
    states the dimension."""
    players = "<h2>Company Profiles</h2><ul><li>Corvane Inc.</li><li>Halden AG</li></ul>"
    segmented = (
        "<p>The acme oncology market, by route of administration, is segmented into oral "
        "delivery, injectable delivery, and topical delivery. Injectables led in 2024.</p>"
        "<p>The acme oncology market is segmented into many regional niches and sizes.</p>"
    )
    report = parse(LEAD + players + segmented)
    assert [(s["name"], s["dimension"]) for s in report["segments"]] == [
        ("oral delivery", "route"),
        ("injectable delivery", "route"),
        ("topical delivery", "route"),
    ]
    assert report["companies"] == ["Corvane Inc.", "Halden AG"]


def test_a_segment_subject_ending_with_the_market_name() -> None:
    """Parser 2.4.10: 'the syringes acme supplies segment' of the Acme Supplies Market, which
    lists syringes, is syringes; 'the targeted acme supplies segment' names no listed
    segment and stays whole."""
    page = (
        "<h1>Acme Supplies Market to Reach US$ 9.0 Bn by 2030</h1>"
        "<p>The acme supplies market, based on type, was segmented into syringes, gloves and "
        "disposable supplies. The syringes acme supplies segment is set to grow fastest, and "
        "the targeted acme supplies segment is new. Based on type, the gloves system held "
        "the largest share.</p>"
    )
    assert [s["name"] for s in parse(page)["segments"]] == [
        "syringes",
        "gloves",  # "the gloves system": the listed gloves, one word more
        "disposable supplies",
        "targeted acme supplies",
    ]


def test_a_trend_in_prose_is_no_segment() -> None:
    """Parser 2.4.10: 'such as increasing SPECT and PET applications' names a trend."""
    page = (
        "<h1>Acme Imaging Market Size Report 2020: Global Challenges, Forecast to 2024</h1>"
        "<p>Acme imaging uses small amounts of tracers to find disease.</p>"
        "<p>– Rising cases of cancer are the major drivers for the market studied.</p>"
        "<p>– Other factors, such as increasing SPECT and PET applications and growing public "
        "awareness for healthcare, are expected to drive the market in the future. Rules pose "
        "another hurdle to research.</p>"
    )
    assert parse(page)["segments"] == []
    valued = (
        "<p>By product, the acme imaging market is segmented into monitors, probes and "
        "collectively valued at approximately $51.</p>"
    )
    assert [s["name"] for s in parse(LEAD + valued)["segments"]] == ["monitors", "probes"]


def test_a_list_cut_short_leaves_no_one_letter_segment() -> None:
    """Parser 2.4.10: a stored page cut mid-word ('melanoma and n') keeps its whole names."""
    cut = "<p>Based on cancer type, the market is characterized into melanoma and n</p>"
    assert [s["name"] for s in parse(LEAD + cut)["segments"]] == ["melanoma"]


def test_the_market_after_a_year_names_no_other_market() -> None:
    """Parser 2.4.10: in a fact sheet's bullets, "By 2020 the market size is expected to reach
    Rs 860 Billion" is the page's own market ("By 2020 the" names none)."""
    page = (
        "<h1>Fact File For Acme Diagnostics</h1><h2>Market watch and growth drivers</h2><ul>"
        "<li>The acme diagnostic services market is expected to continue growing at 27.5% for "
        "next five years.</li><li>By 2020 the market size is expected to reach Rs 860 Billion."
        "</li><li>Rising insurance cover</li></ul>"
    )
    report = parse(page)
    assert (report["cagr_percent"], report["forecast_year"], report["currency"]) == (
        27.5,
        2020,
        "INR",
    )


def test_a_headline_subject_after_that_the() -> None:
    """Parser 2.4.10: a page whose heading names no market takes its title from the headline
    sentence's subject, after "… estimates that the"."""
    page = (
        "<h1>Local Firms Grew Faster Than Multinationals in 2022</h1>"
        "<p>Tallis Data estimates that the Indian acme drug market (IAM) will have a turnover of "
        "Rs. 1,93,838 crore in 2022, a growth of 7%.</p>"
    )
    report = parse(page)
    assert (report["title"], report["region"], report["currency"]) == (
        "Indian Acme Drug Market",
        "India",
        "INR",
    )


def test_a_paragraph_of_legal_names_alone_lists_companies() -> None:
    """Parser 2.4.10: a paragraph that is only names, most with a legal form, lists players
    without a lead; a list of segment names does not; a lone legal form is no name."""
    names = (
        "<p>Ltd., Corvane Incorporated, Halden Medical Systems, Inc., Tallis AB, Ostrava "
        "Applications S.A., Venlo Scientific</p>"
    )
    segments = "<p>Linear accelerators, Proton systems, Brachytherapy devices</p>"
    report = parse(LEAD + segments + names)
    assert report["companies"] == [
        "Corvane Incorporated",
        "Halden Medical Systems, Inc.",
        "Tallis AB",
        "Ostrava Applications S.A.",
        "Venlo Scientific",
    ]


def test_items_after_a_paragraph_that_segments_the_market_by_x_into() -> None:
    """Parser 2.4.11: "… is segmented by type into" then its items, enumerated paragraphs or
    list items, each with the lead's dimension; a region lead lists no segments."""
    page = (
        LEAD
        + "<p>By Type– The acme oncology market is segmented by type into</p>"
        + "<p>a) Volumetric Sets</p><p>b) Syringe Sets</p>"
        + "<p>The volumetric sets market was the largest segment in 2023.</p>"
        + "<p>By End Use – The acme oncology market is segmented by end use into</p>"
        + "<ul><li>a) Hospitals</li><li>b) Home Care Settings</li></ul>"
        + "<p>By Geography – The acme oncology market is segmented by geography into</p>"
        + "<p>a) North America</p><p>b) Western Europe</p>"
    )
    assert [(s["name"], s["dimension"]) for s in parse(page)["segments"]] == [
        ("Volumetric Sets", "type"),
        ("Syringe Sets", "type"),
        ("Hospitals", "end-user"),
        ("Home Care Settings", "end-user"),
    ]


def test_a_quoted_title_closed_by_a_double_prime_and_a_segment_statement_heading() -> None:
    """Parser 2.4.11: the wire copy's quoted report title ends with ″, and a heading "By
    product, the X market for … is expected …" states a segment's outlook: not the title."""
    page = (
        "<p>The report “Acme Forceps Market – Product (Cold Forceps, Hot Forceps), End User "
        "(Hospital, ASCs) – Forecasts to 2027″, is projected to reach USD 1.9 billion by 2027 "
        "from USD 1.2 billion in 2022.</p>"
        "<h3>By application, the acme forceps market for urology is expected to grow the "
        "fastest</h3><p>Urology biopsies are rising.</p>"
    )
    report = parse(page)
    assert report["title"] == "Acme Forceps Market"
    assert [s["name"] for s in report["segments"]] == [
        "Cold Forceps",
        "Hot Forceps",
        "Hospital",
        "ASCs",
    ]


def test_question_headings_with_a_bold_first_line_and_a_restated_question() -> None:
    """Parser 2.4.11: a short bold line under a question heading opens its answer, an answer
    that first restates its question stays one answer, and "How competitive is …?" opens no
    players section."""
    page = (
        LEAD
        + "<h3>Is acme care a growing industry?</h3><p><strong>Job Outlook</strong></p>"
        + "<p>Employment is projected to grow 8 percent.</p>"
        + "<h3>How profitable is an acme clinic?</h3>"
        + "<p>How much profit can an acme clinic make? A margin of 15 percent is usual.</p>"
        + "<h3>How competitive is the acme industry?</h3>"
        + "<table><tr><td>Names</td><td>Dentist</td></tr>"
        + "<tr><td>Occupation type</td><td>Profession</td></tr></table>"
    )
    report = parse(page)
    assert [(faq["question"], faq["answer"]) for faq in report["faqs"]] == [
        (
            "Is acme care a growing industry?",
            "Job Outlook Employment is projected to grow 8 percent.",
        ),
        (
            "How profitable is an acme clinic?",
            "How much profit can an acme clinic make? A margin of 15 percent is usual.",
        ),
        ("How competitive is the acme industry?", "Names | Dentist Occupation type | Profession"),
    ]
    assert report["companies"] == []


def test_bare_names_after_a_sentence_that_only_announces_the_players() -> None:
    """Parser 2.4.11: after "Among the top companies are:" (the lead and nothing else) names
    need no legal form; after "Strategies adopted by key players include:" they still do."""
    names = "<ul><li>Exact Sciences</li><li>Arkray</li><li>BD</li><li>Thermo Fisher</li></ul>"
    strategies = "<ul><li>Product Launches</li><li>Partnerships</li></ul>"
    lead = "<p>Abbott's reader grew. Among the top companies are:</p>"
    assert parse(LEAD + lead + names)["companies"] == [
        "Exact Sciences",
        "Arkray",
        "BD",
        "Thermo Fisher",
    ]
    strategy_lead = "<p>Strategies adopted by key players include:</p>"
    assert parse(LEAD + strategy_lead + names)["companies"] == []
    assert parse(LEAD + strategy_lead + strategies)["companies"] == []


def test_list_items_naming_a_segment_before_a_colon_under_a_segments_heading() -> None:
    """Parser 2.4.11: "Devices: Physical hardware that …" under "By Platform" is the segment
    Devices; a lowercase phrase before the colon is not taken as a name."""
    page = (
        LEAD
        + "<h2>Market Segmentation</h2><h3>By Platform</h3><ul>"
        + "<li>Software and Services: Apps, telehealth platforms and coaching programs</li>"
        + "<li>Devices: Physical hardware with integrated software (e.g. wearable sensors)</li>"
        + "<li>Arabica and robusta beans: Arabica is about 60% of production</li></ul>"
    )
    assert [s["name"] for s in parse(page)["segments"]] == ["Software and Services", "Devices"]


def test_a_page_without_headings_segmented_by_labelled_list_items() -> None:
    """Parser 2.4.11: "The global market for X is segmented …" names the market of a page with
    no heading and no figure; list items "Segmentation by Product Type" announce the items
    after them; regions listed as a segmentation are no segments."""
    page = (
        "<p>2020-11-13</p><p>An acme injector is a small pen-shaped device.</p>"
        "<p>The global market for acme injectors is segmented on basis of product and "
        "geography:</p><ul><li>Segmentation by Product Type</li><li>Disposable Injectors</li>"
        "<li>Reusable Injectors</li><li>Segmentation by Geography</li><li>North America</li>"
        "<li>Europe</li></ul><p>The market is also divided into five regions: North America, "
        "Europe, Asia Pacific, Latin America, and Middle East and Africa.</p>"
    )
    report = parse(page)
    assert report["title"] == "Global Acme Injectors Market"
    assert [(s["name"], s["dimension"]) for s in report["segments"]] == [
        ("Disposable Injectors", "product"),
        ("Reusable Injectors", "product"),
    ]


def test_the_headline_after_a_wire_copy_s_top_companies_line() -> None:
    """Parser 2.4.11: a release copy opens with "Top Key Companies:" and its names, then goes on
    with the release; the market's own figures there are its headline."""
    page = (
        "<p>Acme Diagnostic Services Global Market Report 2020-30 gives strategists the "
        "information they need.</p><p><strong>Top Key Companies:</strong></p>"
        "<p>Halvik Diagnostics Inc<br>Tallis Healthcare Limited<br>Acme Diagnostic Services</p>"
        "<p>The global acme diagnostic services market is expected to decline from $126.4 "
        "billion in 2019 to $108.8 billion in 2020 at a compound annual growth rate (CAGR) of "
        "-14%.</p>"
    )
    report = parse(page)
    assert (report["size_usd"], report["size_year"]) == (126_400_000_000, 2019)
    assert (report["forecast_usd"], report["forecast_year"]) == (108_800_000_000, 2020)
    assert report["cagr_percent"] == -14.0
    # the market's own name, pasted into the list, is no company
    assert report["companies"] == ["Halvik Diagnostics Inc", "Tallis Healthcare Limited"]


def test_a_news_heading_then_the_market_named_by_a_later_sentence_of_the_headline() -> None:
    """Parser 2.4.13: when no heading or page title names the market, the sentence of a
    paragraph that states the figures names it, wherever it sits in the paragraph; its region
    is then the page's own, so its figures are the market's and not a sub-region's."""
    page = (
        "<p>A startup in Pune raised Rs 12 crore in seed funding.</p>"
        "<h2>Ninety Approvals in a Decade: Brazil Grows Up</h2>"
        "<p>Peptide drugs are a growing part of Brazil's pharmacy. The Brazilian peptide "
        "therapeutics market was valued at around R$ 3.2 billion in 2024 and is expected to "
        "reach R$ 7.9 billion by 2033, according to one estimate.</p>"
    )
    report = parse(page)
    assert (report["name"], report["region"]) == ("Peptide Therapeutics", "Brazil")
    assert [(f["amount"], f["currency"], f["year"]) for f in report["figures"]] == [
        (3_200_000_000, "BRL", 2024),
        (7_900_000_000, "BRL", 2033),
    ]


def test_groups_of_a_title_restated_after_a_colon() -> None:
    """Parser 2.4.13: "X Market: Information by A (…), B (…), and Region — Forecast" lists
    each group's segments, as the same line without the colon did."""
    page = (
        "<title>Bird Feed Market</title><h1>Bird Feed Market</h1>"
        "<p>Bird Feed Market: Information by Bird Type (Parrots, Finches), Form (Seed Mixes, "
        "Pellets), and Region — Forecast till 2031</p>"
        "<p>The global bird feed market size was valued at USD 2,310 million in 2022.</p>"
    )
    segments = parse(page)["segments"]
    assert [(s["name"], s["dimension"]) for s in segments] == [
        ("Parrots", "type"),
        ("Finches", "type"),
        ("Seed Mixes", "other"),
        ("Pellets", "other"),
    ]


def test_prose_segmented_by_dimensions_each_with_its_names_in_parentheses() -> None:
    """Parser 2.4.13: "segmented based on product (A, B and C), disease area (…) and
    end-users (…)" gives every group; no fragment such as "product (A"."""
    page = LEAD + (
        "<p>The global market is segmented based on product (infusion pumps, syringe drivers "
        "and monitoring and alarm units), indication (sarcoma, glioma, others) and end-users "
        "(hospitals, home care settings, and specialty clinics). Infusion pumps led.</p>"
    )
    names = [s["name"] for s in parse(page)["segments"]]
    assert names == [
        "infusion pumps",
        "syringe drivers",
        "monitoring and alarm units",
        "sarcoma",
        "glioma",
        "others",
        "hospitals",
        "home care settings",
        "specialty clinics",
    ]
    by_company = LEAD + (
        "<p>The market is segmented by type (wearable pumps, fixed pumps) and company "
        "(Corvane Inc., Halden Ltd.).</p>"
    )
    assert [s["name"] for s in parse(by_company)["segments"]] == ["wearable pumps", "fixed pumps"]


def test_a_players_list_keeps_a_name_that_ends_in_companies() -> None:
    """Parser 2.4.13: "Halden Health Companies" inside a list of names is one of them (it had
    dropped every name before it); "Top Pharma Companies" alone is still no company."""
    listed = (
        "<p>Corvane Optics S.A., Halden Health Companies, Ostrava Lasers, Tallis & Tallis, "
        "Merrow Medical Corp., and Vistal Care are some of the prominent players operating in "
        "the global acme oncology market.</p>"
    )
    assert parse(LEAD + listed)["companies"] == [
        "Corvane Optics S.A.",
        "Halden Health Companies",
        "Ostrava Lasers",
        "Tallis & Tallis",
        "Merrow Medical Corp.",
        "Vistal Care",
    ]
    lead = "<p>Key players in the global acme oncology market include:</p>"
    assert parse(LEAD + lead + "<p>Top Pharma Companies</p>")["companies"] == []


def test_a_quoted_report_title_naming_a_region_is_not_the_headline_s_subject() -> None:
    """Parser 2.4.14: '… report "X Market by Type, Region - Global Forecast to 2027",
    published by …, the global X market is projected to reach Y by 2027 from Z in 2022, at a
    CAGR of 6.1%' keeps Z and the CAGR: the title's "Region" made the sentence a region's."""
    page = (
        '<p>Boston -- According to the new report "Bone Wax Market by Type (Natural, '
        'Synthetic), Region - Global Forecast to 2027", published by Acme Insights, the global '
        "Bone Wax Market size is projected to reach USD 3.4 billion by 2027 from USD 2.5 "
        "billion in 2022, at a CAGR of 6.1%.</p>"
    )
    report = parse(page)
    assert (report["size_usd"], report["size_year"]) == (2_500_000_000, 2022)
    assert (report["forecast_usd"], report["forecast_year"]) == (3_400_000_000, 2027)
    assert report["cagr_percent"] == 6.1


@pytest.mark.parametrize(
    ("heading", "name", "region"),
    [
        ("The growing probiotics market in Kenya", "Probiotics", "Kenya"),
        (
            "North America and Europe infusion chair market",
            "Infusion Chair",
            "North America and Europe",
        ),
        ("Saudi Arabian Dialysis Market", "Dialysis", "Saudi Arabia"),
    ],
)
def test_titles_with_a_growth_word_two_regions_or_a_two_word_adjective(
    heading: str, name: str, region: str
) -> None:
    """Parser 2.4.14: "The growing X market in Kenya" names X (not "The growing X"); "North
    America and Europe X market" is of both regions, and its figures are the market's own;
    "Saudi Arabian X" is X in Saudi Arabia, not "Arabian X"."""
    page = (
        f"<h1>{heading}</h1><p>The {heading.removeprefix('The ').split(' market')[0]} market "
        "was valued at USD 410.5 million in 2023 and is expected to reach USD 733.2 million "
        "by 2029.</p>"
    )
    report = parse(page)
    assert (report["name"].lower(), report["region"]) == (name.lower(), region)
    assert (report["size_usd"], report["forecast_usd"]) == (410_500_000, 733_200_000)


def test_a_yearly_rate_after_annually() -> None:
    """Parser 2.4.14: "predicted to increase annually at around 4.5%" states the CAGR (the
    percent after "annually", after a verb of growth)."""
    page = LEAD.replace(
        "expected to reach USD 2.0 billion by 2030.",
        "predicted to increase annually at around 4.5% to reach USD 2.0 billion by 2030.",
    )
    assert parse(page)["cagr_percent"] == 4.5


def test_segments_after_a_reporting_clause_or_after_namely() -> None:
    """Parser 2.4.14: "The study adds that A, B and C are the different types of …" lists A,
    B and C; "two types of X …, namely A and B, of which A …" lists A and B."""
    reported = LEAD + (
        "<p>The study adds that cryotherapy, laser ablation and radiofrequency ablation are "
        "the different types of available treatment in Chile.</p>"
    )
    namely = LEAD + (
        "<p>There are two types of acme probes sold in the region, namely rigid probes and "
        "flexible probes, of which the rigid ones sold more in 2022.</p>"
    )
    assert [s["name"] for s in parse(reported)["segments"]] == [
        "cryotherapy",
        "laser ablation",
        "radiofrequency ablation",
    ]
    assert [(s["name"], s["dimension"]) for s in parse(namely)["segments"]] == [
        ("rigid probes", "type"),
        ("flexible probes", "type"),
    ]


@pytest.mark.parametrize(
    ("page", "name", "region"),
    [
        (
            "<p>The global sodium ion (Na-ion) cell market is expected to reach 12.4 billion U.S. "
            "dollars by 2031, up from 3.1 billion U.S. dollars in 2023.</p>",
            "Sodium Ion Cell",
            "Global",
        ),
        (
            "<p>Firms look abroad.</p><p>\u201cThe Ghanaian generics market could rise to reach "
            "$2.2 billion by 2030,\u201d the study said.</p>",
            "Generics",
            "Ghana",
        ),
        (
            "<h1>Early warning</h1><h2>A rapidly growing market</h2><p>According to one "
            "report, the global antivenom market was valued at approximately $1.4 billion in "
            "2022.</p>",
            "Antivenom",
            "Global",
        ),
    ],
)
def test_headline_subjects_with_an_abbreviation_or_a_quote_and_a_heading_naming_nothing(
    page: str, name: str, region: str
) -> None:
    """Parser 2.4.15: "the global sodium ion (Na-ion) cell market" names a market (the
    abbreviation stays out of its name); a headline quoted from a report still names its
    market; a heading "A rapidly growing market" names none (it had been the title)."""
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)
    assert report["figures"]


def test_players_lists_of_every_paragraph() -> None:
    """Parser 2.4.15: a short players list in one paragraph no longer hides the longer one in
    the next (the first paragraph with a list had been the only one read)."""
    page = LEAD + (
        "<p>Some of the leading players who adopted this strategy are Corvane Inc. (US) and "
        "Halden plc (UK).</p><p>Prominent players in this market include Halden plc (UK), "
        "Ostrava AG (Germany), Tallis Bio (Japan), and Merrow Labs (India).</p>"
    )
    assert parse(page)["companies"] == [
        "Corvane Inc.",
        "Halden plc",
        "Ostrava AG",
        "Tallis Bio",
        "Merrow Labs",
    ]


def test_an_epr_dateline_and_a_research_report_naming_its_market() -> None:
    """Parser 2.4.16: "…, USA, 2023-Mar-07 — /EPR Network/ — According to the new market
    research report X Market is projected …" names X, and the dateline's country is not the
    market's (its figures had all been left out as another region's)."""
    page = (
        "<p>Lakeview, IL, USA, 2023-Mar-07 — /EPR Network/ — According to the new market "
        "research report Apnea Monitor Market is projected to reach USD 4.1 billion by 2028 "
        "from USD 2.9 billion in 2023, at a CAGR of 7.2% from 2023 to 2028.</p>"
    )
    report = parse(page)
    assert (report["name"], report["region"]) == ("Apnea Monitor", "Global")
    assert (report["size_usd"], report["forecast_usd"]) == (2_900_000_000, 4_100_000_000)
    assert (report["cagr_start_year"], report["cagr_end_year"]) == (2023, 2028)
    assert report["source"]["published_on"] == "2023-03-07"


@pytest.mark.parametrize(
    ("page", "name", "region"),
    [
        (
            "<p>As the UAE home dialysis market is expected to reach US$210 million by 2027, "
            "providers are hiring.</p>",
            "Home Dialysis",
            "United Arab Emirates",
        ),
        (
            "<h1>What to Know about the Pediatric Stent Market</h1><p>The global pediatric "
            "stent market was valued at USD 610 million in 2023.</p>",
            "Pediatric Stent",
            "Global",
        ),
    ],
)
def test_a_gulf_abbreviation_and_a_title_about_the_market(
    page: str, name: str, region: str
) -> None:
    """Parser 2.4.16: "UAE" (also KSA, MENA, ASEAN, …) is a region; "… about the X Market"
    names X, as "… of the X Market" does."""
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)
    assert report["figures"]


def test_companies_with_legal_forms_that_dominate_the_market() -> None:
    """Parser 2.4.16: "A Ltd., B Inc., and C Ltd. dominate the market" lists them; names
    without legal forms ("Tablets and Capsules dominate the market") name no company."""
    listed = (
        "<p>The acme oncology market is highly competitive, with international and local "
        "players holding significant shares. "
        "Corvane Pharma Ltd., Halden Inc., and Ostrava Industries Ltd. dominate the market "
        "with their wide range of generics in many therapeutic segments. Other companies, "
        "including Tallis, Merrow, and Vistal plc, also have a strong foothold in the market.</p>"
    )
    dosage = "<p>Tablets and Capsules dominate the market.</p>"
    assert parse(LEAD + listed)["companies"] == [
        "Corvane Pharma Ltd.",
        "Halden Inc.",
        "Ostrava Industries Ltd.",
        "Tallis",
        "Merrow",
        "Vistal plc",
    ]
    assert parse(LEAD + dosage)["companies"] == []


def test_figures_of_a_report_scope_table_under_a_segmentation_heading() -> None:
    """Parser 2.4.17: a report-scope table under "Report Scope and Segmentation" gives the
    size and the CAGR the lead left out (its rows had been read as segment lists only)."""
    page = (
        "<h1>Antifungals market size will reach US$21.4 billion by 2031</h1>"
        "<p>The global antifungals market is expected to touch ~US$21.4 billion by 2031 as "
        "infections rise.</p><h2>Report Scope and Segmentation:</h2><table>"
        "<tr><td>Market size in 2022</td><td>~$13.9 billion</td></tr>"
        "<tr><td>Revenue forecasts in 2031</td><td>~$21.4 billion</td></tr>"
        "<tr><td>Rate of growth</td><td>CAGR of ~4.9% from 2023 to 2031</td></tr>"
        "<tr><td>Segments Covered</td><td>Drug class, route</td></tr></table>"
    )
    report = parse(page)
    assert (report["size_usd"], report["size_year"]) == (13_900_000_000, 2022)
    assert (report["forecast_usd"], report["forecast_year"]) == (21_400_000_000, 2031)
    assert (report["cagr_percent"], report["cagr_start_year"]) == (4.9, 2023)


def test_an_annual_compound_growth_rate() -> None:
    """Parser 2.4.17: "an annual compound growth rate of 25%" is a CAGR, as "a compound annual
    growth rate" is."""
    page = LEAD.replace(
        "expected to reach USD 2.0 billion by 2030.",
        "set to have an annual compound growth rate of 7.5% to USD 2.0 billion by 2030.",
    )
    assert parse(page)["cagr_percent"] == 7.5


@pytest.mark.parametrize(
    ("heading", "name", "region"),
    [
        ("2015 ASEAN Infusion Pump Update", "Infusion Pump", "ASEAN"),
        ("Emerging Inks Market: Middle East and Africa", "Emerging Inks", "Middle East and Africa"),
    ],
)
def test_a_title_s_region_after_an_edition_year_or_a_colon(
    heading: str, name: str, region: str
) -> None:
    """Parser 2.4.18: "2015 ASEAN X Update" is of ASEAN (its year had hidden the region, and
    every figure that named ASEAN was then another region's); "X Market: Middle East and
    Africa" is of the region after the colon."""
    page = (
        f"<h1>{heading}</h1><p>Demand keeps rising. The {region} market was worth about "
        "$4.6 billion in 2014 and is expected to be valued at more than $9 billion by 2020.</p>"
    )
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)
    assert (report["size_usd"], report["forecast_usd"]) == (4_600_000_000, 9_000_000_000)


def test_growth_at_an_annual_rate() -> None:
    """Parser 2.4.18: "grow at an annual rate of 8%" is a yearly rate without a stated period
    ("grew at a rate of 12% in 2023" is still one year's growth)."""
    yearly = LEAD.replace(
        "expected to reach USD 2.0 billion by 2030.",
        "expected to grow at an annual rate of 8% to reach USD 2.0 billion by 2030.",
    )
    one_year = LEAD.replace("expected to reach", "grew at a rate of 12% in 2023 and is to reach")
    assert parse(yearly)["cagr_percent"] == 8.0
    assert parse(one_year)["cagr_percent"] is None


def test_a_cagr_with_a_decimal_comma() -> None:
    """Parser 2.4.19: "a CAGR of 15,4%" is 15.4 (it had been read as 4)."""
    page = LEAD.replace(
        "expected to reach USD 2.0 billion by 2030.",
        "expected to reach USD 2.0 billion by 2030, expanding at a CAGR of 7,4%.",
    )
    assert parse(page)["cagr_percent"] == 7.4


@pytest.mark.parametrize(
    ("page", "name", "region"),
    [
        (
            "<p>Doha: The Middle East dental aligner market is on a steady growth path, "
            "supported by rising incomes, more orthodontists and a strong pipeline of clinics "
            "across the "
            "region, according to an industry outlook.</p><p>The market was valued at about US$ "
            "310 million in 2023 and "
            "is projected to reach US$ 540 million by 2030.</p>",
            "Dental Aligner",
            "Middle East",
        ),
        (
            "<p>According to a new study, the tea industry is set to reach $41.2 billion by "
            "2031, up from $30.5 billion in 2024.</p>",
            "Tea",
            "Global",
        ),
        (
            "<p>The value of Chile's medical device sector will reach US$1.9 billion by 2030, "
            "says a new forecast.</p>",
            "Medical Device",
            "Chile",
        ),
    ],
)
def test_news_pages_without_a_heading_naming_their_market(
    page: str, name: str, region: str
) -> None:
    """Parser 2.4.20: a page with figures and no heading naming a market takes its market
    from a paragraph that opens with it ("Doha: The Gulf X market is …"), else from the
    industry or sector its figure sentence is about; such pages had failed for want of a
    title."""
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)
    assert report["figures"]


def test_a_page_naming_no_market_industry_or_sector_still_fails_with_its_reason() -> None:
    with pytest.raises(ReportParseError, match="no recognisable title"):
        parse(
            "<p>Doha: The research industry group met again in 2023, and its members spent $2 "
            "billion on new offices over the following years of talks about their plans.</p>"
        )


def test_figures_under_a_segments_heading_when_nothing_else_states_them() -> None:
    """Parser 2.4.21: a page whose only figures sit under "X market segments" reads them (its
    paragraph had been taken for segment text alone); a segment's own figure stays out."""
    page = (
        "<h1>Nordic insulin pen market</h1><h2>Nordic insulin pen market segments</h2>"
        "<p>The market for insulin pens in the Nordics is estimated at $410 million in 2023 and "
        "forecast to grow to $620 million by 2029. The reusable pen segment accounted for $150 "
        "million in 2023.</p>"
    )
    report = parse(page)
    assert (report["size_usd"], report["forecast_usd"]) == (410_000_000, 620_000_000)


def test_a_remark_on_a_segment_s_rank_is_no_part_of_its_name() -> None:
    """Parser 2.4.21: "Android (Largest market share)" is Android; "CML (Chronic Myelogenous
    Leukemia)" keeps its parenthesis."""
    page = LEAD + (
        "<h2>Market Segmentation</h2><p>By Operating System</p><ul><li>Android (Largest "
        "market share)</li><li>iOS (the premium segment)</li><li>CML (Chronic Myelogenous "
        "Leukemia)</li></ul>"
    )
    assert [s["name"] for s in parse(page)["segments"]] == [
        "Android",
        "iOS",
        "CML (Chronic Myelogenous Leukemia)",
    ]


def test_companies_named_as_chains_networks_or_a_dominating_handful() -> None:
    """Parser 2.4.22: "pharmacy chains, such as A and B", "large corporate networks such as A,
    B, and C" and "A handful of companies dominate the X market: A, B and C" list companies;
    "Retail chains such as supermarkets and convenience stores" names none."""
    page = LEAD + (
        "<p>The expansion of pharmacy chains, such as Corvane Pharmacy Co. and Halden Drug "
        "Stores Ltd., also plays a role. The sector includes large corporate networks such "
        "as Ostrava Imaging Network, Tallis Healthcare, and Merrow Health, alongside "
        "independent clinics.</p><p>A handful of companies dominate the acme oncology market: "
        "Vistal, Brenn Bio, and Quell Labs.</p>"
    )
    shops = LEAD + "<p>Retail chains such as supermarkets and convenience stores sell most.</p>"
    assert parse(page)["companies"] == [
        "Corvane Pharmacy Co.",
        "Halden Drug Stores Ltd.",
        "Ostrava Imaging Network",
        "Tallis Healthcare",
        "Merrow Health",
        "Vistal",
        "Brenn Bio",
        "Quell Labs",
    ]
    assert parse(shops)["companies"] == []


@pytest.mark.parametrize(
    ("heading", "name", "region"),
    [
        ("5 Reasons the Bone Graft Market Continues to Grow", "Bone Graft", None),
        (
            "How Chile Dialysis Market Became a Profitable Industry: Forecast, 2030",
            "Dialysis",
            "Chile",
        ),
        ("How large is the stoma care market?", "Stoma Care", None),
        # 2.4.29: a release's section heading over its highlights
        ("Key CAR-T Cell Therapy Market Highlights", "CAR-T Cell Therapy", None),
        ("Key Management Market Size Report", "Key Management", None),
        # 2.4.29: an imperative or a gerund of study before the name
        ("Know the Acme Devices Market Size & Share Analysis", "Acme Devices", None),
        ("Evaluating the Acme Therapeutics Market", "Acme Therapeutics", None),
        ("What is the acme cosmetic market?", "Acme Cosmetic", None),
        ("What’s in the Future for the Acme Stents Market?", "Acme Stents", None),
        ("What’s Next for China’s Acme Diagnostic Market", "Acme Diagnostic", "China"),
    ],
)
def test_a_listicle_or_how_title_names_its_market(
    heading: str, name: str, region: str | None
) -> None:
    """Parser 2.4.23: "5 Reasons the X Market …" and "How Chile X Market Became …" name X (the
    second had named its region "How" and lost every figure); a question about the size
    still reads as before."""
    page = (
        f"<h1>{heading}</h1><p>The market was valued at USD 2.1 billion in 2023 and is "
        "expected to reach USD 3.4 billion by 2030.</p>"
    )
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region or "Global")
    assert report["size_usd"] == 2_100_000_000


def test_players_of_a_scope_table_row_a_providers_heading_or_a_past_tense_handful() -> None:
    """Parser 2.4.24: a report-scope row "Market Leaders Profiled | A, Inc. (the US), …", a
    heading "Leading Providers in the Industry" over a list, and "Just four companies dominated
    70 percent of the market: A, B., C, and D." name their companies, without the place or a
    stray full stop."""
    scope = LEAD + (
        "<table><tr><td>Report Attribute</td><td>Details</td></tr><tr><td>Market Leaders "
        "Profiled</td><td>Varnholt plc (UK), Quorra, Inc. (the US), Delmar &amp; Co., Inc. "
        "(the US), Kessing Limited (Australia)</td></tr></table>"
    )
    providers = LEAD + (
        "<h2>Leading Providers in the Industry</h2><ul><li>Saranya Care Hospital (Thailand)"
        "</li><li>Morrow Heart Institute (India)</li></ul>"
    )
    handful = LEAD + (
        "<p>Just four companies dominated 70 percent of the 2019 market: Telvane Scientific, "
        "Orrin Diagnostics., Brisa Labs, and Hallam Greer. according to the release.</p>"
    )
    assert parse(scope)["companies"] == [
        "Varnholt plc",
        "Quorra, Inc.",
        "Delmar & Co., Inc.",
        "Kessing Limited",
    ]
    assert parse(providers)["companies"] == ["Saranya Care Hospital", "Morrow Heart Institute"]
    assert parse(handful)["companies"] == [
        "Telvane Scientific",
        "Orrin Diagnostics",
        "Brisa Labs",
        "Hallam Greer",
    ]


def test_title_groups_with_a_colon_before_their_brackets() -> None:
    """Parser 2.4.24: "X Market (By Test Type: (A, B), By End-User: (C, D)) - Global …" lists
    its segments as "By Test Type (A, B)" does."""
    page = (
        "<h1>Acme Screening Market (By Test Type: (Imaging, Biopsy, Liquid Biopsy), By "
        "End-User: (Hospitals, Diagnostic Laboratories, Others)) - Global Market Size, Share, "
        "Growth, Trends, Statistics Analysis Report, By Region</h1><p>The global acme screening "
        "market was valued at USD 1.2 billion in 2023 and is expected to reach USD 2.0 billion "
        "by 2030.</p>"
    )
    segments = [(s["name"], s["dimension"]) for s in parse(page)["segments"]]
    assert segments == [
        ("Imaging", "type"),
        ("Biopsy", "type"),
        ("Liquid Biopsy", "type"),
        ("Hospitals", "end-user"),
        ("Diagnostic Laboratories", "end-user"),
        ("Others", "end-user"),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "Probiotic Market Outlook",  # the name's word in the singular, the sentence's plural
        "Probiotic Drinks Go Dairy-Free",  # no market in the heading at all
    ],
)
def test_a_later_section_s_figures_for_the_page_s_market(heading: str) -> None:
    """Parser 2.4.24: figures under a later heading, in a sentence naming the page's market
    after "According to market research firm X", are the market's ("market research" names no
    other market, and "probiotics" is the market "Probiotic")."""
    page = (
        f"<h1>{heading}</h1><p>Probiotic drinks have long been popular with shoppers.</p>"
        "<h2>Market Dynamics</h2><p>According to market research firm Acme Research, the "
        "global probiotics market was valued at $48.4 billion in 2020 and is expected to reach "
        "$76.7 billion by 2028.</p>"
    )
    report = parse(page)
    assert (report["size_usd"], report["forecast_usd"]) == (48_400_000_000, 76_700_000_000)


def test_types_such_as_a_list_that_a_clause_follows() -> None:
    """Parser 2.4.24: "The market includes various types of lenses such as A, B, C, and D,
    each catering to …" lists four segments; the clause after the list is none."""
    page = LEAD + (
        "<p>The market includes various types of lenses such as soft lenses, rigid gas "
        "permeable lenses, scleral lenses, and hybrid lenses, each catering to different user "
        "needs.</p>"
    )
    assert [s["name"] for s in parse(page)["segments"]] == [
        "soft lenses",
        "rigid gas permeable lenses",
        "scleral lenses",
        "hybrid lenses",
    ]


@pytest.mark.parametrize(
    ("lead", "name", "region"),
    [
        (
            "<p>The Indian cement industry is poised for significant growth, with market size "
            "projected to reach USD 9.1 billion by 2029, at a CAGR of 4.9% between 2024 and "
            "2029.</p>",
            "Cement",
            "India",
        ),
        (
            "<h1>Growth factors of oncology drugs market analysis</h1><p>The oncology drugs "
            "market was valued at USD 1.2 billion in 2023 and is expected to reach USD 2.0 "
            "billion by 2030.</p>",
            "oncology drugs",
            "Global",
        ),
        (
            "<h1>Major Investments in the Processor Industry Set to Boost Data Center "
            "Applications</h1><p>The processor market generated revenue of $220 billion in 2023 "
            "and is on track to reach $480 billion by 2029.</p>",
            "Processor",
            "Global",
        ),
    ],
)
def test_market_as_a_common_noun_and_a_report_s_factors_name_no_market(
    lead: str, name: str, region: str
) -> None:
    """Parser 2.4.24: "… growth, with market size projected …" names no market (a preposition
    before "market" leaves it a common noun); "Growth factors of X market" and "Major
    Investments in the X Industry" name X."""
    report = parse(lead)
    assert (report["name"].lower(), report["region"]) == (name.lower(), region)


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Cell and Gene Therapy (CGT) Market Size Report", "Cell and Gene Therapy"),
        ("Antibody Drug Conjugates (ADCs) Market", "Antibody Drug Conjugates"),
        ("Vitamin (B12) Market", "Vitamin (B12)"),  # one capital: part of the name
    ],
)
def test_a_name_leaves_its_abbreviation_to_the_title(heading: str, name: str) -> None:
    """Parser 2.4.24: "Cell and Gene Therapy (CGT) Market" is the market Cell and Gene Therapy;
    its title keeps the abbreviation."""
    page = (
        f"<h1>{heading}</h1><p>The market was valued at USD 2.1 billion in 2023 and is "
        "expected to reach USD 3.4 billion by 2030.</p>"
    )
    report = parse(page)
    assert report["name"] == name and heading.startswith(report["title"].removesuffix(" Market"))


def test_a_profile_s_fact_lines_are_no_companies() -> None:
    """Parser 2.4.24: under "Top 10 Companies", a profile's "Establishment year: 1983" and
    "Market Capitalization: Rs 4.61 lakh crore" are facts about the company above them."""
    page = LEAD + (
        "<h2>Top 10 Pharmaceutical Companies in India</h2><h3>Varnam Pharma Ltd.</h3>"
        "<p>Establishment year: 1983</p><p>Market Capitalization: Rs 4.61 lakh crore</p>"
        "<p>Varnam Pharma is a Pune-based company that makes generic formulations. It is the "
        "fourth largest generic maker and invests 7% of its revenues in research.</p>"
        "<h3>Kestrel Labs Ltd.</h3><p>Establishment year: 1961</p>"
        "<p>Market capitalisation: Rs 1.44 lakh crore</p><p>Kestrel Labs is a Hyderabad-based "
        "company that makes active ingredients. It sells in more than 80 countries.</p>"
    )
    assert parse(page)["companies"] == ["Varnam Pharma", "Kestrel Labs"]  # each profile's subject


def test_an_industry_or_ecosystem_that_includes_its_segments() -> None:
    """Parser 2.4.24: "India's pharmaceutical ecosystem includes A, B, and C." lists segments
    as "The market includes A, B and C" does; "The industry includes many new entrants" none."""
    page = LEAD + (
        "<p>India's acme oncology ecosystem includes generic medicines, biosimilars, medical "
        "devices, and over-the-counter products.</p>"
    )
    firms = LEAD + "<p>The acme oncology industry includes many new entrants and start-ups.</p>"
    assert [s["name"] for s in parse(page)["segments"]] == [
        "generic medicines",
        "biosimilars",
        "medical devices",
        "over-the-counter products",
    ]
    assert parse(firms)["segments"] == []


def test_a_firm_named_after_markets_names_no_market() -> None:
    """Parser 2.4.24: "Transparency Market Research estimates that …" names a firm; a page
    whose market is named nowhere else had been titled "Transparency"."""
    page = (
        "<h1>Top 10 Immuno-Oncology Startups</h1><p>Transparency Market Research estimates "
        "that acme immunotherapy will grow from $37.5 billion in 2015 to $124.9 billion by "
        "2024.</p><p>Quorra Market Insights expects the global acme immunotherapy market to "
        "keep growing.</p>"
    )
    assert parse(page)["name"].lower() == "acme immunotherapy"


def test_key_statistics_lines_under_a_trends_heading_name_segments() -> None:
    """Parser 2.4.25: "By End-user - A segment was valued at …" in a list under a trends
    heading names one segment along its dimension; the list's other lines name none."""
    report = parse(
        "<h1>Acme Profiling Market</h1><p>The acme profiling market size is valued to increase "
        "USD 2.1 billion, at a CAGR of 9.5% from 2024 to 2029.</p><h2>Major Market Trends</h2>"
        "<ul><li>Europe accounted for 38% of the growth during the forecast period.</li>"
        "<li>By End-user - Reference laboratories segment was valued at USD 1.1 billion in "
        "2022</li><li>By Technology - Panel sequencing segment accounted for the largest share "
        "in 2022</li></ul>"
    )
    assert [(s["name"], s["dimension"]) for s in report["segments"]] == [
        ("Reference laboratories", "end-user"),
        ("Panel sequencing", "technology"),
    ]
    assert (report["size_usd"], report["forecast_usd"]) == (None, None)


def test_a_page_with_figures_that_names_no_market_lands_under_its_own_title() -> None:
    """Parser 2.4.25 (SPEC §2: a page with figures is not rejected for lacking a heading): a
    news page whose title and sentences never say "X market" keeps its figures, under its
    `<title>`, with a warning that the name is the page's own."""
    report = parse(
        "<html><head><title>Acme nutrition lifted by ageing patients, analysts say | Daily "
        "Wire</title></head><body><p>According to the report, it will exceed $8,750 million by "
        "2027, after a value of around $5,096 million in 2020.</p></body></html>"
    )
    assert report["title"] == "Acme nutrition lifted by ageing patients, analysts say"
    assert (report["size_usd"], report["size_year"]) == (5_096_000_000, 2020)
    assert (report["forecast_usd"], report["forecast_year"]) == (8_750_000_000, 2027)
    assert "unnamed_market" in {w["code"] for w in report["quality"]["warnings"]}
    with pytest.raises(ReportParseError, match="no recognisable title"):
        parse("<html><head><title>Daily Wire</title></head><body><p>Nothing to read.</p></body>")


@pytest.mark.parametrize(
    ("page", "name", "region"),
    [
        # a reported clause opens the heading (2.4.26)
        (
            "<h1>It is Estimated that the UK Biopsy Needle Market Grew by 4% in 2021, to a Value "
            "of £1.2bn</h1><p>The UK biopsy needle market grew by 4% in 2021.</p>",
            "Biopsy Needle",
            "United Kingdom",
        ),
        # a section's outline number before the market's name, under an h1 naming none
        (
            "<h1>Teledermatology Set to Pass $2 Billion in Sales by 2030</h1>"
            "<h2>1. Teledermatology Market’s Drivers</h2><p>Sales were $0.8 billion in 2022.</p>",
            "Teledermatology",
            "Global",
        ),
        # a news heading's subject that is to reach an amount, without its word of scope
        (
            "<h1>Qatar’s dialysis ecosystem to hit $2 billion by 2030, says Acme</h1>"
            "<p>Spending reached $1.1 billion in 2024.</p>",
            "Dialysis",
            "Qatar",
        ),
        (
            "<h1>Acme Labs : Worldwide stent Sales Forecast to Reach $9 Billion by 2028</h1>"
            "<p>Sales of stents were $6 billion in 2023.</p>",
            "Stent",
            "Global",
        ),
        # a hook before a colon, then a gerund, before the market's name
        (
            "<h1>Chronic Care to Cure: Navigating Africa’s Biopsy Market Dynamics</h1>"
            "<h2>Africa Biopsy Market</h2><p>The Africa biopsy market was valued at USD 1.2 "
            "billion in 2023 and will reach USD 2.1 billion by 2030.</p>",
            "Biopsy",
            "Africa",
        ),
        # ... but a market named before the colon is no hook
        (
            "<h1>Saudi Arabia Biopsy Market: Branded Market Opportunity for Global Players</h1>"
            "<p>Sales reached $0.4 billion in 2022.</p>",
            "Biopsy",
            "Saudi Arabia",
        ),
        # a conjunction before the sentence's opening clause
        (
            "<p>But while the ASEAN infusion pump market is growing, it is also young. "
            "Sales reached $1.1 billion in 2015.</p>",
            "Infusion Pump",
            "ASEAN",
        ),
    ],
)
def test_clauses_and_numbers_before_a_market_s_name_are_no_part_of_it(
    page: str, name: str, region: str
) -> None:
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)


@pytest.mark.parametrize(
    "sentence",
    [
        "It said among specific market segments, imaging accounted for $7 billion in 2011.",
        "Acme estimates that this global market growth is more than double the $3.9 billion "
        "of 2017.",
    ],
)
def test_a_pronoun_or_a_pointer_before_market_names_no_market(sentence: str) -> None:
    title = parse(f"<h1>Acme Insights</h1><p>{sentence}</p>")["title"]
    assert not title.lower().startswith(("it ", "acme estimates"))


def test_a_title_naming_its_region_keeps_that_region_s_figures() -> None:
    """Read as a global market, the title below made its own Africa figures another region's
    (2.4.26): its hook and gerund are no part of the name, so the region is Africa's."""
    report = parse(
        "<h1>Chronic Care to Cure: Navigating Africa’s Biopsy Market Dynamics</h1>"
        "<h2>Africa Biopsy Market</h2><p>The Africa biopsy market was valued at USD 1.2 billion "
        "in 2023 and will reach USD 2.1 billion by 2030.</p>"
    )
    assert (report["size_usd"], report["forecast_usd"]) == (1_200_000_000, 2_100_000_000)


def test_a_breakdown_list_by_category_gives_segments_without_their_shares() -> None:
    """Parser 2.4.27: a chart's breakdown as a list under "… by category" (a dimension named
    only after "by"), each item with its share of the market."""
    page = LEAD + (
        "<h3>Breakdown of the acme oncology market by category</h3>"
        "<ul><li>41% Kinase Blockers</li><li>Antibody Conjugates: 33%</li>"
        "<li>Cell Therapies (26%)</li></ul>"
    )
    segments = parse(page)["segments"]
    assert [(s["name"], s["dimension"]) for s in segments] == [
        ("Kinase Blockers", "type"),
        ("Antibody Conjugates", "type"),
        ("Cell Therapies", "type"),
    ]


def test_players_named_in_prose_join_those_a_list_gives() -> None:
    """Parser 2.4.27: a page with a players list may name more players in a sentence of its
    own ("Major players … are A, B"; "several large multinational players …. These include A,
    B, and C, among others."); a table's header row "Global players | Value" and a link
    "More..." name none."""
    page = LEAD + (
        "<h2>Key Players</h2><ul><li>Corvane Biologics Inc.</li><li>Halden Pharma Ltd.</li></ul>"
        "<h2>Competitive Landscape</h2><p>The market is moderately concentrated, with several "
        "large multinational players holding significant share. These include Ostrava "
        "Biotech AG, Mirelle Labs Inc., and Tessaro Group, among others.</p>"
        "<table><tr><td>Global players</td><td>Value</td></tr>"
        "<tr><td>Corvane Biologics Inc.</td><td>4.1</td></tr></table>"
        "<h2>Top Companies</h2><ul><li>Corvane Biologics Inc.</li><li>More...</li></ul>"
    )
    companies = parse(page)["companies"]
    assert companies == [
        "Corvane Biologics Inc.",
        "Halden Pharma Ltd.",
        "Ostrava Biotech AG",
        "Mirelle Labs Inc.",
        "Tessaro Group",
    ]


@pytest.mark.parametrize(
    ("heading", "name", "region"),
    [
        ("Fast-growing Acme Implant Market Forecast", "Acme Implant", "Global"),
        ("Valuation of the Acme Tourism Market", "Acme Tourism", "Global"),
        ("Booming Kenyan Acme Test Market", "Acme Test", "Kenya"),
        ("Acme Immunotherapy Drug Forecast", "Acme Immunotherapy Drug", "Global"),
        (  # a report's words after the place, in capitals
            "ACME INDUSTRY IN AUSTRALIA SIZE & SHARE ANALYSIS - GROWTH TRENDS (2023 - 2028)",
            "Acme",
            "Australia",
        ),
        ("CAR-T ACME CELL THERAPY MARKET IN INDIA", "CAR-T Acme Cell Therapy", "India"),
        ("Vietnam: Acme industry to grow at 12.3%", "Acme", "Vietnam"),  # a place as a label
        ("Acme Devices Industry India: A Paradigm Shift", "Acme Devices", "India"),
    ],
)
def test_words_of_growth_and_report_words_are_no_part_of_a_name(
    heading: str, name: str, region: str
) -> None:
    """Parser 2.4.27: a title that opens with a word of growth or "Valuation of the" without
    an article, or ends with "Forecast"; a place followed by a report's words, before a colon
    as a label, or after "Market" before a colon; a title in capitals reads in title case, its
    short words kept as acronyms."""
    page = f"<h1>{heading}</h1><p>It was worth $4.6 billion in 2024.</p>"
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)


def test_numbered_segment_labels_regions_and_dimensions_name_no_segment() -> None:
    """Parser 2.4.27: "Segment 1: Acme Devices" names Acme Devices; "The U.S", "Regions" and
    "based on type" are no segments."""
    page = LEAD + (
        "<h2>Market Segmentation</h2><ul><li>Segment 1: Acme Devices</li>"
        "<li>Segment 2: Acme Diagnostics</li><li>Regions</li><li>The U.S</li>"
        "<li>based on type</li></ul>"
    )
    assert [s["name"] for s in parse(page)["segments"]] == ["Acme Devices", "Acme Diagnostics"]


def test_a_run_of_profiles_counts_its_short_ones_too() -> None:
    """Parser 2.4.27: "Name (Country): what it is" list items are players when two at least
    are profiles, however short; the longest alone had been left out."""
    page = LEAD + (
        "<h2>Competitive Landscape</h2><ul>"
        "<li>Corvane (Germany): The undisputed market leader, known for its engineering and "
        "broad portfolio.</li><li>Halden (Iceland): A key innovator in bionic liners.</li>"
        "<li>Ostrava Medical (US): A specialist in upper-limb devices.</li></ul>"
    )
    assert parse(page)["companies"] == ["Corvane", "Halden", "Ostrava Medical"]


def test_a_short_players_label_opens_a_run_of_profiles() -> None:
    """Parser 2.4.27: a label paragraph of its own ("⮕ Tier 1 Leaders", no colon, no heading on
    the page) before "Name (Country): what it is" items; a name may open with "Ö"."""
    page = LEAD + (
        "<p>The market is highly concentrated, with three dominant players.</p>"
        "<p>⮕ Tier 1 Leaders</p><ul>"
        "<li>Corvane (Germany): The undisputed market leader, known for its engineering.</li>"
        "<li>Örsted Medical (Denmark): A key innovator in bionic liners.</li></ul>"
    )
    assert parse(page)["companies"] == ["Corvane", "Örsted Medical"]


@pytest.mark.parametrize(
    ("page", "name", "region"),
    [
        (  # parser 2.4.27: a page title "Market" alone names nothing; the headline's subject does
            "<html><head><title>Market</title></head><body><h1>Market</h1><p>The global acme "
            "market size is expected to grow from $3.4 billion in 2021 to $3.7 billion in "
            "2022.</p></body></html>",
            "Acme",
            "Global",
        ),
        (  # "An Industry in Transformation" after a colon is no market's name
            "<h1>Acme Care in the Middle East: An Industry in Transformation</h1>"
            "<p>Spending keeps rising.</p><p>It reached $4.6 billion in 2024.</p>",
            "Acme Care",
            "Middle East",
        ),
        (  # "the Expanding Universe of" is a report's way of saying it
            "<h1>Diving Deep: Exploring the Expanding Universe of Acme Biopsy Market</h1>"
            "<p>The acme biopsy market was estimated at USD 2.83 billion in 2022.</p>",
            "Acme Biopsy",
            "Global",
        ),
    ],
)
def test_titles_that_name_nothing_leave_the_name_to_what_does(
    page: str, name: str, region: str
) -> None:
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)


def test_a_news_story_s_short_question_headings_are_no_faqs() -> None:
    """Parser 2.4.27: "What's Happening?", "Why It's Important?", "What's Next?" are a news
    story's sections; questions asked in full still are FAQs with no FAQ heading over them."""
    short = (
        "<h2>What's Happening?</h2><p>Sales rose.</p><h2>Why It's Important?</h2>"
        "<p>Patients wait less.</p><h2>What's Next?</h2><p>More launches.</p>"
    )
    full = (
        "<h2>How big is the acme oncology market?</h2><p>USD 1.2 billion in 2023.</p>"
        "<h2>Who are the key players in the market?</h2><p>Corvane and Halden.</p>"
    )
    assert parse(LEAD + short)["faqs"] == []
    assert len(parse(LEAD + full)["faqs"]) == 2


@pytest.mark.parametrize(
    ("headline", "region", "size_usd"),
    [
        # A news title names no region; the headline's subject does: that country's figures.
        ("On Tuesday the ministry said Japan's acme therapy market will grow to $10 "
         "billion by 2030 from $1 billion in 2020.", "Japan", 1_000_000_000),
        ("The Indian acme therapy market was worth $1 billion in 2020 and should reach $10 "
         "billion by 2030.", "India", 1_000_000_000),
        # A dateline's place is no subject; nor are two regions one, nor a global market.
        ("Springfield, IL, USA, 2021-Nov-18 — The acme therapy market will reach $10 billion "
         "by 2030 from $1 billion in 2020.", "Global", 1_000_000_000),
        ("The acme therapy markets of Japan and India were worth $1 billion in 2020.",
         "Global", None),
        ("Led by Japan, the global acme therapy market was worth $1 billion in 2020.",
         "Global", 1_000_000_000),
    ],
)  # fmt: skip
def test_a_title_without_a_region_leaves_it_to_the_headline_s_subject(
    headline: str, region: str, size_usd: int | None
) -> None:
    """Parser 2.4.28: a news page titled "Ministry is confident about acme therapy" whose
    figures are "Japan's acme therapy market …" is Japan's market (its figures were
    left out as a sub-region's of a global market)."""
    page = f"<h1>Ministry is confident about the future of acme therapy</h1><p>{headline}</p>"
    report = parse(page)
    assert (report["region"], report["size_usd"]) == (region, size_usd)


@pytest.mark.parametrize(
    ("heading", "name", "region"),
    [
        ("Acme sets gold standard for global acme implant market", "Acme Implant", "Global"),
        ("Report: Europe creates a $1B acme endoscopy device market by 2016",
         "Acme Endoscopy Device", "Europe"),
        ("The Global $5 Billion Acme Oncology Market", "Acme Oncology", "Global"),
        # 2.4.29: after a verb that moves the market, and then after its last preposition
        ("Lifestyle, Aging Population Continue to Drive Acme Implant Market", "Acme Implant",
         "Global"),
        ("Increasing myopia to drive the demand for toric lenses of acme lenses market",
         "Acme Lenses", "Global"),
        ("Global Electric Drive Acme Motor Market", "Electric Drive Acme Motor", "Global"),
        # a name's own digits are no amount
        ("Rising Demand Boosts Global Type 2 Acme Drugs Market", "Type 2 Acme Drugs", "Global"),
    ],
)  # fmt: skip
def test_a_sentence_heading_s_market_opens_after_global_or_an_amount(
    heading: str, name: str, region: str
) -> None:
    """Parser 2.4.28: a news heading's market is what follows "global" or an amount; the
    sentence before them is no part of its name."""
    report = parse(f"<h1>{heading}</h1><p>The market was valued at USD 1.2 billion in 2023.</p>")
    assert (report["name"], report["region"]) == (name, region)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The market has three segments: hospitals, clinics and home care.",
         ["hospitals", "clinics", "home care"]),
        ("The market was dominated by four main clinical segments in 2023, namely cardiology, "
         "neurology, pulmonology, and breast imaging, accounting for 89% of its revenue.",
         ["cardiology", "neurology", "pulmonology", "breast imaging"]),
        # 2.4.29: "The segments of this market depending upon X are A, B and C"
        ("The segments of this market depending upon disease type are oncology, neurology, "
         "and others.", ["oncology", "neurology", "others"]),
        ("When segmented by technology, the market categories are telemedicine, analytics, "
         "and mHealth.", ["telemedicine", "analytics", "mHealth"]),
        ("Clinics, hospitals, and the individuals are the various market divisions under the "
         "end user segment.", ["Clinics", "hospitals", "individuals"]),
        ("On the basis of product types, the market is subdivided into fixed height, bariatric, "
         "and radiographic and other types of stretchers.",
         ["fixed height", "bariatric", "radiographic"]),
        ("Based on clinical trial phase, the market is classified as, Pre-Clinical, Phase I, "
         "and Phase II.", ["Pre-Clinical", "Phase I", "Phase II"]),
        ("The acme market is segmented based on type of method such as, spontaneous reporting, "
         "and EHR mining.", ["spontaneous reporting", "EHR mining"]),
    ],
)  # fmt: skip
def test_a_count_of_segments_then_their_list(sentence: str, names: list[str]) -> None:
    """Parser 2.4.28: "N (main) segments: A, B and C" and "N segments, namely A, B and C"."""
    segments = parse(f"{LEAD}<p>{sentence}</p>")["segments"]
    assert [segment["name"] for segment in segments] == names


def test_an_article_s_question_headings_over_long_sections_are_no_faqs() -> None:
    """Parser 2.4.28: question headings with no FAQ heading over them, each heading a section
    of its own ("What's driving the acme boom?" over 90 words), are an article's sections;
    the same questions answered in a sentence or two are FAQs."""
    section = "<p>" + " ".join(["Demand for acme therapy rose in every region."] * 12) + "</p>"
    brief = "<p>Corvane and Halden lead it.</p>"
    questions = ["What is driving the acme therapy boom?", "How big is the acme market?"]
    long_page = LEAD + "".join(f"<h2>{q}</h2>{section}" for q in questions)
    brief_page = LEAD + "".join(f"<h2>{q}</h2>{brief}" for q in questions)
    assert parse(long_page)["faqs"] == []
    assert [faq["question"] for faq in parse(brief_page)["faqs"]] == questions


def test_a_list_s_catch_all_is_no_segment_but_others_alone_is() -> None:
    """Parser 2.4.28: "other cancers" closing a prose list is its catch-all, no segment;
    "Others" alone stays one, and so does a heading's "Other Applications" (the seeds')."""
    catch_all = "<p>The market is segmented into lung cancer, breast cancer and other cancers.</p>"
    others = "<p>The market is segmented into lung cancer, breast cancer and others.</p>"
    assert [s["name"] for s in parse(LEAD + catch_all)["segments"]] == [
        "lung cancer",
        "breast cancer",
    ]
    assert [s["name"] for s in parse(LEAD + others)["segments"]] == [
        "lung cancer",
        "breast cancer",
        "others",
    ]


def test_an_introduction_heading_s_figures_are_the_market_s() -> None:
    """Parser 2.4.29: under an `<h1>` that only names the market, a heading that states its
    figures ("Global Acme Market Estimated $18 Billion In 2020 …", a tag page's post title) gives
    them, after the title; a heading about a region's market does not."""
    heading = "<h2>Global Acme Oncology Market Estimated $18 Billion In 2020, Rising Fast</h2>"
    regional = "<h2>Japan Acme Oncology Market Share Estimated $3 Billion In 2020</h2>"
    teaser = "<p>Acme oncology drugs treat solid tumours with … Read More</p>"
    report = parse(f"<h1>Acme Oncology Market</h1>{heading}{teaser}")
    assert (report["size_usd"], report["size_year"]) == (18_000_000_000, 2020)
    assert parse(f"<h1>Acme Oncology Market</h1>{regional}{teaser}")["size_usd"] is None


def test_numbered_q_and_a_lines_are_faqs() -> None:
    """Parser 2.4.29: "Q1: …?" and "A1: …" paragraphs under a plain "FAQ:" line are pairs,
    numbers and labels removed."""
    lines = (
        "<p>FAQ:</p><p>Q1: Which acme segment grows fastest?</p><p>A1: Home care grows fastest.</p>"
        "<p>Q2: Which region leads?</p><p>A2: North America leads the acme market.</p>"
    )
    faqs = parse(LEAD + lines)["faqs"]
    assert [(faq["question"], faq["answer"]) for faq in faqs] == [
        ("Which acme segment grows fastest?", "Home care grows fastest."),
        ("Which region leads?", "North America leads the acme market."),
    ]


def test_a_count_of_segments_is_no_segment() -> None:
    """Parser 2.4.29: "categorised into seven segments, which …" names no segment "seven"."""
    page = LEAD + (
        "<p>Acme therapy treats solid tumours in clinics and hospitals across the world.</p>"
        "<p>The acme oncology market is categorised mainly into seven segments.</p>"
    )
    assert parse(page)["segments"] == []


def test_a_dated_sentence_under_a_companies_heading_names_no_company() -> None:
    """Parser 2.4.29: a paragraph of news under a heading about companies ("In April 2019, US
    pharmacy chain Corvane …") gives no company "In April 2019" nor "US"."""
    page = LEAD + (
        "<h2>And what is the vision of the companies?</h2><p>In April 2019, US pharmacy chain "
        "Corvane Health partnered with Halden, a direct-to-consumer brand, to widen access to "
        "acme therapy. Halden shops will open in several Corvane stores.</p>"
    )
    assert parse(page)["companies"] == []


def test_a_cagr_takes_the_growth_period_its_paragraph_states() -> None:
    """Parser 2.4.29: a CAGR "during the forecast period" takes the growth period stated in its
    own paragraph ("growth from 2025 to 2033") before the title's study span (2020–2033)."""
    title = "<h1>Acme Dialysis Market Size and Forecast (2020–2033), Global Analysis</h1>"
    figures = (
        "The market was valued at USD 8.4 billion in 2024 and is projected to reach USD 13.5 "
        "billion by 2033, growing at a CAGR of 6.2% during the forecast period."
    )
    lead = "The acme dialysis market is expected to register"
    dated = f"<p>{lead} growth from 2025 to 2033. {figures}</p>"
    undated = f"<p>{lead} steady growth. {figures}</p>"
    years = ("cagr_start_year", "cagr_end_year")
    assert tuple(parse(title + dated)[key] for key in years) == (2025, 2033)
    assert tuple(parse(title + undated)[key] for key in years) == (2020, 2033)


def test_a_faq_label_paragraph_ends_a_players_section() -> None:
    """Parser 2.4.29: a paragraph "FAQ:" opens the FAQs as a heading would; under a heading
    about companies its "Q1: …?" lines had become companies "Q1" and "A1"."""
    page = LEAD + (
        "<h2>Key players</h2><p>Corvane Biologics Inc.</p><p>Halden Pharma Ltd.</p>"
        "<p>FAQ:</p><p>Q1: Which region leads?</p><p>A1: North America leads.</p>"
    )
    report = parse(page)
    assert report["companies"] == ["Corvane Biologics Inc.", "Halden Pharma Ltd."]
    assert [faq["question"] for faq in report["faqs"]] == ["Which region leads?"]


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        ("The acme market is categorized based on Application (Early detection, Diagnosis, "
         "Monitoring) and Product (Imaging tests, Biopsies) and geographical regions (North "
         "America, Europe).",
         [("application", ["Early detection", "Diagnosis", "Monitoring"]),
          ("product", ["Imaging tests", "Biopsies"])]),
        ("The acme market is segmented based on type (X-ray, MRI, nuclear medicine, and "
         "thermography).",
         [("type", ["X-ray", "MRI", "nuclear medicine", "thermography"])]),
    ],
)  # fmt: skip
def test_groups_in_parentheses_after_based_on(
    sentence: str, groups: list[tuple[str, list[str]]]
) -> None:
    """Parser 2.4.29: "categorized based on Application (A, B) and Product (C, D)" and a single
    group "segmented based on type (A, B, C)" give their dimensions; regions are no segments
    (the single group had given "type (X-ray")."""
    segments = parse(f"{LEAD}<p>{sentence}</p>")["segments"]
    found = [(s["dimension"], s["name"]) for s in segments]
    assert found == [(dimension, name) for dimension, names in groups for name in names]


def test_a_sentence_that_ranks_a_segment_names_it_in_any_section() -> None:
    """Parser 2.4.29: "A is the largest application segment" and "A has emerged as the leading
    segment, …, while B is expected to …" name segments, under a drivers heading too; "the X
    market was dominated by the Y segment" names Y (an earlier "the" had swallowed it); a
    pronoun and "the Rest of the World segment" name none."""
    drivers = (
        "<h2>Key Market Drivers</h2><p>Acme tracers are used across cancers. Oncology is the "
        "largest application segment, accounting for over 60% of the market in 2023.</p>"
        "<p>Hormone therapy has emerged as the leading segment, generating the highest revenue "
        "in 2023, while targeted therapy is expected to grow fastest. It is the largest "
        "segment by far.</p>"
    )
    overview = (
        "<p>By product, the acme oncology market was dominated by the diagnostic segment. "
        "However, the Rest of the World segment shows promise.</p>"
    )
    segments = parse(LEAD + overview + drivers)["segments"]
    assert [(s["name"], s["dimension"]) for s in segments] == [
        ("diagnostic", "product"),
        ("Oncology", "application"),
        ("Hormone therapy", "other"),
        ("targeted therapy", "other"),
    ]


def test_a_list_announced_by_its_lead_names_segments_before_their_descriptions() -> None:
    """Parser 2.4.29: a paragraph whose last sentence announces segments and ends in a colon
    or a dash ("There are two main types of acme therapy:", "The report segments the market
    based on –") makes the items after it segments, each its name before its description or a
    dimension's own list; a paragraph of prose, a heading or a players lead ends or opens no
    such run."""
    types = (
        "<p>There are two main types of acme therapy:</p><ol>"
        "<li>Hemofiltration — This method uses a machine to filter the blood.</li>"
        "<li>Peritoneal Filtration — This type uses the lining of the abdomen.</li></ol>"
    )
    dimensions = (
        "<p>The report segments the acme oncology market based on –</p><ul>"
        "<li>Type of biomarkers – protein biomarkers, genetic biomarkers and more</li>"
        "<li>Applications – diagnostics, drug discovery and development, risk assessment</li>"
        "<li>Regions – North America, Europe and Asia</li>"
        "</ul><p>According to the report, growth is driven by the following factors:</p>"
        "<ul><li>Rising prevalence of cancer</li></ul>"
    )
    players = (
        "<p>Key players include:</p><ul><li>Corvane Biologics Inc.</li><li>Halden AG</li></ul>"
    )
    report = parse(LEAD + types + dimensions + players)
    assert [(s["name"], s["dimension"]) for s in report["segments"]] == [
        ("Hemofiltration", "type"),
        ("Peritoneal Filtration", "type"),
        ("protein biomarkers", "type"),
        ("genetic biomarkers", "type"),
        ("diagnostics", "application"),
        ("drug discovery and development", "application"),
        ("risk assessment", "application"),
    ]
    assert report["companies"] == ["Corvane Biologics Inc.", "Halden AG"]


def test_a_listed_item_s_sub_list_and_abbreviation_stay_out_of_or_in_its_name() -> None:
    """Parser 2.4.30: after a lead ending ":-", an item's sub-list in parentheses is no part of
    its name ("Therapy devices (A, B, and C); and"), nor a comma inside it the end of the
    name; under a "By X" heading an abbreviation in parentheses keeps a "Name: what it is"
    item a name ("Sublingual Acme Therapy (SLAT): …")."""
    sub_lists = (
        "<p>The acme oncology market is broadly segmented in to as detailed below:-</p><ul>"
        "<li>Advanced acme dressings (foam dressings, film dressings (thin), and gels);</li>"
        "<li>Therapy devices (pressure relief devices, negative pressure therapy (NPT),"
        " and other devices); and</li>"
        "<li>Active acme products (skin substitutes and topical agents).</li></ul>"
    )
    abbreviations = (
        "<h3>By Treatment Type (Route of Administration):</h3><ul>"
        "<li>Subcutaneous Acme Therapy (SCAT): The traditional method, given by injection.</li>"
        "<li>Sublingual Acme Therapy (SLAT): The fastest-growing segment.</li></ul>"
    )
    report = parse(LEAD + sub_lists + abbreviations)
    assert [(s["name"], s["dimension"]) for s in report["segments"]] == [
        ("Advanced acme dressings", "other"),
        ("Therapy devices", "other"),
        ("Active acme products", "other"),
        ("Subcutaneous Acme Therapy (SCAT)", "route"),
        ("Sublingual Acme Therapy (SLAT)", "route"),
    ]


def test_a_release_title_s_players_and_a_lead_s_by_groups() -> None:
    """Parser 2.4.29: a release whose title names the players ("X Market to 2026 Major Market
    Players Include A, B, C") and whose lead gives title groups in a sentence ("… based on By
    Type (A and B), By Application (C, D).") names both."""
    page = (
        "<h1>Acme Oncology Market to 2026 Major Market Players Include Corvane Health, Halden "
        "Imaging, Ostrava Labs</h1><p>The acme oncology market was valued at USD 1.2 billion "
        "in 2023.</p><p>Acme Research provides a global analysis on “Acme Oncology Market”. The "
        "report includes detailed scenario based on By Type (Diagnostic and Therapeutic), By "
        "Application (Oncology, Cardiology).</p>"
    )
    report = parse(page)
    assert report["companies"] == ["Corvane Health", "Halden Imaging", "Ostrava Labs"]
    assert [(s["name"], s["dimension"]) for s in report["segments"]] == [
        ("Diagnostic", "type"),
        ("Therapeutic", "type"),
        ("Oncology", "application"),
        ("Cardiology", "application"),
    ]


@pytest.mark.parametrize(
    "heading", ["Acme Therapy Q&A", "Questions and Answers", "People Also Ask"]
)
def test_a_q_and_a_heading_opens_the_faqs(heading: str) -> None:
    """Parser 2.4.29: "X Q&A", "Questions and Answers" and "People Also Ask" head an FAQ
    section as "FAQs" does; a news story's one question under it is an FAQ too."""
    page = LEAD + (
        f"<h2>{heading}</h2><h3>What is acme therapy?</h3><p>A treatment of solid tumours.</p>"
    )
    assert [faq["question"] for faq in parse(page)["faqs"]] == ["What is acme therapy?"]


def test_a_coverage_line_with_a_nested_group_keeps_every_group() -> None:
    """A coverage line under the title whose first group nests parentheses ("By Category (A,
    Nappy (Diaper) Rash Treatments, C), By End User (D, E)") is read whole, as before 2.4.29:
    the rule for groups in a sentence must not take it from its second group on."""
    line = (
        "<p>By Category (Medicated Shampoos, Nappy (Diaper) Rash Treatments, Antipruritics), "
        "By End User (Hospitals, Homecare), By Region (North America, Europe)</p>"
    )
    figures = "<p>The market was estimated at USD 20.26 billion in 2025.</p>"
    page = "<h1>Global Acme Dermatologicals Market Report (2026-2032)</h1>" + line + figures
    names = [s["name"] for s in parse(page)["segments"]]
    assert names[:3] == ["Medicated Shampoos", "Nappy (Diaper) Rash Treatments", "Antipruritics"]
    assert names[3:] == ["Hospitals", "Homecare"]


@pytest.mark.parametrize(
    ("head", "figures", "name", "region"),
    [
        (  # a page title and a heading that name no market
            "<title>MARKET OUTLOOK</title><p>&lt; Key Highlight &gt;</p><h2>MARKET OUTLOOK</h2>",
            "As per Ardent Market Research’s report, the North America bladder cancer "
            "diagnostics market is anticipated to grow at a CAGR of 5.4% during 2024-2031.",
            "Bladder Cancer Diagnostics",
            "North America",
        ),
        (  # a heading that stops on a joining word
            "<h1>Global Demand & Market</h1>",
            "The tumor sequencing market is expected to reach USD 9.3 Million by 2029 from "
            "USD 4.1 Million in 2023.",
            "Tumor Sequencing",
            "Global",
        ),
        (  # a news heading's sentence: the figures' market, in the middle of the sentence
            "<h1>Breathing Machines Alive and Well in Clinics</h1>",
            "In 2022, a study by Ardent Research pegged the global market for infusion pumps "
            "$3.2 billion in 2021 and forecast $4.8 billion by 2029.",
            "Infusion Pumps",
            "Global",
        ),
        (
            "<h1>Fewer Surgeons and More Cancer Patients Drive Pathology Market</h1>",
            "The global digital pathology market was worth USD 381.8 million in 2023 and will "
            "reach USD 708.9 million by 2030.",
            "Digital Pathology",
            "Global",
        ),
        (  # "the region's": a common noun's possessive is no part of the name
            "<h1>Fewer Surgeons and More Cancer Patients Drive Demand</h1>",
            "The region's proton therapy market was worth USD 1.2 billion in 2023.",
            "Proton Therapy",
            "Global",
        ),
    ],
)
def test_a_heading_naming_no_market_gives_way_to_the_figures_market(
    head: str, figures: str, name: str, region: str
) -> None:
    report = parse(f"{head}<p>{figures}</p>")
    assert (report["name"], report["region"]) == (name, region)


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
def test_unicode_hyphens_in_a_period_are_hyphens(hyphen: str) -> None:
    """Parser 2.4.30: a page's text writes Unicode's hyphen and non-breaking hyphen as "-"
    ("Forecasted CAGR of 19.8% from 2026‑2035" had kept no years)."""
    page = LEAD + f"<ul><li>Forecasted CAGR of 19.8% from 2026{hyphen}2035, driven by AI.</li></ul>"
    report = parse(page)
    assert (report["cagr_percent"], report["cagr_start_year"], report["cagr_end_year"]) == (
        19.8,
        2026,
        2035,
    )


def test_a_heading_whose_market_a_verb_moves_names_none() -> None:
    """Parser 2.4.30: "Rising Investments Fueling Market Expansion" is a sentence about the
    market, not its title; the figures' "global market for X should reach over $6.2 billion"
    names it ("should" ends the name before the amount)."""
    page = (
        "<h1>Rising Acme Investments Fueling Market Expansion, Says Ardent</h1><p>The global "
        "market for acme therapeutics and diagnostics should reach over $6.2 billion by 2030 "
        "from $4.4 billion in 2025.</p>"
    )
    assert parse(page)["name"] == "Acme Therapeutics and Diagnostics"


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Neuroscience Diagnostics And Therapeutics Are A 600 Billion Market", "Neuroscience "
         "Diagnostics And Therapeutics"),
        ("Acme IVF Industry Is A Potential USD 12 Billion Market", "Acme IVF"),
        ("Goldman Sees Obesity Drug Market Growing To 130 Billion By 2030", "Obesity Drug"),
        # not a statement of size: the name stays whole
        ("Acme Became the Fastest Growing Oncology Market", "Acme Became the Fastest Growing "
         "Oncology"),
    ],
)  # fmt: skip
def test_a_news_title_saying_what_its_market_is_names_it_before_the_verb(
    heading: str, name: str
) -> None:
    """Parser 2.4.30: "X Are A 600 Billion Market" names X, and a source's verb opening the
    title ("Goldman Sees …") is no part of the name."""
    page = f"<h1>{heading}</h1><p>The market was worth USD 2.1 billion in 2023.</p>"
    assert parse(page)["name"] == name


@pytest.mark.parametrize(
    ("heading", "figures", "name"),
    [
        (  # a title naming its market keeps it over a sub-market's figures
            "Nigeria Beauty and Personal Care Market",
            "The fragrance market is expected to reach USD 0.4 billion by 2028.",
            "Beauty and Personal Care",
        ),
        (  # a long title holding the figures' market whole
            "Acme Regenerative Medicine Bone and Joint Cell Therapy Market",
            "The global cell therapy market was worth USD 2.6 billion in 2023.",
            "Acme Regenerative Medicine Bone and Joint Cell Therapy",
        ),
    ],
)
def test_a_heading_naming_its_market_keeps_it_over_the_figures_market(
    heading: str, figures: str, name: str
) -> None:
    assert parse(f"<h1>{heading}</h1><p>{figures}</p>")["name"] == name


def test_names_a_players_section_s_prose_lists_are_its_players() -> None:
    section = (
        "<h2>Key Market Players</h2><p>Acme oncology leadership rests with Corvane Biologics, "
        "Halden Pharma, and Ostrava Bio, whose franchises anchor half of all revenue. "
        "Second-tier innovators—Tallis Therapeutics, Mirova, and Brenn &amp; Co—are gaining "
        "share. Demand is strongest in North America, Europe, and Asia Pacific.</p>"
    )
    assert parse(LEAD + section)["companies"] == [
        "Corvane Biologics",
        "Halden Pharma",
        "Ostrava Bio",
        "Tallis Therapeutics",
        "Mirova",
        "Brenn & Co",
    ]


@pytest.mark.parametrize(
    ("page", "name", "region"),
    [
        (  # "in" and a common noun go on naming the market after "for"; joining words stay small
            "<h1>Acme Is Rewriting Radiology—And the Market’s About to Double</h1><p>The global "
            "market for acme software in radiology is projected to surge from $2.33 billion in "
            "2024 to $4.24 billion by 2031.</p>",
            "Acme Software in Radiology",
            "Global",
        ),
        (  # a title about "the overall market" names none: the figures' market does
            "<h1>The rise in the Home Acme Testings and their impact on the overall market</h1>"
            "<p>In 2020, the global acme test strips market summed up to USD 11.6 billion.</p>",
            "Acme Test Strips",
            "Global",
        ),
        (  # "… 40 percent of the global market" names nothing: the page's own title stays
            # (without its "Overview", 2.4.32)
            "<h1>Overview Acme Device</h1><p>Out of acme device markets in the world, the United "
            "States is the largest. In 2017, it was estimated to make up 40 percent of the global "
            "market, with a whopping $156 billion.</p>",
            "Acme Device",
            "Global",
        ),
        (  # "sector" after two words is the market's word, as "industry" is
            "<h1>The Growth of the UK Acme Sector</h1><p>Back in 2015 the sector was worth $28.8 "
            "billion.</p>",
            "Acme",
            "United Kingdom",
        ),
        (  # a sentence of prospects for a country's sector
            "<h1>Prospects ahead for UAE’s acme sector</h1><p>The acme sector market stands at AED "
            "71.6 billion today.</p>",
            "Acme",
            "United Arab Emirates",
        ),
        (  # a verb that moves the market opens its name
            "<h1>Technological Advancements To Expedite The Acme Cancer Treatment Market</h1><p>"
            "The market was worth USD 2.1 billion in 2023.</p>",
            "Acme Cancer Treatment",
            "Global",
        ),
        (  # "would" ends a name after "market for"
            "<p>Posted on: 28 Nov 2011</p><p>The Japanese market for acme generics would "
            "increase to $5.2 billion in 2013, up from $4.2 billion in 2009.</p>",
            "Acme Generics",
            "Japan",
        ),
        (  # "to foster" opens the market's name as "to drive" does
            "<h1>Costly Therapies To Foster Acme Market Growth Globally Report</h1><p>The market "
            "was worth USD 2.1 billion in 2023.</p>",
            "Acme",
            "Global",
        ),
        (  # a continent's adjective before the headline's market is its region
            "<h1>African Acme Pharmaceuticals Market, Forecast to 2020</h1><p>The acme "
            "pharmaceuticals market was worth USD 2.1 billion in 2013.</p>",
            "Acme Pharmaceuticals",
            "Africa",
        ),
        (  # "market estimate of X in India" names X, in India
            "<h1>Question: What’s the market estimate of acme tourism in India in the next "
            "year?</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Acme Tourism",  # parser 2.4.33: a name in small letters is written as a name
            "India",
        ),
        (  # a continent's adjective before a sector's word is the region
            "<h1>Overview of the African Healthcare industry and opportunities for European "
            "companies</h1><p>Sales were worth USD 2.1 billion in 2023.</p>",
            "Healthcare",
            "Africa",
        ),
        (  # but not before a product's own name
            "<h1>African Swine Fever Vaccines Market</h1><p>The market was worth USD 2.1 billion "
            "in 2023.</p>",
            "African Swine Fever Vaccines",
            "Global",
        ),
        (  # "X Represent A Large Market" names X, as "X Are A 600 Billion Market" does
            "<h1>Acme and Its Derivatives Represent A Large Market</h1><p>The market was worth "
            "USD 2.1 billion in 2023.</p>",
            "Acme and Its Derivatives",
            "Global",
        ),
        (  # a Latin term keeps its capital
            "<h1>Acme Report</h1><p>The global in vitro acme market was valued at USD 2.1 billion "
            "in 2023.</p>",
            "In Vitro Acme",
            "Global",
        ),
        (  # parser 2.4.32: "American" before a sector's word is the United States
            "<h1>American Medtech Market to Grow 6.4% Annually Through 2017</h1><p>Revenue will "
            "remain stable.</p>",
            "Medtech",
            "United States",
        ),
        (  # but not before a product's own name
            "<h1>American Ginseng Market</h1><p>The market was worth USD 2.1 billion in "
            "2023.</p>",
            "American Ginseng",
            "Global",
        ),
        (  # parser 2.4.32: "Spending on X Could Reach $Y" names X
            "<h1>Spending on Acme Apps Could Reach $500M in 2022</h1><p>Spending will total "
            "$491 million.</p>",
            "Acme Apps",
            "Global",
        ),
        (  # a last word spelling the initials of the words before it is their abbreviation
            "<h1>Global Point Of Acme Diagnostics Poad Market</h1><p>The market was worth USD "
            "2.1 billion in 2023.</p>",
            "Point Of Acme Diagnostics",
            "Global",
        ),
        (  # a title naming only a region gives way to the market a figure sentence names
            "<h1>Why Nigeria?</h1><p>In Nigeria, a research firm predicts a CAGR of 9.1% for the "
            "acme market from 2017 to 2030.</p>",
            "Acme",
            "Nigeria",
        ),
        (  # a subject holding "is" is a clause, no market's name
            "<h1>Opportunity Grows For Acme Makers</h1><p>The island nation is the second "
            "largest market, accounting for roughly $20 billion in sales.</p>",
            "Opportunity Grows For Acme Makers",
            "Global",
        ),
        (  # an amount's words up to 60 characters before "Market for X" name nothing
            "<h1>Spread of Infections Fuels 14.5 Billion-Dollar Market for Acme Tests: A "
            "Report</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Acme Tests",
            "Global",
        ),
        (  # "Market Trend of X" names X
            "<h1>Domestic Market Trend of Acme Imaging System From April to September 2007</h1>"
            "<p>The market was worth USD 2.1 billion in 2007.</p>",
            "Acme Imaging System",
            "Global",
        ),
        (  # a report's words after "Market In <place>"
            "<h1>Acme Device Market In South Africa Growth Challenges And Strategic "
            "Opportunities</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Acme Device",
            "South Africa",
        ),
        (  # two regions are stored each under its own spelling
            "<h1>Growth opportunities for acme health in KSA and UAE</h1><p>The acme health "
            "market in KSA and UAE is expected to reach about $4 billion by 2026.</p>",
            "Acme Health",
            "Saudi Arabia and United Arab Emirates",
        ),
        (  # a continent's adjective alone names no market; a dash after a region goes
            "<h1>Africa - A continent of opportunity for acme</h1><p>Estimates indicate that "
            "the African market will be worth $40 billion by 2020.</p>",
            "A continent of opportunity for acme",
            "Africa",
        ),
        (  # "the global market for X" after a clause is the world's
            "<h1>Above Average</h1><p>It is little surprise then that the global market for "
            "acme robots is expected to triple, from $4.5 billion in 2016 to $12.1 billion in "
            "2025.</p>",
            "Acme Robots",
            "Global",
        ),
        (  # a news heading gives way to "the global X market may reach …"
            "<h1>Demand for robot doctors keeps rising in hospitals across the world</h1><p>New "
            "research indicates that the global acme robot market may reach $38.27 billion in "
            "2027.</p>",
            "Acme Robot",
            "Global",
        ),
        (  # parser 2.4.32: "Overall", "Overview", "Combined" open no name
            "<h1>Overall Indian Acme Market</h1><p>The market was worth USD 2.1 billion in "
            "2023.</p>",
            "Acme",
            "India",
        ),
        (  # and "Asian" before "cardiovascular" (a sector's word) is Asia
            "<h1>Overview Asian Cardiovascular Acme Market</h1><p>The market was worth USD 2.1 "
            "billion in 2023.</p>",
            "Cardiovascular Acme",
            "Asia",
        ),
        (  # unless the region is all that is left
            "<h1>Combined US Market</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Combined",
            "United States",
        ),
        (  # "Total" stays: "Total Knee Replacement" is a product's name
            "<h1>Total Acme Replacement Market</h1><p>The market was worth USD 2.1 billion in "
            "2023.</p>",
            "Total Acme Replacement",
            "Global",
        ),
        (  # parser 2.4.32: titles as a URL writes them: a possessive, "U S"
            "<h1>Indias Acme Devices Market</h1><p>The market was worth USD 2.1 billion in "
            "2023.</p>",
            "Acme Devices",
            "India",
        ),
        (
            "<h1>U S Home Acme Market</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Home Acme",
            "United States",
        ),
        (  # BRIC is a region
            "<h1>BRIC Acme Market</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Acme",
            "BRIC",
        ),
        (  # parser 2.4.33: a sentence title's market after "through"
            "<h1>Unlocking Targeted Care Solutions Through Acme Therapeutics Market Segment "
            "Insights</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Acme Therapeutics",
            "Global",
        ),
        (  # and after a piece's own kind and "on the"
            "<h1>In-Depth Blog on the United States Acme Services Market (2024-2032)</h1><p>The "
            "market is projected to expand at a CAGR of 3.2% from 2024 to 2032.</p>",
            "Acme Services",
            "United States",
        ),
        (  # "Market Analysis For X" names X
            "<h1>Market Analysis For Acme Public Health</h1><p>The market was worth USD 2.1 "
            "billion in 2023.</p>",
            "Acme Public Health",
            "Global",
        ),
        (  # "The growing" opens no name, after a place's label either
            "<h1>Vietnam: The growing Acme and Prescription Drugs market in South East Asia"
            "</h1><p>The market is projected to be worth USD 25.8 billion in 2035.</p>",
            "Acme and Prescription Drugs",
            "Vietnam",
        ),
        (  # a country's adjective kept out of the table (Thai food) is the region before a
            # sector's word
            "<h1>Thai medical acme Market</h1><p>The market was worth THB 29 billion in "
            "2023.</p>",
            "Medical Acme",
            "Thailand",
        ),
        (  # not before a product's own name
            "<h1>Thai Acme Sauce Market</h1><p>The market was worth USD 2.1 billion in "
            "2023.</p>",
            "Thai Acme Sauce",
            "Global",
        ),
        (  # parser 2.4.33: a news heading's subject, when the text names it too
            "<h1>Acme Drug Sales Will Outpace All Other Meds Thanks To High Prices</h1><p>Sales "
            "of acme drugs will reach $262 billion by 2024.</p>",
            "Acme Drug",
            "Global",
        ),
        (
            "<h1>Will Acme Health Apps Reach A 22 Billion Market By 2030</h1><p>Having started "
            "with a valuation of approximately $8.21 billion in 2024, the acme health "
            "applications sector has expanded rapidly.</p>",
            "Acme Health Apps",
            "Global",
        ),
        (  # not when the text never names it
            "<h1>Acme Drug Sales Will Outpace All Other Meds Thanks To High Prices</h1><p>Sales "
            "will reach $262 billion by 2024.</p>",
            "Acme Drug Sales Will Outpace All Other Meds Thanks To High Prices",
            "Global",
        ),
        (  # parser 2.4.33: the players' heading as the title names their market
            "<h1>Major Players in the Acme Outsourcing Market</h1><p>The market was worth USD "
            "2.1 billion in 2023.</p>",
            "Acme Outsourcing",
            "Global",
        ),
        (  # a region alone gives way to the market a figure sentence names
            "<title>Players in the Indian Market</title><p>The acme market was worth USD 2.1 "
            "billion in 2023.</p>",
            "Acme",
            "India",
        ),
        (  # "demand" is a scope's word after the subject, as "sales" is
            "<h1>Global Acme Packaging Demand to Reach $112 Billion by 2021</h1><p>Demand will "
            "grow 6% a year.</p>",
            "Acme Packaging",
            "Global",
        ),
        (  # an amount in the title's name makes it a sentence; "The market for X" names X
            "<h1>Diaper rush: conquering a $9 billion market no one wants to talk about</h1>"
            "<p>The market for acme diapers, disposable underwear and absorbent pads is growing "
            "fast, up 9% last year to $9 billion.</p>",
            "Acme Diapers",
            "Global",
        ),
        (  # a forecast's years before the name, as a URL writes them
            "<h1>2020 2025 Acme Care Products Market</h1><p>The market was worth USD 2.1 "
            "billion in 2019.</p>",
            "Acme Care Products",
            "Global",
        ),
        (  # a source before a paragraph's subject goes; so do "most recent" and "latest"
            "<h1>Acme Health Wellness Products Big Business Potential</h1><p>According to the "
            "India Acme Products Market Report published by a research firm, the market will "
            "be worth INR 515 billion by 2028.</p>",
            "Acme Products",
            "India",
        ),
        (  # a release's label before the name
            "<h1>New Report 2021 Acme Scanners Global Market</h1><p>The market was worth USD "
            "2.1 billion in 2023.</p>",
            "Acme Scanners",
            "Global",
        ),
        (  # a news heading about the market's players names their market
            "<h1>Acme Players Need To Remodel For Sustaining Long Term Operations</h1><p>The "
            "acme sector is expected to reach $5.4 billion by 2025.</p>",
            "Acme",
            "Global",
        ),
        (  # a page's number after the title, as a URL writes it
            "<h1>Acme Medication 315039</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Acme Medication",
            "Global",
        ),
        (  # "Why the X Market Is Expected to …"
            "<h1>Why the Acme Chemicals Market Is Expected to Reach $27.7 Billion Despite Push "
            "for Organic Products</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Acme Chemicals",
            "Global",
        ),
        (  # a report's name, place and edition
            "<h1>Acme Care - US - May 2013</h1><p>The market was worth USD 2.1 billion in "
            "2012.</p>",
            "Acme Care",
            "United States",
        ),
        (  # a report's words after "X In <place>"
            "<h1>Acmeceuticals In India Rising Popularity And Future Potential</h1><p>The market "
            "was worth USD 2.1 billion in 2023.</p>",
            "Acmeceuticals",
            "India",
        ),
        (  # an edition's year before the name makes the title a heading's words
            "<h1>2023 acme market forecast: manufacturing's future</h1><p>The global acme "
            "devices market was valued at $550 billion in 2021 and is expected to reach $850 "
            "billion by 2030.</p>",
            "Acme Devices",
            "Global",
        ),
    ],
    ids=["in-radiology", "overall-market", "percent-of-global", "uk-sector", "prospects-ahead",
         "to-expedite", "would", "to-foster", "african", "estimate-of", "african-sector",
         "african-product", "represent-a-large", "in-vitro", "american-sector",
         "american-product", "spending-on", "initials", "why-region", "clause-subject",
         "billion-dollar-before", "trend-of", "place-then-growth", "two-stored", "african-alone",
         "clause-then-global", "may-reach", "overall", "overview-asian", "combined-region",
         "total-product", "url-possessive", "url-us", "bric", "through", "blog-on-the",
         "analysis-for", "the-growing", "thai-sector", "thai-product", "news-subject",
         "question-subject", "subject-unnamed", "players-in", "players-in-region",
         "demand-to-reach", "amount-in-name", "leading-years", "according-to-the",
         "new-report", "players-need", "page-number", "why-the", "name-place-edition",
         "in-place-report-words", "edition-year"],
)  # fmt: skip
def test_titles_that_name_their_market_as_a_sentence_or_a_sector(
    page: str, name: str, region: str
) -> None:
    """Parser 2.4.31 to 2.4.33."""
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)


def test_a_sector_alone_over_a_page_of_its_markets_is_no_market() -> None:
    """Parser 2.4.31: "Healthcare sector" heading a page about one of its markets is not read
    as a "Healthcare Market" title."""
    page = (
        "<h1>Acme sector</h1><h2>Regenerative medicine</h2><p>Regenerative medicine market size: "
        "JPY 9 billion (2012)</p>"
    )
    assert parse(page)["name"] != "Acme"


def test_a_segment_named_by_its_adjective_alone_is_the_listed_one() -> None:
    """Parser 2.4.31: "the traditional segment" of a page that lists "traditional wound care"
    is that segment, not one more."""
    page = LEAD + (
        "<p>The acme market can be segmented into traditional and advanced wound care, based on "
        "different wound care therapies. While the traditional segment includes gauze dressings "
        "and contact layers, it grows slowly.</p>"
    )
    names = [segment["name"] for segment in parse(page)["segments"]]
    assert names == ["traditional wound care", "advanced wound care"]


def test_a_list_ending_in_a_dotted_legal_form_ends_its_sentence() -> None:
    """Parser 2.4.31: "… and Lyondell Holdings B.V. Major pharmaceutical companies in this space
    include …": the full stop of "B.V." ends the first list, and both lists are read."""
    page = LEAD + (
        "<h2>Key Takeaways</h2><p>Key players operating in the acme market are Halden SE, Kaito "
        "Plc., and Lyondell Holdings B.V. Major pharmaceutical companies in this space include "
        "Ostrava, Inc. and Tallis AG.</p>"
    )
    assert parse(page)["companies"] == [
        "Halden SE",
        "Kaito Plc",
        "Lyondell Holdings B.V.",
        "Ostrava, Inc.",
        "Tallis AG",
    ]


@pytest.mark.parametrize(
    ("heading", "name", "region"),
    [
        ("Le marché des compléments acme progresse de 3,9 %, selon Ardent", "Compléments acme",
         "Global"),
        ("Le marché mondial des dispositifs acme devrait atteindre 800 milliards", "Dispositifs "
         "acme", "Global"),
        ("Marché français de l’acme : bilan 2023", "Acme", "France"),
        # as a URL's slug writes it, without accents
        ("Le Marche Mondial Des Dispositifs Acme Depassera Les 900 Md Dici 2033", "Dispositifs "
         "Acme", "Global"),
    ],
)  # fmt: skip
def test_a_french_title_names_its_market(heading: str, name: str, region: str) -> None:
    """Parser 2.4.31: "Le marché (mondial, français) des X …" names X (and its place)."""
    page = f"<h1>{heading}</h1><p>Le marché représente 4,3 milliards de dollars en 2024.</p>"
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)


def test_a_figure_sentence_opening_with_the_market_for_names_it() -> None:
    """Parser 2.4.31: "The global market for X …" opening the figure sentence names X for a
    news heading's title, as "… the global market for X" inside a sentence did."""
    page = (
        "<h1>Halden and Ostrava $OST Lead Acme Market with $100B Potential by 2030</h1><p>The "
        "global market for acme and beta treatments is projected to surpass USD 100 billion by "
        "2030, propelled by rising prevalence.</p>"
    )
    assert parse(page)["name"] == "Acme and Beta Treatments"


def test_subtypes_a_market_consists_of_are_its_type_segments() -> None:
    """Parser 2.4.31: "the X market, which consists of two major subtypes: A and B" segments
    it, along its type."""
    page = (
        "<h1>Acme Breast Cancer Market</h1><p>The acme breast cancer market, which consists of "
        "two major subtypes: hormone receptor positive (HR+) and triple negative breast cancer "
        "(TNBC), the former of which accounts for 90 percent, will grow from $1.45 billion in "
        "2013 to $6.12 billion by 2023.</p>"
    )
    segments = [(segment["name"], segment["dimension"]) for segment in parse(page)["segments"]]
    assert segments == [
        ("hormone receptor positive (HR+)", "type"),
        ("triple negative breast cancer (TNBC)", "type"),
    ]


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("UK", "United Kingdom"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("UAE", "United Arab Emirates"),
        ("KSA", "Saudi Arabia"),
        ("Korea", "South Korea"),
        ("APAC", "Asia Pacific"),
        ("India", "India"),  # any other region as written
    ],
)
def test_a_country_is_stored_under_one_spelling(written: str, stored: str) -> None:
    """Parser 2.4.31: a region written several ways is stored one way, so `?region=United
    Kingdom` finds a page that says "UK" (the title and slug keep the page's words)."""
    report = parse(
        f"<h1>{written} Acme Market</h1><p>The market was worth $2.1 billion in 2023.</p>"
    )
    assert report["region"] == stored
    assert report["title"] == f"{written} Acme Market"


@pytest.mark.parametrize(
    ("page", "name", "region"),
    [
        (
            "<h1>Acmetechnik wächst bis 2025 auf mehr als eine halbe Billion Euro</h1><p>Der "
            "Weltmarkt wird 2025 über 500 Milliarden Euro erreichen.</p>",
            "Acmetechnik",
            "Global",
        ),
        (
            "<h1>Acmetechnik: Schwaches Wachstum, aber internationales Potenzial</h1><p>Die "
            "deutsche Acmetechnikbranche rechnet 2024 mit einem Umsatz von rund 41 Milliarden "
            "Euro.</p>",
            "Acmetechnik",
            "Germany",
        ),
        (
            "<h1>Der Acmemarkt in Deutschland</h1><p>Der Umsatz belief sich 2023 auf rund 59,8 "
            "Milliarden Euro.</p>",
            "Acme",
            "Germany",
        ),
        (
            "<h1>Prognose: Globaler Acme-Umsatz steigt bis 2021 auf 1,5 Billionen Dollar</h1>"
            "<p>Der Umsatz steigt bis 2021 auf 1,5 Billionen Dollar.</p>",
            "Acme",
            "Global",
        ),
        (  # an English title with "Die" stays as it is
            "<h1>Die Casting Market</h1><p>The market was worth USD 2.1 billion in 2023.</p>",
            "Die Casting",
            "Global",
        ),
    ],
    ids=["verb", "colon-deutsche", "compound-in-deutschland", "label-umsatz", "english-die"],
)
def test_german_titles_name_their_market(page: str, name: str, region: str) -> None:
    """Parser 2.4.32: German headings had become whole-sentence names."""
    report = parse(page)
    assert (report["name"], report["region"]) == (name, region)


def test_german_figures_with_a_bare_year_and_a_yearly_growth_rate() -> None:
    """Parser 2.4.32: German puts the year before the amount without a preposition, and writes
    the rate as a "jährliche Wachstumsrate von 5,9 Prozent"."""
    page = parse(
        "<h1>Acmewirtschaft: Wachstum</h1><p>Weltweit verfügte der Leitmarkt 2020 über ein "
        "Marktvolumen von 148 Milliarden Euro. Aufgrund einer durchschnittlichen jährlichen "
        "Wachstumsrate von 5,9 Prozent wird es bis 2030 auf 263 Milliarden Euro ansteigen.</p>"
    )
    assert [(figure["year"], figure["amount"]) for figure in page["figures"]] == [
        (2020, 148_000_000_000),
        (2030, 263_000_000_000),
    ]
    assert (page["currency"], page["cagr_percent"]) == ("EUR", 5.9)


def test_a_cagr_stated_as_a_range_is_no_rate() -> None:
    """Parser 2.4.32: "a CAGR of 38–39%" had been stored as 39; a range is no one rate, and a
    single rate stated later is the market's."""
    ranged = parse(LEAD + "<p>The market is growing at a CAGR of about 38–39% a year.</p>")
    assert ranged["cagr_percent"] is None
    assert "cagr_range" in {warning["code"] for warning in ranged["quality"]["warnings"]}
    assert "missing_cagr" not in {warning["code"] for warning in ranged["quality"]["warnings"]}
    later = parse(
        LEAD + "<p>Analysts expect 5-6% CAGR. The acme oncology market will grow at a CAGR of "
        "5.8% from 2024 to 2030.</p>"
    )
    assert (later["cagr_percent"], later["cagr_start_year"]) == (5.8, 2024)
