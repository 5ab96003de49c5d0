"""Alembic environment: URL from the caller or DATABASE_URL, schema from app.models."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, event, pool
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from app.core.db import SQLITE_PAGE_BYTES
from app.core.settings import get_settings, normalize_database_url
from app.core.sqlite_functions import register_sqlite_functions

config = context.config
if config.config_file_name is not None and not config.attributes.get("database_url"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata
# Full-text search lives outside the models (migration 0002): FTS5 tables, a generated column;
# so do expression indexes, which autogenerate cannot compare (migration 0014).
OUTSIDE_THE_MODELS = (
    "market_search",
    "search_vector",
    "ix_market_search_vector",
    "ix_market_region_lower",
    "ix_market_sort_desc",
    "ix_group_tally_emptied",
)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (reflected and name and name.startswith(OUTSIDE_THE_MODELS))


def database_url() -> str:
    return normalize_database_url(
        config.attributes.get("database_url") or get_settings().database_url
    )


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    if engine.dialect.name == "sqlite":  # the full-text triggers call it (migration 0023)
        event.listen(
            engine, "connect", lambda connection, _record: register_sqlite_functions(connection)
        )
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":  # takes effect on a new file only
            connection.exec_driver_sql(f"PRAGMA page_size={SQLITE_PAGE_BYTES}")
            connection.commit()  # so that the migrations run in a transaction of their own
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
