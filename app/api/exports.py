"""Whole-collection exports (CSV, NDJSON), written to a spooled file before the first byte is
sent: the database connection is back in the pool before a slow client starts reading, and
at most `slots` exports per process read the database at once (503 + Retry-After beyond)."""

import csv
import io
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from tempfile import SpooledTemporaryFile
from typing import IO, Any

import orjson

from app.core.problems import ApiError

# Kept in memory up to this size, then in a temporary file.
SPOOL_MEMORY_BYTES = 8 << 20
CHUNK_BYTES = 64 << 10
RETRY_AFTER_SECONDS = 2
# A text cell starting with one of these runs as a formula in a spreadsheet (OWASP CSV
# injection); a leading apostrophe makes the spreadsheet show it as text.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class ExportsBusy(ApiError):
    status, title, slug = 503, "Too many exports at once", "exports-busy"


class ExportSlots:
    """A bound on the exports one process reads from the database at the same time."""

    def __init__(self, slots: int) -> None:
        self._free = threading.BoundedSemaphore(slots)

    @contextmanager
    def slot(self) -> Iterator[None]:
        if not self._free.acquire(blocking=False):
            raise ExportsBusy(
                "every export slot is busy; retry shortly",
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        try:
            yield
        finally:
            self._free.release()


def spool_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> IO[bytes]:
    def write(spool: IO[bytes]) -> None:
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="", write_through=True)
        # RFC 4180 line ends; QUOTE_MINIMAL then also quotes a bare CR inside a cell.
        writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({key: _inert(value) for key, value in row.items()} for row in rows)
        text.detach()  # leaves the spool open

    return _spooled(write)


def _inert(value: Any) -> Any:
    """Text a spreadsheet would evaluate, made inert; numbers and other values unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_TRIGGERS):
        return "'" + value
    return value


def spool_ndjson(rows: Iterable[dict[str, Any]]) -> IO[bytes]:
    def write(spool: IO[bytes]) -> None:
        for row in rows:
            spool.write(orjson.dumps(row) + b"\n")

    return _spooled(write)


def _spooled(write: Callable[[IO[bytes]], None]) -> IO[bytes]:
    """A spool filled by `write` and rewound; closed here only if writing fails."""
    spool = SpooledTemporaryFile(max_size=SPOOL_MEMORY_BYTES)  # noqa: SIM115 (`chunks` closes it)
    try:
        write(spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def chunks(spool: IO[bytes]) -> Iterator[bytes]:
    """The spooled export as it is sent; the spool is closed when sending ends either way."""
    with spool:
        while chunk := spool.read(CHUNK_BYTES):
            yield chunk
