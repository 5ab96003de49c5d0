"""GET /markets, one market, and its children."""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlmodel import Session

from app.api.collections import Collection, collection_response
from app.api.deps import EngineDep, SessionDep
from app.api.exports import ExportsBusy
from app.api.formats import EXPORT_RESPONSES, ExportFormat, FormatParam, negotiate
from app.api.params import (
    MarketSlugPath,
    embed_parameter,
    fields_parameter,
    market_filters,
    pagination,
    sort_parameter,
)
from app.charts import projection_chart
from app.core.problems import ApiError, InvalidParameter, NotFound, problem_responses
from app.core.query import MarketFilters, Pagination, SortKey
from app.models import EDITION_FIGURES, Edition, FigureSentences, Market, Provenance
from app.projections import (
    MAX_PROJECTION_YEARS,
    NotProjectable,
    ReportedFigures,
    default_range,
    project,
)
from app.repositories import markets as repository
from app.repositories.children import Embed, embedded_children
from app.repositories.history import list_editions
from app.schemas import (
    EditionOut,
    EditionRow,
    FaqOut,
    FaqRow,
    FigureOut,
    FigureRow,
    MarketCompanyOut,
    MarketCompanyRow,
    MarketDetail,
    MarketFields,
    MarketLinks,
    MarketListItem,
    Page,
    ProjectionMethod,
    ProjectionSeries,
    ProvenanceOut,
    SegmentOut,
    SegmentRow,
)

router = APIRouter(prefix="/markets", tags=["markets"])
_MARKET_LIST_DOC = """Markets matching every filter given, in pages.

Items are flat (one value per field) so JSON and CSV carry the same columns; `embed` nests
a market's segments, companies or figures in each item (JSON and NDJSON only). With
`format=csv` or `format=ndjson` (or an `Accept: text/csv` / `application/x-ndjson` header) the
response streams **every** matching row; `limit` and `offset` then do not apply."""


class MarketNotFound(NotFound):
    pass


_ITEM_FIELDS = tuple(MarketListItem.model_fields)
EMBED_BATCH_ROWS = 500  # markets whose children one query fetches while streaming


def _with_children(
    session: Session, rows: list[dict[str, Any]], embed: list[Embed]
) -> list[dict[str, Any]]:
    """The rows with their child lists nested: one query per kind for the whole batch."""
    children = embedded_children(session, [row["slug"] for row in rows], embed)
    return [{**row, **children[row["slug"]]} for row in rows]


def _embedded_stream(
    rows: Iterator[dict[str, Any]], engine: Engine, embed: list[Embed]
) -> Iterator[dict[str, Any]]:
    with Session(engine) as session:
        while batch := list(islice(rows, EMBED_BATCH_ROWS)):
            yield from _with_children(session, batch, embed)


@router.get(
    "",
    response_model=Page[MarketListItem],
    summary="List and filter markets",
    description=_MARKET_LIST_DOC,
    responses={
        **problem_responses(ExportsBusy),
        **EXPORT_RESPONSES,
    },
)
def list_markets(
    request: Request,
    session: SessionDep,
    engine: EngineDep,
    filters: Annotated[MarketFilters, Depends(market_filters)],
    page: Annotated[Pagination, Depends(pagination)],
    sort: Annotated[list[SortKey], Depends(sort_parameter(repository.MARKET_SORT))],
    selected: Annotated[list[str] | None, Depends(fields_parameter(_ITEM_FIELDS))],
    embed: Annotated[list[Embed], Depends(embed_parameter)],
    format: FormatParam = None,
) -> Response:
    if embed and negotiate(format, request.headers.get("accept", "")) is ExportFormat.CSV:
        raise InvalidParameter(
            "embed", "CSV stays flat (one value per cell); ask for JSON or NDJSON to embed"
        )

    def read_page() -> tuple[list[dict[str, Any]], int]:
        rows, total = repository.list_markets(session, filters=filters, sort=sort, page=page)
        return (_with_children(session, rows, embed) if embed else rows), total

    def stream_rows() -> Iterator[dict[str, Any]]:
        rows = repository.stream_market_rows(engine, filters=filters, sort=sort)
        return _embedded_stream(rows, engine, embed) if embed else rows

    collection = Collection(
        read_page=read_page,
        stream_rows=stream_rows,
        item=lambda row: {**row, "url": str(request.url_for("get_market", slug=row["slug"]))},
        columns=_ITEM_FIELDS,
    )
    # Embedded lists travel with the chosen fields.
    fields = [*selected, *(kind.value for kind in embed)] if selected else None
    return collection_response(
        request, session=session, collection=collection, page=page, fields=fields, format_=format
    )


