"""What a heading opens, and lines that are page chrome rather than report content."""

import functools
import re
from enum import StrEnum

from app.models import SegmentDimension


class Section(StrEnum):
    INTRO = "intro"
    OVERVIEW = "overview"  # market overview, size, key takeaways: the headline's other homes
    APPLICATIONS = "applications"  # segmentation, along one dimension at a time
    TRENDS = "trends"
    OPPORTUNITIES = "opportunities"
    FAQS = "faqs"
    COMPANIES = "companies"
    REGIONS = "regions"
    CHROME = "chrome"  # comments, related reports, contacts, purchase boxes: never content
    OTHER = "other"


# A heading longer than this is a title or a sentence in bold, not a section heading.
MAX_SECTION_HEADING_WORDS = 12
_DIMENSION_WORDS = (
    r"applications?|end[- ]?users?|end[- ]?uses?|types?|products?(?:\s+types?)?|technolog(?:y|ies)|"
    r"indications?|cancer\s+types?|disease\s+types?|drug\s+class(?:es)?|drug\s+types?|"
    r"route(?:\s+of\s+administration)?|distribution\s+channels?|channels?|therap(?:y|ies)|"
    r"treatments?(?:\s+types?)?|modalit(?:y|ies)|components?|services?|molecule\s+types?"
)
# Dimensions named only after "by" ("Breakdown of the market by category"): alone, as a
# heading ("Solutions", "Devices"), these words are as often a site's menu.
_BY_DIMENSION_WORDS = (
    rf"{_DIMENSION_WORDS}|categor(?:y|ies)|(?:dosage\s+)?forms?|sources?|materials?|"
    r"deployments?(?:\s+modes?)?|offerings?|solutions?|platforms?|procedures?|devices?|"
    r"samples?|tests?|age\s+groups?|genders?|(?:care\s+)?settings?|class(?:es)?"
)


def _heading_pattern(alternatives: str) -> re.Pattern[str]:
    """Every alternative starts a word: the leading \\b spares the long alternation every
    position inside a word (headings vary with each market, so they are rarely cached)."""
    return re.compile(rf"\b(?:{alternatives})", re.IGNORECASE)


