"""What a run did with each file, and the run records (`ingest_run`, `ingest_file_outcome`)."""

import logging
from dataclasses import dataclass, field

from sqlalchemy import Engine, insert, select, update
from sqlmodel import Session, col

from app.models import IngestFileOutcome, IngestRun, utc_now
from ingest.load import LoadStatus
from ingest.report import PARSER_VERSION, ParsedReport
from ingest.run_lock import RunLock, run_is_live

logger = logging.getLogger(__name__)


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
    dry_run: bool = False  # the outcomes say what a real run would do

    def count(self, *statuses: LoadStatus) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status in statuses)

    @property
    def failures(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status is LoadStatus.FAILED]

    def describe(self) -> str:
        created, updated = self.count(LoadStatus.CREATED), self.count(LoadStatus.UPDATED)
        unchanged, failed = self.count(LoadStatus.UNCHANGED), len(self.failures)
        if self.dry_run:
            head = (
                f"dry run, nothing written: {len(self.outcomes)} file(s) would create {created}, "
                f"update {updated}, leave {unchanged} unchanged; {failed} failed"
            )
        else:
            head = (
                f"{len(self.outcomes)} file(s): {created + updated} ingested "
                f"({created} new, {updated} updated), {unchanged} unchanged, {failed} failed"
            )
        lines = [head]
        lines += [f"  FAILED {outcome.file}: {outcome.reason}" for outcome in self.failures]
        return "\n".join(lines)


@dataclass(frozen=True)
class StartedRun:
    id: int
    lock: RunLock  # held until the run ends (its caller releases it)


def start_run(engine: Engine) -> StartedRun:
    """A new run row, its lock held; earlier runs left unfinished by a dead process are
    marked interrupted first."""
    mark_interrupted_runs(engine)
    with Session(engine) as session, session.begin():
        run = IngestRun(parser_version=PARSER_VERSION)
        session.add(run)
        session.flush()
        assert run.id is not None
        lock = RunLock(engine, run.id)
        lock.hold()  # before the row commits: no other run sees it without its lock
        return StartedRun(run.id, lock)


def mark_interrupted_runs(engine: Engine) -> list[int]:
    """Set `interrupted_at` on every unfinished run whose lock no process holds."""
    with Session(engine) as session, session.begin():
        unfinished = session.execute(
            select(col(IngestRun.id)).where(
                col(IngestRun.finished_at).is_(None), col(IngestRun.interrupted_at).is_(None)
            )
        ).scalars()
        dead = [run_id for run_id in unfinished if not run_is_live(engine, run_id)]
        if dead:
            session.execute(
                update(IngestRun)
                .where(col(IngestRun.id).in_(dead), col(IngestRun.finished_at).is_(None))
                .values(interrupted_at=utc_now())
            )
            logger.warning("marked ingest run(s) %s as interrupted: their process died", dead)
        return dead


def finish_run(engine: Engine, *, run_id: int, summary: RunSummary) -> None:
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


def record_run(engine: Engine, outcomes: list[FileOutcome]) -> None:
    """Record outcomes that did not come from a file run (an upload) as a run of their own."""
    run = start_run(engine)
    try:
        finish_run(engine, run_id=run.id, summary=RunSummary(outcomes=outcomes))
    finally:
        run.lock.release()
