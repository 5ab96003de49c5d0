"""Who published a page, and when: its stated name and date, else the domain of its links."""

import re
from collections import Counter
from datetime import date, datetime

from dateutil import parser as date_parser

from ingest.blocks import Block, Link
from ingest.page_meta import PageMeta

_ABOUT_HEADING = re.compile(
    r"^About\s+(?P<name>(?!(?i:us|the|this|our|author)\b)[A-Z][\w&.,' -]{1,60})$"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[A-Z][\w&' -]{1,60}?)"
    r"(?:[.,|]|\s+all\s+rights|$)",
    re.I,
)
_NOT_PUBLISHER_HOSTS = re.compile(
    r"(?:^|\.)(?:facebook|twitter|x|linkedin|youtube|instagram|pinterest|whatsapp|google|t|"
    r"bit|reddit|wa|fonts\.googleapis|schema|w3)\.(?:com|co|ly|me|org)$"
)
# The host of an absolute link (a page has hundreds: lighter than urllib per link).
_LINK_HOST = re.compile(r"\s*https?://(?:[^@/?#\s]*@)?([^/:?#\s\[\]]+)", re.IGNORECASE)
_MONTH_DATE = (
    # "2021-Nov-18" too (2.4.16: an EPR Network dateline)
    r"\d{4}-(?:\d{2}|[A-Z][a-z]{2})-\d{1,2}"
    r"|(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}"
)
_LABELLED_DATE = re.compile(
    rf"\b(?:published|updated|last\s+updated|release\s+date|date|posted)(?:\s+on)?\s*:?\s*"
    rf"(?P<date>{_MONTH_DATE})",
    re.I,
)
# A press release's dateline: "NEW YORK, Oct. 10, 2024 (GLOBE NEWSWIRE) --".
_DATELINE_DATE = rf"^[^\n]{{0,80}}?(?P<date>{_MONTH_DATE})\s*"
_DATELINE = re.compile(rf"{_DATELINE_DATE}(?:\(|/|--|–|—)")
# The whole dateline before the release's first sentence: "LONDON, UNITED KINGDOM, February
# 2, 2026 /EINPresswire.com/ -- " (its place is where the release was filed, not the market's).
DATELINE_LEAD = re.compile(
    # "…, 2021-Nov-18 — /EPR Network/ — ": a dash may come before the wire's name too
    rf"{_DATELINE_DATE}(?:(?:(?:--|–|—)\s*)?(?:\([^()\n]{{1,40}}\)|/[^/\n]{{1,40}}/))?\s*"
    r"(?:--|–|—)\s*"
)
# A dateline of places only, before a paragraph's subject: "Dubai: The Middle East … market
# is …" (a title's lead), "BURNABY, British Columbia, Canada: The global X market was …".
_PLACE = r"[A-Z][A-Za-z .'’-]{1,30}"
_DATELINE_END = r"(?::|\s[–—])\s+(?=The\s)"
PLACE_DATELINE = re.compile(rf"^{_PLACE}(?:,\s+{_PLACE}){{0,3}}{_DATELINE_END}")
# The dateline a figure's sentence may open with (2.4.30): several places, or one in capitals
# as wires write it ("DUBAI: The …"); "Europe: The market was …" is a region's label, not one.
FILED_DATELINE = re.compile(
    rf"^(?:{_PLACE}(?:,\s+{_PLACE}){{1,3}}|[A-Z]{{2,}}(?:[ .'’-][A-Z]{{2,}}){{0,3}}){_DATELINE_END}"
)
# A byline: "By Anna Ellis • 12 January 2023 • 13:41", "By Jo Lee | March 3, 2024".
_BYLINE = re.compile(rf"^By\s+[^\n]{{2,60}}?\s[•|·–—-]\s*(?P<date>{_MONTH_DATE})")
_MAX_DATE_LINE_CHARS = 160
_DATELINE_BLOCKS = 6  # a press release's dateline opens its first paragraphs
_DATELINE_CHARS = 120
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_HEAD_BLOCKS = 40
_COPYRIGHT_TAIL_BLOCKS = 10
_FIRST_DAY = datetime(2000, 1, 1)  # "October 2024" means its first day


def find_publisher(*, meta: PageMeta, blocks: list[Block], links: list[Link]) -> str | None:
    """A press release's 'About X' heading, the page's declared publisher or site name, a
    copyright line, else the domain most of its links point to."""
    for block in blocks:
        if block.is_heading and (about := _ABOUT_HEADING.match(block.text)):
            return about["name"].strip(" .,")
    if meta.publisher or meta.site_name or meta.title_suffix:
        return meta.publisher or meta.site_name or meta.title_suffix
    # A copyright line closes a page: its footer, or its last blocks when it has none.
    tail = [block.text for block in blocks[-_COPYRIGHT_TAIL_BLOCKS:]]
    for text in (*meta.footer_texts, *tail):
        if copyright_line := _COPYRIGHT.search(text):
            return copyright_line["name"].strip()
    hosts = Counter(_host(link.href) for link in links)
    hosts.pop(None, None)
    return hosts.most_common(1)[0][0] if hosts else None


def _host(href: str) -> str | None:
    match = _LINK_HOST.match(href)
    host = match[1].lower() if match else None
    if not host or "." not in host or _NOT_PUBLISHER_HOSTS.search(host):
        return None
    return host.removeprefix("www.")


def find_published_on(*, meta: PageMeta, blocks: list[Block]) -> date | None:
    """The date the page states for itself: its metadata, a 'Published:'/'Updated:' line, or
    a press release's dateline."""
    for written in meta.dates:
        if found := _parse_date(written[:40]):
            return found
    for index, block in enumerate(blocks[:_DATE_HEAD_BLOCKS]):  # bylines sit at the top
        text = block.text
        short = len(text) <= _MAX_DATE_LINE_CHARS
        if not (short or index < _DATELINE_BLOCKS) or not _YEAR.search(text):
            continue  # a paragraph, too long for a date line and too late for a dateline
        match = _LABELLED_DATE.search(text) if short else None
        if match is None and short:
            match = _BYLINE.match(text)
        if match is None and index < _DATELINE_BLOCKS:
            match = _DATELINE.match(text[:_DATELINE_CHARS])
        if match and (found := _parse_date(match["date"])):
            return found
    return None


def _parse_date(text: str) -> date | None:
    try:
        parsed = date_parser.parse(text, default=_FIRST_DAY)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if 1990 <= parsed.year <= 2100 else None
