"""Text repair and normalisation shared by every field extractor."""

import re

import ftfy

from ingest.errors import ReportParseError

_BACKTICKS = re.compile(r"`{2,}")
# "1. ", "2) ", "1.1. " (outline numbering), "- ", "• ".
_LIST_MARKER = re.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]|[-*•·–])\s+")
# Control characters other than tab/newline/carriage return: a file dense in them is binary.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BINARY_CONTROL_RATIO = 0.01


# UTF-8 lead bytes read as Windows-1252/Latin-1 (Â…ô), followed by what a continuation byte
# becomes there: every UTF-8 mojibake of non-ASCII text contains such a pair.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def decode_report_bytes(data: bytes) -> tuple[str, str]:
    """Decode a report file; return the text and the encoding used (UTF-8, else Windows-1252)."""
    if not data.strip():
        raise ReportParseError("empty file")
    if b"\x00" in data:
        raise ReportParseError("binary data (NUL bytes), not an HTML report")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Not UTF-8: the report family's other encoding is Windows-1252. Its five undefined
        # bytes carry no text, so replacing them loses nothing.
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    if len(_CONTROL_CHARS.findall(text)) > _BINARY_CONTROL_RATIO * len(text):
        raise ReportParseError("binary data (control characters), not an HTML report")
    return text, encoding


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 (`patientâ€™s` → `patient’s`), leaving quotes curly."""
    if not _MOJIBAKE_HINT.search(text):
        return text  # nothing ftfy could fix: skip its (costly) whole-text analysis
    return ftfy.fix_encoding(text)


# Unicode's hyphen and non-breaking hyphen are a hyphen: "from 2026‑2035" is a period (2.4.30).
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def clean_text(text: str) -> str:
    """Collapse whitespace (including non-breaking spaces), write Unicode hyphens as "-" and
    drop stray markdown backticks."""
    if "``" in text:
        text = _BACKTICKS.sub(" ", text)
    # str.split() takes the same whitespace as \s, NBSP included
    return " ".join(text.translate(_HYPHENS).split())


def strip_list_marker(text: str) -> str:
    """Drop list numbering or bullets: '1. ', '2) ', '1.1. ', '- ', '• '."""
    return _LIST_MARKER.sub("", text, count=1)


_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+(?=[A-Z])")


def split_numbered_items(text: str) -> list[str]:
    """'1. First. 2. Second.' → ['First.', 'Second.']; numbering must run 1, 2, 3…"""
    run: list[re.Match[str]] = []
    for match in _INLINE_NUMBER.finditer(text):
        if int(match[1]) == len(run) + 1:
            run.append(match)
    if len(run) < 2:
        return [strip_list_marker(text)]
    lead = text[: run[0].start()].strip()
    ends = [match.start() for match in run[1:]] + [len(text)]
    items = [text[match.end() : end].strip() for match, end in zip(run, ends, strict=True)]
    return [lead, *items] if lead else items
