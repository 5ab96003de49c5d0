"""The database a test run uses: a SQLite file per test, or a private PostgreSQL 15 server.

On SQLite each test gets a copy of a file migrated once per process (a copy costs a fraction of
a migration run).

`TEST_DATABASE=postgresql` runs the suite on PostgreSQL: a throwaway cluster is created with
`initdb` in a temporary folder (as the `postgres` user when run as root, since the server
refuses root), listens on a free loopback port, and is stopped when the run ends. Each test
gets its own database, cloned from a migrated template. `TEST_POSTGRES_URL` points the run at
an existing server instead. Without PostgreSQL the run skips with the reason, except under
`CI`, where that is a failure.

Under pytest-xdist each worker is a process of its own: it starts its own cluster (or, on
`TEST_POSTGRES_URL`, makes its own template), and every database name carries the worker's
id and process id, so no two workers (nor two runs on one server) touch the same database.
"""

import atexit
import contextlib
import itertools
import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, MetaData, Row, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SAWarning

from app.core.db import migrate
from app.core.settings import normalize_database_url
from tests.environment import unavailable
from tests.servers import free_port

BACKEND = os.environ.get("TEST_DATABASE", "sqlite")
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
# "gw0", "gw1", … under pytest-xdist; "main" in a run without workers.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
_OWNER = f"{WORKER}_{os.getpid()}"
TEMPLATE = f"oncology_template_{_OWNER}"
_names = itertools.count()


def uses_postgresql() -> bool:
    return BACKEND == "postgresql"


def fresh_database_url(folder: Path, *, migrated: bool = True) -> str:
    """A new, empty database for one test: migrated to the head unless asked otherwise."""
    if not uses_postgresql():
        path = folder / "test.sqlite3"
        url = f"sqlite:///{path}"
        if migrated and not path.exists():
            shutil.copyfile(_sqlite_template(), path)
        elif migrated:
            migrate(url)
        return url
    server = postgres_server_url()
    name = f"test_{_OWNER}_{next(_names)}"
    template = f" TEMPLATE {TEMPLATE}" if migrated else ""
    _admin_execute(server, f'CREATE DATABASE "{name}"{template}')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@cache
def _sqlite_template() -> Path:
    """A SQLite file migrated to the head, whole in its main file (its WAL checkpointed)."""
    folder = Path(tempfile.mkdtemp(prefix="oncology-sqlite-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "template.sqlite3"
    migrate(f"sqlite:///{path}")
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@cache
def postgres_server_url() -> str:
    """The server's URL (its `postgres` database), with the migrated template in place."""
    shared = os.environ.get("TEST_POSTGRES_URL")
    url = normalize_database_url(shared or _start_private_cluster())
    _admin_execute(url, f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
    _admin_execute(url, f'CREATE DATABASE "{TEMPLATE}"')
    if shared:  # a private cluster goes away whole; on a shared server, leave no template
        atexit.register(_drop_template, url)
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


def _drop_template(url: str) -> None:
    # Still in use, or the server is gone: nothing more to do at exit.
    with contextlib.suppress(psycopg.Error):
        _admin_execute(url, f'DROP DATABASE IF EXISTS "{TEMPLATE}"')


def _drop_connections(url: str, database: str) -> None:
    """A template database cannot be cloned while anything is connected to it."""
    _admin_execute(
        url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid <> pg_backend_pid()",
    )


# Columns that record when, not what: excluded from "identical tables".
TIMESTAMP_COLUMNS = {"updated_at", "ingested_at", "started_at", "finished_at"}
RUN_TABLES = {
    "ingest_run",
    "ingest_file_outcome",
    "ingest_file_state",
    "alembic_version",
    "dataset_version",
    "change",  # the log of writes, like the run records: how the data came about
}


def dump_tables(engine: Engine, *, ignore_ids: bool = False) -> dict[str, list[tuple[str, ...]]]:
    """Every data table's rows (as reprs, sorted), to compare two databases or two moments."""
    metadata = MetaData()
    with warnings.catch_warnings():  # rows, not indexes, are compared: an expression index
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", SAWarning)
        metadata.reflect(engine)
    dump: dict[str, list[tuple[str, ...]]] = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            # Full-text indexes (FTS5 tables and their shadows) are derived from the rows.
            if table.name in RUN_TABLES or table.name.startswith("market_search"):
                continue
            # Children are replaced on update, so their surrogate ids are not part of the data;
            # market and company ids must stay stable and are compared.
            replaced = "market_id" in table.columns and table.name != "provenance"
            columns = [
                c
                for c in table.columns
                if c.name not in TIMESTAMP_COLUMNS
                and not ((replaced or ignore_ids) and c.name == "id")
                and not (ignore_ids and c.name in {"market_id", "company_id"})
            ]
            rows = connection.execute(select(*columns)).all()
            if ignore_ids and table.name == "group_tally":
                rows = _company_groups_by_slug(connection, rows)
            dump[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    return dump


def _company_groups_by_slug(connection: Connection, rows: Sequence[Row[Any]]) -> list[Any]:
    """group_tally's rows with each company group (a company id; '' for none) named by the
    company's slug, which, unlike the id, does not depend on the numbers a sequence gave out."""
    companies = connection.execute(text("select cast(id as varchar), slug from company"))
    slugs: dict[str, str] = {company_id: slug for company_id, slug in companies}
    renamed = []
    for row in rows:
        values = row._asdict()
        if values["grouping"] == "company":
            values["grp"] = slugs.get(values["grp"], values["grp"])
        renamed.append(tuple(values.values()))
    return renamed
