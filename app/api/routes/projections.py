"""GET /projections?year=: every market's value in one year."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from app.api.collections import Collection, collection_response
from app.api.deps import EngineDep, SessionDep
from app.api.exports import ExportsBusy
from app.api.formats import EXPORT_RESPONSES, FormatParam
from app.api.params import (
    USD_AMOUNT_PATTERN,
    fields_parameter,
    market_filters,
    pagination,
    parse_usd_amount,
    sort_parameter,
)
from app.core.problems import problem_responses
from app.core.query import MarketFilters, Pagination, SortKey
from app.repositories import projections as repository
from app.schemas import MarketProjection, Page

router = APIRouter(prefix="/projections", tags=["projections"])
_FIELDS = tuple(MarketProjection.model_fields)


def _value_bound(comparison: str, *, example: str) -> Any:
    return Query(
        max_length=40,
        json_schema_extra={"pattern": USD_AMOUNT_PATTERN},  # checked by parse_usd_amount
        description=f"Value in that year {comparison} this, USD; plain or with a suffix: "
        "500M, 1.5B, 2e9.",
        examples=[example],
    )


@router.get(
    "",
    response_model=Page[MarketProjection],
    summary="Every market's value in one year",
    description="Same filters as GET /markets, plus `min_value`/`max_value` on the value in "
    "that year. Markets that cannot be projected to that year (no USD figure, or no CAGR to "
    "extrapolate with) are left out. With `format=csv` or `format=ndjson` (or the `Accept` "
    "header) every matching row is streamed.",
    responses={**problem_responses(ExportsBusy), **EXPORT_RESPONSES},
)
def list_projections(
    request: Request,
    session: SessionDep,
    engine: EngineDep,
    year: Annotated[int, Query(ge=1900, le=2200, description="The year.", examples=[2027])],
    filters: Annotated[MarketFilters, Depends(market_filters)],
    page: Annotated[Pagination, Depends(pagination)],
    sort: Annotated[list[SortKey], Depends(sort_parameter(repository.PROJECTION_SORT))],
    fields: Annotated[list[str] | None, Depends(fields_parameter(_FIELDS))],
    min_value: Annotated[str | None, _value_bound("≥", example="1B")] = None,
    max_value: Annotated[str | None, _value_bound("≤", example="50B")] = None,
    format: FormatParam = None,
) -> Response:
    query = repository.ProjectionQuery(
        year=year,
        filters=filters,
        sort=sort,
        min_value_usd=parse_usd_amount("min_value", min_value),
        max_value_usd=parse_usd_amount("max_value", max_value),
    )

    def item(row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "url": str(request.url_for("get_market", slug=row["slug"]))}

    collection = Collection(
        read_page=lambda: repository.list_projections(session, query, page=page),
        stream_rows=lambda: repository.stream_projections(engine, query),
        item=item,
        columns=_FIELDS,
    )
    return collection_response(
        request, session=session, collection=collection, page=page, fields=fields, format_=format
    )
