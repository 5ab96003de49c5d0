"""Dataset-wide facts: version (changes whenever the data does), last ingest, counts."""

import hashlib
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.models import IngestRun, Market


def dataset_state(session: Session) -> tuple[str, datetime | None, int]:
    """(dataset version, last ingest time, market count) from three cheap aggregates."""
    markets, last_update = session.execute(
        select(func.count(), func.max(Market.updated_at)).select_from(Market)
    ).one()
    last_ingest = session.execute(select(func.max(col(IngestRun.finished_at)))).scalar_one()
    fingerprint = f"{markets}|{last_update}|{last_ingest}".encode()
    return hashlib.blake2b(fingerprint, digest_size=8).hexdigest(), last_ingest, int(markets)
