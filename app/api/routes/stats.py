"""GET /stats and /meta: the dataset as a whole."""

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlmodel import Session

from app import __version__
from app.api.collections import Collection, collection_response
from app.api.deps import EngineDep, SessionDep
from app.api.exports import ExportsBusy, ExportSlots
from app.api.formats import EXPORT_RESPONSES, FormatParam
from app.api.params import market_filters, pagination
from app.core.problems import InvalidParameter, problem_responses
from app.core.query import MarketFilters, Pagination
from app.repositories.groups import GroupBy, group_stats
from app.repositories.meta import dataset_state
from app.repositories.stats import dataset_stats, parser_version
from app.schemas import Meta, Page, Stats, StatsGroup

router = APIRouter(tags=["dataset"])


@router.get(
    "/stats",
    response_model=Stats | Page[StatsGroup],
    summary="Counts, CAGR spread, total size by year; or one row per group",
    description="Without `group_by`: the whole dataset. With it: one row per group of the "
    "markets matching the `/markets` filters (largest groups first), paged, and exportable "
    "as CSV or NDJSON like every collection; a market in several groups (segments, "
    "companies) counts in each.",
    responses={**problem_responses(ExportsBusy), **EXPORT_RESPONSES},
)
def get_stats(
    request: Request,
    session: SessionDep,
    engine: EngineDep,
    filters: Annotated[MarketFilters, Depends(market_filters)],
    page: Annotated[Pagination, Depends(pagination)],
    group_by: Annotated[
        GroupBy | None, Query(description="What to group the markets by.", examples=["segment"])
    ] = None,
    format: FormatParam = None,
) -> Any:
    if group_by is None:
        # Filters, pages and formats are a grouping's: named, not ignored, without one.
        if given := next(iter(request.query_params), None):
            raise InvalidParameter(
                given, "applies with group_by; alone, /stats describes the whole dataset"
            )
        return Stats(**dataset_stats(session))

    slots: ExportSlots = request.app.state.export_slots

    def read_page() -> tuple[list[dict[str, Any]], int]:
        # Grouping reads every matching membership (0.6–0.8 s at 100,000 markets for segments
        # or companies): a page takes an export slot too, so that a burst of them gets 503 +
        # Retry-After rather than every worker thread.
        with slots.slot():
            return group_stats(session, group_by, filters, page)

    def every_group() -> Iterator[dict[str, Any]]:
        with Session(engine) as own:  # an export reads on a session of its own
            return iter(group_stats(own, group_by, filters, None)[0])  # one row per group

    collection = Collection(
        read_page=read_page,
        stream_rows=every_group,
        item=lambda row: row,
        columns=tuple(StatsGroup.model_fields),
    )
    return collection_response(
        request,
        session=session,
        collection=collection,
        page=page,
        fields=None,
        format_=format,
    )


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
