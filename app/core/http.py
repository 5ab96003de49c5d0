"""Cross-cutting HTTP behaviour: request ids, security headers, Cache-Control, ETag / 304 on
every GET, and each answer reported to the RequestObserver (metrics, access log)."""

import hashlib
import itertools
import re
import secrets
import time

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


# A 304 keeps the CORS headers too: without them a browser fails a cross-origin revalidation
# ("Failed to fetch") although the preflight allowed If-None-Match; and the security headers,
# which every answer carries.
_KEPT_BY_304 = frozenset(
    {
        b"etag",
        b"cache-control",
        b"x-request-id",
        b"vary",
        b"access-control-allow-origin",
        b"access-control-allow-credentials",
        b"access-control-expose-headers",
        *(name for name, _ in SECURITY_HEADERS),
    }
)
Headers = list[tuple[bytes, bytes]]


def not_modified_headers(headers: Headers) -> Headers:
    """What a 304 keeps of the 200's headers (RFC 9110 §15.4.5)."""
    return [(name, value) for name, value in headers if name.lower() in _KEPT_BY_304]


def conditional_answer(
    if_none_match: str | None, etag: str, headers: Headers, body: bytes
) -> tuple[int, Headers, bytes]:
    """A complete 200 answer as sent: itself, or a 304 when the client holds its ETag.
    The one conditional-request rule, for the response cache and for every other GET."""
    if if_none_match and etag_matches(if_none_match, etag):
        return 304, not_modified_headers(headers), b""
    return 200, headers, body


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
        b"host",
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


class PublicOrigin:
    """Requests seen as addressed to PUBLIC_BASE_URL: its scheme and host replace the client's,
    so that every URL the app writes (links, `next`, redirects) starts with it."""

    def __init__(self, app: ASGIApp, *, base_url: str) -> None:
        self.app = app
        scheme, _, host = base_url.partition("://")
        self.scheme, self.host = scheme, host.encode("latin-1")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = [(name, value) for name, value in scope["headers"] if name != b"host"]
            scope = {**scope, "scheme": self.scheme, "headers": [*headers, (b"host", self.host)]}
        await self.app(scope, receive, send)


class HeadAsGet:
    """HEAD answered as its GET without the body (RFC 9110 §9.3.2), on every GET route, the
    response cache included: same status, headers, Content-Length and ETag."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] != "http.response.body":
                await send(message)
            elif not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b""})

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class HttpBehaviourMiddleware:
    def __init__(self, app: ASGIApp, *, observer: RequestObserver) -> None:
        self.app = app
        self.observer = observer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        responder = _Responder(scope, send)
        try:
            await self.app(scope, receive, responder.send)
        finally:
            self.observer.answered(
                scope,
                route=route_template(scope),
                status=responder.status,
                request_id=responder.request_id,
                seconds=time.perf_counter() - responder.started,
            )


class _Responder:
    """One request's answer on its way out: request id, security and cache headers, and, for a
    complete 200 to a GET, its ETag and the 304 when the client already holds it."""

    def __init__(self, scope: Scope, send: Send) -> None:
        self.started = time.perf_counter()
        self.scope, self._send = scope, send
        headers = read_headers(scope)
        self.request_id = request_id_for(headers)
        scope.setdefault("state", {})["request_id"] = self.request_id
        self.if_none_match = headers.get(b"if-none-match", b"").decode("latin-1")
        self.conditional = scope["method"] in ("GET", "HEAD")
        self.status = 500  # until the app starts an answer
        self._held_start: Message | None = None  # a 200 waiting for its body's ETag
        self._held_body: list[bytes] = []
        self._answered_304 = False  # a streamed export's own ETag matched: drop its body

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            await self._start(message)
        elif self._answered_304:
            return
        elif self._held_start is None:
            await self._send(message)
        else:
            await self._hold(message)

    async def _start(self, message: Message) -> None:
        self.status = message["status"]
        message, names = self._decorate(message)
        if self.conditional and message["status"] == 200:
            given_etag = names.get(b"etag")
            if given_etag is not None:  # a streamed export brings its own ETag
                if self.if_none_match and etag_matches(self.if_none_match, given_etag.decode()):
                    self._answered_304 = True
                    await self._answer(304, not_modified_headers(message["headers"]), b"")
                    return
            elif b"content-length" in names:
                self._held_start = message  # hold it until the body gives the ETag
                return
        await self._send(message)

    async def _hold(self, message: Message) -> None:
        self._held_body.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        body, start = b"".join(self._held_body), self._held_start
        assert start is not None
        etag = weak_etag(body)
        headers = [*start["headers"], (b"etag", etag.encode())]
        await self._answer(*conditional_answer(self.if_none_match, etag, headers, body))

    async def _answer(self, status: int, headers: Headers, body: bytes) -> None:
        self.status = status
        await self._send({"type": "http.response.start", "status": status, "headers": headers})
        await self._send({"type": "http.response.body", "body": body})

    def _decorate(self, message: Message) -> tuple[Message, dict[bytes, bytes]]:
        """The start message with our headers added, and its headers by lowercase name."""
        response_headers: Headers = []
        names: dict[bytes, bytes] = {}
        for name, value in message.get("headers", []):
            lowered = name.lower()
            if lowered != b"x-request-id":
                response_headers.append((name, value))
                names[lowered] = value
        response_headers.append((b"x-request-id", self.request_id.encode()))
        response_headers += [h for h in SECURITY_HEADERS if h[0] not in names]
        if b"cache-control" not in names:
            # Only a 200 may be stored by shared caches: a redirect echoes the request's host.
            no_store = (
                not self.conditional
                or self.scope["path"] in NO_STORE_PATHS
                or message["status"] != 200
            )
            response_headers.append((b"cache-control", _NO_STORE if no_store else _PUBLIC))
        return {**message, "headers": response_headers}, names
