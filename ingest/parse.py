"""Parse one report page: HTML in, `ParsedReport` out. Pure: no database, no network."""

import functools
import hashlib
import re
from dataclasses import dataclass, field
from enum import StrEnum

from ingest.blocks import Block, parse_document
from ingest.companies import split_company_entry
from ingest.errors import ReportParseError
from ingest.faqs import pair_faqs
from ingest.headline import HeadlineFigures, mentions_headline_figures, parse_headline_figures
from ingest.links import find_report_links
from ingest.report import (
    FigureSentences,
    ParsedFaq,
    ParsedReport,
    ParsedSegment,
    QualityWarning,
    ReportQuality,
    ReportSource,
)
from ingest.segments import (
    dominant_segment,
    find_named_segments,
    inflector,
    make_candidate,
    segment_key,
    segment_name,
)
from ingest.text import (
    clean_text,
    decode_report_bytes,
    repair_mojibake,
    split_numbered_items,
    strip_list_marker,
)
from ingest.title import parse_title

PARSER_VERSION = "1.1.0"  # 1.1.0: negative CAGRs
# Stated and implied CAGR further apart than this (percentage points) earn a warning.
CAGR_MISMATCH_TOLERANCE_PP = 1.0
_MAX_TITLE_WORDS = 20


class Section(StrEnum):
    INTRO = "intro"
    APPLICATIONS = "applications"
    TRENDS = "trends"
    OPPORTUNITIES = "opportunities"
    FAQS = "faqs"
    COMPANIES = "companies"
    REGIONS = "regions"
    OTHER = "other"


