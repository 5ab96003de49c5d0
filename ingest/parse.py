"""Parse one report page: HTML in, `ParsedReport` out. Pure: no database, no network."""

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from itertools import chain, pairwise

from app.models import (
    MAX_AMOUNT,
    MAX_CAGR_PERCENT,
    MIN_CAGR_PERCENT,
    FigureSentences,
    SegmentDimension,
    plausible_cagr,
)
from ingest.blocks import Block, parse_document
from ingest.companies import (
    companies_after_lead,
    companies_in_list,
    companies_in_sentence,
    company_from_line,
    has_legal_form,
    legal_form_count,
    mentions_players,
    names_in_runs,
    split_company_entry,
)
from ingest.errors import ReportParseError
from ingest.faqs import FaqPair, clean_faq_pair, is_labelled_question, pair_faqs
from ingest.headline import (
    Amount,
    HeadlineFigures,
    StatedCagr,
    mentions_headline_figures,
    parse_headline_figures,
    split_sentences,
    subject_region,
)
from ingest.known_companies import known_companies_named
from ingest.limits import within_caps
from ingest.links import find_report_links
from ingest.page_meta import PageMeta
from ingest.profiles import profiled_company
from ingest.publisher import find_published_on, find_publisher
from ingest.rankings import (
    NameRun,
    PlayersColumn,
    bare_name,
    names_in_row,
    players_column,
    players_run,
    profiles_enough,
    ranked_enough,
    ranked_line_name,
)
from ingest.regions import one_region, stored_region
from ingest.report import (
    PARSER_VERSION,
    ParsedFaq,
    ParsedFigure,
    ParsedReport,
    ParsedSegment,
    ParsedWarning,
    ReportQuality,
    ReportSource,
)
from ingest.sections import BY_LABEL, Section, classify_heading, dimension_of, is_chrome_line
from ingest.segment_lists import described_items, list_lead_dimension
from ingest.segments import (
    DIMENSION_LEAD,
    dominant_segment,
    find_named_segments,
    in_singular,
    inflector,
    kinds_of_market,
    labelled_segment_list,
    make_candidate,
    names_no_segment,
    ranked_segments,
    reads_as_prose,
    segment_key,
    segment_name,
    segment_subjects,
    segmentation_sentence,
    split_segment_names,
    study_by_groups,
    title_segment_groups,
    with_shared_head,
    without_breakdown_share,
    without_segment_number,
)
from ingest.text import (
    clean_text,
    decode_report_bytes,
    repair_mojibake,
    split_numbered_items,
    strip_list_marker,
)
from ingest.title import (
    as_market_heading,
    market_phrase,
    named_by_headline,
    names_nothing,
    names_only_a_region,
    parse_title,
    title_from_headline,
    title_from_industry,
    title_from_lead,
    title_from_sector,
    title_from_subject,
)

