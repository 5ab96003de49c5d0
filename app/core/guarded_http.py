"""uvicorn's httptools protocol with two limits it lacks, so that uvicorn can face clients
directly (`make run`, the Docker image): a request's line and headers may take at most
MAX_HEADER_BYTES (beyond: 431 and the connection closed, before httptools parses them, which
takes quadratic time on a huge header) and must arrive within HEADER_TIMEOUT_SECONDS of the
connection or of the request's first byte (beyond: 408 and closed, so connections that never
finish their headers cannot hold every slot of --limit-concurrency).

Served with `uvicorn --http app.core.guarded_http:GuardedHttpToolsProtocol`.
"""

import asyncio
from typing import Any

import orjson
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.core.problems import PROBLEM_MEDIA_TYPE, problem_body
from app.core.settings import get_settings


def _refusal(status: int, title: str, slug: str, detail: str) -> bytes:
    """A whole answer, written before any request is parsed: a problem like every other."""
    body = orjson.dumps(problem_body(status=status, title=title, slug=slug, detail=detail))
    head = (
        f"HTTP/1.1 {status} {title}\r\ncontent-type: {PROBLEM_MEDIA_TYPE}\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode() + body


_TOO_LARGE = _refusal(
    431,
    "Request Header Fields Too Large",
    "headers-too-large",
    "The request line and headers are longer than the server reads.",
)
_TOO_SLOW = _refusal(
    408, "Request Timeout", "request-timeout", "The request's headers did not arrive in time."
)
# After a refusal the connection reads and drops what the client still sends, for this long,
# before closing: closing with unread data would reset the connection and lose the answer.
LINGER_SECONDS = 2.0


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = get_settings()
        self.max_header_bytes = settings.max_request_header_bytes
        self.header_timeout_seconds = settings.request_header_timeout_seconds
        self._header_bytes: int | None = 0  # None while no request line or headers are due
        self._header_deadline: asyncio.TimerHandle | None = None
        self._refused = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._expect_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._header_bytes is not None:
            self._header_bytes += len(data)
            if self._header_bytes > self.max_header_bytes:
                self._refuse(_TOO_LARGE)
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._header_deadline is None:  # a keep-alive connection's next request
            self._expect_headers()

    def on_headers_complete(self) -> None:
        self._header_bytes = None
        self._stop_deadline()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._header_bytes = 0  # whatever comes next starts the next request

    def _expect_headers(self) -> None:
        self._header_bytes = self._header_bytes or 0
        self._header_deadline = self.loop.call_later(
            self.header_timeout_seconds, self._refuse, _TOO_SLOW
        )

    def _stop_deadline(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _refuse(self, answer: bytes) -> None:
        self._stop_deadline()
        if self._refused or self.transport.is_closing():
            return
        self._refused = True
        self.transport.write(answer)
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER_SECONDS, self.transport.close)
