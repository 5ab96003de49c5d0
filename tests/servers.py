"""Real servers for tests: a command started as a subprocess, reached over loopback HTTP."""

import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.paths import PROJECT_ROOT

# Test servers listen on ports below Linux's ephemeral range (32768-60999), in a block of their
# own per pytest-xdist worker: no other worker probes the block, and no outgoing connection (of
# this run or of anything else on the machine) is given one of its ports between the probe and
# the server's bind. The pick within the block is random, for two runs at once.
_PORT_BASE, _PORT_BLOCK, _PORT_BLOCKS = 10_000, 500, 40
_pick = random.SystemRandom()


def _port_block() -> range:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1", …; unset without xdist
    index = int(worker[2:]) + 1 if worker[2:].isdigit() else 0
    start = _PORT_BASE + index % _PORT_BLOCKS * _PORT_BLOCK
    return range(start, start + _PORT_BLOCK)


def free_port() -> int:
    """A loopback port nothing is bound to, from this worker's block."""
    block = _port_block()
    for port in _pick.sample(block, len(block)):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port in {block}")


# The protocol `make run` and the image serve with (request header size and time limits).
GUARDED_HTTP = "app.core.guarded_http:GuardedHttpToolsProtocol"


def uvicorn_command(port: int, *options: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "app.main:create_app",
        "--http",
        GUARDED_HTTP,
        "--port",
        str(port),
        *options,
    ]


def wait_until_serving(process: "subprocess.Popen[bytes]", port: int) -> str:
    """The URL of the server `process` runs on `port`, once it answers /healthz."""
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            answered = httpx.get(f"{url}/healthz", timeout=1).status_code == 200
            # Ours must still run: a server that found its port taken exits.
            if answered and process.poll() is None:
                return url
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            command = " ".join(map(str, process.args))  # type: ignore[arg-type]
            pytest.fail(f"{command} did not serve /healthz within 30 s")
        time.sleep(0.2)


@contextmanager
def serving(
    command: list[str], *, port: int, env: dict[str, str], log: Path | None = None
) -> Iterator[str]:
    """Start `command` (a server on `port`), wait for /healthz, yield its URL, stop it."""
    log_file = log.open("wb") if log else None
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        stdout=log_file or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        url = wait_until_serving(process, port)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        if log_file:
            log_file.close()
