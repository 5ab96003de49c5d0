"""Break off waits on a PostgreSQL server that stopped answering.

A wedged server (stopped by a signal, frozen by its host, behind a dead link) keeps its
connections open and its host's kernel acknowledges every byte, so neither libpq's timeouts
nor the server's own `statement_timeout` ever fire: a request would wait forever, holding a
worker thread and a pooled connection. Each connection here registers its waits for an answer;
a watchdog thread, running only while a wait is under way, looks at waits older than
`STALLED_SECONDS`. It then opens a new connection to the server: if that fails too, the
server is gone and every stalled wait has its socket shut, which libpq reports as a lost
connection (the API answers 503, the pool drops it). A wait older than its give-up time (the
statement timeout plus a grace) is shut whatever the check says: a live server would have
ended it itself.
"""

import contextlib
import itertools
import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.abc import PQGen
from psycopg.conninfo import make_conninfo

STALLED_SECONDS = 3.0  # silent this long, a wait has the watchdog check the server
PROBE_TIMEOUT_SECONDS = 2  # connect_timeout of the check (libpq takes whole seconds)
_TICK_SECONDS = 0.5


@dataclass(frozen=True)
class _Wait:
    started: float  # monotonic seconds
    give_up_seconds: float
    socket_fd: int  # read by the waiting thread: the watchdog never touches the connection
    conninfo: str  # to reach the same server with a new connection


class _Watchdog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waits: dict[int, _Wait] = {}
        self._keys = itertools.count()
        self._thread: threading.Thread | None = None
        # When each server last answered a check: a long statement on a live server is checked
        # again after STALLED_SECONDS, not at every tick.
        self._answered_at: dict[str, float] = {}

    def watch(self, wait: _Wait) -> int:
        with self._lock:
            key = next(self._keys)
            self._waits[key] = wait
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="stalled-reads", daemon=True)
                self._thread.start()
            return key

    def forget(self, key: int) -> None:
        with self._lock:
            self._waits.pop(key, None)

    def _run(self) -> None:
        while True:
            time.sleep(_TICK_SECONDS)
            now = time.monotonic()
            with self._lock:
                if not self._waits:
                    self._thread = None
                    return
                stalled = {
                    k: w for k, w in self._waits.items() if now - w.started > STALLED_SECONDS
                }
            if not stalled:
                continue
            servers = {wait.conninfo for wait in stalled.values()}  # each checked once
            due = {c for c in servers if now - self._answered_at.get(c, 0.0) > STALLED_SECONDS}
            gone = {conninfo for conninfo in due if not _server_answers(conninfo)}
            self._answered_at.update((conninfo, now) for conninfo in due - gone)
            with self._lock:  # a wait still registered still owns its socket
                for key, wait in stalled.items():
                    overdue = now - wait.started > wait.give_up_seconds
                    if key in self._waits and (wait.conninfo in gone or overdue):
                        _shut(wait.socket_fd)
                        del self._waits[key]


def _server_answers(conninfo: str) -> bool:
    try:
        psycopg.connect(make_conninfo(conninfo, connect_timeout=PROBE_TIMEOUT_SECONDS)).close()
    except psycopg.Error:
        return False
    return True


def _shut(socket_fd: int) -> None:
    """Shut the connection's socket (through a duplicate, so its descriptor stays libpq's)."""
    with socket.socket(fileno=os.dup(socket_fd)) as duplicate, contextlib.suppress(OSError):
        duplicate.shutdown(socket.SHUT_RDWR)  # (an OSError: the peer closed it already)


WATCHDOG = _Watchdog()


class WatchedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose waits for the server are watched once `watch_waits` is
    called (see the module)."""

    _watching: tuple[str, float] | None = None  # (conninfo, give-up seconds)

    def watch_waits(self, *, give_up_seconds: float) -> None:
        info = self.info
        conninfo = make_conninfo(info.dsn, password=info.password or None)
        self._watching = (conninfo, give_up_seconds)

    def wait(self, gen: PQGen[Any], interval: float = 0.1, timeout: float | None = None) -> Any:
        if timeout is not None or self._watching is None:  # a bounded wait needs no watching
            return super().wait(gen, interval, timeout)
        conninfo, give_up_seconds = self._watching
        wait = _Wait(time.monotonic(), give_up_seconds, self.pgconn.socket, conninfo)
        key = WATCHDOG.watch(wait)
        try:
            return super().wait(gen, interval, timeout)
        finally:
            WATCHDOG.forget(key)
