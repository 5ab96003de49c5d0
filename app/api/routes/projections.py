"""GET /projections?year=: every market's value in one year."""

from operator import itemgetter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select

from app.api.deps import SessionDep
from app.api.pages import page_body
from app.api.params import market_filters, pagination, sort_parameter
from app.core.problems import problem_responses
from app.core.query import MarketFilters, Pagination, SortKey, SortOrder
from app.models import Market
from app.projections import ReportedFigures, value_in_year
from app.repositories.markets import figures_by_market, filter_conditions
from app.schemas import MarketProjection, Page

router = APIRouter(prefix="/projections", tags=["projections"])
PROJECTION_SORT = SortOrder(("value_usd", "name", "slug"), default="-value_usd")


@router.get(
    "",
    response_model=Page[MarketProjection],
    summary="Every market's value in one year",
    description="Same filters as GET /markets. Markets that cannot be projected to that year "
    "(no figures) are left out.",
    responses=problem_responses(),
)
def list_projections(
    request: Request,
    session: SessionDep,
    year: Annotated[int, Query(ge=1900, le=2200, description="The year.", examples=[2027])],
    filters: Annotated[MarketFilters, Depends(market_filters)],
    page: Annotated[Pagination, Depends(pagination)],
    sort: Annotated[list[SortKey], Depends(sort_parameter(PROJECTION_SORT))],
) -> Page[MarketProjection]:
    markets = session.execute(select(Market).where(*filter_conditions(filters))).scalars().all()
    figures = figures_by_market(session, filters)
    items: list[dict[str, Any]] = []
    for market in markets:
        point = value_in_year(ReportedFigures.of(market, figures[market.id]), year)
        if point is not None:
            items.append(
                {
                    "slug": market.slug,
                    "name": market.name,
                    "region": market.region,
                    "year": year,
                    "value_usd": point.value_usd,
                    "kind": point.kind,
                }
            )
    # Stable sorts from the last key to the first give a multi-key order; slug breaks ties.
    items.sort(key=itemgetter("slug"))
    for key in reversed(sort):
        items.sort(key=itemgetter(key.field), reverse=key.descending)
    window = items[page.offset : page.offset + page.limit]
    for item in window:
        item["url"] = str(request.url_for("get_market", slug=item["slug"]))
    return Page[MarketProjection](**page_body(request, items=window, total=len(items), page=page))
