"""Caps on what one report may cost: bytes read and seconds spent parsing."""

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from app.core.settings import MAX_PARSE_SECONDS
from ingest.errors import ReportParseError

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