# Stated and implied CAGR further apart than this (percentage points) earn a warning.
CAGR_MISMATCH_TOLERANCE_PP = 1.0
_MAX_TITLE_WORDS = 20
_HEADLINE_SEARCH_BLOCKS = 40
_SUBJECT_SEARCH_BLOCKS = 10  # past a journal's or a blog's chrome lines
_MAX_SEGMENT_HEADING_WORDS = 6
_MAX_LIST_SEGMENT_WORDS = 8
_MAX_NAME_BEFORE_COLON_WORDS = 5  # a list item "Name: what it is" under a segments heading
_NAME_JOINERS = frozenset({"and", "or", "of", "&", "the", "for", "in"})
# Sections whose paragraphs may state the market's headline figures.
_FIGURE_SECTIONS = frozenset({Section.INTRO, Section.OVERVIEW})
_MARKET_WORD = re.compile(r"\bmarket\b", re.IGNORECASE)
_SEGMENT_WORD = re.compile(r"\b(?:applications?|segments?)\b", re.IGNORECASE)
_PLAYERS_LABEL = re.compile(
    r"\b(?:players|companies|vendors|manufacturers|suppliers|leaders|competitors|profiled)\b",
    re.IGNORECASE,
)
_SEGMENTS_LABEL = re.compile(r"\bsegment", re.IGNORECASE)
_LISTS_SEVERAL = re.compile(r"[,;]|\s(?:and|&)\s")
_GENERIC_WORDS = frozenset("the global worldwide overall key total current a".split())
# A title names "X Market"; "… Driving the Market Growth" speaks of a market named elsewhere.
_DETERMINERS = frozenset("the a an this that its their our of".split())
# A press release quotes the report's title: 'a report, titled, "X Market by Type (A, B) …"'.
# The words before "Market" hold no dash or colon ("Oncology Drugs - Market Insights" is not
# a market's name).
# A report title in quotes, also closed by a double prime ("… – Forecasts to 2023″", as some
# wire copies write the closing quote).
_QUOTED_TITLE = re.compile(
    r"[\"“](?P<title>[A-Z][^\"“”″:–—]{1,120}?\bMarket\b[^\"“”″]{0,600})[\"”″]"
)
# "Forecasts, 2024-2032", "Forecast Period (2018 - 2023)", "forecast period 2016–2026",
# "Forecast Period | 2024-2031", "Forecast Period: 2024-2031".
_FORECAST_PERIOD = re.compile(
    r"\bforecasts?(?:\s+period)?\s*(?:of\s+|[:|,(]\s*|from\s+)?(?:FY\s?)?(?P<start>(?:19|20)\d{2})"
    r"\s*(?:-|–|—|to)\s*(?:FY\s?)?(?P<end>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# "register steady growth from 2025 to 2033", "grow … between 2025 and 2033"
_GROWTH_PERIOD = re.compile(
    r"\b(?:grow\w*|growth|expan\w*)\b[^.;]{0,60}?\b(?:from|between)\s+(?P<start>(?:19|20)\d{2})"
    r"\s*(?:-|–|—|to|and)\s*(?P<end>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# "The X market, by route of administration, is segmented into …": the market split along a
# dimension, wherever the page says so.
_SEGMENTS_THE_MARKET = re.compile(
    r"\bmarket\b[^.;]{0,80}?\b(?:is|was|has\s+been|can\s+be)\s+(?:further\s+)?"
    r"(?:segmented|divided|categori[sz]ed|classified|bifurcated)\b",
    re.IGNORECASE,
)
_SEGMENTING_VERBS = ("segmented", "divided", "categori", "classified", "bifurcated")


def _segments_the_market(text: str) -> bool:
    # The verbs first: most paragraphs have none, and the pattern tries each "market".
    return any(verb in text for verb in _SEGMENTING_VERBS) and bool(
        _SEGMENTS_THE_MARKET.search(text)
    )


# A report title restated in prose: "X Market By Therapy Type (A, B), By End User (C) … is
# estimated to grow …".
_RESTATED_TITLE = re.compile(
    # "X Market Size and Forecast (2021 - 2031), …, Report Coverage: By Type (A, B), …"
    # (2.4.13: also after a colon, "X Market: Information by Animal Type (A, B), …")
    r"\bMarket[,:]?\s+(?:[\w,:&()-]+\s+){0,20}?[Bb]y\s+[A-Z][\w&/ -]{1,40}?\s*[(\[]"
    # "X Market (By Drug Type: A, B; By Indication: C, D) - Global Industry Analysis", also
    # without "By" ("(Product Type - A, B; Treatment - C, D)")
    r"|\bMarket\s*[(\[]\s*(?:[Bb]y\s+)?[A-Z][\w&/ -]{1,40}?(?::|\s[-–]\s)"
    # a report page's line under its title: "Segments - by Product Type (A, B), by Technique (…)"
    r"|^Segment(?:s|ation)\s*[-–:]\s*[Bb]y\s+[A-Z][\w&/ -]{1,40}?\s*[(\[]"
)
_MAX_RESTATED_TITLE_CHARS = 1500
# A paragraph that ends announcing its segments: "By Technology– The X market is segmented by
# technology into"; then the items ("a) Glucose Dehydrogenase", "b) Glucose Oxidase").
_SEGMENTS_LEAD = re.compile(
    r"\b(?:segmented|divided|categori[sz]ed|classified|split|bifurcated|segregated)\s+"
    r"by\s+(?P<label>[\w&/ -]{2,40}?)\s+into\s*:?$",
    re.IGNORECASE,
)
_ENUMERATOR = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+(?=\S)")
# "By application, the X market for urology is expected to …": a segment's outlook.
_SEGMENT_STATEMENT = re.compile(rf"{DIMENSION_LEAD}[\w&/ -]{{2,40}}?,\s")
_MAX_LIST_LABEL_WORDS = 6  # "Segmentation by Distribution Channels" as a list item
_MAX_ANSWER_LEAD_WORDS = 8  # a bold line that opens an answer is short: "Job Outlook"
# Two title groups in a sentence: "… based on By Type (A and B), By Application (C, D)".
_BY_GROUPS = re.compile(
    r"\bBy\s+[A-Z][\w-]*(?:\s+[\w-]+){0,2}\s*\([^()]{2,300}\)\s*,?\s*(?:and\s+)?By\s+[A-Z]"
)
# A report page's coverage line under its title, without the word "Market": "Industry
# Insights by Technology (A, B [b1, b2]), by End User (C, D), and by Geography (…)".
_COVERAGE_LINE = re.compile(
    r"(?:[A-Z][\w&-]*\s+){0,4}[Bb]y\s+[A-Z][\w&/ -]{1,40}?\s*[(\[].{4,1500}?[)\]],?\s+"
    r"(?:and\s+)?[Bb]y\s+[A-Z][\w&/ -]{1,40}?\s*[(\[]"
)
# A paragraph that ends by announcing the players the next block names one a line.
# The words both lead patterns below name the players with ("key players", "top companies").
_LEAD_ADJECTIVE = r"(?:key|major|leading|prominent|top|notable|main|dominant|established)"
_LEAD_PLAYERS = r"(?:players|companies|vendors|manufacturers)"
_PLAYERS_LEAD = re.compile(
    rf"\b{_LEAD_ADJECTIVE}\s+(?:[\w-]+\s+){{0,3}}?{_LEAD_PLAYERS}\b[^.;]{{0,40}}?"
    r"(?:such\s+as|includes?|including|are|like|profiled|covered)?\s*:?\s*$",
    re.IGNORECASE,
)
_PLAYERS_LEAD_CHARS = 80
# A sentence that is that lead and nothing else: "Key players in the market include:", "Among
# the top companies are:", "Some of the key players operating in the X market are:".
_NAMED_PLAYERS_LEAD = re.compile(
    r"(?:(?:some\s+of\s+|among\s+)?the\s+|among\s+)?"
    rf"{_LEAD_ADJECTIVE}\s+(?:\d+\s+)?(?:[\w-]+\s+){{0,2}}?{_LEAD_PLAYERS}"
    r"(?:\s+(?:in|of|operating\s+in|active\s+in)\s+(?:the\s+)?[^.;:]{0,60}?)?"
    r"\s+(?:include|includes|are|such\s+as|like)\s*:?\s*$",
    re.IGNORECASE,
)
# "The companies highlighted in the report fit different parts of the pipeline:" before a
# list of profiles ("Illumina is positioned around …"); only profiles are read after it.
_PROFILES_LEAD = re.compile(
    r"\b(?:players|companies|vendors|manufacturers|firms)\b[^.;:!?]{0,100}:\s*$"
    # a short label of its own, with no colon: "⮕ Tier 1 Leaders", "Emerging/Niche Players"
    r"|^\W{0,3}(?:[\w/&-]+\s+){0,3}(?:players|companies|vendors|manufacturers|firms|leaders)$",
    re.IGNORECASE,
)
_PROFILES_LEAD_CHARS = 130
# "Strategies adopted by key players include the following:", "Companies face several
# challenges:": what follows is about the players, not them.
_NOT_PROFILES_LEAD = re.compile(
    r"\b(?:strateg|challeng|trend|factor|driver|benefit|adopt|initiative|face|across|served|"
    r"risk|opportunit)",
    re.IGNORECASE,
)
# "1. Viatris", "2) Teva": a ranking's entries as headings, on a "Top 5 … Companies" page.
_RANKED_HEADING = re.compile(r"^#?\d{1,2}[.)]?\s+\S")
_RANKING_TITLE = re.compile(
    r"\b(?:top|leading|largest|biggest|best)\s+(?:\d+\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:companies|players|manufacturers|vendors|firms|makers)\b",
    re.IGNORECASE,
)
_MIN_LISTED_NAMES = 2
_MAX_RANKING_TAIL_WORDS = 5  # "Acme AG: USD 12.4 billion in 2023."
# The cheap test first: how such a paragraph ends.
_PLAYERS_LEAD_ENDINGS = (
    "as", ":", "include", "includes", "including", "are", "like", "profiled", "covered", "players",
    "companies", "vendors", "manufacturers",
)  # fmt: skip
_MAX_LABEL_WORDS = 6
_MAX_DIMENSION_LABEL_WORDS = 4
_MAX_SEGMENT_LIST_CHARS = 1000  # a dimension's names fit in a few lines
_MIN_SUMMARY_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", "…", ")", "”", '"', "’")
_MAX_VALUE_WORDS = 4
_BY_LABEL_LINE = re.compile(r"(?:By|Based\s+on)\s+[\w&/ -]{2,40}?\s*[:;]?", re.IGNORECASE)
_SNAPSHOT_VALUE_STARTS = frozenset("0123456789-–U$E€G£I₹J¥CR")
# A figure on its own: "9.80%", "USD 642.41 Million", "$3.2 Bn", "2026-2030".
_SNAPSHOT_VALUE = re.compile(
    r"^(?:[-–]?\d[\d.,]*\s*(?:%|[-–]\s*\d{4}$)|(?:USD|US\$|\$|EUR|€|GBP|£|INR|₹|JPY|¥|CNY|RMB)\s?\d)"
)
_TITLE_PARTS = re.compile(r"\s+[|–—]\s+|\s+-\s+")


@dataclass
class _Collected:
    """Blocks routed to the part of the report they belong to."""

    title_heading: str
    title_names_market: bool = True  # False: the page's own title, which names no market
    headline: str | None = None
    summary: str | None = None
    figure_texts: list[str] = field(default_factory=list)  # other homes of headline figures
    # Paragraphs with figures under any other heading ("Demand Scenario" under a heading read
    # as trends): read last, for what nothing before them stated.
    late_figure_texts: list[str] = field(default_factory=list)
    # A report-scope table's figure rows under a heading read as segments ("Report Scope and
    # Segmentation": "Market size in 2021 | $40.0 billion", "Rate of growth | CAGR of 4.8%").
    scope_figure_rows: list[str] = field(default_factory=list)
    # Headings of the introduction or overview that state figures ("Global X Market Estimated
    # $18 Billion In 2020" under the `<h1>` "X Market"): read after the title, like it.
    figure_headings: list[str] = field(default_factory=list)
    loose_paragraphs: list[str] = field(default_factory=list)
    headed_segments: list[tuple[str, SegmentDimension, list[str]]] = field(default_factory=list)
    listed_segments: list[tuple[SegmentDimension, str]] = field(default_factory=list)
    # After "… the X market is segmented by technology into", the dimension of the items that
    # follow, one a list item or an enumerated paragraph ("a) Glucose Oxidase")
    lead_dimension: SegmentDimension | None = None
    # After "There are two main types of X:" (2.4.29), the dimension of the items that follow,
    # each named before its description ("Hemodialysis — This method uses …")
    list_lead_dimension: SegmentDimension | None = None
    segmentation_prose: list[str] = field(default_factory=list)
    # Paragraphs of any other section that may segment the market ("The X market, by route of
    # administration, is segmented into …" after a players list): read for labelled lists only.
    labelled_segmentation_prose: list[str] = field(default_factory=list)
    trends: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    faq_blocks: list[Block] = field(default_factory=list)
    # The FAQ section's answers: the figures and players of a page that states them nowhere
    # else (a page whose questions are buttons the text lost).
    answer_texts: list[str] = field(default_factory=list)
    # Question headings and their answers outside an FAQ section: the FAQs of a page that has
    # no such section but asks several questions ("How Big is the X Market?").
    question_blocks: list[Block] = field(default_factory=list)
    company_entries: list[str] = field(default_factory=list)
    # Every paragraph outside chrome, FAQs and the players section, where players ("key players
    # include …") and ranked segments ("A is the largest segment") are read wherever they are
    prose_anywhere: list[str] = field(default_factory=list)
    players_lead: bool = False  # the last paragraph ended "… major players, such as"
    # … and its last sentence is that lead alone ("Key players in the market include:"): the
    # names that follow need no legal form ("Strategies adopted by key players include:" does)
    players_named: bool = False
    # After a paragraph ending "… the companies … :", the profiles of the blocks that follow
    profile_run: NameRun | None = None
    ranked_names: list[str] = field(default_factory=list)  # "1. Viatris" headings
    players_table: PlayersColumn | None = None  # in a table with a column of players
    in_table: bool = False  # the last block was a table row
    players_said: bool = False  # under the current heading, a block spoke of companies
    ranked_run: NameRun = field(default_factory=lambda: NameRun(ranked_enough))  # "1) Sonova: 24%"
    bare_run: NameRun = field(default_factory=lambda: NameRun(players_run))  # "Curium", a paragraph
    lead_names: list[str] = field(default_factory=list)  # then one name a paragraph so far
    # A report-scope row or a title restated in prose: "By Type (A, B), By …"
    segment_group_texts: list[str] = field(default_factory=list)
    region_lines: list[str] = field(default_factory=list)


def _is_noise(block: Block) -> bool:
    return block.link_only or is_chrome_line(block.text)


def _join_label_values(blocks: list[Block]) -> list[Block]:
    """A snapshot widget's label and value in blocks of their own ('CAGR (2025-2030)', '9.80%';
    'Market Size (2024)', 'USD 642.41 Million') become one line, 'CAGR (2025-2030): 9.80%'."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if previous is not None and _is_value(block) and _is_label(previous):
            joined[-1] = Block(f"{previous.text}: {block.text}", lines=(previous.text,))
        elif previous is not None and _is_segment_list_after_label(previous, block):
            line = f"{previous.text.rstrip(':;')}: {block.text}"
            joined[-1] = Block(line, lines=(line,))
        else:
            joined.append(block)
    return joined


def _is_label(block: Block) -> bool:
    text = block.text
    short = len(text.split()) <= _MAX_LABEL_WORDS and not text.endswith((".", ":", "?"))
    return short and not block.is_heading and not block.list_item and text[:1].isalpha()


def _is_value(block: Block) -> bool:
    return (
        block.text[:1] in _SNAPSHOT_VALUE_STARTS  # the cheap tests first
        and _SNAPSHOT_VALUE.match(block.text) is not None
        and not block.is_heading
        and len(block.text.split()) <= _MAX_VALUE_WORDS
    )


def _is_segment_list_after_label(label: Block, block: Block) -> bool:
    """'By Therapy Type;' in a paragraph of its own, then 'A, B, and Others' in the next."""
    return (
        not label.is_heading
        and not block.is_heading
        and "," in block.text
        and len(block.text) <= _MAX_SEGMENT_LIST_CHARS
        and _BY_LABEL_LINE.fullmatch(label.text) is not None
        and len(split_segment_names(block.text)) >= 2
    )


def _title_from_meta(meta: PageMeta) -> str | None:
    """The part of a page title that names the market ('X Market Size … | Publisher')."""
    for title in meta.titles:
        parts = _TITLE_PARTS.split(title)
        for part in parts:
            before, *after = _MARKET_WORD.split(part, maxsplit=1)
            if after and before.strip() and not names_nothing(before):  # not "Market" alone
                return part
    return None


def _names_a_market(heading: str, *, h1: bool = False) -> bool:
    """A heading that could be the report's title: it names a market, and is not a section
    heading such as 'Market Overview' or 'X Market By Application', nor a sentence about 'the
    market' ('Increasing Prevalence of Cancer is Driving the Market Growth'). A page's `<h1>`
    may end in a section's word ("X Market Assessment Trends (2020-2026)")."""
    if heading.rstrip().endswith("?"):
        return False  # a question about the market ("What is the Healthcare Market?")
    if _SEGMENT_STATEMENT.match(heading):
        return False  # "By application, the X market for abdominal use is expected to lead"
    before, *after = _MARKET_WORD.split(heading, maxsplit=1)
    # words, not an outline's numbers ("2.Market Overview")
    words_before = [word for word in before.lower().split() if any(c.isalpha() for c in word)]
    if not after or not set(words_before) - _GENERIC_WORDS:
        return False
    if words_before[-1] in _DETERMINERS or names_nothing(before):
        return False  # "A rapidly growing market" (2.4.15)
    if names_only_a_region(market_phrase(before)):
        return False  # "Impact of COVID-19 on the European Market": which market?
    return classify_heading(before if h1 else heading) in (None, Section.OVERVIEW, Section.OTHER)


def _find_title(blocks: list[Block], meta: PageMeta) -> tuple[str, int, bool]:
    """The title, the index of the first block after it, and whether it names the market: the
    first heading naming the market, the page's own title, the headline sentence's subject,
    else the first heading; on a page with figures and none of those, its own title."""
    headings = [(i, b) for i, b in enumerate(blocks) if b.is_heading]
    for index, block in headings:
        heading = as_market_heading(block.text)
        if (index < 5 or block.is_h1) and _names_a_market(heading, h1=block.is_h1):
            return block.text, index + 1, True
    h1 = next((index for index, block in headings if block.is_h1), None)
    start = h1 + 1 if h1 is not None else 0
    if meta_title := _title_from_meta(meta):
        return meta_title, start, True
    for block in blocks[:_HEADLINE_SEARCH_BLOCKS]:
        if mentions_headline_figures(block.text) and (title := _title_in_headline(block.text)):
            return title, 0, True
    if headings and headings[0][0] < 5 and _MARKET_WORD.search(headings[0][1].text):
        return headings[0][1].text, headings[0][0] + 1, True
    first = blocks[0]
    if len(first.text.split()) <= _MAX_TITLE_WORDS and _MARKET_WORD.search(first.text):
        return first.text, 1, True
    for block in blocks[:_SUBJECT_SEARCH_BLOCKS]:
        if title := title_from_subject(block.text) or title_from_lead(block.text):
            return title, 0, True  # "… drive the growth of the global X market": no figures stated
    if headings and headings[0][0] < 5:
        return headings[0][1].text, headings[0][0] + 1, True
    for block in blocks[:_SUBJECT_SEARCH_BLOCKS]:
        if title := title_from_sector(block.text):
            return title, 0, True  # "The global pharmaceutical sector remains …"
    for block in blocks[:_HEADLINE_SEARCH_BLOCKS]:
        if mentions_headline_figures(block.text) and (title := title_from_industry(block.text)):
            return title, 0, True  # "… the coffee industry is set to reach $161.66 billion by 2030"
    # A page that states figures but names its market nowhere a title is read from: its own
    # title (or first heading) rather than no report at all (SPEC §2).
    if any(mentions_headline_figures(b.text) for b in blocks[:_HEADLINE_SEARCH_BLOCKS]):
        page_titles = [_TITLE_PARTS.split(title)[0].strip() for title in meta.titles]
        if fallback := next((t for t in page_titles if t), None):
            return fallback, start, False
        if headings:
            return headings[0][1].text, headings[0][0] + 1, False
    raise ReportParseError("no recognisable title (no heading naming the market)")


def _title_in_headline(text: str) -> str | None:
    """The report title a press release quotes, else the headline sentence's subject."""
    quoted = _QUOTED_TITLE.search(text)
    if quoted and len(quoted["title"].split()) > 1:
        return quoted["title"].strip()
    if title := title_from_headline(text):
        return title
    # "Biosimilars are a central part of … The Indian biosimilars market was valued at …":
    # the subject of the sentence that states the figures (2.4.13)
    for sentence in split_sentences(text)[1:]:
        if mentions_headline_figures(sentence) and (title := title_from_headline(sentence)):
            return title
    return None


def _collect(blocks: list[Block], meta: PageMeta) -> _Collected:
    """Route the page's content blocks (chrome and boilerplate lines already left out)."""
    title, first_index, named = _find_title(blocks, meta)
    collected = _Collected(title_heading=title, title_names_market=named)
    # a release's title may name the players: "X Market to 2026 Major Market Players Include
    # A, B, C" (2.4.29)
    collected.prose_anywhere.append(title)
    section = Section.INTRO
    dimension = SegmentDimension.APPLICATION
    item_heading: str | None = None  # a bold sub-heading inside trends or opportunities
    page_heading = next((block for block in blocks if block.is_heading), None)
    if page_heading is not None and not page_heading.is_h1:
        page_heading = None  # a first `<h2>` may well open a section
    asking = False  # under a question heading outside an FAQ section
    ranking_page = page_heading is not None and bool(_RANKING_TITLE.search(page_heading.text))
    for block in map(_as_faq_label, _content_after_title(blocks, first_index)):
        if block.is_heading:  # what was said of players was said under the last heading
            collected.players_said = mentions_players(block.text)
            _end_runs(collected)
        if block is page_heading:
            # it names the report ("X Market Latest Trends …"), not a section; a heading that
            # is the headline sentence ("The global market for X is predicted to grow at a
            # CAGR of …") is read as one
            if collected.headline is None and mentions_headline_figures(block.text):
                collected.headline = block.text
            continue
        if block.is_heading and not _opens_answer(block, collected.question_blocks):
            asking = section is not Section.FAQS and block.text.rstrip().endswith("?")
        elif section is not Section.FAQS and is_labelled_question(block.text):
            asking = True  # "Q. What is …?" paragraphs: questions without an FAQ heading
        if asking:
            collected.question_blocks.append(block)
        if block.is_heading and not (section is Section.FAQS and block.text.endswith("?")):
            heading = strip_list_marker(block.text)  # "2. Type": outline numbering is no word
            if section in (Section.INTRO, Section.OVERVIEW) and mentions_headline_figures(heading):
                collected.figure_headings.append(heading)
            heading_section = classify_heading(heading)
            if heading_section is not None:
                section, item_heading = heading_section, None
                if section is Section.APPLICATIONS:
                    dimension = dimension_of(heading) or SegmentDimension.OTHER
                continue
            if section is Section.APPLICATIONS and BY_LABEL.match(heading):
                along = dimension_of(heading)  # "By Nation:" groups regions, not segments
                section, dimension = (section, along) if along else (Section.REGIONS, dimension)
                continue
            if section is Section.INTRO and (restated := _RESTATED_TITLE.search(heading)):
                # a subtitle "X Market, By Product Type (A, B), By Application (C, D)"
                collected.segment_group_texts.append(_restated_title(heading, restated.start()))
                continue
            ranked = ranking_page and _RANKED_HEADING.match(block.text)
            if ranked and (name := company_from_line(block.text)):
                collected.ranked_names.append(name)
                continue
            if section in (Section.INTRO, Section.APPLICATIONS):
                if _is_segment_heading(heading, section):
                    collected.headed_segments.append((heading.rstrip(":"), dimension, []))
                    section = Section.APPLICATIONS
                continue
            if section in (Section.TRENDS, Section.OPPORTUNITIES):
                item_heading = strip_list_marker(block.text).rstrip(":")
                continue
            if section is Section.COMPANIES and company_from_line(block.text) is None:
                section = Section.OTHER  # "Key Target Audience": the players' list has ended
            if section is not Section.FAQS:
                continue  # an unclassified heading elsewhere names nothing we keep
        _route(collected, section, block, item_heading, dimension)
        item_heading = None
    _end_players_lead(collected)  # the page may end with the names
    _end_runs(collected)
    return collected


_MAX_LABEL_WORDS = 4


def _as_faq_label(block: Block) -> Block:
    """A paragraph "FAQ:" or "Frequently Asked Questions:" opens the FAQs as a heading would;
    under a players heading its "Q1: …" lines had become company names (2.4.29)."""
    text = block.text
    if block.is_heading or not text.endswith(":") or len(text.split()) > _MAX_LABEL_WORDS:
        return block
    return replace(block, is_heading=True) if classify_heading(text) is Section.FAQS else block


def _content_after_title(blocks: list[Block], first_index: int) -> list[Block]:
    """The blocks after the title; when the title heading follows the headline paragraph (a
    press release's lead, then "X Market Highlights"), from that paragraph on, title left out.
    Above an `<h1>` there is only page chrome (teasers of other reports with their figures)."""
    if first_index == 0 or blocks[first_index - 1].is_h1:
        return blocks[first_index:]
    lead = next(
        (
            index
            for index, block in enumerate(blocks[: max(0, first_index - 1)])
            if not block.is_heading and mentions_headline_figures(block.text)
        ),
        None,
    )
    if lead is None:
        return blocks[first_index:]
    return blocks[lead : first_index - 1] + blocks[first_index:]


def _opens_answer(heading: Block, asked: list[Block]) -> bool:
    """A bold line right under a question heading, before any answer ("Is dentistry a growing
    industry?" then "Job Outlook"): the answer's first line, not a new section."""
    question = asked[-1] if asked else None
    return (
        question is not None
        and question.is_heading
        and question.text.rstrip().endswith("?")
        and not heading.text.rstrip().endswith("?")
        and len(heading.text.split()) <= _MAX_ANSWER_LEAD_WORDS
    )


def _is_segment_heading(text: str, section: Section) -> bool:
    """An unclassified heading names a segment inside a segmentation section, or in the
    introduction when it is short and not about the market as a whole."""
    words = len(text.split())
    if section is Section.APPLICATIONS and text.endswith(":"):
        text = text[:-1]  # "1. Hospitals and Clinical Services:" under "Major Segments"
    if text.endswith(("?", ":")) or _MARKET_WORD.search(text):
        return False
    if section is Section.APPLICATIONS:
        return words <= _MAX_SEGMENT_HEADING_WORDS
    return words <= _MAX_SEGMENT_HEADING_WORDS and bool(_SEGMENT_WORD.search(text))


# 2.4.17: a report-scope row that states the market's size, forecast or growth rate.
_SCOPE_FIGURE_ROW = re.compile(
    r"(?:market\s+size|market\s+value|revenue(?:\s+forecasts?)?|(?:rate\s+of\s+)?growth"
    r"(?:\s+rate)?|CAGR)\b[^|]{0,40}\|",
    re.IGNORECASE,
)
_LATE_FIGURE_SECTIONS = (
    Section.TRENDS,
    Section.OPPORTUNITIES,
    Section.REGIONS,
    Section.OTHER,
    Section.COMPANIES,  # a wire copy's "Top Key Companies:" line, then the release goes on
)


def _route(
    collected: _Collected,
    section: Section,
    block: Block,
    item_heading: str | None,
    dimension: SegmentDimension,
) -> None:
    text = block.text
    if _follow_segments_lead(collected, block):
        return
    if _route_players_table(collected, text):
        return
    _follow_ranking(collected, block)
    _follow_bare_names(collected, block, section)
    _follow_profiles(collected, block)
    collected.players_said = collected.players_said or mentions_players(text)
    if collected.players_lead and section is not Section.COMPANIES:
        if len(block.lines) == 1 and _names_one(strip_list_marker(text)):
            collected.lead_names.append(text)  # a name a paragraph: the run goes on
            return
        run = _end_players_lead(collected)
        # a name a line, or one line of them: "Accuray Incorporated, Elekta AB, …"
        one_line = companies_in_list(text) if len(block.lines) == 1 else []
        if not run and (names := _names_on_lines(block.lines) or one_line):
            collected.company_entries.extend(names)
            return
    if section not in (Section.CHROME, Section.FAQS, Section.COMPANIES):
        if names := _legal_names_alone(block):
            collected.company_entries.extend(names)  # no lead needed: the legal forms say it
            return
        collected.prose_anywhere.append(text)
        collected.players_lead = text.endswith(_PLAYERS_LEAD_ENDINGS) and bool(
            _PLAYERS_LEAD.search(text[-_PLAYERS_LEAD_CHARS:])
        )
        # its last sentence, split off only after a lead (every paragraph comes here)
        collected.players_named = collected.players_lead and bool(
            _NAMED_PLAYERS_LEAD.match(text.rsplit(". ", 1)[-1])
        )
        lead = text[-_PROFILES_LEAD_CHARS:]
        if _PROFILES_LEAD.search(lead) and not _NOT_PROFILES_LEAD.search(lead):
            _end_profile_run(collected)
            collected.profile_run = NameRun(profiles_enough)
    restated = section in (Section.INTRO, Section.OVERVIEW) and (
        "Market" in text or text.startswith("Segment")
    )
    # "… based on By Type (A and B), By Application (C, D)." (2.4.29): after a quoted title,
    # or alone; a restated title or a coverage line reads its groups itself, nested ones too
    groups = _BY_GROUPS.search(text) if section in (Section.INTRO, Section.OVERVIEW) else None
    if restated and (title := _RESTATED_TITLE.search(text)):
        collected.segment_group_texts.append(_restated_title(text, title.start()))
    elif restated and (quoted := _QUOTED_TITLE.search(text)):
        collected.segment_group_texts.append(quoted["title"])  # 'a report titled "X (A, B) Market"'
        if groups:
            collected.segment_group_texts.append(text[groups.start() :])
    elif section in (Section.INTRO, Section.OVERVIEW) and _COVERAGE_LINE.match(text):
        collected.segment_group_texts.append(_restated_title(text, 0))
    elif groups:
        collected.segment_group_texts.append(text[groups.start() :])
    elif restated and study_by_groups(text):  # "X Market Study by A, B and C, from 2024 to …"
        collected.segment_group_texts.append(text)

    scope_row = section is Section.APPLICATIONS and _SCOPE_FIGURE_ROW.match(text)
    if scope_row and mentions_headline_figures(text):
        collected.scope_figure_rows.append(text)
        return
    if section in (Section.INTRO, Section.OVERVIEW, Section.APPLICATIONS):
        if _route_segment_list(collected, section, block, dimension):
            return
        collected.segmentation_prose.append(text)
    elif (
        section is Section.TRENDS and block.list_item and _route_labelled_segment(collected, block)
    ):
        return  # a key-takeaways list under a trends heading: "By Type - A segment led …"
    elif section not in (Section.CHROME, Section.FAQS) and _segments_the_market(text):
        collected.labelled_segmentation_prose.append(text)
    if section in (Section.INTRO, Section.APPLICATIONS):
        if section is Section.INTRO and mentions_headline_figures(text):
            if collected.headline is None:
                collected.headline = text
                if len(text.split(". ")) <= 2:
                    return  # a one-sentence headline is not the summary
            else:
                collected.figure_texts.append(text)
        elif section is Section.APPLICATIONS and mentions_headline_figures(text):
            # under "X market segments": read last, its sentences about the market alone (2.4.21)
            collected.late_figure_texts.append(text)
        if collected.summary is None and _reads_as_summary(text):
            collected.summary = text
        elif collected.headed_segments:
            collected.headed_segments[-1][2].append(text)
        else:
            collected.loose_paragraphs.append(text)
    elif section is Section.OVERVIEW:
        if mentions_headline_figures(text):
            collected.figure_texts.append(text)
        if collected.summary is None and not block.list_item and _is_overview_summary(text):
            collected.summary = text
    elif section in _LATE_FIGURE_SECTIONS and mentions_headline_figures(text):
        collected.late_figure_texts.append(text)
    if section in (Section.TRENDS, Section.OPPORTUNITIES):
        items = split_numbered_items(text)
        if item_heading:
            items[0] = f"{item_heading}: {items[0]}"
        target = collected.trends if section is Section.TRENDS else collected.opportunities
        target.extend(items)
    elif section is Section.FAQS:
        collected.faq_blocks.append(block)
        if not block.is_heading and not text.rstrip().endswith("?"):
            collected.answer_texts.append(text)
    elif section is Section.COMPANIES:
        collected.company_entries.extend(strip_list_marker(line) for line in block.lines)
    if " | " in text:
        _route_table_row(collected, text)
    elif section is Section.REGIONS:
        collected.region_lines.extend(strip_list_marker(line) for line in block.lines)


def _names_one(line: str) -> bool:
    """A line that is a company's name, with a figure at most ("Acme AG: $12.4 billion"), not
    a term and its definition ("Medical Device Rules (2017): Notified in 2017 & …")."""
    _, colon, described = line.partition(":")
    short = not colon or len(described.split()) <= _MAX_RANKING_TAIL_WORDS
    return short and company_from_line(line) is not None


def _end_players_lead(collected: _Collected) -> bool:
    """Close a run of one-name paragraphs after "… leading players include": its names are
    players when they pass as a list of names, or after a lead that is only that sentence,
    when two at least are names. Whether there was a run."""
    run, collected.lead_names, collected.players_lead = collected.lead_names, [], False
    named = [company_from_line(strip_list_marker(line)) for line in run]
    if collected.players_named and len(named) >= 2 and all(named):
        collected.company_entries.extend(name for name in named if name)
    else:
        collected.company_entries.extend(_listed_players(named, run))
    return bool(run)


def _follow_profiles(collected: _Collected, block: Block) -> None:
    """After a profiles lead, a block of profiles goes on the run; any other block ends it."""
    if collected.profile_run is None:
        return
    names = [profiled_company(strip_list_marker(line)) for line in block.lines]
    if all(names):
        collected.profile_run.names.extend(name for name in names if name)
    else:
        _end_profile_run(collected)


def _end_profile_run(collected: _Collected) -> None:
    if collected.profile_run is not None:
        collected.profile_run.end(collected.company_entries)
        collected.profile_run = None


def _follow_segments_lead(collected: _Collected, block: Block) -> bool:
    """Whether `block` is an item of the segments a paragraph announced ('… segmented by
    technology into', then 'a) Glucose Oxidase'); a paragraph ending so starts such a run,
    anything else ends it."""
    item = _ENUMERATOR.sub("", strip_list_marker(block.text))
    listed = block.list_item or item != block.text
    if listed and (label := _list_label(item)):  # "- Segmentation by Product Type", items next
        collected.lead_dimension = dimension_of(label)
        return True
    if collected.lead_dimension is not None and listed and len(block.lines) == 1:
        name = item.rstrip(".;,")
        if len(name.split()) <= _MAX_LIST_SEGMENT_WORDS and ". " not in name:
            collected.listed_segments.append((collected.lead_dimension, name))
            return True
    lead_dimension = collected.list_lead_dimension
    if lead_dimension is not None and len(block.lines) == 1:
        # a list item, or a paragraph "Clinical Chemistry: routine lab testing; …"
        described = described_items(item, lead_dimension, listed=listed)
        if described:
            collected.listed_segments.extend(described)
            return True
    collected.list_lead_dimension = None
    # The ending first: almost no paragraph ends with "into", and the pattern tries each verb.
    ends_a_lead = not listed and block.text.rstrip(" :").endswith("into")
    lead = _SEGMENTS_LEAD.search(block.text) if ends_a_lead else None
    collected.lead_dimension = dimension_of(lead["label"]) if lead else None
    if not listed and lead is None and block.text.endswith((":", "–", "—", "-")):
        collected.list_lead_dimension = list_lead_dimension(block.text)
    return False


def _list_label(item: str) -> str | None:
    """The dimension a list item announces for the items after it ('Segmentation by Product
    Type', 'By Application:'), None for any other item."""
    # The cheap tests first: every list item of a page comes here.
    if len(item.split()) > _MAX_LIST_LABEL_WORDS or not (labelled := BY_LABEL.search(item)):
        return None
    if classify_heading(item) not in (Section.APPLICATIONS, Section.REGIONS):
        return None
    return str(labelled["label"]).rstrip(":")


def _end_runs(collected: _Collected) -> None:
    """A run of profiles, ranked lines, bare names or announced segments ends at a heading, and
    with the page."""
    collected.lead_dimension = collected.list_lead_dimension = None
    _end_profile_run(collected)
    collected.ranked_run.end(collected.company_entries)
    collected.bare_run.end(collected.company_entries)


def _names_on_lines(lines: tuple[str, ...]) -> list[str]:
    """The company names of a block that is nothing but names, one a line (two at least, one
    with a legal form: "Product launches" and "Partnerships" are no players)."""
    return _listed_players([company_from_line(strip_list_marker(line)) for line in lines], lines)


def _listed_players(names: list[str | None], lines: Sequence[str]) -> list[str]:
    """The names read from `lines`, when every line is one and one carries a legal form."""
    if len(names) < 2 or not all(names) or not any(map(has_legal_form, lines)):
        return []
    return [name for name in names if name]


def _reads_as_summary(text: str) -> bool:
    """Prose of a few words at least, not a leftover label ('Main Content start here')."""
    return len(text.split()) >= _MIN_SUMMARY_WORDS and text.rstrip().endswith(_SENTENCE_ENDS)


def _is_overview_summary(text: str) -> bool:
    """An overview paragraph that reads as a summary; a one-sentence headline is not one."""
    one_sentence_headline = len(text.split(". ")) == 1 and mentions_headline_figures(text)
    return _reads_as_summary(text) and not one_sentence_headline


def _restated_title(text: str, start: int) -> str:
    """The restated title's sentence, bounded: a title's groups fit in a few lines."""
    window = text[start : start + _MAX_RESTATED_TITLE_CHARS]
    return window.split(". ", 1)[0]


def _follow_ranking(collected: _Collected, block: Block) -> None:
    """A block of ranked lines ("1) Sonova: 24%") goes on the run, when players were spoken of
    under this heading; any other block ends it."""
    run = collected.ranked_run
    if not (run.names or collected.players_said):
        run.end(collected.company_entries)
        return  # the cheap test first: no run to start or go on
    names = [ranked_line_name(line, list_item=block.list_item) for line in block.lines]
    if all(names):
        run.names.extend(name for name in names if name)
    else:
        run.end(collected.company_entries)


def _follow_bare_names(collected: _Collected, block: Block, section: Section) -> None:
    """A paragraph that is only a company's name goes on the run; any other block ends it.
    In a players section, or after a players lead, such names are read already."""
    read_already = section is Section.COMPANIES or collected.players_lead
    name = bare_name(block.text) if len(block.lines) == 1 and not read_already else None
    if name:
        collected.bare_run.names.append(name)
    else:
        collected.bare_run.end(collected.company_entries)


# "Accuray Incorporated, Varian Medical Systems, Inc., Elekta AB, Ion Beam Applications S.A.":
# a paragraph that is nothing but a list of names, most of them carrying a legal form.
_MIN_LEGAL_NAMES = 3


def _legal_names_alone(block: Block) -> list[str]:
    text = block.text
    # Counted on the words first: most paragraphs have no legal form at all.
    if len(block.lines) != 1 or legal_form_count(text) < _MIN_LEGAL_NAMES:
        return []
    names = companies_in_list(text)
    legal = sum(has_legal_form(name) for name in names)
    return names if legal >= _MIN_LEGAL_NAMES and legal * 2 > len(names) else []


def _route_players_table(collected: _Collected, text: str) -> bool:
    """A players table's header and entry rows (anywhere on the page): whether this was one.
    Only a table's first row is its header: "Pharmaceutical companies | 30%" further down is
    an entry of a table of end users."""
    first_row, collected.in_table = not collected.in_table, " | " in text
    if not collected.in_table:
        collected.players_table = None  # the table has ended
        return False
    if first_row and (column := players_column(text)):
        collected.players_table = column
        return True
    if collected.players_table is None:
        return False
    names = names_in_row(text, collected.players_table)
    if names is None:
        collected.players_table = None
        return False
    collected.company_entries.extend(names)
    return True


def _route_table_row(collected: _Collected, row: str) -> None:
    """A report-scope table's 'Key Players | A, B, C' and 'Segments Covered | Type (A, B)'."""
    label, _, value = row.partition(" | ")
    if _PLAYERS_LABEL.search(label) and _LISTS_SEVERAL.search(value):  # not "Players | Value"
        collected.prose_anywhere.append(f"Key players include {value}")
    elif _SEGMENTS_LABEL.search(label):
        collected.segment_group_texts.append(value.replace("), ", "), By ").join(("By ", "")))


def _route_labelled_segment(collected: _Collected, block: Block) -> bool:
    """'By Type: A, B' on one of the block's lines: its segments, along a known dimension."""
    for line in block.lines:
        if labelled := labelled_segment_list(line) or _dimension_labelled_list(line):
            along = dimension_of(labelled[0])
            if along is not None:
                collected.listed_segments.extend((along, name) for name in labelled[1])
            return True
    return False


def _route_segment_list(
    collected: _Collected, section: Section, block: Block, dimension: SegmentDimension
) -> bool:
    """'By Type: A, B' anywhere, or a short list item in a segmentation section: segments."""
    if _route_labelled_segment(collected, block):
        return True
    if section is not Section.APPLICATIONS:
        return False
    if not block.list_item:  # "Simple Generics, Super Generics, Biosimilars": a list as a line
        text = block.text.rstrip(".")
        lone_list = "," in text and not any(mark in text for mark in (". ", "|"))  # no table
        names = split_segment_names(text) if lone_list else []
        if len(names) < 2:
            return False
        collected.listed_segments.extend((dimension, name) for name in names)
        return True
    name = strip_list_marker(block.text).rstrip(".:")
    named, colon, _ = name.partition(": ")  # "Devices: Physical hardware that …"
    if colon and _names_before_colon(named):
        name = named
    if len(name.split()) > _MAX_LIST_SEGMENT_WORDS or ". " in name:
        return False
    collected.listed_segments.append((dimension, name))
    return True


def _names_before_colon(head: str) -> bool:
    """'Cardiometabolic Conditions' of 'Cardiometabolic Conditions: Solutions for …' names a
    segment; 'Technology Platforms' (a dimension) and 'Arabica and Robusta coffee beans'
    (lowercase: a phrase, maybe several names) are left to the other rules."""
    words = head.split()
    # an abbreviation in parentheses is title case too: "Sublingual Immunotherapy (SLIT)"
    titled = all(word.lstrip("(")[:1].isupper() or word.lower() in _NAME_JOINERS for word in words)
    return (
        0 < len(words) <= _MAX_NAME_BEFORE_COLON_WORDS
        and titled
        and classify_heading(head) is not Section.APPLICATIONS
    )


def _dimension_labelled_list(line: str) -> tuple[str, list[str]] | None:
    """'Application: Kidney Cancer, Breast Cancer': a list whose label is a dimension's name
    (two names at least; 'Type: PDF' is a format)."""
    label, colon, items = line.partition(": ")
    if not colon or len(label.split()) > _MAX_DIMENSION_LABEL_WORDS:
        return None
    if classify_heading(label) is not Section.APPLICATIONS:
        return None
    names = split_segment_names(items)
    return (label, names) if len(names) >= 2 else None


def _assemble_segments(collected: _Collected, *, own_name: str) -> list[ParsedSegment]:
    """Segments in report order: the title's 'By X (A, B)' groups, prose 'segmented into A, B'
    (else those the seed family describes only in prose), headed ones, listed ones, then those
    a sentence has as its subject ('the A segment accounted for …')."""
    found: dict[str, ParsedSegment] = {}

    def add(name: str, dimension: str, description: str = "") -> None:
        name = without_segment_number(name)
        key = segment_key(name)
        if len(key) < 2 or reads_as_prose(name):
            return  # no name, a letter (a page's text cut short: "melanoma and n"), prose
        if names_no_segment(name):
            return  # "divided into five regions: North America, …"; "product type segmentation"
        if key in found:
            known = found[key]
            known.description = "\n\n".join(filter(None, (known.description, description)))
            if _capitalised_words(name) > _capitalised_words(known.name):
                known.name = segment_name(name)  # the form a heading or list capitalises
        else:
            found[key] = ParsedSegment(
                key=key, name=segment_name(name), description=description, dimension=dimension
            )

    def add_labelled(groups: Iterable[tuple[str, list[str]]]) -> None:
        for label, names in groups:
            along = dimension_of(label) if label else SegmentDimension.OTHER
            if along is not None:  # a region, not a segment
                for name in names:
                    add(name, along)

    add_labelled(
        chain.from_iterable(
            title_segment_groups(text)
            for text in (collected.title_heading, *collected.segment_group_texts)
        )
    )
    segmented = [
        (label, with_shared_head(names, collected.title_heading))
        for text in collected.segmentation_prose
        for label, names in segmentation_sentence(text) + kinds_of_market(text, own_name)
    ]
    add_labelled(segmented)
    add_labelled(
        (label, names)
        for text in collected.labelled_segmentation_prose
        for label, names in segmentation_sentence(text)
        if label and dimension_of(label) not in (None, SegmentDimension.OTHER)
    )
    if not segmented:  # the seed family describes its segments in prose, never "segmented into"
        headed_keys = {segment_key(heading) for heading, _, _ in collected.headed_segments}
        for segment in _prose_segments(collected, headed_keys).values():
            add(segment.name, segment.dimension, segment.description)
    for heading, dimension, paragraphs in collected.headed_segments:
        add(heading, dimension, "\n\n".join(paragraphs))
    for dimension, name in collected.listed_segments:
        add(without_breakdown_share(name), dimension)
    # Segments as subjects: "the A and B segments …"; and "Oncology is the largest application
    # segment" in any section, drivers included
    subjects = chain(
        (group for text in collected.segmentation_prose for group in segment_subjects(text)),
        (group for text in collected.prose_anywhere for group in ranked_segments(text)),
    )
    add_labelled(
        (label, [_as_listed(name, collected.title_heading, found) for name in names])
        for label, names in subjects
    )
    return list(found.values())


def _as_listed(name: str, title: str, found: dict[str, ParsedSegment]) -> str:
    """A segment named as a subject, as the page lists it: 'the syringes hospital supplies
    segment' of a Hospital Supplies Market page that lists syringes is syringes (the market's
    own name goes), 'the oral drug delivery system' of a page that lists oral drug delivery is
    that (one word more); 'targeted cancer therapy' stays, with no 'targeted' listed."""
    words = name.split()
    for start in range(1, len(words)):
        listed = found.get(segment_key(" ".join(words[:start])))
        if listed is None:
            continue
        tail = " ".join(words[start:])
        if start == len(words) - 1 or re.search(rf"\b{re.escape(tail)}\s+market\b", title, re.I):
            return listed.name
    # "the traditional segment" of a page that lists "traditional wound care" (2.4.31)
    prefix = f"{segment_key(name)}-"
    longer = [listed.name for key, listed in found.items() if key.startswith(prefix)]
    return longer[0] if len(longer) == 1 else name


def _capitalised_words(name: str) -> int:
    return sum(word[:1].isupper() for word in name.split())


def _prose_segments(collected: _Collected, headed_keys: set[str]) -> dict[str, ParsedSegment]:
    """Segments a report names in its prose and describes in paragraphs of their own."""
    prose_texts = [collected.summary or "", *collected.loose_paragraphs]
    candidates = find_named_segments(prose_texts)
    for heading, _, _ in collected.headed_segments:
        candidates[segment_key(heading)] = make_candidate(heading)
    prose: dict[str, ParsedSegment] = {}
    for paragraph in collected.loose_paragraphs:
        about = dominant_segment(paragraph, candidates)
        if about is None or about in headed_keys:
            continue  # an overview of segments the report describes under their own headings
        if about in prose:
            prose[about].description += "\n\n" + paragraph
        else:
            prose[about] = ParsedSegment(
                key=about, name=candidates[about].name, description=paragraph
            )
    return prose


def _company_names(collected: _Collected) -> list[str]:
    """The key-players section's entries (a name per line, a ranking, a table's first
    column, or its 'include A, B and C' sentences), with such sentences anywhere (2.4.27);
    without entries, a ranking, else those sentences alone."""
    names: list[str] = []
    long_entries = {
        entry
        for entry in collected.company_entries
        if len(entry.split()) > _MAX_TITLE_WORDS // 2 and " | " not in entry
    }
    # "Equinix: A global leader …" paragraphs: names when the section holds two at least,
    # short ones counted too (2.4.27: "Halden (Iceland): A key innovator in bionics.")
    profiled = {
        entry: name for entry in collected.company_entries if (name := profiled_company(entry))
    }
    if len(profiled) < _MIN_LISTED_NAMES:
        profiled = {}
    for entry in collected.company_entries:
        if entry in long_entries:
            # else a line of names: "Accuray Incorporated, Varian Medical Systems, Inc., …"
            listed = _companies_in_prose(entry)
            if not listed and (profile := profiled.get(entry)):
                listed = [profile]
            # last, the lists of names the section's prose gives (2.4.30)
            names += (
                listed
                or _names_opening(entry)
                or list(chain.from_iterable(map(names_in_runs, split_sentences(entry))))
            )
        elif name := company_from_line(entry):
            names.append(name)
        elif " | " not in entry:  # "A, B and C", "Roche Diagnostics held 14.5% of …"
            names += companies_in_list(entry)
    if names:
        return names + list(chain.from_iterable(map(_companies_in_prose, collected.prose_anywhere)))
    if len(collected.ranked_names) >= _MIN_LISTED_NAMES:
        return collected.ranked_names
    # Every paragraph's players lists ("Some of the leading players … are A and B." then
    # "Prominent players in this market include A, B, … and M.", 2.4.15); else the FAQs'.
    names = list(chain.from_iterable(map(_companies_in_prose, collected.prose_anywhere)))
    if names:
        return names
    for text in collected.answer_texts:
        if listed := _companies_in_prose(text):
            return listed
    return []


# "The CRO industry is dominated by several key players …": the name opening a paragraph
# describes the industry; it is no player (2.4.32).
_INDUSTRY_AFTER_NAME = re.compile(r"\s+(?:industry|market|sector|segment|space|landscape)\b")


def _names_opening(entry: str) -> list[str]:
    """The names a players section's paragraph opens with ("DePuy Synthes (J&J) reported …")."""
    names = companies_in_list(entry)
    describes_industry = len(names) == 1 and entry.startswith(names[0])
    if describes_industry and _INDUSTRY_AFTER_NAME.match(entry, len(names[0])):
        return []
    return names


def _companies_in_prose(text: str) -> list[str]:
    """The names of every sentence's list: "… are the top three players. Other … include",
    and "The top 10 companies hold two-thirds of the market. These include A, B and C." """
    sentences = split_sentences(text)
    names = list(chain.from_iterable(map(companies_in_sentence, sentences)))
    for previous, sentence in pairwise(sentences):
        names += companies_after_lead(previous, sentence)
    return names


def _dedupe_companies(entries: list[str], warnings: list[ParsedWarning]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        split = split_company_entry(entry)
        if len(split) > 1:
            joined = ", ".join(f'"{name}"' for name in split)
            warnings.append(
                ParsedWarning(code="company_entry_split", message=f'split "{entry}" into {joined}')
            )
        for name in split:
            if name in seen:
                warnings.append(
                    ParsedWarning(
                        code="duplicate_company_dropped",
                        message=f'"{name}" is listed more than once',
                    )
                )
            else:
                names.append(name)
                seen.add(name)
    return names


def implied_cagr_percent(size: Amount | None, forecast: Amount | None) -> float | None:
    """(forecast / size) ^ (1 / years) - 1, in percent to 2 places; None when undefined or
    when the two are in different currencies."""
    if size is None or forecast is None or size.year is None or forecast.year is None:
        return None
    years = forecast.year - size.year
    if years <= 0 or size.amount <= 0 or forecast.amount <= 0 or size.currency != forecast.currency:
        return None
    growth: float = (forecast.amount / size.amount) ** (1 / years)
    return round((growth - 1) * 100, 2)


def _within_bounds(figures: HeadlineFigures, warnings: list[ParsedWarning]) -> HeadlineFigures:
    """The figures the data can hold: an amount over MAX_AMOUNT or an implausible CAGR is left
    out with a warning, so that the rest of the report still lands."""
    amounts = tuple(amount for amount in figures.amounts if amount.amount <= MAX_AMOUNT)
    if dropped := len(figures.amounts) - len(amounts):
        message = f"{dropped} amount(s) over {MAX_AMOUNT:,} left out as misread"
        warnings.append(ParsedWarning(code="amount_out_of_range", message=message))
    cagr = figures.cagr
    if cagr is not None and not plausible_cagr(cagr.percent):
        message = (
            f"the stated CAGR {cagr.percent}% is outside {MIN_CAGR_PERCENT}–{MAX_CAGR_PERCENT}%; "
            "left out as misread"
        )
        warnings.append(ParsedWarning(code="cagr_out_of_range", message=message))
        cagr = None
    elif cagr is not None and cagr.ranged:  # "a CAGR of 5-6%": no one rate to store (2.4.32)
        message = f"the stated CAGR is a range up to {cagr.percent}%; no single rate is stored"
        warnings.append(ParsedWarning(code="cagr_range", message=message))
        cagr = None
    if dropped or cagr is not figures.cagr:
        return HeadlineFigures(amounts, cagr)
    return figures


def _figure_warnings(
    figures: HeadlineFigures, implied: float | None, *, cagr_ranged: bool
) -> list[ParsedWarning]:
    warnings = []
    if figures.size is None:
        warnings.append(ParsedWarning(code="missing_size", message="no market size found"))
    elif figures.size.year is None:
        warnings.append(ParsedWarning(code="missing_size_year", message="size has no year"))
    if figures.forecast is None:
        warnings.append(ParsedWarning(code="missing_forecast", message="no forecast found"))
    elif figures.forecast.year is None:
        warnings.append(ParsedWarning(code="missing_forecast_year", message="forecast has no year"))
    if figures.cagr is None:
        if not cagr_ranged:  # a range has its own warning
            warnings.append(ParsedWarning(code="missing_cagr", message="no stated CAGR found"))
    elif implied is not None:
        gap = abs(figures.cagr.percent - implied)
        if gap > CAGR_MISMATCH_TOLERANCE_PP:
            warnings.append(
                ParsedWarning(
                    code="cagr_mismatch",
                    message=(
                        f"stated CAGR {figures.cagr.percent}% differs from the implied "
                        f"{implied}% by {gap:.2f} percentage points"
                    ),
                )
            )
    return warnings


def parse_report(
    html: str,
    *,
    file_name: str | None = None,
    sha256: str | None = None,
    encoding: str = "utf-8",
) -> ParsedReport:
    """Parse report HTML; raise ReportParseError when the page is not a usable report."""
    warnings: list[ParsedWarning] = []
    if encoding != "utf-8":
        warnings.append(
            ParsedWarning(code="non_utf8_text", message=f"decoded as {encoding}, not UTF-8")
        )
    repaired = repair_mojibake(html)
    if repaired != html:
        warnings.append(
            ParsedWarning(code="mojibake_repaired", message="repaired mis-decoded characters")
        )
    document = parse_document(repaired)
    if not document.blocks:
        raise ReportParseError("no text content")
    content = _join_label_values([block for block in document.blocks if not _is_noise(block)])
    if not content:
        raise ReportParseError("no text content")
    collected = _collect(content, document.meta)
    headline = _headline(collected)
    title = named_by_headline(parse_title(collected.title_heading, headline=headline), [headline])
    if not title.slug:
        raise ReportParseError(f"title {collected.title_heading!r} gives no usable slug")
    published_on = find_published_on(meta=document.meta, blocks=document.blocks)
    # A title that names no region leaves it to the headline's subject ("Japan's X market …")
    own_region = title.region or (subject_region(headline) if headline else None)
    figures = _within_bounds(
        _headline_figures(
            collected, own_name=title.name, own_region=own_region, published_on=published_on
        ),
        warnings,
    )
    size, forecast = figures.size, figures.forecast
    # the market the figures were read for names the report when its title names none (2.4.30)
    read_from = [amount.sentence for amount in (size, forecast) if amount]
    if (renamed := named_by_headline(title, read_from)) is not title:
        title, own_region = renamed, renamed.region or own_region
    cagr = _with_forecast_period(
        figures.cagr, title=collected.title_heading, blocks=document.blocks
    )
    implied = implied_cagr_percent(size, forecast)
    if implied is not None and not plausible_cagr(implied):
        message = f"the implied CAGR {implied}% is outside {MIN_CAGR_PERCENT}–{MAX_CAGR_PERCENT}%"
        warnings.append(ParsedWarning(code="implied_cagr_out_of_range", message=message))
        implied = None
    ranged = any(warning.code == "cagr_range" for warning in warnings)
    warnings.extend(_figure_warnings(figures, implied, cagr_ranged=ranged))
    stated = size or forecast
    currency = stated.currency if stated else None
    if currency not in (None, "USD"):
        warnings.append(
            ParsedWarning(
                code="non_usd_currency",
                message=f"amounts are stated in {currency}; size_usd and forecast_usd stay "
                "empty (no exchange rate is assumed)",
            )
        )
    if len(stated_in := sorted({figure.currency for figure in figures.figures})) > 1:
        message = (
            f"the dated figures are stated in {', '.join(stated_in)}; those in different "
            "currencies cannot be compared (no exchange rate is assumed)"
        )
        warnings.append(ParsedWarning(code="mixed_currencies", message=message))
    segments = _assemble_segments(collected, own_name=title.name)
    # "Medical And Diagnostic Laboratory Services" under "Top Key Companies:" is the market
    named = [name for name in _company_names(collected) if name.lower() != title.name.lower()]
    if not named and (named := known_companies_named(collected.prose_anywhere)):
        message = "no key-players list; the well-known companies the text names are listed"
        warnings.append(ParsedWarning(code="companies_from_mentions", message=message))
    companies = _dedupe_companies(named, warnings)
    faq_pairs, unanswered = pair_faqs(collected.faq_blocks)
    if not faq_pairs:
        asked, _ = pair_faqs(collected.question_blocks)
        if len(asked) >= _MIN_QUESTIONS_WITHOUT_FAQ_HEADING and _reads_as_faqs(asked):
            faq_pairs = asked
    faqs = [(pair.question, pair.answer) for pair in faq_pairs] + document.marked_up_faqs
    faqs = [clean_faq_pair(question, answer) for question, answer in faqs or document.meta.faqs]
    links = find_report_links(document.links)
    product_url = links.product_url or document.meta.canonical_url
    for present, code, message in (
        (segments, "missing_segments", "no segments found"),
        (companies, "missing_companies", "no company list found"),
        (faqs, "missing_faqs", "no FAQs found"),
        (collected.summary, "missing_summary", "no summary paragraph found"),
        (links.report_id or product_url, "missing_report_id", "no report id or product URL"),
        (collected.title_names_market, "unnamed_market", "no heading names the market"),
    ):
        if not present:
            warnings.append(ParsedWarning(code=code, message=message))
    if unanswered:
        warnings.append(
            ParsedWarning(code="faq_unanswered", message=f"{unanswered} question(s) without answer")
        )

    report = ParsedReport(
        slug=title.slug,
        title=title.title,
        name=title.name,
        # "Worldwide" too (2.4.26); one spelling per country (2.4.31)
        region=stored_region(one_region(own_region) or "Global"),
        summary=collected.summary,
        size_usd=size.usd if size else None,
        size_year=size.year if size else None,
        forecast_usd=forecast.usd if forecast else None,
        forecast_year=forecast.year if forecast else None,
        cagr_percent=cagr.percent if cagr else None,
        cagr_start_year=cagr.start_year if cagr else None,
        cagr_end_year=cagr.end_year if cagr else None,
        implied_cagr_percent=implied,
        currency=currency,
        figures=[
            ParsedFigure(
                year=figure.year,
                amount=figure.amount,
                currency=figure.currency,
                value_usd=figure.usd,
                sentence=figure.sentence,
            )
            for figure in figures.figures
            if figure.year is not None
        ],
        segments=segments,
        companies=companies,
        trends=collected.trends,
        opportunities=collected.opportunities,
        faqs=[ParsedFaq(question=question, answer=answer) for question, answer in faqs],
        regions_covered=[clean_text(line) for line in collected.region_lines if line],
        source=ReportSource(
            file=file_name,
            sha256=sha256,
            report_id=links.report_id,
            product_url=product_url,
            sample_url=links.sample_url,
            encoding=encoding,
            parser_version=PARSER_VERSION,
            publisher=find_publisher(
                meta=document.meta, blocks=document.blocks, links=document.links
            ),
            published_on=published_on,
            figure_sentences=FigureSentences(
                size=size.sentence if size else None,
                forecast=forecast.sentence if forecast else None,
                cagr=cagr.sentence if cagr else None,
            ),
        ),
        quality=ReportQuality(warnings=warnings),
    )
    return within_caps(report)


def _headline(collected: _Collected) -> str | None:
    """The introduction's first paragraph with figures; without one, the first overview
    paragraph with figures ("we expect recreational cannabis sales of $4.8bn in 2022e …"),
    read whole like a headline."""
    return collected.headline or next(iter(collected.figure_texts), None)


def _headline_figures(
    collected: _Collected, *, own_name: str, own_region: str | None, published_on: date | None
) -> HeadlineFigures:
    """The headline paragraph's figures, then those other introduction and overview
    paragraphs state for the market, then the title's (its amounts are often rounded)."""
    read = partial(
        parse_headline_figures,
        own_region=own_region,
        this_year=published_on.year if published_on else None,
    )
    figures = HeadlineFigures()
    headline = _headline(collected)
    overview = [text for text in collected.figure_texts if text is not headline]
    if headline:
        figures = read(headline)
    # Read last, and only sentences about this market: "The global aesthetic medicine market,
    # valued at $85.6 billion …" on a wound-dressing page is another market's figure.
    # The page's title and the market's name: a headline may name it and the title not
    # ("Why Probiotic Yogurt Drinks Are Evolving …" over "the global probiotics market …").
    own_words = frozenset(map(_word_stem, f"{collected.title_heading} {own_name}".split()))
    for text in (*overview, _own_sentences(collected.late_figure_texts, own_words)):
        figures = figures.then(read(text, market_sentences_only=True))
    for row in collected.scope_figure_rows:  # a report-scope table speaks of the market only
        figures = figures.then(read(row))
    if not figures.found_any:  # FAQ answers last: they restate what the page states elsewhere
        answers = _own_sentences(collected.answer_texts, own_words)
        figures = read(answers, market_sentences_only=True)
    figures = figures.then(read(collected.title_heading))
    return figures.then(
        read(_own_sentences(collected.figure_headings, own_words), market_sentences_only=True)
    )


def _own_sentences(texts: list[str], own_words: frozenset[str]) -> str:
    """The texts' sentences that name no other market than the title's."""
    return " ".join(
        sentence
        for text in texts
        for sentence in split_sentences(text)
        if not _names_another_market(sentence, own_words)
    )


_MIN_QUESTIONS_WITHOUT_FAQ_HEADING = 2  # one question heading is a rhetorical one
_MIN_QUESTION_WORDS = 4
# An FAQ answers in a few sentences; an article's question headings head sections of 70-130
# words (2.4.28).
_MAX_MEDIAN_ANSWER_WORDS = 60


def _reads_as_faqs(asked: Sequence[FaqPair]) -> bool:
    """Question headings with no FAQ heading over them are FAQs when most ask in full ("How
    big is the X market?") and answer briefly; a news story's "What's Next?" and "Why It's
    Important?" are its sections (2.4.27), and so are an article's questions each heading
    paragraphs of its own (2.4.28)."""
    full = sum(len(pair.question.split()) >= _MIN_QUESTION_WORDS for pair in asked)
    answer_words = sorted(len(pair.answer.split()) for pair in asked)
    brief = answer_words[len(answer_words) // 2] <= _MAX_MEDIAN_ANSWER_WORDS
    return 2 * full > len(asked) and brief


# Not "According to market research firm X": a firm's trade names no market.
_NAMED_MARKET = re.compile(
    r"\b(?P<words>(?:[\w'’-]+\s+){1,4})market\b(?!\s+(?:research|analysts?|intelligence)\b)",
    re.IGNORECASE,
)
_WORDS_NAMING_NO_MARKET = frozenset(
    "the this that its their our a an of in for global worldwide overall entire total whole "
    "broader wider".split()
)


def _word_stem(word: str) -> str:
    """'Probiotics' and 'probiotic' alike: lowercased, in the singular."""
    return in_singular(word.strip("'’").lower())


def _names_another_market(sentence: str, own: frozenset[str]) -> bool:
    """Whether the sentence names a market that shares no word with `own`, the title's."""
    for found in _NAMED_MARKET.finditer(sentence):
        # the words after the last that names nothing: "By 2020 the market" names none
        named: list[str] = []
        for word in (word.strip("'’").lower() for word in found["words"].split()):
            named = [] if word in _WORDS_NAMING_NO_MARKET else [*named, word]
        words = set(map(_word_stem, named))
        if words and not words & own:
            return True
    return False


def _with_forecast_period(
    cagr: StatedCagr | None, *, title: str, blocks: list[Block]
) -> StatedCagr | None:
    """A CAGR stated without its years spans the growth period its own paragraph dates ("…
    expected to register steady growth from 2025 to 2033 … at a CAGR of 6.2% during the
    forecast period", 2.4.29), else the report's forecast period, when the page states one
    ("Forecasts, 2024-2032" in its title, "Forecast Period: 2024-2031"); when it states
    several, the CAGR keeps no years. A CAGR stated with its end year alone starts where such
    a period ending in that year starts ("… to reach $X by 2027" under "Forecasts From 2022
    To 2027", 2.4.32)."""
    if cagr is None or cagr.start_year is not None:
        return cagr
    own = [block.text for block in blocks if cagr.sentence in block.text]
    everywhere = [title, *(block.text for block in blocks)]
    for pattern, texts in ((_GROWTH_PERIOD, own), (_FORECAST_PERIOD, everywhere)):
        if len(periods := _periods(pattern, texts)) == 1:
            ((start, end),) = periods
            if cagr.end_year in (None, end):
                return replace(cagr, start_year=start, end_year=end)
    return cagr


def _periods(pattern: re.Pattern[str], texts: list[str]) -> set[tuple[int, int]]:
    """The distinct (start, end) years `pattern` finds in `texts`, start before end."""
    return {
        (int(found["start"]), int(found["end"]))
        for text in texts
        for found in pattern.finditer(text)
        if int(found["start"]) < int(found["end"])
    }


def prepare_parser() -> None:
    """Load what parsing needs before worker processes fork, so that they share it."""
    inflector()


def parse_report_bytes(
    data: bytes, *, file_name: str | None = None, sha256: str | None = None
) -> ParsedReport:
    """Decode, fingerprint (unless the caller has: `sha256`) and parse a report file's bytes."""
    text, encoding = decode_report_bytes(data)
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    return parse_report(text, file_name=file_name, sha256=sha256, encoding=encoding)
