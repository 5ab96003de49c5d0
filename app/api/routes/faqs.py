"""GET /faqs: FAQs across markets."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from app.api.collections import Collection, collection_response
from app.api.deps import EngineDep, SessionDep
from app.api.exports import ExportsBusy
from app.api.formats import EXPORT_RESPONSES, FormatParam
from app.api.params import fields_parameter, pagination, searched_sort_parameter, text_query
from app.core.problems import problem_responses
from app.core.query import Pagination, SortKey
from app.repositories import faqs as repository
from app.schemas import FaqWithMarket, Page

router = APIRouter(prefix="/faqs", tags=["faqs"])
_FIELDS = tuple(FaqWithMarket.model_fields)


@router.get(
    "",
    response_model=Page[FaqWithMarket],
    summary="FAQs across markets",
    description="With `format=csv` or `format=ndjson` (or the `Accept` header) every matching "
    "FAQ is streamed.",
    responses={**problem_responses(ExportsBusy), **EXPORT_RESPONSES},
)
def list_faqs(
    request: Request,
    session: SessionDep,
    engine: EngineDep,
    page: Annotated[Pagination, Depends(pagination)],
    sort: Annotated[list[SortKey] | None, Depends(searched_sort_parameter(repository.FAQ_SORT))],
    fields: Annotated[list[str] | None, Depends(fields_parameter(_FIELDS))],
    q: Annotated[
        str | None,
        text_query("Words that must all appear in the question or answer.", example="insurance"),
    ] = None,
    market: Annotated[
        str | None,
        text_query("Only this market's FAQs (slug).", example="united-states-iclusig"),
    ] = None,
    format: FormatParam = None,
) -> Response:
    def item(row: dict[str, Any]) -> dict[str, Any]:
        return row

    collection = Collection(
        read_page=lambda: repository.list_faqs(session, q=q, market=market, sort=sort, page=page),
        stream_rows=lambda: repository.stream_faqs(engine, q=q, market=market, sort=sort),
        item=item,
        columns=_FIELDS,
    )
    return collection_response(
        request, session=session, collection=collection, page=page, fields=fields, format_=format
    )
