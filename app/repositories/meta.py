"""Dataset-wide facts: version (changes whenever the data does), last ingest, counts."""

from datetime import datetime

from sqlalchemy import Engine, func, select
from sqlmodel import Session, col

from app.models import DatasetVersion, IngestRun, TableRows


def dataset_version(session: Session) -> int:
    """The counter every write bumps (migration 0003): one primary-key read."""
    version = session.execute(
        select(col(DatasetVersion.version)).where(col(DatasetVersion.id) == 1)
    ).scalar_one_or_none()
    return int(version or 0)


def read_dataset_version(engine: Engine) -> int:
    with Session(engine) as session:
        return dataset_version(session)


def row_counts(session: Session) -> dict[str, int]:
    """Rows of market, segment, company and faq as `table_rows` keeps them (migration 0017):
    read, not counted."""
    rows = session.execute(select(col(TableRows.name), col(TableRows.rows)))
    return {name: int(count) for name, count in rows}


def dataset_state(session: Session) -> tuple[int, datetime | None, int]:
    """(dataset version, last ingest time, market count)."""
    markets = row_counts(session).get("market", 0)
    last_ingest = session.execute(select(func.max(col(IngestRun.finished_at)))).scalar_one()
    return dataset_version(session), last_ingest, markets


def last_finished_run(session: Session) -> IngestRun | None:
    """The ingest run (or upload) that finished last."""
    statement = (
        select(IngestRun)
        .where(col(IngestRun.finished_at).is_not(None))
        .order_by(col(IngestRun.finished_at).desc())
        .limit(1)
    )
    return session.execute(statement).scalars().first()
