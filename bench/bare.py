"""The ceiling for P1: a bare ASGI app that answers every request with the same bytes.

It serves the file named by BENCH_BODY_FILE (the API's own response to the benchmarked URL)
with the same content type, from the same uvicorn, so the difference is all framework.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes()
HEADERS = [
    (b"content-type", b"application/json"),
    (b"content-length", str(len(BODY)).encode()),
]


async def app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
