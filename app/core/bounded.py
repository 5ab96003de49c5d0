"""Blocking database reads that a request may wait on for a bounded time only.

A server that accepts but does not answer (stopped, overloaded) holds a read for as long as
it likes; no driver timeout helps when its kernel still acknowledges. So the caller stops
waiting instead, and the read, left running in its thread, is shared: while it hangs, later
callers wait on it too rather than strand one thread each.
"""

import asyncio
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class BoundedRead(Generic[T]):
    def __init__(self, read: Callable[[], T], *, seconds: float) -> None:
        self.read = read
        self.seconds = seconds
        self._pending: asyncio.Future[T] | None = None
        self._deadline = 0.0  # when the pending read's time is up, for every caller

    async def __call__(self) -> T:
        """The read's result; TimeoutError once it has run `seconds` (at once for a caller
        that comes later still), its own error if it fails."""
        loop = asyncio.get_running_loop()
        if self._pending is None or self._pending.done():
            self._pending = loop.run_in_executor(None, self.read)
            self._pending.add_done_callback(_retrieve)
            self._deadline = loop.time() + self.seconds
        remaining = max(0.0, self._deadline - loop.time())
        return await asyncio.wait_for(asyncio.shield(self._pending), remaining)


def _retrieve(future: "asyncio.Future[Any]") -> None:
    """Mark an error as seen: a read nobody waited for any more must not log it as lost."""
    if not future.cancelled():
        future.exception()
