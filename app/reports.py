"""The write side as the API reaches it: uploads and deletes of reports.

The one module of app/ that imports ingest/. What it imports leaves the HTML parser out of
the API process: an upload is parsed in a child process, which loads the parser itself.
"""

from sqlalchemy import Engine
from sqlmodel import Session

from ingest.errors import ReportParseError
from ingest.isolated import ParserProcess
from ingest.load import LoadStatus, ReportConflict, delete_market
from ingest.upload import UploadOutcome, ingest_upload

__all__ = ["LoadStatus", "ReportConflict", "ReportParseError", "ReportWriter", "UploadOutcome"]


class ReportWriter:
    """Uploads and deletes on one database, with the parser child they share.

    `upload` raises ReportParseError when the bytes are not a report and ReportConflict when
    its slug belongs to another report.
    """

    def __init__(self, engine: Engine, *, parse_seconds: float) -> None:
        self.engine = engine
        self.parser = ParserProcess(seconds=parse_seconds)

    def upload(self, data: bytes, *, file_name: str, dry_run: bool) -> UploadOutcome:
        return ingest_upload(
            data, file_name=file_name, engine=self.engine, parser=self.parser, dry_run=dry_run
        )

    def delete(self, slug: str) -> bool:
        """Remove one market and what only it held; False when there is no such market."""
        with Session(self.engine) as session, session.begin():
            return delete_market(session, slug)

    def close(self) -> None:
        self.parser.close()
