"""Database engines, and the migrations that keep a database at the schema's head."""

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.core.settings import PROJECT_ROOT, get_settings, normalize_database_url
from app.core.sqlite_functions import register_sqlite_functions

if TYPE_CHECKING:
    from alembic.config import Config

ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"
CONNECT_TIMEOUT_SECONDS = 5
POOL_WAIT_SECONDS = 5
# Far above any query the API or an ingest batch runs (milliseconds), far below a hung client.
STATEMENT_TIMEOUT_MS = 60_000
# A statement still unanswered this long after its timeout: the server no longer runs it.
GIVE_UP_GRACE = 5  # seconds
SQLITE_PAGE_BYTES = 8192
# The revision of the newest migration: the schema this code reads and writes. Knowing it, a
# process at the head never loads Alembic nor reads the migrations (0.16 s of every server's
# and CLI's start). tests/ingest/test_cli.py checks it is Alembic's one head.
SCHEMA_HEAD = "0026"


def _text_search_along_indexes(
    _connection: Any, cursor: Any, statement: str, *_args: Any, **_kwargs: Any
) -> None:
    """(PostgreSQL) A statement with a full-text condition runs with sequential scans priced
    out, for the rest of its transaction. The planner prices the GIN index's rows for a common
    word above a scan that computes every row's tsvector: 34 s for a word in every FAQ at
    100,000 markets, 0.3 s along the index. The memory keeps the index's bitmap of 450,000
    segments exact: a lossy page has each of its rows' tsvector computed again."""
    if "tsquery(" in statement:
        # On the connection: a streamed statement's cursor is a server-side one.
        cursor.connection.execute("SET LOCAL enable_seqscan = off; SET LOCAL work_mem = '32MB'")


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_database_engine(url: str | None = None) -> Engine:
    """A new engine (its owner disposes of it): SQLite in WAL mode with foreign keys on,
    PostgreSQL pre-pinged. Creating one connects to nothing yet."""
    url = normalize_database_url(url or get_settings().database_url)
    if not is_sqlite(url):
        # A database that does not answer costs seconds, not a hung request: connecting,
        # waiting for a pooled connection and each statement are all bounded.
        engine = create_engine(
            url,
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=10,
            pool_timeout=POOL_WAIT_SECONDS,
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_SECONDS,
                # JIT compiles a statement it prices high (15-100 ms) for queries that run in
                # a few: an API's statements never repay it.
                "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c jit=off",
            },
        )
        event.listen(engine, "before_cursor_execute", _text_search_along_indexes)

        from app.core.stalled_reads import WatchedConnection  # psycopg: PostgreSQL only

        @event.listens_for(engine, "do_connect")
        def _watched_connection(
            _dialect: object, _record: object, cargs: tuple[Any, ...], cparams: dict[str, Any]
        ) -> WatchedConnection:
            # A server that stops answering mid-statement would hold a request forever.
            connection = WatchedConnection.connect(*cargs, **cparams)
            connection.watch_waits(give_up_seconds=STATEMENT_TIMEOUT_MS / 1000 + GIVE_UP_GRACE)
            return connection

        return engine
    database = make_url(url).database
    # A URI ("file:…?mode=ro") names a file that must already exist: no folder for it.
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    busy_timeout_ms = get_settings().sqlite_busy_timeout_ms

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        # A new file only (WAL fixes the page size once set): segment descriptions of about
        # 1 kB left a tenth of each 4 kB page empty; 8 kB pages make the file 7 % smaller.
        cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_BYTES}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()
        register_sqlite_functions(dbapi_connection)

    return engine


def alembic_config(url: str) -> "Config":
    from alembic.config import Config  # only to migrate: a process at the head never needs it

    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["database_url"] = normalize_database_url(url)
    return config


def migrate(url: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(url), "head")


def schema_revisions(connection: Connection) -> set[str]:
    """The revisions Alembic recorded in the database: none before its first migration."""
    if not inspect(connection).has_table("alembic_version"):
        return set()
    return set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def is_migrated(engine: Engine) -> bool:
    with engine.connect() as connection:
        return schema_revisions(connection) == {SCHEMA_HEAD}


class DatabaseNotMigrated(RuntimeError):
    pass


def prepare_database(url: str | None = None) -> Engine:
    """The embedded SQLite database migrates itself; PostgreSQL must be migrated beforehand."""
    engine = create_database_engine(url)
    try:
        if is_migrated(engine):
            return engine
        if is_sqlite(str(engine.url)):
            migrate(engine.url.render_as_string(hide_password=False))
            return engine
    except BaseException:
        engine.dispose()
        raise
    engine.dispose()
    raise DatabaseNotMigrated(
        f"{engine.url.render_as_string(hide_password=True)} is not at the schema head: "
        "run `make migrate` (alembic upgrade head) first"
    )


def existing_database(url: str) -> Engine | None:
    """The database at `url` when it exists and is at the schema head, else None; it is
    neither created nor migrated (what a dry run compares with)."""
    if is_sqlite(url):
        path = make_url(normalize_database_url(url)).database
        if not path or path == ":memory:" or not Path(path).is_file():
            return None
    engine = create_database_engine(url)
    try:
        if is_migrated(engine):
            return engine
    except SQLAlchemyError:
        pass
    engine.dispose()
    return None


def describe_error(error: BaseException) -> str:
    """An error as one line for an operator: a database error without its SQL or traceback,
    an OS error with its file."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        first = str(error.orig).strip().splitlines() or [type(error.orig).__name__]
        return f"database error: {first[0]}"
    if isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        return f"{error.strerror or error}{where}"
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
