"""Caps on what one report may cost: bytes read, seconds spent parsing, and what it may hold."""

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.core.settings import MAX_PARSE_SECONDS
from ingest.errors import ReportParseError
from ingest.report import ParsedReport, ParsedWarning, ReportQuality

# The seeds are 9–14 kB; a real report page stays far below this.
MAX_REPORT_BYTES = 2_000_000


def check_size(size_bytes: int) -> None:
    if size_bytes > MAX_REPORT_BYTES:
        raise ReportParseError(
            f"file too large: {size_bytes:,} bytes (a report is at most {MAX_REPORT_BYTES:,})"
        )


@contextmanager
def parse_time_limit(seconds: float | None = None) -> Iterator[None]:
    """Fail the report after `seconds` of parsing. Signals reach the main thread only, which is
    where file ingests parse, in this process or in its workers; uploads parse in a child
    process of their own (ingest/isolated.py) for the same reason."""
    seconds = MAX_PARSE_SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def give_up(_signum: int, _frame: object) -> None:
        raise ReportParseError(f"parsing took over {seconds:g} s; the page is not a report")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# The most one report may hold of each part: far above any real page (the seeds list 3 to 12
# of each), low enough that one page cannot slow every read of the data it joins.
MAX_ITEMS = {
    "figures": 200,
    "segments": 200,
    "companies": 500,
    "trends": 200,
    "opportunities": 200,
    "faqs": 200,
}
MAX_TEXT_CHARS = 20_000  # per text: a summary, a description, an insight, a question, an answer


def within_caps(report: ParsedReport) -> ParsedReport:
    """The report cut to the caps above, each cut named by a `truncated_*` warning."""
    update: dict[str, Any] = {}
    warnings: list[ParsedWarning] = []
    for field, limit in MAX_ITEMS.items():
        items = getattr(report, field)
        if len(items) > limit:
            update[field] = items[:limit]
            message = f"kept the first {limit:,} of {len(items):,} {field}"
            warnings.append(ParsedWarning(code=f"truncated_{field}", message=message))
    if too_long := sum(len(text) > MAX_TEXT_CHARS for text in _texts(report)):
        update |= _clipped_texts(report.model_copy(update=update))
        message = f"{too_long} text(s) over {MAX_TEXT_CHARS:,} characters were cut"
        warnings.append(ParsedWarning(code="truncated_text", message=message))
    if not warnings:
        return report
    update["quality"] = ReportQuality(warnings=[*report.quality.warnings, *warnings])
    return report.model_copy(update=update)


def _texts(report: ParsedReport) -> Iterator[str]:
    yield report.summary or ""
    yield from report.trends
    yield from report.opportunities
    yield from (segment.description for segment in report.segments)
    yield from (text for faq in report.faqs for text in (faq.question, faq.answer))


def _clipped_texts(report: ParsedReport) -> dict[str, Any]:
    return {
        "summary": report.summary and _clip(report.summary),
        "trends": [_clip(text) for text in report.trends],
        "opportunities": [_clip(text) for text in report.opportunities],
        "segments": [
            segment.model_copy(update={"description": _clip(segment.description)})
            for segment in report.segments
        ],
        "faqs": [
            faq.model_copy(update={"question": _clip(faq.question), "answer": _clip(faq.answer)})
            for faq in report.faqs
        ],
    }


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT_CHARS else text[: MAX_TEXT_CHARS - 1] + "…"