def _market_or_404(session: SessionDep, slug: str) -> Market:
    market = repository.get_market(session, slug)
    if market is None:
        raise MarketNotFound(f"no market with slug {slug!r}")
    return market


@router.get(
    "/{slug}",
    response_model=MarketDetail,
    summary="One market with everything the report says",
    responses=problem_responses(MarketNotFound),
)
def get_market(slug: MarketSlugPath, request: Request, session: SessionDep) -> MarketDetail:
    bundle = repository.load_market_bundle(session, _market_or_404(session, slug))
    market, provenance = bundle.market, bundle.provenance

    def link(name: str) -> str:
        return str(request.url_for(name, slug=market.slug))

    return MarketDetail.model_validate(
        {
            **MarketFields.model_validate(market).model_dump(),
            "summary": market.summary,
            "regions_covered": market.regions_covered,
            "figures": bundle.figures,
            "segments": bundle.segments,
            "companies": [_company_out(link_, company) for link_, company in bundle.companies],
            "trends": [i.text for i in bundle.insights if i.kind == "trend"],
            "opportunities": [i.text for i in bundle.insights if i.kind == "opportunity"],
            "faqs": bundle.faqs,
            "source": _provenance_out(provenance),
            "quality": {"warnings": bundle.warnings},
            "updated_at": market.updated_at,
            "links": MarketLinks(
                self=link("get_market"),
                segments=link("get_market_segments"),
                figures=link("get_market_figures"),
                companies=link("get_market_companies"),
                faqs=link("get_market_faqs"),
                editions=link("get_market_editions"),
                projections=link("get_market_projections"),
            ),
        },
        from_attributes=True,
    )


def _provenance_out(provenance: Provenance) -> ProvenanceOut:
    """The `provenance` row under its public names."""
    return ProvenanceOut(
        file=provenance.source_file,
        sha256=provenance.sha256,
        report_id=provenance.report_id,
        product_url=provenance.product_url,
        sample_url=provenance.sample_url,
        encoding=provenance.encoding,
        parser_version=provenance.parser_version,
        publisher=provenance.publisher,
        published_on=provenance.published_on,
        ingested_at=provenance.ingested_at,
        figure_sentences=FigureSentences(
            size=provenance.size_sentence,
            forecast=provenance.forecast_sentence,
            cagr=provenance.cagr_sentence,
        ),
    )


def _segment_out(segment: Any) -> SegmentOut:
    return SegmentOut.model_validate(segment, from_attributes=True)


def _company_out(link: Any, company: Any) -> MarketCompanyOut:
    return MarketCompanyOut(
        slug=company.slug,
        name=company.name,
        name_as_given=link.name_as_given,
        position=link.position,
    )


@dataclass(frozen=True)
class ChildView:
    """How a market's child list is asked for: a page, the fields, the representation."""

    page: Pagination
    fields: list[str] | None
    format: ExportFormat | None
    columns: tuple[str, ...]


def child_view(model: type[BaseModel]) -> Callable[..., ChildView]:
    """The query parameters of a child list whose items are `model`s."""
    columns = tuple(model.model_fields)

    def view(
        page: Annotated[Pagination, Depends(pagination)],
        fields: Annotated[list[str] | None, Depends(fields_parameter(columns))],
        format: FormatParam = None,
    ) -> ChildView:
        return ChildView(page=page, fields=fields, format=format, columns=columns)

    return view


