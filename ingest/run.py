"""One ingest run over files: find, hash, skip unchanged, parse (in parallel), load, record."""

import hashlib
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.models import IngestFileOutcome, IngestRun, utc_now
from ingest.errors import ReportParseError
from ingest.limits import check_size, parse_time_limit
from ingest.load import Loaded, LoadStatus, ReportConflict, load_reports, unchanged_hashes
from ingest.parse import PARSER_VERSION, parse_report_bytes, prepare_parser
from ingest.report import ParsedReport
from ingest.stamps import FileStamp, known_hashes, record_stamps

REPORT_SUFFIXES = frozenset({".txt", ".html", ".htm"})
# Files read, parsed and loaded per batch: bounds memory whatever the corpus size.
BATCH_SIZE = 256
# Files sent to a parsing worker at a time: fewer round trips than one by one.
_CHUNK_SIZE = 16


@dataclass(frozen=True)
class FileOutcome:
    file: str
    status: LoadStatus
    reason: str | None = None
    slug: str | None = None
    sha256: str | None = None


@dataclass
class RunSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    reports: list[ParsedReport] = field(default_factory=list)  # kept for --dry-run only

    def count(self, *statuses: LoadStatus) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status in statuses)

    @property
    def failures(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status is LoadStatus.FAILED]

    def describe(self) -> str:
        created, updated = self.count(LoadStatus.CREATED), self.count(LoadStatus.UPDATED)
        lines = [
            f"{len(self.outcomes)} file(s): {created + updated} ingested "
            f"({created} new, {updated} updated), {self.count(LoadStatus.UNCHANGED)} unchanged, "
            f"{len(self.failures)} failed"
        ]
        lines += [f"  FAILED {outcome.file}: {outcome.reason}" for outcome in self.failures]
        return "\n".join(lines)


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


@dataclass(frozen=True)
class ParseResult:
    file: str
    sha256: str
    report: ParsedReport | None = None
    error: str | None = None


def parse_job(job: tuple[str, bytes], seconds: float | None = None) -> ParseResult:
    """Runs in a worker process; any error becomes this file's failure reason, never a crash."""
    file, data = job
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        check_size(len(data))
        with parse_time_limit(seconds):
            report = parse_report_bytes(data, file_name=Path(file).name, sha256=sha256)
        return ParseResult(file, sha256, report=report)
    except ReportParseError as error:
        return ParseResult(file, sha256, error=str(error))
    except Exception as error:  # a parser bug must fail this file only
        return ParseResult(file, sha256, error=f"parser error: {type(error).__name__}: {error}")


def _batches(files: list[Path]) -> Iterator[list[Path]]:
    iterator = iter(files)
    while batch := list(itertools.islice(iterator, BATCH_SIZE)):
        yield batch


