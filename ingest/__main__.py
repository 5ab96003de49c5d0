"""`python -m ingest [PATH ...]`: load report files into the database (SPEC §3)."""

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from sqlalchemy import Engine

from app.core.db import DatabaseNotMigrated, prepare_database
from app.core.settings import PROJECT_ROOT, get_settings
from ingest.records import RunSummary
from ingest.run import run_ingest

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
        bool, typer.Option("--dry-run", help="Parse only; print the reports as a JSON array.")
    ] = False,
    jobs: Annotated[int, typer.Option(min=1, help="Parse in this many processes.")] = 1,
    checksum: Annotated[
        bool,
        typer.Option(
            "--checksum",
            help="Read and hash every file, even one whose size and modification time are "
            "those of its last ingest (which a run otherwise trusts, as make and rsync do).",
        ),
    ] = False,
) -> None:
    """Parse report pages and upsert them, one transaction per report."""
    targets = paths or [PROJECT_ROOT / "seeds"]
    engine = None
    if not dry_run:
        try:
            engine = prepare_database(database_url or get_settings().database_url)
        except DatabaseNotMigrated as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from error
    summary = _run_with_progress(targets, engine=engine, jobs=jobs, checksum=checksum)
    if dry_run:
        reports = [report.public().model_dump(mode="json") for report in summary.reports]
        sys.stdout.buffer.write(orjson.dumps(reports, option=orjson.OPT_INDENT_2) + b"\n")
    typer.echo(summary.describe(), err=dry_run)
    raise typer.Exit(1 if summary.failures else 0)


def _run_with_progress(
    targets: list[Path], *, engine: Engine | None, jobs: int, checksum: bool
) -> RunSummary:
    if not sys.stderr.isatty():
        return run_ingest(targets, engine=engine, jobs=jobs, checksum=checksum)
    columns = (
        *Progress.get_default_columns()[:2],
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        return run_ingest(
            targets,
            engine=engine,
            jobs=jobs,
            checksum=checksum,
            on_total=lambda total: progress.update(task, total=total),
            on_file_done=lambda: progress.advance(task),
        )


if __name__ == "__main__":
    cli()
