"""GET /companies and /companies/{slug}: one row per real company across markets."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from app.api.deps import SessionDep
from app.api.pages import page_body
from app.api.params import CompanySlugPath, pagination, sort_parameter, text_query
from app.core.problems import NotFound, problem_responses
from app.core.query import Pagination, SortKey
from app.repositories import companies as repository
from app.schemas import CompanyDetail, CompanyMarket, CompanySummary, Page

router = APIRouter(prefix="/companies", tags=["companies"])


class CompanyNotFound(NotFound):
    pass


@router.get(
    "",
    response_model=Page[CompanySummary],
    summary="Companies with aliases and market counts",
    responses=problem_responses(),
)
def list_companies(
    request: Request,
    session: SessionDep,
    page: Annotated[Pagination, Depends(pagination)],
    sort: Annotated[list[SortKey], Depends(sort_parameter(repository.COMPANY_SORT))],
    q: Annotated[
        str | None,
        text_query("Substring of the name or slug.", example="pharma"),
    ] = None,
) -> Page[CompanySummary]:
    rows, total = repository.list_companies(session, q=q, sort=sort, page=page)
    items = [
        CompanySummary(**row, url=str(request.url_for("get_company", slug=row["slug"])))
        for row in rows
    ]
    return Page[CompanySummary](**page_body(request, items=items, total=total, page=page))


@router.get(
    "/{slug}",
    response_model=CompanyDetail,
    summary="One company and its markets",
    responses=problem_responses(CompanyNotFound),
)
def get_company(
    slug: CompanySlugPath,
    request: Request,
    session: SessionDep,
    page: Annotated[Pagination, Depends(pagination)],
) -> CompanyDetail:
    company = repository.get_company(session, slug)
    if company is None:
        raise CompanyNotFound(f"no company with slug {slug!r}")
    rows, total = repository.company_markets(session, company.id, page=page)
    markets = [
        CompanyMarket(
            slug=market,
            title=title,
            name_as_given=given,
            position=position,
            url=str(request.url_for("get_market", slug=market)),
        )
        for market, title, given, position in rows
    ]
    return CompanyDetail(
        slug=company.slug,
        name=company.name,
        aliases=company.aliases,
        market_count=total,
        markets=Page[CompanyMarket](**page_body(request, items=markets, total=total, page=page)),
    )
