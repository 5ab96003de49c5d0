"""The request limits uvicorn lacks (app/core/guarded_http.py), on a real server: a request's
headers may take so many bytes and so much time, and connections that never finish their
headers give their slots back."""

import socket
import time
from collections.abc import Iterator

import httpx
import orjson
import pytest

from tests.servers import free_port, serving, uvicorn_command

pytestmark = pytest.mark.backend_independent

MAX_HEADER_BYTES = 4_096
HEADER_TIMEOUT_SECONDS = 1.0
SLOTS = 6  # --limit-concurrency


@pytest.fixture(scope="module")
def server(seeded_database_url: str) -> Iterator[tuple[str, int]]:
    port = free_port()
    environment = {
        "DATABASE_URL": seeded_database_url,
        "MAX_REQUEST_HEADER_BYTES": str(MAX_HEADER_BYTES),
        "REQUEST_HEADER_TIMEOUT_SECONDS": str(HEADER_TIMEOUT_SECONDS),
    }
    command = uvicorn_command(port, "--limit-concurrency", str(SLOTS))
    with serving(command, port=port, env=environment) as url:
        yield url, port


def _connect(port: int) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    return connection


def _answer(connection: socket.socket) -> bytes:
    """The status line the server sends before it closes the connection."""
    received = b""
    while chunk := connection.recv(4096):
        received += chunk
    return received.split(b"\r\n", 1)[0]


def test_keep_alive_requests_are_served(server: tuple[str, int]) -> None:
    url, _ = server
    with httpx.Client() as client:
        for _ in range(3):
            assert client.get(f"{url}/healthz").status_code == 200


def test_headers_beyond_the_limit_are_431(server: tuple[str, int]) -> None:
    url, port = server
    under = httpx.get(f"{url}/healthz", headers={"X-Pad": "a" * (MAX_HEADER_BYTES // 2)})
    assert under.status_code == 200
    with _connect(port) as connection:
        big = b"X-Big: " + b"a" * (MAX_HEADER_BYTES * 50) + b"\r\n"
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + big + b"\r\n")
        assert _answer(connection) == b"HTTP/1.1 431 Request Header Fields Too Large"
    with _connect(port) as connection:  # the whole answer: a problem, as every error is
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + big + b"\r\n")
        received = b""
        while chunk := connection.recv(4096):
            received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        assert b"content-type: application/problem+json" in head
        assert orjson.loads(body)["status"] == 431


@pytest.mark.parametrize("sent", [b"", b"GET /healthz HTTP/1.1\r\nHost: x\r\n"])
def test_headers_that_never_finish_are_408_and_closed(server: tuple[str, int], sent: bytes) -> None:
    _, port = server
    with _connect(port) as connection:
        connection.sendall(sent)
        assert _answer(connection) == b"HTTP/1.1 408 Request Timeout"


def test_a_slow_body_is_not_a_slow_header(server: tuple[str, int]) -> None:
    """Only the request line and headers are timed: an upload may take its time."""
    _, port = server
    with _connect(port) as connection:
        connection.sendall(
            b"POST /admin/reports HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
            b"Content-Length: 10\r\nConnection: close\r\n\r\n"
        )
        time.sleep(HEADER_TIMEOUT_SECONDS * 1.5)
        connection.sendall(b"0123456789")
        assert _answer(connection) == b"HTTP/1.1 401 Unauthorized"


def test_stalled_connections_give_their_slots_back(server: tuple[str, int]) -> None:
    url, port = server
    stalled = [_connect(port) for _ in range(SLOTS * 2)]
    try:
        for connection in stalled:
            connection.sendall(b"GET /healthz HTTP/1.1\r\n")
        deadline = time.monotonic() + HEADER_TIMEOUT_SECONDS * 10
        status = 0
        while time.monotonic() < deadline:  # the server recovers once their time is up
            status = httpx.get(f"{url}/markets", timeout=5).status_code
            if status == 200:
                break
            time.sleep(0.2)
        assert status == 200
        assert all(_answer(connection).endswith(b"408 Request Timeout") for connection in stalled)
    finally:
        for connection in stalled:
            connection.close()