def _page_of(
    request: Request, session: Session, items: Sequence[BaseModel], view: ChildView
) -> Response:
    """A market's child list as asked: the report bounds its length, so it is in memory."""
    rows = [item.model_dump(mode="json") for item in items]
    window = rows[view.page.offset : view.page.offset + view.page.limit]
    collection = Collection(
        read_page=lambda: (window, len(rows)),
        stream_rows=lambda: iter(rows),
        item=lambda row: row,
        columns=view.columns,
    )
    return collection_response(
        request,
        session=session,
        collection=collection,
        page=view.page,
        fields=view.fields,
        format_=view.format,
    )


@router.get(
    "/{slug}/segments",
    response_model=Page[SegmentRow],
    summary="A market's segments with their dimension, in report order",
    responses={**problem_responses(MarketNotFound), **EXPORT_RESPONSES},
)
def get_market_segments(
    slug: MarketSlugPath,
    request: Request,
    session: SessionDep,
    view: Annotated[ChildView, Depends(child_view(SegmentOut))],
) -> Response:
    market = _market_or_404(session, slug)
    segments = [_segment_out(s) for s in repository.list_segments(session, market.id)]
    return _page_of(request, session, segments, view)


@router.get(
    "/{slug}/figures",
    response_model=Page[FigureRow],
    summary="Every dated value the market's report states, by year",
    description="Amounts stay in the currency the report stated them in; `value_usd` is null "
    "for any other currency (no exchange rates are invented).",
    responses={**problem_responses(MarketNotFound), **EXPORT_RESPONSES},
)
def get_market_figures(
    slug: MarketSlugPath,
    request: Request,
    session: SessionDep,
    view: Annotated[ChildView, Depends(child_view(FigureOut))],
) -> Response:
    market = _market_or_404(session, slug)
    figures = [
        FigureOut.model_validate(f, from_attributes=True)
        for f in repository.list_figures(session, market.id)
    ]
    return _page_of(request, session, figures, view)


@router.get(
    "/{slug}/companies",
    response_model=Page[MarketCompanyRow],
    summary="Companies the market's report lists, in its order",
    responses={**problem_responses(MarketNotFound), **EXPORT_RESPONSES},
)
def get_market_companies(
    slug: MarketSlugPath,
    request: Request,
    session: SessionDep,
    view: Annotated[ChildView, Depends(child_view(MarketCompanyOut))],
) -> Response:
    market = _market_or_404(session, slug)
    companies = [_company_out(link, c) for link, c in repository.list_companies(session, market.id)]
    return _page_of(request, session, companies, view)


@router.get(
    "/{slug}/faqs",
    response_model=Page[FaqRow],
    summary="The market's FAQs, in report order",
    responses={**problem_responses(MarketNotFound), **EXPORT_RESPONSES},
)
def get_market_faqs(
    slug: MarketSlugPath,
    request: Request,
    session: SessionDep,
    view: Annotated[ChildView, Depends(child_view(FaqOut))],
) -> Response:
    market = _market_or_404(session, slug)
    faqs = [FaqOut.model_validate(f) for f in repository.list_faqs(session, market.id)]
    return _page_of(request, session, faqs, view)


@router.get(
    "/{slug}/editions",
    response_model=Page[EditionRow],
    summary="Every edition of the market's report, oldest first",
    description="An edition is a distinct content version (a new SHA-256) of the report, "
    "loaded by an ingest or an upload; identical bytes add none. `changed` names the figure "
    "fields that differ from the edition before.",
    responses={**problem_responses(MarketNotFound), **EXPORT_RESPONSES},
)
def get_market_editions(
    slug: MarketSlugPath,
    request: Request,
    session: SessionDep,
    view: Annotated[ChildView, Depends(child_view(EditionOut))],
) -> Response:
    market = _market_or_404(session, slug)
    editions: list[EditionOut] = []
    previous: Edition | None = None
    for edition in list_editions(session, market.id):
        changed = [
            name
            for name in EDITION_FIGURES
            if previous is not None and getattr(edition, name) != getattr(previous, name)
        ]
        editions.append(EditionOut.model_validate({**edition.model_dump(), "changed": changed}))
        previous = edition
    return _page_of(request, session, editions, view)


