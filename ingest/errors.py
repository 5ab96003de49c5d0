"""The parser's own error type: anything that makes a file unusable as a report."""


class ReportParseError(ValueError):
    """The file cannot be read as a market report; the message says why, for the ingest summary."""
