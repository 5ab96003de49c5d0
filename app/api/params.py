"""Query parameters shared by collection endpoints, parsed into the types of app/core/query.py."""

import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from app.core.openapi import comma_list_schema
from app.core.problems import InvalidParameter
from app.core.query import MarketFilters, Pagination, SortKey, SortOrder, parse_fields
from app.models import MAX_CAGR_PERCENT, MIN_CAGR_PERCENT, SegmentDimension
from app.repositories.children import Embed

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# A comma only groups thousands ("1,250,000"): "1,5" is refused as ambiguous, not read as 15.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE]\d{1,3})?"
# ASCII digits only: "１０" (fullwidth) is no amount a client means to send.
_USD_AMOUNT = re.compile(rf"^ *({_NUMBER}) *([kmbt]?) *$", re.IGNORECASE | re.ASCII)
_USD_MULTIPLIER = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}
USD_AMOUNT_PATTERN = rf"^ *{_NUMBER} *[kKmMbBtT]? *$"  # documented; parse_usd_amount checks
# Bounds beyond any market are valid filters; clamping keeps them inside a BIGINT comparison.
MAX_USD_BOUND = 9 * 10**18


def _without_nul(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL: a 422 naming the parameter, not a database error."""
    if value is not None and "\x00" in value:
        raise PydanticCustomError("nul_character", "must not contain a NUL character")
    return value


NoNul = AfterValidator(_without_nul)


def text_query(description: str, *, example: str, max_length: int = 200) -> Any:
    """A free-text query parameter, bounded (NUL is refused in every query parameter by
    app/api/strict.py)."""
    return Query(max_length=max_length, description=description, examples=[example])


MarketSlugPath = Annotated[
    str,
    Path(max_length=300, description="Market slug.", examples=["united-states-iclusig"]),
    NoNul,
]
CompanySlugPath = Annotated[
    str, Path(max_length=300, description="Company slug.", examples=["celgene"]), NoNul
]
SegmentKeyPath = Annotated[
    str, Path(max_length=300, description="Segment key.", examples=["hospital"]), NoNul
]


def parse_usd_amount(name: str, raw: str | None) -> int | None:
    """'500M' → 500000000; '1.5B', '750k', '2e9', '1,250,000' also read."""
    if raw is None:
        return None
    match = _USD_AMOUNT.match(raw)
    if match is None and re.fullmatch(r" *\d+,\d{1,2} *[kmbt]? *", raw, re.IGNORECASE | re.ASCII):
        raise InvalidParameter(
            name, f"{raw!r} is ambiguous: a comma groups thousands (1,500); write decimals as 1.5"
        )
    if match is None:
        raise InvalidParameter(name, f"{raw!r} is not a USD amount (examples: 500M, 1.5B, 2e9)")
    try:
        number = Decimal(match[1].replace(",", ""))
    except InvalidOperation as error:
        raise InvalidParameter(name, f"{raw!r} is not a USD amount") from error
    return min(int(number * _USD_MULTIPLIER[match[2].lower()]), MAX_USD_BOUND)


_RFC_3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})", re.ASCII
)


def parse_instant(name: str, raw: str | None) -> datetime | None:
    """An RFC 3339 date-time with its offset, in UTC (SQLite compares the stored UTC text,
    whatever offset the client wrote); a bare date, a time without offset or a number is a
    422 rather than a guess."""
    if raw is None:
        return None
    text = raw.strip()
    if not _RFC_3339.fullmatch(text):
        raise InvalidParameter(
            name, f"{raw!r} is not an RFC 3339 date-time with an offset (2026-11-25T00:00:00Z)"
        )
    try:
        return datetime.fromisoformat(text.replace("z", "Z")).astimezone(UTC)
    except ValueError as error:
        raise InvalidParameter(name, f"{raw!r} is not a valid date-time: {error}") from error


def _sort_query(order: SortOrder) -> Any:
    return Query(
        max_length=200,
        description=order.description,
        examples=[order.default],
        json_schema_extra=comma_list_schema(order.values),  # checked by parse
    )


def sort_parameter(order: SortOrder) -> Callable[[str | None], list[SortKey]]:
    """The `sort` query parameter of a resource sorted by `order`, validated there only."""
    query = _sort_query(order)

    def sort(sort: Annotated[str | None, query] = None) -> list[SortKey]:
        return order.parse(sort)

    return sort


def searched_sort_parameter(order: SortOrder) -> Callable[[str | None], list[SortKey] | None]:
    """`sort_parameter`, but None when not given: the repository then orders a text search as
    its index lists the matches (`order.searched`), anything else by `order.default`."""
    query = _sort_query(order)

    def sort(sort: Annotated[str | None, query] = None) -> list[SortKey] | None:
        return None if sort is None else order.parse(sort)

    return sort


def fields_parameter(allowed: tuple[str, ...]) -> Callable[[str | None], list[str] | None]:
    """The `fields` query parameter of a collection whose items have the `allowed` fields:
    the chosen fields in order, or None for all of them."""

    def fields(
        fields: Annotated[
            str | None,
            Query(
                max_length=1000,
                description=f"Comma list of the item fields to return: {', '.join(allowed)}.",
                examples=[",".join(allowed[:2])],
                json_schema_extra=comma_list_schema(allowed),  # checked by parse_fields
            ),
        ] = None,
    ) -> list[str] | None:
        return parse_fields(fields, allowed=allowed)

    return fields


def embed_parameter(
    embed: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Comma list of child lists to nest in each item: "
            f"{', '.join(Embed)} (JSON and NDJSON; CSV stays flat).",
            examples=["segments,companies"],
            json_schema_extra=comma_list_schema(tuple(Embed)),  # checked by parse_fields
        ),
    ] = None,
) -> list[Embed]:
    chosen = parse_fields(embed, allowed=tuple(Embed), name="embed") or []
    return [Embed(kind) for kind in dict.fromkeys(chosen)]


def pagination(
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE_SIZE, description="Page size (1–100).", examples=[20])
    ] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=10**9, description="Items to skip.", examples=[0])] = 0,
) -> Pagination:
    return Pagination(limit=limit, offset=offset)


_AMOUNT_DOC = "USD; plain or with a suffix: 500M, 1.5B, 2e9."


def _cagr_bound(comparison: str, *, example: float) -> Any:
    """A CAGR filter: a finite percent within the range a stated CAGR can take."""
    return Query(
        ge=MIN_CAGR_PERCENT,
        le=MAX_CAGR_PERCENT,
        allow_inf_nan=False,
        description=f"Stated CAGR {comparison} this, percent.",
        examples=[example],
    )


def market_filters(
    q: Annotated[
        str | None,
        text_query(
            "Full text over title, summary, segments, insights and FAQs; every word must match.",
            example="leukemia",
        ),
    ] = None,
    min_cagr: Annotated[float | None, _cagr_bound("≥", example=10)] = None,
    max_cagr: Annotated[float | None, _cagr_bound("≤", example=15)] = None,
    min_size: Annotated[
        str | None,
        Query(
            json_schema_extra={"pattern": USD_AMOUNT_PATTERN},
            max_length=40,
            description=f"Size ≥ this. {_AMOUNT_DOC}",
            examples=["500M"],
        ),
    ] = None,
    max_size: Annotated[
        str | None,
        Query(
            json_schema_extra={"pattern": USD_AMOUNT_PATTERN},
            max_length=40,
            description=f"Size ≤ this. {_AMOUNT_DOC}",
            examples=["5B"],
        ),
    ] = None,
    min_forecast: Annotated[
        str | None,
        Query(
            json_schema_extra={"pattern": USD_AMOUNT_PATTERN},
            max_length=40,
            description=f"Forecast ≥ this. {_AMOUNT_DOC}",
            examples=["1B"],
        ),
    ] = None,
    max_forecast: Annotated[
        str | None,
        Query(
            json_schema_extra={"pattern": USD_AMOUNT_PATTERN},
            max_length=40,
            description=f"Forecast ≤ this. {_AMOUNT_DOC}",
            examples=["50B"],
        ),
    ] = None,
    region: Annotated[
        str | None,
        text_query("Region, case-insensitive.", example="United States", max_length=100),
    ] = None,
    company: Annotated[
        str | None,
        text_query("Company slug listed in the market.", example="celgene"),
    ] = None,
    segment: Annotated[
        str | None,
        text_query("Segment key present in the market.", example="hospital"),
    ] = None,
    dimension: Annotated[
        SegmentDimension | None,
        Query(description="The market has a segment along this axis.", examples=["application"]),
    ] = None,
    publisher: Annotated[
        str | None,
        text_query(
            "Publisher of the report page (its stated name, else its domain), case-insensitive.",
            example="verifiedmarketreports.com",
        ),
    ] = None,
    updated_since: Annotated[
        str | None,
        Query(
            max_length=40,
            description="Markets written (created or updated) at or after this instant, "
            "RFC 3339 with its offset; for a full sync use GET /changes, which also lists "
            "deletions.",
            examples=["2026-11-25T00:00:00Z"],
            json_schema_extra={"format": "date-time"},
        ),
    ] = None,
) -> MarketFilters:
    return MarketFilters(
        q=q.strip() or None if q else None,
        min_cagr=min_cagr,
        max_cagr=max_cagr,
        min_size_usd=parse_usd_amount("min_size", min_size),
        max_size_usd=parse_usd_amount("max_size", max_size),
        min_forecast_usd=parse_usd_amount("min_forecast", min_forecast),
        max_forecast_usd=parse_usd_amount("max_forecast", max_forecast),
        region=region,
        company=company,
        segment=segment,
        dimension=dimension,
        publisher=publisher,
        updated_since=parse_instant("updated_since", updated_since),
    )
