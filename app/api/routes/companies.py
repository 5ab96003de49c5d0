"""GET /companies and /companies/{slug}: one row per real company across markets."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from app.api.collections import Collection, collection_response
from app.api.deps import EngineDep, SessionDep
from app.api.exports import ExportsBusy
from app.api.formats import EXPORT_RESPONSES, FormatParam
from app.api.pages import linked_page_body
from app.api.params import (
    CompanySlugPath,
    fields_parameter,
    pagination,
    sort_parameter,
    text_query,
)
from app.core.problems import NotFound, problem_responses
from app.core.query import Pagination, SortKey
from app.repositories import companies as repository
from app.schemas import CompanyDetail, CompanyMarket, CompanySummary, Page

router = APIRouter(prefix="/companies", tags=["companies"])
_FIELDS = tuple(CompanySummary.model_fields)


class CompanyNotFound(NotFound):
    pass


@router.get(
    "",
    response_model=Page[CompanySummary],
    summary="Companies with aliases and market counts",
    description="With `format=csv` or `format=ndjson` (or the `Accept` header) every matching "
    "company is streamed; in CSV, `aliases` is a JSON array.",
    responses={**problem_responses(ExportsBusy), **EXPORT_RESPONSES},
)
def list_companies(
    request: Request,
    session: SessionDep,
    engine: EngineDep,
    page: Annotated[Pagination, Depends(pagination)],
    sort: Annotated[list[SortKey], Depends(sort_parameter(repository.COMPANY_SORT))],
    fields: Annotated[list[str] | None, Depends(fields_parameter(_FIELDS))],
    q: Annotated[
        str | None,
        text_query(
            "Words that each start a word of one of the company's names (any alias).",
            example="pharma",
        ),
    ] = None,
    format: FormatParam = None,
) -> Response:
    def item(row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "url": str(request.url_for("get_company", slug=row["slug"]))}

    collection = Collection(
        read_page=lambda: repository.list_companies(session, q=q, sort=sort, page=page),
        stream_rows=lambda: repository.stream_companies(engine, q=q, sort=sort),
        item=item,
        columns=_FIELDS,
    )
    return collection_response(
        request, session=session, collection=collection, page=page, fields=fields, format_=format
    )


@router.get(
    "/{slug}",
    response_model=CompanyDetail,
    summary="One company and its markets",
    responses=problem_responses(CompanyNotFound),
)
def get_company(
    slug: CompanySlugPath,
    request: Request,
    response: Response,
    session: SessionDep,
    page: Annotated[Pagination, Depends(pagination)],
) -> CompanyDetail:
    company = repository.get_company(session, slug)
    if company is None:
        raise CompanyNotFound(f"no company with slug {slug!r}")
    markets = [
        CompanyMarket(
            slug=market,
            title=title,
            name_as_given=given,
            position=position,
            url=str(request.url_for("get_market", slug=market)),
        )
        for market, title, given, position in repository.company_markets(
            session, company.id, listed=company.market_count, page=page
        )
    ]
    body = linked_page_body(request, response, items=markets, total=company.market_count, page=page)
    return CompanyDetail(
        slug=company.slug,
        name=company.name,
        aliases=company.aliases,
        market_count=company.market_count,
        markets=Page[CompanyMarket](**body),
    )
