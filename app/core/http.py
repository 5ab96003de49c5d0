"""Cross-cutting HTTP behaviour: request ids, security headers, Cache-Control, ETag / 304 on
every GET, and each answer reported to the RequestObserver (metrics, access log)."""

import hashlib
import itertools
import re
import secrets
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.observe import RequestObserver

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
DATA_CACHE_CONTROL = "public, max-age=60"
NO_STORE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


_NO_STORE, _PUBLIC = b"no-store", DATA_CACHE_CONTROL.encode()
# Request ids need to be unique, not secret: a random per-process prefix and a counter cost
# far less than a uuid4 (an os.urandom call) per request. 32 hex digits, like a uuid.
_ID_PREFIX = secrets.token_hex(8)
_ID_COUNTER = itertools.count()


def _new_request_id() -> str:
    return f"{_ID_PREFIX}{next(_ID_COUNTER):016x}"


def weak_etag(body: bytes) -> str:
    """Weak, because gzip may change the bytes on the wire but not the representation."""
    return 'W/"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag.removeprefix("W/") in candidates


_KEPT_BY_304 = frozenset({b"etag", b"cache-control", b"x-request-id", b"vary"})


def not_modified_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """What a 304 keeps of the 200's headers (RFC 9110 §15.4.5)."""
    return [(name, value) for name, value in headers if name.lower() in _KEPT_BY_304]


# The request headers any layer looks at, picked out in one pass over the request.
_READ_HEADERS = frozenset(
    {
        b"x-request-id",
        b"if-none-match",
        b"accept",
        b"accept-encoding",
        b"origin",
        b"authorization",
        b"cookie",
    }
)


def read_headers(scope: Scope) -> dict[bytes, bytes]:
    """The request headers we use, by name (ASGI servers give names in lowercase)."""
    return {name: value for name, value in scope["headers"] if name in _READ_HEADERS}


def request_id_for(headers: dict[bytes, bytes]) -> str:
    """The caller's X-Request-ID when it is a sensible token, else a new one."""
    incoming = headers.get(b"x-request-id", b"").decode("latin-1")
    return incoming if _REQUEST_ID.match(incoming) else _new_request_id()


def route_template(scope: Scope) -> str:
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


class HttpBehaviourMiddleware:
    def __init__(self, app: ASGIApp, *, observer: RequestObserver) -> None:
        self.app = app
        self.observer = observer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = read_headers(scope)
        request_id = request_id_for(headers)
        if_none_match = headers.get(b"if-none-match", b"").decode("latin-1")
        scope.setdefault("state", {})["request_id"] = request_id
        conditional = scope["method"] in ("GET", "HEAD")
        status_holder: dict[str, Any] = {"status": 500}
        pending_start: Message | None = None
        buffered: list[bytes] = []

        def decorate(message: Message) -> tuple[Message, dict[bytes, bytes]]:
            """The start message with our headers added, and its headers by lowercase name."""
            response_headers: list[tuple[bytes, bytes]] = []
            names: dict[bytes, bytes] = {}
            for name, value in message.get("headers", []):
                lowered = name.lower()
                if lowered != b"x-request-id":
                    response_headers.append((name, value))
                    names[lowered] = value
            response_headers.append((b"x-request-id", request_id.encode()))
            response_headers += [h for h in SECURITY_HEADERS if h[0] not in names]
            if b"cache-control" not in names:
                no_store = (
                    not conditional or scope["path"] in NO_STORE_PATHS or message["status"] >= 400
                )
                response_headers.append((b"cache-control", _NO_STORE if no_store else _PUBLIC))
            return {**message, "headers": response_headers}, names

        async def send_not_modified(start: Message) -> None:
            headers_304 = not_modified_headers(start["headers"])
            status_holder["status"] = 304
            await send({"type": "http.response.start", "status": 304, "headers": headers_304})
            await send({"type": "http.response.body", "body": b""})

        async def wrapped_send(message: Message) -> None:
            nonlocal pending_start
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message, names = decorate(message)
                if conditional and message["status"] == 200:
                    given_etag = names.get(b"etag")
                    if given_etag is not None:  # a streamed export brings its own ETag
                        if if_none_match and etag_matches(if_none_match, given_etag.decode()):
                            await send_not_modified(message)
                            status_holder["done"] = True
                            return
                    elif b"content-length" in names:
                        pending_start = message  # hold it until the body gives the ETag
                        return
                await send(message)
                return
            if status_holder.get("done"):
                return
            if pending_start is None:
                await send(message)
                return
            buffered.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(buffered)
            etag = weak_etag(body)
            start = {
                **pending_start,
                "headers": [*pending_start["headers"], (b"etag", etag.encode())],
            }
            pending_start = None
            if if_none_match and etag_matches(if_none_match, etag):
                await send_not_modified(start)
                return
            await send(start)
            await send({"type": "http.response.body", "body": body})

        try:
            await self.app(scope, receive, wrapped_send)
        finally:
            self.observer.answered(
                scope,
                route=route_template(scope),
                status=status_holder["status"],
                request_id=request_id,
                seconds=time.perf_counter() - started,
            )
