"""Parse uploaded pages in a child process, so that a page which hangs the parser costs that
process, not a server thread.

The child stops a parse after `seconds` itself (SIGALRM works there: the parse runs on its
main thread). Should the parse not return even so, say inside C code that never yields, the
server stops waiting `grace_seconds` later and replaces the child.
"""

import functools
import hashlib
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.pool import Pool

from ingest.limits import MAX_PARSE_SECONDS
from ingest.parse import prepare_parser
from ingest.run import ParseResult, parse_job

ParseTarget = Callable[[tuple[str, bytes], float], ParseResult]


class ParserProcess:
    def __init__(
        self,
        *,
        seconds: float = MAX_PARSE_SECONDS,
        grace_seconds: float = 30.0,  # also covers the child's start (imports) on first use
        target: ParseTarget = parse_job,
    ) -> None:
        self.seconds = seconds
        self.grace_seconds = grace_seconds
        self._target = target
        self._pool: Pool | None = None
        # One parse at a time: replacing a stuck child must not take another upload with it.
        self._lock = threading.Lock()

    def parse(self, file_name: str, data: bytes) -> ParseResult:
        with self._lock:
            if self._pool is None:
                # "spawn": forking a threaded server could copy a lock some thread holds.
                context = multiprocessing.get_context("spawn")
                self._pool = context.Pool(processes=1, initializer=prepare_parser)
            pending = self._pool.apply_async(self._target, ((file_name, data), self.seconds))
            try:
                return pending.get(timeout=self.seconds + self.grace_seconds)
            except multiprocessing.TimeoutError:
                self._pool.terminate()
                self._pool = None
                reason = f"parsing took over {self.seconds:g} s; the page is not a report"
                return ParseResult(file_name, hashlib.sha256(data).hexdigest(), error=reason)

    @staticmethod
    @functools.cache
    def shared(seconds: float) -> "ParserProcess":
        """One child per process and time cap, whichever app instance asks."""
        return ParserProcess(seconds=seconds)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.terminate()
                self._pool = None
