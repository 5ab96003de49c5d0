"""Repeated GETs answered from memory, keyed by the request and the dataset version.

Every write bumps `dataset_version` in its own transaction (ingest, upload, delete), and each
process re-reads that one row at most every VERSION_CHECK_SECONDS, so all workers and
replicas serve new data within a second of the commit. Only complete 200 responses are kept
(not streamed exports, errors, health or metrics, nor anything with credentials), in an LRU
bounded by entries and by each body's size.
"""

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from cachetools import LRUCache
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.http import NO_STORE_PATHS, weak_etag

VERSION_CHECK_SECONDS = 0.25
MAX_ENTRIES = 4096
MAX_BODY_BYTES = 1 << 20
# Request headers that change the bytes of a response: negotiation, compression, CORS.
_VARYING_HEADERS = (b"accept", b"accept-encoding", b"origin")


@dataclass(frozen=True)
class _Entry:
    version: int
    start: Message
    body: bytes
    route: object  # the matched route, so that metrics and logs name it on a hit too


class ResponseCache:
    def __init__(self, app: ASGIApp, *, read_version: Callable[[], int]) -> None:
        self.app = app
        self.read_version = read_version
        self.entries: LRUCache[tuple[object, ...], _Entry] = LRUCache(maxsize=MAX_ENTRIES)
        self._version = -1
        self._checked_at = float("-inf")
        self._lock = asyncio.Lock()

    async def current_version(self) -> int:
        if time.monotonic() - self._checked_at < VERSION_CHECK_SECONDS:
            return self._version
        async with self._lock:  # one reader refreshes; the others wait for its answer
            if time.monotonic() - self._checked_at >= VERSION_CHECK_SECONDS:
                self._version = await run_in_threadpool(self.read_version)
                self._checked_at = time.monotonic()
        return self._version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _cache_key(scope)
        if key is None:
            await self.app(scope, receive, send)
            if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
                self._checked_at = float("-inf")  # read your own writes: re-check at once
            return
        try:
            version = await self.current_version()
        except Exception:  # the database is down: let the route answer (503) as usual
            await self.app(scope, receive, send)
            return
        entry = self.entries.get(key)
        if entry is not None and entry.version == version:
            scope["route"] = entry.route
            await send(entry.start)
            await send({"type": "http.response.body", "body": entry.body})
            return
        await self.app(scope, receive, self._recording(scope, send, key, version))

    def _recording(self, scope: Scope, send: Send, key: tuple[object, ...], version: int) -> Send:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def record(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                streamed = not any(name == b"content-length" for name, _ in message["headers"])
                start = message if message["status"] == 200 and not streamed else None
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > MAX_BODY_BYTES:
                    start = None
                elif not message.get("more_body"):
                    body = b"".join(chunks)
                    entry = _Entry(version, _with_etag(start, body), body, scope.get("route"))
                    self.entries[key] = entry
            await send(message)

        return record


def _with_etag(start: Message, body: bytes) -> Message:
    """Store the ETag the outer middleware would compute, so a hit is not hashed again."""
    if any(name == b"etag" for name, _ in start["headers"]):
        return start
    return {**start, "headers": [*start["headers"], (b"etag", weak_etag(body).encode())]}


def _cache_key(scope: Scope) -> tuple[object, ...] | None:
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return None
    path: str = scope["path"]
    if path in NO_STORE_PATHS or path.startswith("/admin"):
        return None
    headers = dict(scope["headers"])
    if b"authorization" in headers or b"cookie" in headers:
        return None
    varying = tuple(headers.get(name, b"") for name in _VARYING_HEADERS)
    return (scope["method"], path, scope["query_string"], *varying)
