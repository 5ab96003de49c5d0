"""Liveness, readiness and Prometheus metrics."""

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.api.deps import EngineDep
from app.core.db import is_migrated
from app.core.problems import DatabaseUnavailable, problem_responses
from app.schemas import Health

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=Health, summary="Liveness: the process answers")
def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    summary="Readiness: the database is reachable and migrated",
    responses=problem_responses(DatabaseUnavailable),
)
def readyz(engine: EngineDep) -> Health:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        migrated = is_migrated(engine)
    except SQLAlchemyError as error:
        raise DatabaseUnavailable(
            "the database is not reachable", headers={"Retry-After": "5"}
        ) from error
    if not migrated:
        raise DatabaseUnavailable("the database is not at the schema head; run the migrations")
    return Health(status="ready")


@router.get(
    "/metrics",
    summary="Prometheus metrics of this process",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}}}},
)
def metrics(request: Request) -> Response:
    return Response(
        generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST
    )