def run_ingest(
    paths: Iterable[Path],
    *,
    engine: Engine | None,
    jobs: int = 1,
    checksum: bool = False,
    on_file_done: Callable[[], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> RunSummary:
    """Ingest every report under `paths`; with `engine=None`, parse only (dry run).

    A file whose size and modification time are unchanged since it was last ingested is not
    read again unless `checksum` (ingest/stamps.py). While the workers parse one batch, this
    process writes the one before it.
    """
    files, missing = find_report_files(paths)
    summary = RunSummary(outcomes=list(missing))
    if on_total:
        on_total(len(files))
    run = _start_run(engine) if engine is not None else None
    executor = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    stamps: dict[str, FileStamp] = {}  # by file, for the files read this run

    def finish(outcomes: list[FileOutcome]) -> None:
        if engine is not None:
            _record_stamps(engine, outcomes, stamps)
        for outcome in outcomes:
            summary.outcomes.append(outcome)
            if on_file_done:
                on_file_done()

    parsing: Iterator[ParseResult] | None = None
    try:
        for batch in _batches(files):
            skipped, jobs_to_parse = _read_and_check(
                batch, engine=engine, stamps=stamps, trust_stamps=not checksum
            )
            finish(skipped)
            if executor and jobs_to_parse:
                prepare_parser()
            previous = parsing
            parsing = (
                executor.map(parse_job, jobs_to_parse, chunksize=_CHUNK_SIZE)
                if executor
                else map(parse_job, jobs_to_parse)
            )
            if previous is not None:
                finish(_store(list(previous), engine=engine, summary=summary))
        if parsing is not None:
            finish(_store(list(parsing), engine=engine, summary=summary))
    finally:
        if executor:
            executor.shutdown(cancel_futures=True)
    if engine is not None and run is not None:
        _finish_run(engine, run_id=run, summary=summary)
    return summary


def _read_and_check(
    batch: list[Path], *, engine: Engine | None, stamps: dict[str, FileStamp], trust_stamps: bool
) -> tuple[list[FileOutcome], list[tuple[str, bytes]]]:
    """Read a batch: outcomes for unreadable, oversized and unchanged files; the rest to parse.

    A file whose stamp matches is judged by its recorded hash, without being read. The stamps
    of the files read are left in `stamps` for `_record_stamps`.
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


def _record_stamps(
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


def _store(
    results: list[ParseResult], *, engine: Engine | None, summary: RunSummary
) -> list[FileOutcome]:
    """Outcomes for a parsed batch, in order; its reports written in one transaction."""
    reports = [result.report for result in results if result.report is not None]
    if engine is None:
        summary.reports += reports
        loaded = iter([Loaded(LoadStatus.CREATED, report.slug) for report in reports])
    else:
        loaded = iter(_load_batch(engine, reports))
    outcomes = []
    for result in results:
        if result.report is None:
            outcomes.append(
                FileOutcome(result.file, LoadStatus.FAILED, result.error, sha256=result.sha256)
            )
            continue
        done = next(loaded)
        slug = None if done.status is LoadStatus.FAILED else done.slug
        outcomes.append(FileOutcome(result.file, done.status, done.reason, slug, result.sha256))
    return outcomes


def _load_batch(engine: Engine, reports: list[ParsedReport]) -> list[Loaded]:
    try:
        with engine.begin() as connection:
            return load_reports(connection, reports)
    except SQLAlchemyError:
        if len(reports) == 1:
            raise
    # One report the database refuses must not fail the others: write them one at a time.
    return [_load_alone(engine, report) for report in reports]


def _load_alone(engine: Engine, report: ParsedReport) -> Loaded:
    try:
        with engine.begin() as connection:
            return load_reports(connection, [report])[0]
    except SQLAlchemyError as error:
        reason = f"database error: {type(error).__name__}: {str(error).splitlines()[0]}"
        return Loaded(LoadStatus.FAILED, report.slug, reason)


def load_report(engine: Engine, report: ParsedReport) -> tuple[LoadStatus, str]:
    """Write one parsed report in its own transaction: (created or updated, market slug).

    Raises ReportConflict when another report owns its slug; database errors propagate.
    """
    with engine.begin() as connection:
        loaded = load_reports(connection, [report])[0]
    if loaded.status is LoadStatus.FAILED:
        raise ReportConflict(loaded.reason)
    return loaded.status, loaded.slug


def record_run(engine: Engine, outcomes: list[FileOutcome]) -> None:
    """Record outcomes that did not come from a file run (an upload) as a run of their own."""
    _finish_run(engine, run_id=_start_run(engine), summary=RunSummary(outcomes=outcomes))


def _start_run(engine: Engine) -> int:
    with Session(engine) as session, session.begin():
        run = IngestRun(parser_version=PARSER_VERSION)
        session.add(run)
        session.flush()
        assert run.id is not None
        return run.id


def _finish_run(engine: Engine, *, run_id: int, summary: RunSummary) -> None:
    with Session(engine) as session, session.begin():
        run = session.get(IngestRun, run_id)
        assert run is not None
        run.finished_at = utc_now()
        run.ingested = summary.count(LoadStatus.CREATED, LoadStatus.UPDATED)
        run.unchanged = summary.count(LoadStatus.UNCHANGED)
        run.failed = len(summary.failures)
        rows = [
            {
                "run_id": run_id,
                "file": o.file,
                "sha256": o.sha256,
                "status": o.status,
                "reason": o.reason,
                "market_slug": o.slug,
            }
            for o in summary.outcomes
        ]
        if rows:  # one multi-row statement: a run can record 100,000 outcomes
            session.connection().execute(insert(IngestFileOutcome), rows)
