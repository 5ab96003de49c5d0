"""Repeated GETs answered from memory, keyed by the request and the dataset version.

Every write bumps `dataset_version` in its own transaction (ingest, upload, delete), and each
process re-reads that one row at most every VERSION_CHECK_SECONDS, so all workers and
replicas serve new data within a second of the commit. Only complete 200 responses are kept
(not streamed exports, errors, health or metrics, nor anything with credentials), in an LRU
bounded by entries (MAX_ENTRIES), by the bytes of all bodies (MAX_BYTES), and by each
body's size (MAX_BODY_BYTES), so a worker's memory stays bounded whatever clients ask.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from cachetools import LRUCache
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.bounded import BoundedRead
from app.core.http import (
    NO_STORE_PATHS,
    conditional_answer,
    read_headers,
    request_id_for,
    route_template,
)
from app.core.observe import RequestObserver

VERSION_CHECK_SECONDS = 0.25
VERSION_WAIT_SECONDS = 1.0
MAX_ENTRIES = 4096
MAX_BYTES = 64 << 20
MAX_BODY_BYTES = 1 << 20
_BODY = "http.response.body"


@dataclass(frozen=True)
class _Entry:
    """A final 200 answer, every header but the request id included."""

    version: int
    headers: list[tuple[bytes, bytes]]
    etag: str
    body: bytes
    route: str  # the matched route's template, so that metrics and logs name it on a hit too


class ResponseCache:
    """The outermost layer: a hit is answered here in full (request id, 304, metrics, log
    line) without entering the framework; a miss goes through and its final answer is kept."""

    def __init__(self, app: ASGIApp, *, observer: RequestObserver) -> None:
        self.app = app
        self.observer = observer
        self.read_version: BoundedRead[int] | None = None
        self.entries: LRUCache[tuple[object, ...], _Entry] | None = None
        self._version = -1
        self._checked_at = float("-inf")

    def open(self, *, read_version: Callable[[], int]) -> None:
        """Start keeping answers (the app's lifespan does, once its database is open)."""
        self.read_version = BoundedRead(read_version, seconds=VERSION_WAIT_SECONDS)
        self.entries = LRUCache(maxsize=MAX_BYTES, getsizeof=_budget)
        self._checked_at = float("-inf")

    def close(self) -> None:
        self.read_version, self.entries = None, None

    async def current_version(self, read_version: BoundedRead[int]) -> int:
        """The dataset version, re-read at most every VERSION_CHECK_SECONDS (one read shared
        by every request that asks meanwhile). A read that does not answer within
        VERSION_WAIT_SECONDS leaves the last version standing: a hung database gets its
        cached answers served as they were, not requests that hang."""
        if time.monotonic() - self._checked_at < VERSION_CHECK_SECONDS:
            return self._version
        try:
            self._version = await read_version()
        except TimeoutError:
            if self._version < 0:
                raise
        self._checked_at = time.monotonic()
        return self._version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            if scope["type"] == "http" and scope["method"] != "OPTIONS":
                self._checked_at = float("-inf")  # read your own writes: re-check at once
            return
        started = time.perf_counter()
        headers = read_headers(scope)
        key = _cache_key(scope, headers)
        entries, read_version = self.entries, self.read_version
        if key is None or entries is None or read_version is None:
            await self.app(scope, receive, send)
            return
        try:
            version = await self.current_version(read_version)
        except Exception:  # the database is down: let the route answer (503) as usual
            await self.app(scope, receive, send)
            return
        entry = entries.get(key)
        if entry is None or entry.version != version:
            recording = self._recording(scope, send, entries, key, version)
            await self.app(scope, receive, recording)
            return
        request_id = request_id_for(headers)
        if_none_match = headers.get(b"if-none-match", b"").decode("latin-1")
        status, answer_headers, body = conditional_answer(
            if_none_match, entry.etag, entry.headers, entry.body
        )
        answer_headers = [*answer_headers, (b"x-request-id", request_id.encode())]
        await send({"type": "http.response.start", "status": status, "headers": answer_headers})
        await send({"type": _BODY, "body": body})
        seconds = time.perf_counter() - started
        self.observer.answered(
            scope, route=entry.route, status=status, request_id=request_id, seconds=seconds
        )

    def _recording(
        self,
        scope: Scope,
        send: Send,
        entries: "LRUCache[tuple[object, ...], _Entry]",
        key: tuple[object, ...],
        version: int,
    ) -> Send:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def record(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message["headers"]}
                complete = {b"content-length", b"etag"} <= names  # not streamed, tagged
                start = message if message["status"] == 200 and complete else None
            elif start is not None and message["type"] == _BODY:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > MAX_BODY_BYTES:
                    start = None
                elif not message.get("more_body"):
                    entries[key] = _entry(version, start, b"".join(chunks), scope)
            await send(message)

        return record


def _budget(entry: _Entry) -> int:
    """What an entry counts against MAX_BYTES: its body, and at least MAX_BYTES / MAX_ENTRIES,
    so that the cache holds at most MAX_ENTRIES answers and at most MAX_BYTES of bodies."""
    return max(len(entry.body), MAX_BYTES // MAX_ENTRIES)


def _entry(version: int, start: Message, body: bytes, scope: Scope) -> _Entry:
    headers = [(name, value) for name, value in start["headers"] if name != b"x-request-id"]
    etag = next(value for name, value in headers if name.lower() == b"etag")
    return _Entry(
        version,
        headers=headers,
        etag=etag.decode("latin-1"),
        body=body,
        route=route_template(scope),
    )


def _cache_key(scope: Scope, headers: dict[bytes, bytes]) -> tuple[object, ...] | None:
    path: str = scope["path"]
    if path in NO_STORE_PATHS or path.startswith("/admin"):
        return None
    if b"authorization" in headers or b"cookie" in headers:
        return None
    get = headers.get
    # Every input that shapes the body: the representation, and the host and scheme that
    # absolute URLs in it are written with.
    varying = get(b"accept", b""), get(b"accept-encoding", b""), get(b"origin", b"")
    origin = scope.get("scheme", "http"), get(b"host", b"")
    return (scope["method"], path, scope["query_string"], *varying, *origin)
