"""What the app owns, it opens in its lifespan and closes there: importing or building it
touches nothing, the API process never loads the HTML parser (nor Alembic, at the schema's
head), and a stopped server leaves no process behind."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.databases import fresh_database_url
from tests.paths import PROJECT_ROOT, SEEDS_DIR
from tests.processes import live_processes
from tests.servers import free_port, uvicorn_command, wait_until_serving

# Processes, imports and signals: the same on either backend.
pytestmark = pytest.mark.backend_independent

PARSER_MODULES = ("bs4", "lxml", "ftfy", "pycountry")
TOKEN = "lifecycle-token"


def test_importing_and_building_the_app_opens_nothing(tmp_path: Path) -> None:
    missing_file = tmp_path / "never" / "created.sqlite3"
    script = (
        "import sys\n"
        "from app.main import create_app\n"
        f"create_app({f'sqlite:///{missing_file}'!r})\n"
        "create_app('postgresql://nobody@127.0.0.1:1/none')\n"
        f"print(sorted(m for m in {PARSER_MODULES!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", "the API process imported the HTML parser"
    assert not missing_file.parent.exists()


def test_a_database_at_the_head_is_opened_without_alembic(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from app.core.db import prepare_database\n"
        f"prepare_database({fresh_database_url(tmp_path)!r}).dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False", "a process at the schema's head loaded Alembic"


def _group_members(group: int) -> list[int]:
    return [process.pid for process in live_processes() if process.group == group]


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_server_leaves_no_process_behind(
    tmp_path: Path, stop_signal: signal.Signals
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": fresh_database_url(tmp_path),
        "ADMIN_TOKEN": TOKEN,
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        uvicorn_command(port),
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as systemd gives a service
    )
    try:
        url = wait_until_serving(server, port)
        seed = next(SEEDS_DIR.glob("*.txt")).read_bytes()
        upload = httpx.post(
            f"{url}/admin/reports",
            content=seed,
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/html"},
            timeout=60,
        )
        assert upload.status_code == 201, upload.text
        assert len(_group_members(server.pid)) > 1, "the upload ran in no child process"
        os.killpg(server.pid, stop_signal)
        server.wait(timeout=30)
        deadline = time.monotonic() + 15
        while _group_members(server.pid):
            assert time.monotonic() < deadline, f"left running: {_group_members(server.pid)}"
            time.sleep(0.2)
    finally:
        if server.poll() is None or _group_members(server.pid):
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def test_sigterm_ends_a_request_that_never_finishes_within_the_grace(tmp_path: Path) -> None:
    """A client that stops mid-body would hold a graceful shutdown forever; the served
    commands (Makefile, Dockerfile) give it `--timeout-graceful-shutdown 10`, here 1."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": fresh_database_url(tmp_path), "ADMIN_TOKEN": TOKEN}
    server = subprocess.Popen(
        [*uvicorn_command(port), "--timeout-graceful-shutdown", "1"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_serving(server, port)
        stalled = socket.create_connection(("127.0.0.1", port))
        stalled.sendall(
            b"POST /admin/reports HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
            + f"Authorization: Bearer {TOKEN}\r\nContent-Length: 1000000\r\n\r\n".encode()
            + b"<h1>never finished"
        )
        time.sleep(0.5)  # the request is in the app, waiting for the rest of its body
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)  # raises, failing the test, if the shutdown waits on the client
        stalled.close()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