# First match wins: "Regional Analysis" is regions, not OTHER's "analysis".
_SECTION_HEADINGS: list[tuple[Section, re.Pattern[str]]] = [
    (Section.FAQS, re.compile(r"frequently asked|\bfaqs?\b", re.I)),
    (
        Section.COMPANIES,
        re.compile(r"\bcompan(?:y|ies)\b|\bplayers\b|manufacturers|vendors|competitive", re.I),
    ),
    (Section.REGIONS, re.compile(r"\bregion(?:al|s)?\b|geograph", re.I)),
    (Section.TRENDS, re.compile(r"\btrends?\b", re.I)),
    (Section.OPPORTUNITIES, re.compile(r"\bopportunit", re.I)),
    (
        Section.APPLICATIONS,
        re.compile(
            r"\bby\s+(?:application|end[- ]?users?|type|segment)|^applications?$|segmentation|"
            r"application\s+(?:analysis|segments?|insights|outlook|overview)",
            re.I,
        ),
    ),
    (
        Section.OTHER,
        re.compile(
            r"overview|introduction|dynamics|drivers|restraints|challenges|conclusion|scope|"
            r"methodology|outlook|analysis|insights|size and forecast|market size",
            re.I,
        ),
    ),
]
# Anchored at the start: used with match(), not search().
_BOILERPLATE = re.compile(
    r"^(?:download\s+(?:full\s+|free\s+)?(?:pdf\s+)?sample|for more information|"
    r"request\s+(?:a\s+)?(?:free\s+)?sample|get\s+(?:a\s+)?(?:free\s+)?sample|"
    r"buy\s+(?:the\s+|this\s+)?report|visit\s+@)|^https?://\S+$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)  # the same headings recur across a corpus
def classify_heading(text: str) -> Section | None:
    for section, pattern in _SECTION_HEADINGS:
        if pattern.search(text):
            return section
    return None


@dataclass
class _Collected:
    """Blocks routed to the part of the report they belong to."""

    title_heading: str
    headline: str | None = None
    summary: str | None = None
    loose_paragraphs: list[str] = field(default_factory=list)
    headed_segments: list[tuple[str, list[str]]] = field(default_factory=list)
    trends: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    faq_blocks: list[Block] = field(default_factory=list)
    company_entries: list[str] = field(default_factory=list)
    region_lines: list[str] = field(default_factory=list)


def _find_title(blocks: list[Block]) -> int:
    for index, block in enumerate(blocks[:5]):
        if block.is_heading and not _BOILERPLATE.match(block.text):
            return index
    first = blocks[0] if blocks else None
    short = first is not None and len(first.text.split()) <= _MAX_TITLE_WORDS
    if first is not None and short and re.search(r"\bmarket\b", first.text, re.I):
        return 0
    raise ReportParseError("no recognisable title (no heading naming the market)")


def _collect(blocks: list[Block]) -> _Collected:
    title_index = _find_title(blocks)
    collected = _Collected(title_heading=blocks[title_index].text)
    section = Section.INTRO
    item_heading: str | None = None  # a bold sub-heading inside trends or opportunities
    for block in blocks[title_index + 1 :]:
        if block.link_only or _BOILERPLATE.match(block.text):
            continue
        if block.is_heading:
            heading_section = classify_heading(block.text)
            if heading_section is not None:
                section, item_heading = heading_section, None
                continue
            if section in (Section.INTRO, Section.APPLICATIONS):
                collected.headed_segments.append((block.text, []))
                section = Section.APPLICATIONS
                continue
            if section in (Section.TRENDS, Section.OPPORTUNITIES):
                item_heading = strip_list_marker(block.text).rstrip(":")
                continue
        _route(collected, section, block, item_heading)
        item_heading = None
    return collected


def _route(collected: _Collected, section: Section, block: Block, item_heading: str | None) -> None:
    text = block.text
    if section in (Section.INTRO, Section.APPLICATIONS):
        if collected.headline is None and mentions_headline_figures(text):
            collected.headline = text
            if len(text.split(". ")) <= 2:
                return  # a one-sentence headline is not the summary
        if collected.summary is None:
            collected.summary = text
        elif collected.headed_segments:
            collected.headed_segments[-1][1].append(text)
        else:
            collected.loose_paragraphs.append(text)
    elif section in (Section.TRENDS, Section.OPPORTUNITIES):
        items = split_numbered_items(text)
        if item_heading:
            items[0] = f"{item_heading}: {items[0]}"
        target = collected.trends if section is Section.TRENDS else collected.opportunities
        target.extend(items)
    elif section is Section.FAQS:
        collected.faq_blocks.append(block)
    elif section is Section.COMPANIES:
        collected.company_entries.extend(strip_list_marker(line) for line in block.lines)
    elif section is Section.REGIONS:
        collected.region_lines.extend(strip_list_marker(line) for line in block.lines)


def _assemble_segments(collected: _Collected) -> list[ParsedSegment]:
    """Headed segments, preceded by any the report describes only in prose before them."""
    headed: dict[str, ParsedSegment] = {}
    for heading, paragraphs in collected.headed_segments:
        key = segment_key(heading)
        description = "\n\n".join(paragraphs)
        if key in headed:
            known = headed[key]
            known.description = "\n\n".join(filter(None, (known.description, description)))
        elif key:
            headed[key] = ParsedSegment(
                key=key, name=segment_name(heading), description=description
            )

    prose_texts = [collected.summary or "", *collected.loose_paragraphs]
    candidates = find_named_segments(prose_texts)
    for segment in headed.values():
        candidates[segment.key] = make_candidate(segment.name)
    prose: dict[str, ParsedSegment] = {}
    for paragraph in collected.loose_paragraphs:
        about = dominant_segment(paragraph, candidates)
        if about is None or about in headed:
            continue  # an overview of segments the report describes under their own headings
        if about in prose:
            prose[about].description += "\n\n" + paragraph
        else:
            prose[about] = ParsedSegment(
                key=about, name=candidates[about].name, description=paragraph
            )
    return [*prose.values(), *headed.values()]


def _dedupe_companies(entries: list[str], warnings: list[QualityWarning]) -> list[str]:
    names: list[str] = []
    for entry in entries:
        split = split_company_entry(entry)
        if len(split) > 1:
            joined = ", ".join(f'"{name}"' for name in split)
            warnings.append(
                QualityWarning(code="company_entry_split", message=f'split "{entry}" into {joined}')
            )
        for name in split:
            if name in names:
                warnings.append(
                    QualityWarning(
                        code="duplicate_company_dropped",
                        message=f'"{name}" is listed more than once',
                    )
                )
            else:
                names.append(name)
    return names


def implied_cagr_percent(
    *,
    size_usd: int | None,
    size_year: int | None,
    forecast_usd: int | None,
    forecast_year: int | None,
) -> float | None:
    """(forecast / size) ^ (1 / years) - 1, in percent to 2 places; None when undefined."""
    if not (size_usd and forecast_usd and size_year and forecast_year):
        return None
    years = forecast_year - size_year
    if years <= 0 or size_usd <= 0 or forecast_usd <= 0:
        return None
    return round(((forecast_usd / size_usd) ** (1 / years) - 1) * 100, 2)


def _figure_warnings(figures: HeadlineFigures, implied: float | None) -> list[QualityWarning]:
    warnings = []
    if figures.size is None:
        warnings.append(QualityWarning(code="missing_size", message="no market size found"))
    elif figures.size.year is None:
        warnings.append(QualityWarning(code="missing_size_year", message="size has no year"))
    if figures.forecast is None:
        warnings.append(QualityWarning(code="missing_forecast", message="no forecast found"))
    elif figures.forecast.year is None:
        warnings.append(
            QualityWarning(code="missing_forecast_year", message="forecast has no year")
        )
    if figures.cagr is None:
        warnings.append(QualityWarning(code="missing_cagr", message="no stated CAGR found"))
    elif implied is not None:
        gap = abs(figures.cagr.percent - implied)
        if gap > CAGR_MISMATCH_TOLERANCE_PP:
            warnings.append(
                QualityWarning(
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
    warnings: list[QualityWarning] = []
    if encoding != "utf-8":
        warnings.append(
            QualityWarning(code="non_utf8_text", message=f"decoded as {encoding}, not UTF-8")
        )
    repaired = repair_mojibake(html)
    if repaired != html:
        warnings.append(
            QualityWarning(code="mojibake_repaired", message="repaired mis-decoded characters")
        )
    document = parse_document(repaired)
    if not document.blocks:
        raise ReportParseError("no text content")
    collected = _collect(document.blocks)
    figures = (
        parse_headline_figures(collected.headline) if collected.headline else HeadlineFigures()
    )
    title = parse_title(collected.title_heading, headline=collected.headline)
    if not title.slug:
        raise ReportParseError(f"title {collected.title_heading!r} gives no usable slug")

    size, forecast, cagr = figures.size, figures.forecast, figures.cagr
    implied = implied_cagr_percent(
        size_usd=size.usd if size else None,
        size_year=size.year if size else None,
        forecast_usd=forecast.usd if forecast else None,
        forecast_year=forecast.year if forecast else None,
    )
    warnings.extend(_figure_warnings(figures, implied))
    segments = _assemble_segments(collected)
    companies = _dedupe_companies(collected.company_entries, warnings)
    faq_pairs, unanswered = pair_faqs(collected.faq_blocks)
    links = find_report_links(document.links)
    for present, code, message in (
        (segments, "missing_segments", "no application segments found"),
        (companies, "missing_companies", "no company list found"),
        (faq_pairs, "missing_faqs", "no FAQs found"),
        (collected.summary, "missing_summary", "no summary paragraph found"),
        (links.report_id or links.product_url, "missing_report_id", "no report id or product URL"),
    ):
        if not present:
            warnings.append(QualityWarning(code=code, message=message))
    if unanswered:
        warnings.append(
            QualityWarning(
                code="faq_unanswered", message=f"{unanswered} question(s) without answer"
            )
        )

    return ParsedReport(
        slug=title.slug,
        title=title.title,
        name=title.name,
        region=title.region,
        summary=collected.summary,
        size_usd=size and size.usd,
        size_year=size and size.year,
        forecast_usd=forecast and forecast.usd,
        forecast_year=forecast and forecast.year,
        cagr_percent=cagr and cagr.percent,
        cagr_start_year=cagr and cagr.start_year,
        cagr_end_year=cagr and cagr.end_year,
        implied_cagr_percent=implied,
        segments=segments,
        companies=companies,
        trends=collected.trends,
        opportunities=collected.opportunities,
        faqs=[ParsedFaq(question=pair.question, answer=pair.answer) for pair in faq_pairs],
        regions_covered=[clean_text(line) for line in collected.region_lines if line],
        source=ReportSource(
            file=file_name,
            sha256=sha256,
            report_id=links.report_id,
            product_url=links.product_url,
            sample_url=links.sample_url,
            encoding=encoding,
            parser_version=PARSER_VERSION,
            figure_sentences=FigureSentences(
                size=size and size.sentence,
                forecast=forecast and forecast.sentence,
                cagr=cagr and cagr.sentence,
            ),
        ),
        quality=ReportQuality(warnings=warnings),
    )


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
