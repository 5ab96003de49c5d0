"""`python -m ingest [PATH ...]`: load report files into the database (SPEC §3)."""

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from sqlalchemy import make_url
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import DatabaseNotMigrated, describe_error, existing_database, prepare_database
from app.core.settings import PROJECT_ROOT, get_settings
from app.market_search import rebuild_index
from ingest.load import bump_dataset_version
from ingest.records import RunSummary
from ingest.run import BATCH_FILES, run_ingest

cli = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@cli.command()
def main(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Report files or directories (recursive). Default: seeds/."),
    ] = None,
    database_url: Annotated[
        str | None,
        typer.Option(help="Database URL. Default: DATABASE_URL, else the embedded SQLite file."),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Parse only and print the reports as a JSON array; the summary says what a "
            "real run would do to the database (which is read if it exists, never written).",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(min=1, help="Parse in this many processes. Default: the CPUs available."),
    ] = None,
    checksum: Annotated[
        bool,
        typer.Option(
            "--checksum",
            help="Read and hash every file, even one whose size and modification time are "
            "those of its last ingest (which a run otherwise trusts, as make and rsync do).",
        ),
    ] = False,
    batch_size: Annotated[
        int,
        typer.Option(
            min=1,
            help="Files read, parsed and written per transaction: a smaller batch holds less "
            "memory and commits sooner.",
        ),
    ] = BATCH_FILES,
    rebuild_search: Annotated[
        bool,
        typer.Option(
            "--rebuild-search",
            help="Only index every market's texts for `q` again, from the rows as stored: "
            "after segments, insights or FAQs were written with another tool.",
        ),
    ] = False,
) -> None:
    """Parse report pages and upsert them, one transaction per batch of files."""
    targets = paths or [PROJECT_ROOT / "seeds"]
    url = database_url or get_settings().database_url
    try:
        if rebuild_search:
            with prepare_database(url).begin() as connection:
                rebuild_index(connection)
                bump_dataset_version(connection)  # cached answers of `q` go stale
            typer.echo("search index rebuilt from every market's stored texts")
            raise typer.Exit(0)
        engine = existing_database(url) if dry_run else prepare_database(url)
        if dry_run and engine is None:
            shown = make_url(url).render_as_string(hide_password=True)
            typer.echo(
                f"note: no database at the schema head at {shown}: all would be new", err=True
            )
        run = functools.partial(
            run_ingest,
            targets,
            engine=engine,
            dry_run=dry_run,
            jobs=jobs or _cpus(),
            checksum=checksum,
            batch_files=batch_size,
        )
        summary = _run_with_progress(run)
    except (DatabaseNotMigrated, SQLAlchemyError, OSError) as error:
        # One line an operator can act on; the traceback helps nobody here.
        typer.echo(f"error: {describe_error(error)}", err=True)
        raise typer.Exit(2) from error
    if dry_run:
        reports = [report.public().model_dump(mode="json") for report in summary.reports]
        sys.stdout.buffer.write(orjson.dumps(reports, option=orjson.OPT_INDENT_2) + b"\n")
    typer.echo(summary.describe(), err=dry_run)
    raise typer.Exit(1 if summary.failures else 0)


def _cpus() -> int:
    """The CPUs this process may run on (a container's or taskset's limit, not the host's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_with_progress(run: Callable[..., RunSummary]) -> RunSummary:
    """`run(on_total=, on_file_done=)` behind a progress bar when a person watches stderr."""
    if not sys.stderr.isatty():
        return run()
    columns = (
        *Progress.get_default_columns()[:2],
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        return run(
            on_total=lambda total: progress.update(task, total=total),
            on_file_done=lambda: progress.advance(task),
        )


if __name__ == "__main__":
    cli()
