"""The explorer's pages under /explore: HTML for people, each linking to the JSON behind it.
Handlers do HTTP; the queries are the API's own repositories."""

from functools import cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from app.api.deps import SessionDep
from app.api.strict import EXPLORER_PREFIX
from app.core.query import MarketFilters, Pagination
from app.explorer import root
from app.explorer.market_view import market_context
from app.explorer.query import (
    LIST_PARAMETERS,
    PAGE_PARAMETERS,
    Given,
    ListQuery,
    given_parameters,
    read_list_query,
)
from app.explorer.templating import render
from app.explorer.views import MarketTable, market_table
from app.models import SegmentDimension
from app.repositories import companies, markets, segments
from app.repositories.history import count_editions
from app.repositories.meta import dataset_state
from app.repositories.stats import dataset_stats, parser_version

pages = APIRouter(prefix=EXPLORER_PREFIX, include_in_schema=False)
ListParams = Annotated[Given, Depends(given_parameters(*LIST_PARAMETERS))]
PageParams = Annotated[Given, Depends(given_parameters(*PAGE_PARAMETERS))]
STYLESHEET = Path(__file__).parent / "static" / "explorer.css"
MAX_SLUG_LENGTH = 300  # as the API's path parameters
TOP_ROWS = 20  # segments and companies on the dataset page


def _plausible(value: str) -> bool:
    """A slug or key worth looking up: no longer than any stored one, and without NUL
    (PostgreSQL text cannot hold it: the query would fail rather than find nothing)."""
    return len(value) <= MAX_SLUG_LENGTH and "\x00" not in value


def not_found(request: Request, message: str) -> HTMLResponse:
    return render(request, "not_found.html", status_code=404, message=message, json_url=None)


def _status(query: ListQuery) -> int:
    return 422 if query.errors else 200


def _table(session: SessionDep, query: ListQuery, filters: MarketFilters) -> MarketTable | None:
    """The markets matching `filters`, sorted and paged as asked; none when the request has
    errors (the page shows them instead)."""
    if query.errors:
        return None
    rows, total = markets.list_markets(session, filters=filters, sort=query.sort, page=query.page)
    return market_table(rows, total=total, given=query.given, page=query.page, sort=query.sort)


@pages.get("", name="explore_markets")
def explore_markets(request: Request, session: SessionDep, given: ListParams) -> HTMLResponse:
    query = read_list_query(given)
    exported = {k: v for k, v in given.items() if k not in ("limit", "offset")}
    markets_url = request.url_for("list_markets")
    return render(
        request,
        "markets.html",
        status_code=_status(query),
        query=query,
        table=_table(session, query, query.filters),
        dimensions=[dimension.value for dimension in SegmentDimension],
        # The data behind the page; a request with errors has none.
        json_url=None if query.errors else str(markets_url.include_query_params(**given)),
        csv_url=str(markets_url.include_query_params(**exported, format="csv")),
    )


@pages.get("/markets/{slug}", name="explore_market")
def explore_market(slug: str, request: Request, session: SessionDep) -> HTMLResponse:
    market = markets.get_market(session, slug) if _plausible(slug) else None
    if market is None:
        return not_found(request, f"No market has the slug “{slug}”.")
    return render(
        request,
        "market.html",
        json_url=str(request.url_for("get_market", slug=market.slug)),
        projections_url=str(request.url_for("get_market_projections", slug=market.slug)),
        figures_url=str(request.url_for("get_market_figures", slug=market.slug)),
        editions=count_editions(session, market.id),
        editions_url=str(request.url_for("get_market_editions", slug=market.slug)),
        **market_context(markets.load_market_bundle(session, market)),
    )


@pages.get("/companies/{slug}", name="explore_company")
def explore_company(
    slug: str, request: Request, session: SessionDep, given: PageParams
) -> HTMLResponse:
    company = companies.get_company(session, slug) if _plausible(slug) else None
    if company is None:
        return not_found(request, f"No company has the slug “{slug}”.")
    return _markets_of(
        request,
        session,
        given,
        MarketFilters(company=company.slug),
        "company.html",
        company=company,
        json_url=str(request.url_for("get_company", slug=company.slug)),
    )


@pages.get("/segments/{key}", name="explore_segment")
def explore_segment(
    key: str, request: Request, session: SessionDep, given: PageParams
) -> HTMLResponse:
    segment = segments.get_segment_key(session, key) if _plausible(key) else None
    if segment is None:
        return not_found(request, f"No segment has the key “{key}”.")
    return _markets_of(
        request,
        session,
        given,
        MarketFilters(segment=key),
        "segment.html",
        segment=segment,
        json_url=str(request.url_for("get_segment", key=key)),
    )


def _markets_of(
    request: Request,
    session: Session,
    given: Given,
    filters: MarketFilters,
    template: str,
    **context: Any,
) -> HTMLResponse:
    """A company's or a segment's page: its heading, then the table of its markets."""
    query = read_list_query(given)
    return render(
        request,
        template,
        status_code=_status(query),
        query=query,
        table=_table(session, query, filters),
        **context,
    )


@pages.get("/dataset", name="explore_dataset")
def explore_dataset(request: Request, session: SessionDep) -> HTMLResponse:
    version, last_ingest, _ = dataset_state(session)
    top = Pagination(limit=TOP_ROWS, offset=0)
    top_segments, segment_total = segments.list_segment_keys(
        session, dimension=None, sort=segments.SEGMENT_SORT.parse("-market_count,key"), page=top
    )
    top_companies, company_total = companies.list_companies(
        session, q=None, sort=companies.COMPANY_SORT.parse(None), page=top
    )
    return render(
        request,
        "dataset.html",
        stats=dataset_stats(session),
        version=version,
        last_ingest=last_ingest,
        parser_version=parser_version(session),
        top_segments=top_segments,
        segment_total=segment_total,
        top_companies=top_companies,
        company_total=company_total,
        json_url=str(request.url_for("get_stats")),
        meta_url=str(request.url_for("get_meta")),
    )


@cache
def _stylesheet() -> bytes:
    return STYLESHEET.read_bytes()


@pages.get("/explorer.css", name="explorer_css")
def explorer_css() -> Response:
    return Response(_stylesheet(), media_type="text/css")


# What app/main.py includes: GET / and the pages.
router = APIRouter()
router.include_router(root.router)
router.include_router(pages)
