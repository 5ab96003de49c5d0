"""The database a test run uses: a SQLite file per test, or a private PostgreSQL 15 server.

`TEST_DATABASE=postgresql` runs the suite on PostgreSQL: a throwaway cluster is created with
`initdb` in a temporary folder (as the `postgres` user when run as root, since the server
refuses root), listens on a free loopback port, and is stopped when the run ends. Each test
gets its own database, cloned from a migrated template. `TEST_POSTGRES_URL` points the run at
an existing server instead. Without PostgreSQL the run skips with the reason, except under
`CI`, where that is a failure.
"""

import atexit
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from app.core.db import migrate
from app.core.settings import normalize_database_url
from tests.environment import unavailable
from tests.servers import free_port

BACKEND = os.environ.get("TEST_DATABASE", "sqlite")
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
TEMPLATE = "oncology_template"
_names = itertools.count()


def uses_postgresql() -> bool:
    return BACKEND == "postgresql"


def fresh_database_url(folder: Path, *, migrated: bool = True) -> str:
    """A new, empty database for one test: migrated to the head unless asked otherwise."""
    if not uses_postgresql():
        url = f"sqlite:///{folder / 'test.sqlite3'}"
        if migrated:
            migrate(url)
        return url
    server = postgres_server_url()
    name = f"test_{os.getpid()}_{next(_names)}"
    template = f" TEMPLATE {TEMPLATE}" if migrated else ""
    _admin_execute(server, f'CREATE DATABASE "{name}"{template}')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@cache
def postgres_server_url() -> str:
    """The server's URL (its `postgres` database), with the migrated template in place."""
    url = os.environ.get("TEST_POSTGRES_URL") or _start_private_cluster()
    url = normalize_database_url(url)
    _admin_execute(url, f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
    _admin_execute(url, f'CREATE DATABASE "{TEMPLATE}"')
    template_url = make_url(url).set(database=TEMPLATE).render_as_string(hide_password=False)
    migrate(template_url)
    _drop_connections(url, TEMPLATE)
    return url


def _unavailable(reason: str) -> None:
    unavailable(f"PostgreSQL run requested (TEST_DATABASE=postgresql) but {reason}")


def _start_private_cluster() -> str:
    if not (PG_BIN / "initdb").exists():
        _unavailable(f"no PostgreSQL binaries in {PG_BIN} (set PG_BIN)")
    folder = Path(tempfile.mkdtemp(prefix="oncology-pg-"))
    folder.chmod(0o755)
    data = folder / "data"
    port = free_port()
    as_user = _postgres_user_prefix(folder)
    run = [*as_user, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    try:
        subprocess.run([*run, "--no-sync"], check=True, capture_output=True, text=True)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        start = [*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options]
        subprocess.run([*start, "-w", "-l", str(folder / "log"), "start"], check=True, text=True)
    except (OSError, subprocess.CalledProcessError) as error:
        _unavailable(f"the test cluster did not start: {error}")
    stop = [*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    atexit.register(subprocess.run, stop, capture_output=True)
    return f"postgresql://postgres@127.0.0.1:{port}/postgres"


def _postgres_user_prefix(folder: Path) -> list[str]:
    """The server refuses to run as root: run its commands as `postgres` then."""
    if os.geteuid() != 0:
        return []
    user = pwd.getpwnam("postgres")
    os.chown(folder, user.pw_uid, user.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


def _admin_execute(url: str, statement: str) -> None:
    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(statement.encode())


def _drop_connections(url: str, database: str) -> None:
    """A template database cannot be cloned while anything is connected to it."""
    _admin_execute(
        url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid <> pg_backend_pid()",
    )
