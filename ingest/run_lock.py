"""A lock per ingest run that dies with the run's process, so that a later run can tell a
killed run (its lock free) from one still going (its lock held), whichever host runs it.

PostgreSQL: a session advisory lock on a connection the run keeps; the server drops it when
the connection closes, as the kernel closes it when the process dies. SQLite: `flock` on a
file beside the database, which the kernel drops the same way. A process id would not do:
containers reuse them, and a run on another host has none we could check.
"""

import fcntl
import os
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import is_sqlite

# The first key of the two-key advisory lock: the namespace of ingest runs ("onco" in ASCII).
_ADVISORY_NAMESPACE = 0x6F6E636F


def _lock_file(engine: Engine, run_id: int) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(f"{database}-ingest-run-{run_id}.lock")


class RunLock:
    """Held from `hold` until `release` or the process's death."""

    def __init__(self, engine: Engine, run_id: int) -> None:
        self._engine, self._run_id = engine, run_id
        self._connection: Connection | None = None
        self._file_descriptor: int | None = None
        self._path: Path | None = None

    def hold(self) -> None:
        if is_sqlite(str(self._engine.url)):
            self._path = _lock_file(self._engine, self._run_id)
            if self._path is not None:
                self._file_descriptor = os.open(self._path, os.O_CREAT | os.O_RDWR, 0o644)
                fcntl.flock(self._file_descriptor, fcntl.LOCK_EX)
            return
        self._connection = self._engine.connect()
        self._connection.execute(
            text("SELECT pg_advisory_lock(:space, :run)"),
            {"space": _ADVISORY_NAMESPACE, "run": self._run_id},
        )
        self._connection.commit()  # a session lock outlives the transaction; no idle one is kept

    def release(self) -> None:
        """Idempotent. The file goes first, so that no later run finds it free and unowned."""
        if self._file_descriptor is not None:
            assert self._path is not None
            self._path.unlink(missing_ok=True)
            os.close(self._file_descriptor)  # closing drops the flock
            self._file_descriptor = None
        if self._connection is not None:
            # Unlocked before the connection goes back to the pool, which keeps its session.
            try:
                self._connection.execute(
                    text("SELECT pg_advisory_unlock(:space, :run)"),
                    {"space": _ADVISORY_NAMESPACE, "run": self._run_id},
                )
                self._connection.commit()
            except SQLAlchemyError:
                self._connection.invalidate()  # a lost session has lost its lock with it
            finally:
                self._connection.close()
                self._connection = None


def run_is_live(engine: Engine, run_id: int) -> bool:
    """Whether a process holds run `run_id`'s lock. True when it cannot be told (SQLite in
    memory), so that no live run is ever marked interrupted."""
    if is_sqlite(str(engine.url)):
        path = _lock_file(engine, run_id)
        if path is None:
            return True
        try:
            descriptor = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            return False  # released, or the process died before it took the lock
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(descriptor)
        path.unlink(missing_ok=True)  # the dead run's file: nobody else will remove it
        return False
    with engine.connect() as connection:
        parameters = {"space": _ADVISORY_NAMESPACE, "run": run_id}
        taken = connection.execute(
            text("SELECT pg_try_advisory_lock(:space, :run)"), parameters
        ).scalar_one()
        if taken:
            connection.execute(text("SELECT pg_advisory_unlock(:space, :run)"), parameters)
        connection.commit()
        return not bool(taken)
