"""One report sent over HTTP: the same parser, loader and run record as a file ingest."""

from dataclasses import dataclass

from sqlalchemy import Engine

from ingest.errors import ReportParseError
from ingest.isolated import ParserProcess
from ingest.load import LoadStatus, ReportConflict, load_report, unchanged_hashes
from ingest.records import FileOutcome, record_run
from ingest.report import PARSER_VERSION, ParsedReport


@dataclass(frozen=True)
class UploadOutcome:
    report: ParsedReport
    status: LoadStatus | None  # created, updated or unchanged; None for a dry run


def ingest_upload(
    data: bytes, *, file_name: str, engine: Engine, parser: ParserProcess, dry_run: bool
) -> UploadOutcome:
    """Parse (in the parser's child process), then, unless `dry_run`, load and record one
    uploaded report.

    Raises ReportParseError when the bytes are not a report, ReportConflict when its slug
    belongs to another report; database errors propagate.
    """
    parsed = parser.parse(file_name, data)
    if parsed.report is None:
        raise ReportParseError(parsed.error or "not a report")
    if dry_run:
        return UploadOutcome(parsed.report, status=None)
    with engine.connect() as connection:
        unchanged = unchanged_hashes(connection, [parsed.sha256], PARSER_VERSION)
    if unchanged:  # the same bytes, read by the same parser: nothing to write
        unchanged_outcome = FileOutcome(
            file_name, LoadStatus.UNCHANGED, slug=parsed.report.slug, sha256=parsed.sha256
        )
        record_run(engine, [unchanged_outcome])
        return UploadOutcome(parsed.report, status=LoadStatus.UNCHANGED)
    try:
        loaded = load_report(engine, parsed.report)
    except ReportConflict as error:
        failed = FileOutcome(file_name, LoadStatus.FAILED, str(error), sha256=parsed.sha256)
        record_run(engine, [failed])
        raise
    record_run(
        engine, [FileOutcome(file_name, loaded.status, slug=loaded.slug, sha256=parsed.sha256)]
    )
    return UploadOutcome(parsed.report, status=loaded.status)
