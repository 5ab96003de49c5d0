"""Report files: found under the given paths, read a batch at a time, and judged unchanged by
their stamps (ingest/stamps.py) or by their content hash."""

import hashlib
import time
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine

from ingest.errors import ReportParseError
from ingest.limits import check_size
from ingest.load import LoadStatus, unchanged_hashes
from ingest.records import FileOutcome
from ingest.report import PARSER_VERSION
from ingest.stamps import FileStamp, known_hashes, record_stamps

REPORT_SUFFIXES = frozenset({".txt", ".html", ".htm"})


def find_report_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Report files under the given paths (recursive, sorted), and outcomes for bad paths."""
    files: list[Path] = []
    missing: list[FileOutcome] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(FileOutcome(str(path), LoadStatus.FAILED, "no such file or directory"))
    return files, missing


def read_batch(
    batch: list[Path], *, engine: Engine | None, stamps: dict[str, FileStamp], trust_stamps: bool
) -> tuple[list[FileOutcome], list[tuple[str, bytes]]]:
    """Read a batch: outcomes for unreadable, oversized and unchanged files; the rest to parse.

    A file whose stamp matches is judged by its recorded hash, without being read. The stamps
    of the files read are left in `stamps` for `remember_stamps`.
    """
    outcomes: list[FileOutcome] = []
    now_ns = time.time_ns()
    stamped: list[tuple[str, FileStamp]] = []
    for path in batch:
        try:
            stat = path.stat()
            check_size(stat.st_size)  # before reading a huge file into memory
        except (OSError, ReportParseError) as error:
            outcomes.append(FileOutcome(str(path), LoadStatus.FAILED, _unreadable(error)))
            continue
        stamped.append((str(path), FileStamp.of(path, stat, now_ns)))
    vouched: dict[str, str] = {}  # absolute path → its recorded hash, still ingested
    if engine is not None and trust_stamps:
        with engine.connect() as connection:
            recorded = known_hashes(connection, [stamp for _, stamp in stamped])
            ingested = unchanged_hashes(connection, list(recorded.values()), PARSER_VERSION)
        vouched = {path: sha for path, sha in recorded.items() if sha in ingested}
    read: list[tuple[str, bytes, str]] = []
    for file, stamp in stamped:
        if stamp.path in vouched:
            outcomes.append(FileOutcome(file, LoadStatus.UNCHANGED, sha256=vouched[stamp.path]))
            continue
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            outcomes.append(FileOutcome(file, LoadStatus.FAILED, _unreadable(error)))
            continue
        read.append((file, data, hashlib.sha256(data).hexdigest()))
        if engine is not None:
            stamps[file] = stamp
    unchanged: set[str] = set()
    if engine is not None:
        with engine.connect() as connection:
            unchanged = unchanged_hashes(connection, [sha for *_, sha in read], PARSER_VERSION)
    outcomes += [
        FileOutcome(file, LoadStatus.UNCHANGED, sha256=sha)
        for file, _, sha in read
        if sha in unchanged
    ]
    return outcomes, [(file, data) for file, data, sha in read if sha not in unchanged]


def _unreadable(error: OSError | ReportParseError) -> str:
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror}"
    return str(error)


def remember_stamps(
    engine: Engine, outcomes: list[FileOutcome], stamps: dict[str, FileStamp]
) -> None:
    """Remember the stamps of the files read this run that are now ingested (or unchanged)."""
    ingested: dict[FileStamp, str] = {}
    for outcome in outcomes:
        stamp = stamps.pop(outcome.file, None)
        if stamp and outcome.sha256 and outcome.status is not LoadStatus.FAILED:
            ingested[stamp] = outcome.sha256
    if ingested:
        with engine.begin() as connection:
            record_stamps(connection, ingested)
