"""GET /segments and /segments/{key}: segment keys shared across markets."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from app.api.deps import SessionDep
from app.api.pages import page_body
from app.api.params import SegmentKeyPath, pagination
from app.core.problems import NotFound, problem_responses
from app.core.query import Pagination
from app.models import SegmentDimension
from app.repositories import segments as repository
from app.schemas import Page, SegmentDetail, SegmentMarket, SegmentSummary

router = APIRouter(prefix="/segments", tags=["segments"])


class SegmentNotFound(NotFound):
    pass


@router.get(
    "",
    response_model=Page[SegmentSummary],
    summary="Segment keys across markets",
    responses=problem_responses(),
)
def list_segments(
    request: Request,
    session: SessionDep,
    page: Annotated[Pagination, Depends(pagination)],
    dimension: Annotated[
        SegmentDimension | None,
        Query(description="Only segments along this axis.", examples=["end-user"]),
    ] = None,
) -> Page[SegmentSummary]:
    keys = repository.segment_keys(session, dimension=dimension)
    items = [
        SegmentSummary(**key, url=str(request.url_for("get_segment", key=key["key"])))
        for key in keys[page.offset : page.offset + page.limit]
    ]
    return Page[SegmentSummary](**page_body(request, items=items, total=len(keys), page=page))


@router.get(
    "/{key}",
    response_model=SegmentDetail,
    summary="One segment key and its markets",
    responses=problem_responses(SegmentNotFound),
)
def get_segment(
    key: SegmentKeyPath,
    request: Request,
    session: SessionDep,
    page: Annotated[Pagination, Depends(pagination)],
) -> SegmentDetail:
    found = repository.segment_keys(session, key=key)
    if not found:
        raise SegmentNotFound(f"no segment with key {key!r}")
    summary = found[0]
    rows, total = repository.segment_markets(session, key, page=page)
    markets = [
        SegmentMarket(
            slug=slug,
            title=title,
            segment_name=name,
            url=str(request.url_for("get_market", slug=slug)),
        )
        for slug, title, name in rows
    ]
    return SegmentDetail(
        **summary,
        markets=Page[SegmentMarket](**page_body(request, items=markets, total=total, page=page)),
    )
