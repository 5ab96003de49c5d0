"""One ingest run over files, a batch at a time: read (ingest/files.py), parse in parallel
(ingest/jobs.py), load (ingest/load.py), record (ingest/records.py)."""

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import describe_error
from ingest.files import find_report_files, read_batch, remember_stamps
from ingest.jobs import die_with_parent, parse_job
from ingest.load import Loaded, LoadStatus, load_reports, preview_reports, unchanged_hashes
from ingest.parse import prepare_parser
from ingest.records import FileOutcome, RunSummary, finish_run, start_run
from ingest.report import PARSER_VERSION, ParsedReport, ParseResult
from ingest.stamps import FileStamp

# Files read, parsed and written (in one transaction) per batch by default: bounds memory
# whatever the corpus size.
BATCH_FILES = 256
# Files sent to a parsing worker at a time: fewer round trips than one by one.
_CHUNK_SIZE = 16


def _batches(files: list[Path], size: int) -> Iterator[list[Path]]:
    iterator = iter(files)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def run_ingest(
    paths: Iterable[Path],
    *,
    engine: Engine | None,
    dry_run: bool = False,
    jobs: int = 1,
    checksum: bool = False,
    batch_files: int = BATCH_FILES,
    on_file_done: Callable[[], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> RunSummary:
    """Ingest every report under `paths` into `engine`. A `dry_run` parses every file and
    writes nothing: each outcome says what a real run would do to `engine`'s data (every
    report would be created when `engine` is None).

    A file whose size and modification time are unchanged since it was last ingested is not
    read again unless `checksum` (ingest/stamps.py). Files go through `batch_files` at a time:
    while the workers parse one batch, this process writes the one before it in one
    transaction.
    """
    files, missing = find_report_files(paths)
    summary = RunSummary(outcomes=list(missing), dry_run=dry_run)
    if on_total:
        on_total(len(files))
    writing = None if dry_run else engine  # the engine this run writes to
    run = start_run(writing) if writing is not None else None
    executor = (
        ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent, initargs=(os.getpid(),))
        if jobs > 1
        else None
    )
    stamps: dict[str, FileStamp] = {}  # by file, for the files read this run

    def finish(outcomes: list[FileOutcome]) -> None:
        if writing is not None:
            remember_stamps(writing, outcomes, stamps)
        for outcome in outcomes:
            summary.outcomes.append(outcome)
            if on_file_done:
                on_file_done()

    parsing: Iterator[ParseResult] | None = None
    try:
        for batch in _batches(files, batch_files):
            skipped, jobs_to_parse = read_batch(
                batch, engine=writing, stamps=stamps, trust_stamps=not checksum
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
        if writing is not None and run is not None:
            finish_run(writing, run_id=run.id, summary=summary)
    finally:
        if executor:
            executor.shutdown(cancel_futures=True)
        if run is not None:
            run.lock.release()
    return summary


def _store(
    results: list[ParseResult], *, engine: Engine | None, summary: RunSummary
) -> list[FileOutcome]:
    """Outcomes for a parsed batch, in order; its reports written in one transaction (or,
    in a dry run, compared with what `engine` holds)."""
    reports = [result.report for result in results if result.report is not None]
    if summary.dry_run:
        summary.reports += reports
        loaded = iter(_preview_batch(engine, results))
    else:
        assert engine is not None
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


def _preview_batch(engine: Engine | None, results: list[ParseResult]) -> list[Loaded]:
    """What a real run would do with each parsed report; all created on no database."""
    parsed = [(result.sha256, result.report) for result in results if result.report is not None]
    if engine is None:
        return [Loaded(LoadStatus.CREATED, report.slug) for _, report in parsed]
    with engine.connect() as connection:
        same = unchanged_hashes(connection, [sha256 for sha256, _ in parsed], PARSER_VERSION)
        fresh = [report for sha256, report in parsed if sha256 not in same]
        previews = iter(preview_reports(connection, fresh))
    return [
        Loaded(LoadStatus.UNCHANGED, report.slug) if sha256 in same else next(previews)
        for sha256, report in parsed
    ]


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
        return Loaded(LoadStatus.FAILED, report.slug, describe_error(error))
