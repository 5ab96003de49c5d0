"""Starlette's gzip, for clients that accept it by their q-values: Starlette looks for the
word "gzip" in Accept-Encoding, so "gzip;q=0" (RFC 9110 §12.5.3: not acceptable) still got
gzip, and "*" did not."""

from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware, GZipResponder, IdentityResponder
from starlette.types import ASGIApp, Receive, Scope, Send
from werkzeug.http import parse_accept_header


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether gzip (or "*", when gzip is not listed) comes with a q-value above 0."""
    return parse_accept_header(accept_encoding).quality("gzip") > 0


class NegotiatedGZipMiddleware(GZipMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        responder: ASGIApp
        if accepts_gzip(Headers(scope=scope).get("accept-encoding", "")):
            responder = GZipResponder(
                self.app,
                self.minimum_size,
                compresslevel=self.compresslevel,
                thread_minimum_size=self.thread_minimum_size,
                exclude_content_types=self.exclude_content_types,
            )
        else:  # still says Vary: Accept-Encoding
            responder = IdentityResponder(
                self.app, self.minimum_size, exclude_content_types=self.exclude_content_types
            )
        await responder(scope, receive, send)
