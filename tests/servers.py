"""Real servers for tests: a command started as a subprocess, reached over loopback HTTP."""

import os
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def uvicorn_command(port: int, *options: str) -> list[str]:
    return [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port), *options]


@contextmanager
def serving(
    command: list[str], *, port: int, env: dict[str, str], log: Path | None = None
) -> Iterator[str]:
    """Start `command` (a server on `port`), wait for /healthz, yield its URL, stop it."""
    output = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{' '.join(command)} did not serve /healthz within 30 s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        if log:
            output.close()
