"""Builds the FastAPI application: routers, middleware, error rendering, offline docs."""

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.telemetry import TelemetryConfig
from fastapi_offline import FastAPIOffline

from app import __version__
from app.api.routes import (
    admin,
    companies,
    faqs,
    health,
    markets,
    projections,
    segments,
    stats,
)
from app.core.cache import ResponseCache
from app.core.db import prepare_database
from app.core.http import HttpBehaviourMiddleware
from app.core.observe import Metrics, RequestObserver
from app.core.problems import install_problem_handlers
from app.core.settings import Settings, get_settings
from app.repositories.meta import read_dataset_version
from ingest.isolated import ParserProcess

DESCRIPTION = """Oncology market-research reports as data: market sizes, forecasts and CAGRs,
application segments, companies, trends, opportunities and FAQs, with yearly projections.

Collections answer `{items, total, limit, offset, next}` with a `Link: rel="next"` header.
Errors are RFC 9457 problem details. Every GET carries an ETag."""

TAGS = [
    {"name": "markets", "description": "Markets, filtered, sorted and exported."},
    {"name": "projections", "description": "Yearly values derived from reported figures."},
    {"name": "segments", "description": "Application segments shared across markets."},
    {"name": "companies", "description": "Companies, merged across their spellings."},
    {"name": "faqs", "description": "Questions and answers from the reports."},
    {"name": "dataset", "description": "Statistics and versions of the whole dataset."},
    {"name": "operations", "description": "Health, readiness and metrics."},
    {"name": "admin", "description": "Load and remove reports; needs the ADMIN_TOKEN bearer."},
]


def create_app(database_url: str | None = None, *, settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # readiness checks ask it often
    app = FastAPIOffline(
        title="Oncology Market Data API",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        telemetry=_telemetry(enabled=settings.otel_enabled),
        lifespan=_bounded_threads(settings.worker_threads),
    )
    app.state.settings = settings
    app.state.engine = prepare_database(database_url or settings.database_url)
    app.state.metrics = Metrics()
    access_log = logging.getLevelName(settings.log_level) <= logging.INFO
    app.state.observer = RequestObserver(app.state.metrics, access_log=access_log)
    app.state.parser = ParserProcess.shared(settings.parse_timeout_seconds)
    install_problem_handlers(app)
    for module in (markets, projections, segments, companies, faqs, stats, health, admin):
        app.include_router(module.router)
    # Last added runs first; the response cache wraps them all (below).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["Accept", "If-None-Match", "X-Request-ID", "Content-Type"],
        expose_headers=["ETag", "Link", "X-Request-ID"],
        allow_credentials=False,
        max_age=600,
    )
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=6)
    app.add_middleware(HttpBehaviourMiddleware, observer=app.state.observer)
    # Built now rather than on the first request, to put the response cache in front of the
    # whole stack, FastAPI's own error and body-limit layers included: a hit is answered before
    # any of them runs (SPEC §6 P1). It keeps final answers (gzipped, with CORS, security
    # headers, ETag) and gives each hit its request id, 304, metrics and log line.
    engine = app.state.engine
    app.middleware_stack = ResponseCache(
        app.build_middleware_stack(),
        read_version=lambda: read_dataset_version(engine),
        observer=app.state.observer,
    )
    return app


def _bounded_threads(count: int) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The limiter belongs to the running event loop, so it is set here, not at import.
        anyio.to_thread.current_default_thread_limiter().total_tokens = count
        yield

    return lifespan


def _telemetry(*, enabled: bool) -> TelemetryConfig:
    return {"tracing": enabled, "metrics": enabled, "logs": enabled}


app = create_app()