class NotProjectableProblem(ApiError):
    status, title, slug = 422, "Market cannot be projected", "not-projectable"


_PROJECTIONS_DOC = (
    "Reported years are exact; years between them are interpolated geometrically; years "
    "beyond them are extrapolated at the stated CAGR (the implied CAGR when none is "
    "stated). `method=stated_cagr` instead anchors the stated CAGR on the forecast. At "
    f"most {MAX_PROJECTION_YEARS} years."
)
FromYear = Annotated[
    int | None,
    Query(ge=1900, le=2200, description="First year (default: size year).", examples=[2022]),
]
ToYear = Annotated[
    int | None,
    Query(ge=1900, le=2200, description="Last year (default: forecast year).", examples=[2033]),
]
MethodParam = Annotated[
    ProjectionMethod,
    Query(description="reported (default) or stated_cagr.", examples=["stated_cagr"]),
]


@router.get(
    "/{slug}/projections",
    response_model=ProjectionSeries,
    summary="Yearly value series derived from the reported figures",
    description=_PROJECTIONS_DOC,
    responses=problem_responses(MarketNotFound, NotProjectableProblem),
)
def get_market_projections(
    slug: MarketSlugPath,
    session: SessionDep,
    from_year: FromYear = None,
    to_year: ToYear = None,
    method: MethodParam = ProjectionMethod.REPORTED,
) -> ProjectionSeries:
    return _series(session, _market_or_404(session, slug), from_year, to_year, method)


@router.get(
    "/{slug}/projections.svg",
    summary="The yearly series as an SVG line chart",
    description="The series of GET /markets/{slug}/projections drawn for embedding: reported "
    "years as filled dots, interpolated stretches solid, extrapolated ones dashed, year and "
    "USD axes, the market as its title. No script and no external asset.",
    response_class=Response,
    responses={
        **problem_responses(MarketNotFound, NotProjectableProblem),
        200: {"content": {"image/svg+xml": {"schema": {"type": "string"}}}},
    },
)
def get_market_projections_svg(
    slug: MarketSlugPath,
    session: SessionDep,
    from_year: FromYear = None,
    to_year: ToYear = None,
    method: MethodParam = ProjectionMethod.REPORTED,
    width: Annotated[int, Query(ge=200, le=2400, description="Pixels.", examples=[600])] = 600,
    height: Annotated[int, Query(ge=100, le=1600, description="Pixels.", examples=[300])] = 300,
) -> Response:
    market = _market_or_404(session, slug)
    series = _series(session, market, from_year, to_year, method)
    chart = projection_chart(
        series.points, title=market.title, size_px=(width, height), visible_title=True
    )
    svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + str(chart)
    return Response(svg, media_type="image/svg+xml")


def _series(
    session: Session,
    market: Market,
    from_year: int | None,
    to_year: int | None,
    method: ProjectionMethod,
) -> ProjectionSeries:
    figures = ReportedFigures.of(market, repository.list_figures(session, market.id))
    try:
        default_from, default_to = default_range(figures)
        first, last = from_year or default_from, to_year or default_to
        if last < first:
            raise InvalidParameter("to_year", f"{last} is before from_year {first}")
        if last - first + 1 > MAX_PROJECTION_YEARS:
            raise InvalidParameter("to_year", f"at most {MAX_PROJECTION_YEARS} years per series")
        points = project(figures, from_year=first, to_year=last, method=method)
    except NotProjectable as error:
        raise NotProjectableProblem(str(error)) from error
    return ProjectionSeries(
        market=market.slug, method=method, from_year=first, to_year=last, points=points
    )
