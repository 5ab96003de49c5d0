"""Parse uploaded pages in a child process, so that a page which hangs the parser costs that
process, not a server thread.

The child stops a parse after `seconds` itself (SIGALRM works there: the parse runs on its
main thread). Should the parse not return even so, say inside C code that never yields, the
server stops waiting `grace_seconds` later and replaces the child; a child that dies (a
signal to the server's process group reaches it too) is replaced on the next upload.

The child is a plain process on a pipe rather than a multiprocessing Pool: a Pool worker
killed while it waits for work dies holding the pool's queue lock, and the pool's own
`terminate()` then waits for that lock forever, so the server could never stop.

This module is what the API imports of the parser: the HTML parser itself (bs4, lxml, ftfy,
pycountry) is imported in the child only, when the first upload starts it.
"""

import hashlib
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from app.core.settings import MAX_PARSE_SECONDS
from ingest.report import ParseResult

ParseTarget = Callable[[tuple[str, bytes], float], ParseResult]
# Not inflect: imported by name it keeps typeguard's instrumentation (1.7 s); the child
# loads it through `prepare_parser`, without (ingest/segments.py).
_PARSER_MODULES = ["ingest.jobs"]


def _parse_in_child(job: tuple[str, bytes], seconds: float) -> ParseResult:
    from ingest.jobs import parse_job  # in the child only: the server never loads the parser

    return parse_job(job, seconds)


def _serve(connection: Connection, target: ParseTarget) -> None:
    """The child's loop: one job in, its result out, until the server closes the pipe."""
    from ingest.parse import prepare_parser

    prepare_parser()  # before the first job, whose time cap should not pay for the imports
    while True:
        try:
            job, seconds = connection.recv()
        except EOFError:
            return
        connection.send(target(job, seconds))


class ParserProcess:
    def __init__(
        self,
        *,
        seconds: float = MAX_PARSE_SECONDS,
        grace_seconds: float = 30.0,  # also covers the child's start (imports) on first use
        target: ParseTarget = _parse_in_child,
    ) -> None:
        self.seconds = seconds
        self.grace_seconds = grace_seconds
        self._target = target
        self._child: BaseProcess | None = None
        self._connection: Connection | None = None
        # One parse at a time: replacing a stuck child must not take another upload with it.
        self._lock = threading.Lock()

    def parse(self, file_name: str, data: bytes) -> ParseResult:
        with self._lock:
            connection = self._connection or self._start()
            try:
                connection.send(((file_name, data), self.seconds))
                if connection.poll(self.seconds + self.grace_seconds):
                    result: ParseResult = connection.recv()
                    return result
                reason = f"parsing took over {self.seconds:g} s; the page is not a report"
            except (EOFError, OSError):
                reason = "the parser process stopped while reading the page; try again"
            self._stop()
            return ParseResult(file_name, hashlib.sha256(data).hexdigest(), error=reason)

    def close(self) -> None:
        """Stop the child (if started) and wait for it: nothing outlives the server."""
        with self._lock:
            self._stop()

    def _start(self) -> Connection:
        # "forkserver": forking a threaded server could copy a lock some thread holds, so each
        # child is forked from a small single-threaded server process instead. It imports the
        # parser once (about 0.7 s), so a replaced child starts at once; this process still
        # never imports it.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PARSER_MODULES)
        ours, theirs = context.Pipe()
        child = context.Process(target=_serve, args=(theirs, self._target), daemon=True)
        child.start()
        theirs.close()
        self._child, self._connection = child, ours
        return ours

    def _stop(self) -> None:
        if self._child is not None:
            self._child.kill()
            self._child.join()
        if self._connection is not None:
            self._connection.close()
        self._child, self._connection = None, None
