"""Which files a re-run need not read: those whose size and modification time are what they
were when last ingested (as make and rsync judge). `--checksum` reads every file instead.

A file modified within the same clock tick as its last read could keep both; so, as git does
for its index, a stamp is kept only once the file is older than that read by a safe margin.
"""

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.models import IngestFileState

_STATE = IngestFileState.__table__  # type: ignore[attr-defined]
# Coarse file systems keep modification times to 1 or 2 seconds.
_SETTLED_NS = 3_000_000_000


@dataclass(frozen=True)
class FileStamp:
    path: str  # absolute
    size_bytes: int
    mtime_ns: int
    settled: bool  # old enough, when read, that a later change moves its modification time

    @classmethod
    def of(cls, path: Path, stat: os.stat_result, now_ns: int) -> "FileStamp":
        settled = stat.st_mtime_ns < now_ns - _SETTLED_NS
        return cls(str(path.absolute()), stat.st_size, stat.st_mtime_ns, settled)


def known_hashes(connection: Connection, stamps: Iterable[FileStamp]) -> dict[str, str]:
    """The recorded hash of each file whose size and modification time still match (by path)."""
    current = {stamp.path: (stamp.size_bytes, stamp.mtime_ns) for stamp in stamps}
    if not current:
        return {}
    rows = connection.execute(select(_STATE).where(_STATE.c.path.in_(sorted(current))))
    return {
        row.path: row.sha256 for row in rows if (row.size_bytes, row.mtime_ns) == current[row.path]
    }


def record_stamps(connection: Connection, hashes: Mapping[FileStamp, str]) -> None:
    """Remember what these files held; unsettled ones are forgotten, to be read next time."""
    settled = [
        {"path": s.path, "size_bytes": s.size_bytes, "mtime_ns": s.mtime_ns, "sha256": sha}
        for s, sha in hashes.items()
        if s.settled
    ]
    # An unsettled file's old row goes as well: were its modification time set back, the old
    # hash must not stand for the new bytes.
    unsettled = [stamp.path for stamp in hashes if not stamp.settled]
    if unsettled:
        connection.execute(_STATE.delete().where(_STATE.c.path.in_(unsettled)))
    if settled:
        upsert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
        statement = upsert(_STATE)
        columns = {name: statement.excluded[name] for name in ("size_bytes", "mtime_ns", "sha256")}
        connection.execute(
            statement.on_conflict_do_update(index_elements=["path"], set_=columns), settled
        )
