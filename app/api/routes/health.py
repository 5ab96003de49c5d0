"""Liveness, readiness and Prometheus metrics."""

import logging

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.api.deps import SessionDep
from app.core.bounded import BoundedRead
from app.core.observe import Metrics
from app.core.problems import DatabaseUnavailable, problem_responses
from app.repositories.meta import dataset_state, last_finished_run
from app.schemas import Health

logger = logging.getLogger("app.metrics")

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
async def readyz(request: Request) -> Health:
    """Waits READY_WAIT_SECONDS at most: a database that does not answer is not ready."""
    is_migrated: BoundedRead[bool] = request.app.state.readiness
    try:
        migrated = await is_migrated()
    except TimeoutError as error:
        raise DatabaseUnavailable(
            f"the database did not answer within {is_migrated.seconds:g} s",
            headers={"Retry-After": "5"},
        ) from error
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
def metrics(request: Request, session: SessionDep) -> Response:
    registry: Metrics = request.app.state.metrics
    try:
        _read_dataset_gauges(registry, session)
    except SQLAlchemyError:
        logger.warning("dataset gauges not refreshed: the database is not reachable")
    return Response(generate_latest(registry.registry), media_type=CONTENT_TYPE_LATEST)


def _read_dataset_gauges(registry: Metrics, session: Session) -> None:
    """The gauges as the database has them now; on failure they keep their last values."""
    version, _, markets = dataset_state(session)
    registry.markets.set(markets)
    registry.dataset_version.set(version)
    run = last_finished_run(session)
    if run is not None and run.finished_at is not None:
        registry.last_ingest.set(run.finished_at.timestamp())
        registry.last_ingest_failed.set(run.failed)
