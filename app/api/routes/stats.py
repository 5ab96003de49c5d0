"""GET /stats and /meta: the dataset as a whole."""

from fastapi import APIRouter, Request

from app import __version__
from app.api.deps import SessionDep
from app.repositories.meta import dataset_state
from app.repositories.stats import dataset_stats, parser_version
from app.schemas import Meta, Stats

router = APIRouter(tags=["dataset"])


@router.get("/stats", response_model=Stats, summary="Counts, CAGR spread, total size by year")
def get_stats(session: SessionDep) -> Stats:
    return Stats(**dataset_stats(session))


@router.get("/meta", response_model=Meta, summary="Dataset version, last ingest, versions")
def get_meta(request: Request, session: SessionDep) -> Meta:
    version, last_ingest, markets = dataset_state(session)
    return Meta(
        api_version=__version__,
        parser_version=parser_version(session) or "",
        dataset_version=version,
        last_ingest_at=last_ingest,
        database=request.app.state.engine.dialect.name,
        markets=markets,
    )
