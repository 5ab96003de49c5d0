"""Query parameters shared by collection endpoints, parsed into typed filters."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated

from fastapi import Path, Query

from app.core.problems import InvalidParameter
from app.models import SegmentDimension
from app.schemas import MARKET_LIST_FIELDS

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MARKET_SORT_FIELDS = ("name", "cagr_percent", "size_usd", "forecast_usd", "implied_cagr_percent")
_USD_AMOUNT = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?(?:e\d{1,3})?)\s*([kmbt]?)\s*$", re.IGNORECASE)
_USD_MULTIPLIER = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}
USD_AMOUNT_PATTERN = r"^\s*\d[\d,]*(\.\d+)?([eE]\d{1,3})?\s*[kKmMbBtT]?\s*$"
# Bounds beyond any market are valid filters; clamping keeps them inside a BIGINT comparison.
MAX_USD_BOUND = 9 * 10**18
# PostgreSQL text cannot hold NUL: refuse it as a 422 naming the parameter, not a database error.
PLAIN_TEXT = r"^[^\x00]*$"


MarketSlugPath = Annotated[
    str,
    Path(
        max_length=300,
        pattern=PLAIN_TEXT,
        description="Market slug.",
        examples=["united-states-iclusig"],
    ),
]
CompanySlugPath = Annotated[
    str,
    Path(max_length=300, pattern=PLAIN_TEXT, description="Company slug.", examples=["celgene"]),
]
SegmentKeyPath = Annotated[
    str,
    Path(max_length=300, pattern=PLAIN_TEXT, description="Segment key.", examples=["hospital"]),
]


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    NDJSON = "ndjson"


def parse_usd_amount(name: str, raw: str | None) -> int | None:
    """'500M' → 500000000; '1.5B', '750k', '2e9', '1,250,000' also read."""
    if raw is None:
        return None
    match = _USD_AMOUNT.match(raw)
    if match is None:
        raise InvalidParameter(name, f"{raw!r} is not a USD amount (examples: 500M, 1.5B, 2e9)")
    try:
        number = Decimal(match[1].replace(",", ""))
    except InvalidOperation as error:
        raise InvalidParameter(name, f"{raw!r} is not a USD amount") from error
    return min(int(number * _USD_MULTIPLIER[match[2].lower()]), MAX_USD_BOUND)


@dataclass(frozen=True)
class SortKey:
    field: str
    descending: bool


def sort_pattern(fields: tuple[str, ...]) -> str:
    """The grammar of a sort parameter, so that OpenAPI describes exactly what is accepted."""
    key = rf"-?(?:{'|'.join(fields)})"
    return rf"^{key}(?:,{key})*$"


def fields_pattern(fields: tuple[str, ...]) -> str:
    name = rf"(?:{'|'.join(fields)})"
    return rf"^{name}(?:,{name})*$"


def parse_sort(raw: str | None, *, allowed: tuple[str, ...], name: str = "sort") -> list[SortKey]:
    if not raw:
        return []
    keys = []
    for part in raw.split(","):
        part = part.strip()
        field = part.removeprefix("-")
        if field not in allowed:
            raise InvalidParameter(name, f"cannot sort by {field!r}; use {', '.join(allowed)}")
        keys.append(SortKey(field, descending=part.startswith("-")))
    return keys


def parse_fields(raw: str | None) -> list[str] | None:
    if not raw:
        return None
    fields = [part.strip() for part in raw.split(",") if part.strip()]
    unknown = [field for field in fields if field not in (*MARKET_LIST_FIELDS, "url")]
    if unknown or not fields:
        raise InvalidParameter(
            "fields",
            f"unknown field(s) {', '.join(unknown) or '(none)'}; choose from "
            f"{', '.join((*MARKET_LIST_FIELDS, 'url'))}",
        )
    return fields


@dataclass(frozen=True)
class Pagination:
    limit: int
    offset: int


def pagination(
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE_SIZE, description="Page size (1–100).", examples=[20])
    ] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=10**9, description="Items to skip.", examples=[0])] = 0,
) -> Pagination:
    return Pagination(limit=limit, offset=offset)


@dataclass(frozen=True)
class MarketFilters:
    q: str | None = None
    min_cagr: float | None = None
    max_cagr: float | None = None
    min_size_usd: int | None = None
    max_size_usd: int | None = None
    min_forecast_usd: int | None = None
    max_forecast_usd: int | None = None
    region: str | None = None
    company: str | None = None
    segment: str | None = None
    dimension: SegmentDimension | None = None
    publisher: str | None = None


_AMOUNT_DOC = "USD; plain or with a suffix: 500M, 1.5B, 2e9."


def market_filters(
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=PLAIN_TEXT,
            description="Full text over title, summary, segments, insights "
            "and FAQs; every word must match.",
            examples=["leukemia"],
        ),
    ] = None,
    min_cagr: Annotated[
        float | None,
        Query(ge=-100, le=1000, description="Stated CAGR ≥ this, percent.", examples=[10]),
    ] = None,
    max_cagr: Annotated[
        float | None,
        Query(ge=-100, le=1000, description="Stated CAGR ≤ this, percent.", examples=[15]),
    ] = None,
    min_size: Annotated[
        str | None,
        Query(
            pattern=USD_AMOUNT_PATTERN,
            max_length=40,
            description=f"Size ≥ this. {_AMOUNT_DOC}",
            examples=["500M"],
        ),
    ] = None,
    max_size: Annotated[
        str | None,
        Query(
            pattern=USD_AMOUNT_PATTERN,
            max_length=40,
            description=f"Size ≤ this. {_AMOUNT_DOC}",
            examples=["5B"],
        ),
    ] = None,
    min_forecast: Annotated[
        str | None,
        Query(
            pattern=USD_AMOUNT_PATTERN,
            max_length=40,
            description=f"Forecast ≥ this. {_AMOUNT_DOC}",
            examples=["1B"],
        ),
    ] = None,
    max_forecast: Annotated[
        str | None,
        Query(
            pattern=USD_AMOUNT_PATTERN,
            max_length=40,
            description=f"Forecast ≤ this. {_AMOUNT_DOC}",
            examples=["50B"],
        ),
    ] = None,
    region: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=PLAIN_TEXT,
            description="Region, case-insensitive.",
            examples=["United States"],
        ),
    ] = None,
    company: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=PLAIN_TEXT,
            description="Company slug listed in the market.",
            examples=["celgene"],
        ),
    ] = None,
    segment: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=PLAIN_TEXT,
            description="Segment key present in the market.",
            examples=["hospital"],
        ),
    ] = None,
    dimension: Annotated[
        SegmentDimension | None,
        Query(description="The market has a segment along this axis.", examples=["end-user"]),
    ] = None,
    publisher: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=PLAIN_TEXT,
            description="Publisher of the report page, case-insensitive.",
            examples=["Verified Market Reports"],
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
    )
