"""Builds the FastAPI application: routers, middleware, error rendering, offline docs.

`create_app()` only builds: the database engine, the upload parser's child process and the
response cache's store are opened by the lifespan and closed by it, so importing this module
or building an app touches no database, file or process. Serve it with
`uvicorn --factory app.main:create_app`.
"""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.telemetry import TelemetryConfig
from fastapi_offline import FastAPIOffline
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app import __version__
from app.api.exports import ExportSlots
from app.api.routes import (
    admin,
    changes,
    companies,
    exports,
    faqs,
    health,
    markets,
    projections,
    segments,
    stats,
)
from app.api.strict import check_query_string
from app.bulk.builds import BuiltFiles
from app.core.bounded import BoundedRead
from app.core.cache import ResponseCache
from app.core.cors import ProblemCORSMiddleware
from app.core.db import create_database_engine, describe_error, is_migrated, prepare_database
from app.core.gzip import NegotiatedGZipMiddleware
from app.core.http import HeadAsGet, HttpBehaviourMiddleware, PublicOrigin
from app.core.observe import Metrics, RequestObserver
from app.core.openapi import tidy_parameters
from app.core.problems import install_problem_handlers
from app.core.settings import Settings, get_settings
from app.explorer import routes as explorer
from app.reports import ReportWriter
from app.repositories.meta import read_dataset_version

DESCRIPTION = """Oncology market-research reports as data: market sizes, forecasts and CAGRs,
application segments, companies, trends, opportunities and FAQs, with yearly projections.

Collections answer `{items, total, limit, offset, next}` with a `Link: rel="next"` header.
Errors are RFC 9457 problem details; a query parameter an endpoint does not take, or NUL in
any value, is a 422. Every GET carries an ETag."""

logger = logging.getLogger("app.main")
READY_WAIT_SECONDS = 3.0  # how long /readyz waits on the database before answering 503

TAGS = [
    {"name": "markets", "description": "Markets, filtered, sorted and exported."},
    {"name": "projections", "description": "Yearly values derived from reported figures."},
    {"name": "segments", "description": "Application segments shared across markets."},
    {"name": "companies", "description": "Companies, merged across their spellings."},
    {"name": "faqs", "description": "Questions and answers from the reports."},
    {"name": "dataset", "description": "Statistics and versions of the whole dataset."},
    {"name": "exports", "description": "Every table as a CSV, NDJSON or Parquet file."},
    {"name": "operations", "description": "Health, readiness and metrics."},
    {"name": "admin", "description": "Load and remove reports; needs the ADMIN_TOKEN bearer."},
]


def create_app(database_url: str | None = None, *, settings: Settings | None = None) -> FastAPI:
    """The app for `database_url` (default: the settings' DATABASE_URL); nothing opened yet."""
    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # readiness checks ask it often
    app = FastAPIOffline(
        title="Oncology Market Data API",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        telemetry=_telemetry(enabled=settings.otel_enabled),
        lifespan=_lifespan,
        dependencies=[Depends(check_query_string)],
    )
    build_openapi = app.openapi
    app.openapi = lambda: app.openapi_schema or tidy_parameters(build_openapi())  # type: ignore[method-assign]
    app.state.settings = settings
    app.state.export_slots = ExportSlots(settings.max_concurrent_exports)
    app.state.database_url = database_url or settings.database_url
    app.state.metrics = Metrics()
    access_log = logging.getLevelName(settings.log_level) <= logging.INFO
    app.state.observer = RequestObserver(app.state.metrics, access_log=access_log)
    install_problem_handlers(app)
    routers = (
        markets,
        projections,
        segments,
        companies,
        faqs,
        stats,
        changes,
        exports,
        health,
        admin,
    )
    for module in routers:
        app.include_router(module.router)
    app.include_router(explorer.router)
    # Last added runs first; the response cache wraps them all (below).
    app.add_middleware(
        ProblemCORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["Accept", "If-None-Match", "X-Request-ID", "Content-Type"],
        expose_headers=["ETag", "Link", "X-Request-ID"],
        allow_credentials=False,
        max_age=600,
    )
    app.add_middleware(NegotiatedGZipMiddleware, minimum_size=500, compresslevel=6)
    app.add_middleware(HttpBehaviourMiddleware, observer=app.state.observer)
    # Built now rather than on the first request, to put the response cache in front of the
    # whole stack, FastAPI's own error and body-limit layers included: a hit is answered before
    # any of them runs (SPEC §6 P1). It keeps final answers (gzipped, with CORS, security
    # headers, ETag) and gives each hit its request id, 304, metrics and log line.
    app.state.response_cache = ResponseCache(
        app.build_middleware_stack(), observer=app.state.observer
    )
    app.middleware_stack = app.state.response_cache
    if settings.public_base_url:
        app.middleware_stack = PublicOrigin(app.middleware_stack, base_url=settings.public_base_url)
    app.middleware_stack = HeadAsGet(app.middleware_stack)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open what the app serves with, and close all of it when the server stops."""
    settings: Settings = app.state.settings
    # The limiter belongs to the running event loop, so it is set here, not at import.
    anyio.to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
    engine = await anyio.to_thread.run_sync(_open_database, app.state.database_url)
    app.state.engine = engine
    app.state.readiness = BoundedRead(partial(is_migrated, engine), seconds=READY_WAIT_SECONDS)
    app.state.report_writer = ReportWriter(engine, parse_seconds=settings.parse_timeout_seconds)
    app.state.built_files = BuiltFiles()
    # Uploads take turns on the one parser child: those waiting wait here, on the event loop,
    # rather than each holding one of the few worker threads that reads need.
    app.state.upload_turn = anyio.Lock()
    cache: ResponseCache = app.state.response_cache
    cache.open(read_version=lambda: read_dataset_version(engine))
    try:
        yield
    finally:
        cache.close()
        await anyio.to_thread.run_sync(app.state.report_writer.close)
        app.state.built_files.close()
        engine.dispose()


def _open_database(url: str) -> Engine:
    """The database, migrated when embedded. One that does not answer yet does not stop the
    server: requests get 503 and /readyz says not ready until it does (SPEC §5)."""
    try:
        return prepare_database(url)
    except SQLAlchemyError as error:
        logger.warning(
            "database unavailable at start (%s); serving 503 until it answers",
            describe_error(error),
        )
        return create_database_engine(url)


def _telemetry(*, enabled: bool) -> TelemetryConfig:
    return {"tracing": enabled, "metrics": enabled, "logs": enabled}
