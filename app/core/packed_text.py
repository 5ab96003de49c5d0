"""Long prose stored zlib-compressed in the embedded SQLite file (SPEC §6 P6).

Segment descriptions, insights, FAQ answers and the sentences figures were read from are most
of a market's bytes, and SQLite compresses nothing: a text of 128 bytes or more is stored as a
zlib blob when that is smaller, any other text as it is (so `typeof()` tells the two apart and
old rows stay readable). PostgreSQL gets the text unchanged.

The full-text indexes read the text, not the blob, through the SQL function `inflate_text`
(the FAQ index's triggers, and the view `market_search_text` the loader indexes each market
from), which every SQLite connection the project opens registers
(app/core/sqlite_functions.py). A tool without it (the `sqlite3` shell) is refused a write to
FAQs with "no such function: inflate_text" rather than leaving their index out of step.
"""

import zlib
from typing import Any

from sqlalchemy import Dialect, Text
from sqlalchemy.types import TypeDecorator

MIN_PACKED_BYTES = 128  # below this, zlib's own 11 bytes of framing rarely pay for themselves
_LEVEL = 6  # zlib's default: level 9 saves under 1 % more on 1 kB of prose, at twice the time


def pack(text: str) -> str | bytes:
    """The value to store for `text`: its zlib blob when that is smaller, else the text."""
    raw = text.encode()
    if len(raw) < MIN_PACKED_BYTES:
        return text
    packed = zlib.compress(raw, _LEVEL)
    return packed if len(packed) < len(raw) else text


def unpack(stored: str | bytes | None) -> str | None:
    """The text a stored value holds (a text, or the blob `pack` made)."""
    return zlib.decompress(stored).decode() if isinstance(stored, bytes) else stored


class PackedText(TypeDecorator[str]):
    """Text packed by `pack` on SQLite, plain on PostgreSQL; reads always give the text."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        if value is None or dialect.name != "sqlite":
            return value
        return pack(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return unpack(value)