# First match wins: "Regional Analysis" is regions, not OVERVIEW's "analysis".
_SECTION_HEADINGS: list[tuple[Section, re.Pattern[str]]] = [
    # (2.4.29: "Biotechnology Q&A", "Questions and Answers", "People Also Ask")
    (
        Section.FAQS,
        _heading_pattern(
            r"frequently asked|\bfaqs?\b|common questions|\bq\s?&\s?a\b"
            r"|questions\s+(?:and|&)\s+answers|people\s+also\s+ask"
        ),
    ),
    (
        Section.CHROME,
        _heading_pattern(
            r"leave a (?:reply|comment)|^comments?$|related (?:reports?|news|articles|posts)|"
            r"recent (?:posts|reports)|you may also like|^about\b(?!\s+(?:the|this)\s+"
            r"(?:market|report))|media contact|^contacts?\b|press contact|^share\b|"
            r"table of contents|disclaimer|privacy|cookie|newsletter|subscribe|^buy\b|"
            r"licen[cs]e|pricing|request (?:a )?(?:free )?sample|why (?:choose|buy)|"
            r"customi[sz]ation|methodology|testimonials|^tags$|^categories$|follow us|"
            r"^source:|browse|explore more|^search$",
        ),
    ),
    # "Top 10 Companies Based on Market Share": the players, whatever the heading goes on with.
    (
        Section.COMPANIES,
        _heading_pattern(
            r"^(?:top|leading|key|major)\s+(?:\d+\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:companies|players|vendors|manufacturers|providers|suppliers|firms|brands)\b"
        ),
    ),
    # "X Market Size and Trends", "Market Size & Share": where the headline sentence lives.
    (Section.OVERVIEW, _heading_pattern(r"market\s+size\b")),
    # Share charts and concentration notes are about the market's structure, not its players.
    (Section.OTHER, _heading_pattern(r"market\s+share|concentration")),
    (
        Section.COMPANIES,
        _heading_pattern(
            # "How competitive is the industry?" asks, it opens no players section
            r"\bcompan(?:y|ies)\b|\bplayers\b|manufacturers|vendors|(?<!how )competitive|"
            r"competitors"
        ),
    ),
    (Section.REGIONS, _heading_pattern(r"\bregion(?:al|s)?\b|geograph|by country")),
    (Section.TRENDS, _heading_pattern(r"\btrends?\b")),
    (Section.OPPORTUNITIES, _heading_pattern(r"\bopportunit")),
    (
        Section.APPLICATIONS,
        _heading_pattern(
            # "Global CPU Market: Types" (a bold label) as well as "By Type" or "Type"
            rf"\bby\s+(?:[\w-]+\s+){{0,2}}?(?:{_BY_DIMENSION_WORDS}|segment)\b|^(?:{_DIMENSION_WORDS})$|"
            rf"market:\s*(?:{_DIMENSION_WORDS})$|"
            rf"segmentation|segmental|\bsegments\b|\bsegment\s+(?:analysis|insights|outlook|overview)|(?:insights|analysis)\s+(?:on|by)\s+(?:{_BY_DIMENSION_WORDS})|"
            rf"(?:{_DIMENSION_WORDS})\s+(?:analysis|segments?|insights|outlook|overview)",
        ),
    ),
    (
        Section.OVERVIEW,
        _heading_pattern(
            r"overview|introduction|summary|takeaways|highlights|snapshot|at a glance|"
            r"key (?:facts|figures|statistics|stats|findings)|market size|size and forecast|"
            r"report scope|market value|valuation|\bsize\b|key (?:market )?insights|description|"
            r"market (?:analysis|insights|outlook|report)\b",
        ),
    ),
    (
        Section.OTHER,
        _heading_pattern(
            r"dynamics|drivers|restraints|challenges|conclusion|scope|definition|findings|"
            r"outlook|analysis|insights|impact|developments|news|recent",
        ),
    ),
]
_DIMENSIONS: list[tuple[re.Pattern[str], SegmentDimension]] = [
    (re.compile(r"end[- ]?use", re.I), SegmentDimension.END_USER),
    (re.compile(r"distribution|channel", re.I), SegmentDimension.DISTRIBUTION_CHANNEL),
    (re.compile(r"drug\s+(?:class|type)|molecule", re.I), SegmentDimension.DRUG_CLASS),
    (re.compile(r"\broute|administration", re.I), SegmentDimension.ROUTE),
    (re.compile(r"indication|cancer\s+type|disease|tumou?r", re.I), SegmentDimension.INDICATION),
    (re.compile(r"technolog|platform|deployment", re.I), SegmentDimension.TECHNOLOGY),
    (re.compile(r"\bcare\s+settings?\b", re.I), SegmentDimension.END_USER),
    (re.compile(r"product|component|offering|device|dosage", re.I), SegmentDimension.PRODUCT),
    (re.compile(r"application", re.I), SegmentDimension.APPLICATION),
    (
        re.compile(r"\b(?:sub-?)?types?\b|therap|treatment|modalit|categor", re.I),
        SegmentDimension.TYPE,
    ),
]
_REGION_DIMENSION = re.compile(r"\bregions?\b|geograph|countr|\bnations?\b|provinces?", re.I)
# "By End User", "Based on Product": a label whose words after "by" name a dimension.
BY_LABEL = re.compile(r"\b(?:by|based\s+on)\s+(?P<label>\w.*)$", re.I)
# The seed family's calls to action, whatever their length. Anchored: used with match().
_BOILERPLATE = re.compile(
    r"^(?:download\s+(?:full\s+|free\s+)?(?:pdf\s+)?sample|for more information|"
    r"request\s+(?:a\s+)?(?:free\s+)?sample|get\s+(?:a\s+)?(?:free\s+)?sample|"
    r"buy\s+(?:the\s+|this\s+)?report|visit\s+@)|^https?://\S+$",
    re.IGNORECASE,
)
# Lines of page chrome: breadcrumbs, purchase boxes, report codes, bylines, share and cookie
# prompts. Matched at the start of a short line.
_CHROME_LINE = re.compile(
    r"(?:report\s+(?:id|code)|product\s+(?:id|code)|sku|pages?|no\.?\s+of\s+pages|format|"
    r"published(?:\s+(?:date|on))?|last\s+updated|updated(?:\s+on)?|release\s+date|date|"
    r"author|analyst|price|base\s+year|historical\s+data|forecast\s+period)\s*:"
    r"|(?:starting\s+(?:from|at|price)|single[- ]user|multi[- ]user|enterprise\s+licen|"
    r"corporate\s+licen|buy\s+now|add\s+to\s+cart|(?:inquire|enquire)\s+before|ask\s+for\s+"
    r"(?:a\s+)?(?:discount|sample|customi)|speak\s+to|talk\s+to|request\s+(?:a\s+)?(?:free\s+)?"
    r"(?:sample|customi|discount|a\s+call|call)|download\s+(?:a\s+)?(?:free\s+)?"
    r"(?:sample|pdf|brochure)|share\s+(?:this|on)|print\s+this|email\s+this|you\s+are\s+here|"
    r"we\s+use\s+cookies|accept\s+(?:all\s+)?cookies|skip\s+to|read\s+more|view\s+(?:all|more)|"
    r"click\s+here|written\s+by|home\s*[>»›/|]"
    # 2.4.33: a blog's links to its other posts, its comment form, a book's page links
    r"|(?:more|recent|related|older|newer|previous|next|popular)\s+(?:posts|articles|stories|"
    r"content)\b|leave\s+a\s+(?:reply|comment)|your\s+email\s+address\s+will\s+not|"
    r"book\s+traversal\s+links)",
    re.I,
)
_MAX_CHROME_LINE_WORDS = 14
_MAX_CHROME_LINE_CHARS = 250
_BREADCRUMB = re.compile(r"^\S.{0,120}?\s[>»›/]\s.{0,120}$")
_MAX_BREADCRUMB_WORDS = 14
_BREADCRUMB_MARK = re.compile(r"\s[>»›/]\s")


