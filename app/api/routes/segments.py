"""GET /segments and /segments/{key}: segment keys shared across markets."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from app.api.collections import Collection, collection_response
from app.api.deps import EngineDep, SessionDep
from app.api.exports import ExportsBusy
from app.api.formats import EXPORT_RESPONSES, FormatParam
from app.api.pages import linked_page_body
from app.api.params import SegmentKeyPath, fields_parameter, pagination, sort_parameter
from app.core.problems import NotFound, problem_responses
from app.core.query import Pagination, SortKey
from app.models import SegmentDimension
from app.repositories import segments as repository
from app.schemas import Page, SegmentDetail, SegmentMarket, SegmentSummary

router = APIRouter(prefix="/segments", tags=["segments"])
_FIELDS = tuple(SegmentSummary.model_fields)


class SegmentNotFound(NotFound):
    pass


@router.get(
    "",
    response_model=Page[SegmentSummary],
    summary="Segment keys across markets",
    description="With `format=csv` or `format=ndjson` (or the `Accept` header) every key is "
    "streamed; in CSV, `names` and `dimensions` are JSON arrays.",
    responses={**problem_responses(ExportsBusy), **EXPORT_RESPONSES},
)
def list_segments(
    request: Request,
    session: SessionDep,
    engine: EngineDep,
    page: Annotated[Pagination, Depends(pagination)],
    sort: Annotated[list[SortKey], Depends(sort_parameter(repository.SEGMENT_SORT))],
    fields: Annotated[list[str] | None, Depends(fields_parameter(_FIELDS))],
    dimension: Annotated[
        SegmentDimension | None,
        Query(description="Only segments along this axis.", examples=["end-user"]),
    ] = None,
    format: FormatParam = None,
) -> Response:
    def item(row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "url": str(request.url_for("get_segment", key=row["key"]))}

    collection = Collection(
        read_page=lambda: repository.list_segment_keys(
            session, dimension=dimension, sort=sort, page=page
        ),
        stream_rows=lambda: repository.stream_segment_keys(engine, dimension=dimension, sort=sort),
        item=item,
        columns=_FIELDS,
    )
    return collection_response(
        request, session=session, collection=collection, page=page, fields=fields, format_=format
    )


@router.get(
    "/{key}",
    response_model=SegmentDetail,
    summary="One segment key and its markets",
    responses=problem_responses(SegmentNotFound),
)
def get_segment(
    key: SegmentKeyPath,
    request: Request,
    response: Response,
    session: SessionDep,
    page: Annotated[Pagination, Depends(pagination)],
) -> SegmentDetail:
    summary = repository.get_segment_key(session, key)
    if summary is None:
        raise SegmentNotFound(f"no segment with key {key!r}")
    markets = [
        SegmentMarket(
            slug=slug,
            title=title,
            segment_name=name,
            url=str(request.url_for("get_market", slug=slug)),
        )
        for slug, title, name in repository.segment_markets(session, key, page=page)
    ]
    body = linked_page_body(
        request, response, items=markets, total=summary["market_count"], page=page
    )
    return SegmentDetail(**summary, markets=Page[SegmentMarket](**body))