@functools.lru_cache(maxsize=4096)  # the same headings recur across a corpus
def classify_heading(text: str) -> Section | None:
    """The section a heading opens; None for a long heading (a title, or a sentence in bold)."""
    if len(text.split()) > MAX_SECTION_HEADING_WORDS:
        return None
    for section, pattern in _SECTION_HEADINGS:
        if pattern.search(text):
            return section
    return None


@functools.lru_cache(maxsize=4096)
def dimension_of(label: str) -> SegmentDimension | None:
    """'By End User' → end-user; 'Type Insights' → type; None for regions, which are no
    segments. Only the words after 'By' count ('United States X Market By Application')."""
    if by := BY_LABEL.search(label):
        label = by["label"]
    if _REGION_DIMENSION.search(label):
        return None
    for pattern, dimension in _DIMENSIONS:
        if pattern.search(label):
            return dimension
    return SegmentDimension.OTHER


def is_chrome_line(text: str) -> bool:
    """A call to action, a purchase or byline label, or a breadcrumb trail."""
    if _BOILERPLATE.match(text):
        return True
    # Cheap tests first: most blocks are paragraphs longer than any chrome line.
    if len(text) > _MAX_CHROME_LINE_CHARS:
        return False
    if _CHROME_LINE.match(text):
        return len(text.split()) <= _MAX_CHROME_LINE_WORDS
    if not _BREADCRUMB_MARK.search(text):
        return False
    return len(text.split()) <= _MAX_BREADCRUMB_WORDS and bool(_BREADCRUMB.match(text))
