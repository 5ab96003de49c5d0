"""Public shapes: stable field names, each described, with examples for OpenAPI.

A market's own fields come from the shared bases in app/models.py. `MarketReport` is what one
report says about its market: `python -m ingest --dry-run` prints it, an upload returns it,
and `GET /markets/{slug}` answers it with the database's own fields (`MarketDetail`)."""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sqlmodel import SQLModel

from app.models import (
    FaqBase,
    FigureBase,
    MarketBase,
    SegmentBase,
    SegmentDimension,
    SourceBase,
    WarningBase,
)


def as_utc(value: datetime) -> datetime:
    """Every timestamp is written in UTC; SQLite hands it back without its zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


UtcDatetime = Annotated[datetime, AfterValidator(as_utc)]

ItemT = TypeVar("ItemT")

MarketSlug = Annotated[
    str, Field(description="Market identifier (slug).", examples=["united-states-iclusig"])
]
ReportTitle = Annotated[
    str, Field(description="Report title.", examples=["United States Iclusig Market"])
]
ApiUrl = Annotated[
    str,
    Field(
        description="Absolute URL of this resource in the API.",
        examples=["http://127.0.0.1:8000/markets/united-states-iclusig"],
    ),
]
CompanySlug = Annotated[
    str, Field(description="Company identifier across markets.", examples=["celgene"])
]
CompanyName = Annotated[
    str, Field(description="Company display name (its most frequent alias).", examples=["Celgene"])
]
Aliases = Annotated[
    list[str],
    Field(
        description="Every spelling reports give the company.",
        examples=[["Celgene", "Celgene Corporation", "Celgene Corp"]],
    ),
]
SegmentKey = Annotated[
    str, Field(description="Canonical segment key shared across markets.", examples=["hospital"])
]
Dimension = Annotated[
    SegmentDimension,
    Field(
        description="Axis of segmentation: application, type, product, end-user, technology, "
        "indication, drug-class, route, distribution-channel or other.",
        examples=["application"],
    ),
]
Position = Annotated[int, Field(description="Place in the report, from 0.", examples=[0])]
MarketCount = Annotated[int, Field(description="Number of markets it appears in.", examples=[3])]
Year = Annotated[int, Field(description="Calendar year.", examples=[2027])]
Count = Annotated[int, Field(description="How many.", examples=[5])]


class Page(BaseModel, Generic[ItemT]):
    """The envelope of every collection."""

    items: list[ItemT] = Field(description="This page's items.")
    total: int = Field(description="Items matching the query, across all pages.", examples=[5])
    limit: int = Field(description="Page size used.", examples=[20])
    offset: int = Field(description="Items skipped before this page.", examples=[0])
    next: str | None = Field(
        description="URL of the next page, or null on the last page.",
        examples=["http://127.0.0.1:8000/markets?limit=2&offset=2"],
    )


class _Public(SQLModel):
    """Read from table rows and parsed reports alike; every field present in answers."""

    # SQLModel types its config as its own TypedDict, a superset of pydantic's.
    model_config = ConfigDict(  # type: ignore[assignment]
        from_attributes=True, json_schema_serialization_defaults_required=True
    )


class MarketFields(_Public, MarketBase):
    """The flat fields of a market, one value each, so that JSON and CSV rows match."""


def _no_required_fields(schema: dict[str, Any]) -> None:
    schema.pop("required", None)


class MarketListItem(MarketFields):
    """A row of GET /markets; `fields=` may leave any field out, so none is required."""

    model_config = ConfigDict(json_schema_extra=_no_required_fields)  # type: ignore[assignment]

    url: ApiUrl


class SegmentOut(_Public, SegmentBase):
    dimension: Dimension


class MarketCompanyOut(BaseModel):
    slug: CompanySlug
    name: CompanyName
    name_as_given: str = Field(
        description="Name as this report lists it.", examples=["Celgene Corp"]
    )
    position: Position


class FigureOut(_Public, FigureBase):
    pass


class FaqOut(_Public, FaqBase):
    position: Position


class QualityWarningOut(_Public, WarningBase):
    pass


class QualityOut(BaseModel):
    warnings: list[QualityWarningOut] = Field(description="Data-quality warnings, in order.")


class ProvenanceOut(_Public, SourceBase):
    sha256: str = Field(
        description="SHA-256 of the source file.",
        examples=["f30e5afe3097efffe3c38212121a64c0add01252f4dd56f83330294e167310a5"],
    )
    ingested_at: UtcDatetime | None = Field(
        description="When it was last written; null in a dry run (nothing was written).",
        examples=["2026-11-22T13:50:04Z"],
    )


class MarketLinks(BaseModel):
    self: ApiUrl
    segments: str = Field(description="URL of the market's segments.", examples=["…/segments"])
    figures: str = Field(description="URL of the market's dated figures.", examples=["…/figures"])
    companies: str = Field(description="URL of the market's companies.", examples=["…/companies"])
    faqs: str = Field(description="URL of the market's FAQs.", examples=["…/faqs"])
    editions: str = Field(
        description="URL of the editions of the market's report.", examples=["…/editions"]
    )
    projections: str = Field(
        description="URL of the market's yearly projection.", examples=["…/projections"]
    )


class MarketReport(MarketFields):
    """What one report says about its market: `--dry-run` prints it, an upload returns it."""

    summary: str | None = Field(
        description="The report's opening paragraph.",
        examples=["The United States Iclusig market is experiencing significant growth…"],
    )
    regions_covered: list[str] = Field(
        description="Regions the report analyses.",
        examples=[["North America (United States, Canada, and Mexico, etc.)"]],
    )
    figures: list[FigureOut] = Field(
        description="Every dated value the report states for the market, by year."
    )
    segments: list[SegmentOut] = Field(description="Segments, in report order.")
    companies: list[MarketCompanyOut] = Field(description="Companies as the report lists them.")
    trends: list[str] = Field(
        description="Key trends, one per paragraph or numbered item.",
        examples=[["One of the key trends driving the Iclusig market…"]],
    )
    opportunities: list[str] = Field(
        description="Opportunities, one per paragraph or numbered item.",
        examples=[["One of the significant opportunities in the United States Iclusig market…"]],
    )
    faqs: list[FaqOut] = Field(description="Questions and answers, in report order.")
    source: ProvenanceOut = Field(description="Where the data came from.")
    quality: QualityOut = Field(description="What the parser noticed about the report.")


class MarketDetail(MarketReport):
    """A market as stored: its report, when it was written, and where its parts are."""

    updated_at: UtcDatetime = Field(
        description="When the market was last written.", examples=["2026-11-22T13:50:04Z"]
    )
    links: MarketLinks = Field(description="URLs of the market's sub-resources.")


class ProjectionKind(StrEnum):
    REPORTED = "reported"
    INTERPOLATED = "interpolated"
    EXTRAPOLATED = "extrapolated"
    # Extrapolated past the largest amount the data holds (10^15): `value_usd` is that bound.
    CAPPED = "capped"


class ProjectionMethod(StrEnum):
    REPORTED = "reported"
    STATED_CAGR = "stated_cagr"


_KIND_DOC = (
    "reported, interpolated (geometric), extrapolated (at the CAGR), or capped (extrapolated "
    "past 10^15, the largest amount the data holds: value_usd is that bound)"
)


class ProjectionPoint(BaseModel):
    year: Year
    value_usd: int = Field(description="Market value in that year, USD.", examples=[5224940191])
    kind: ProjectionKind = Field(description=_KIND_DOC, examples=["interpolated"])


class ProjectionSeries(BaseModel):
    market: MarketSlug
    method: ProjectionMethod = Field(
        description="reported (default) or stated_cagr.", examples=["reported"]
    )
    from_year: Year
    to_year: Year
    points: list[ProjectionPoint] = Field(description="One point per year, in order.")


class MarketProjection(BaseModel):
    """A row of GET /projections; `fields=` may leave any field out, so none is required."""

    model_config = ConfigDict(json_schema_extra=_no_required_fields)

    slug: MarketSlug
    name: str = Field(description="Market name without region.", examples=["Iclusig"])
    region: str | None = Field(description="Region the report covers.", examples=["United States"])
    year: Year
    value_usd: int = Field(description="Market value in that year, USD.", examples=[725000000])
    kind: ProjectionKind = Field(description=_KIND_DOC, examples=["interpolated"])
    url: ApiUrl


class SegmentMarket(BaseModel):
    slug: MarketSlug
    title: ReportTitle
    segment_name: str = Field(
        description="The segment's name in that report.", examples=["Hospitals"]
    )
    url: ApiUrl


_SEGMENT_NAMES = Field(
    description="Every name reports give this segment.", examples=[["Hospital", "Hospitals"]]
)
_SEGMENT_NAME = Field(description="Most common name across reports.", examples=["Hospital"])
_SEGMENT_DIMENSIONS = Field(
    description="Every axis of segmentation reports file it under.", examples=[["end-user"]]
)


class SegmentSummary(BaseModel):
    """A row of its list; `fields=` may leave any field out, so none is required."""

    model_config = ConfigDict(json_schema_extra=_no_required_fields)

    key: SegmentKey
    name: str = _SEGMENT_NAME
    names: list[str] = _SEGMENT_NAMES
    dimensions: list[str] = _SEGMENT_DIMENSIONS
    market_count: MarketCount
    url: ApiUrl


class SegmentDetail(BaseModel):
    key: SegmentKey
    name: str = _SEGMENT_NAME
    names: list[str] = _SEGMENT_NAMES
    dimensions: list[str] = _SEGMENT_DIMENSIONS
    market_count: MarketCount
    markets: Page[SegmentMarket] = Field(description="Markets with this segment, by slug.")


class CompanySummary(BaseModel):
    """A row of its list; `fields=` may leave any field out, so none is required."""

    model_config = ConfigDict(json_schema_extra=_no_required_fields)

    slug: CompanySlug
    name: CompanyName
    aliases: Aliases
    market_count: MarketCount
    url: ApiUrl


class CompanyMarket(BaseModel):
    slug: MarketSlug
    title: ReportTitle
    name_as_given: str = Field(
        description="The company's name as this report lists it.", examples=["Celgene Corp"]
    )
    position: Position
    url: ApiUrl


class CompanyDetail(BaseModel):
    slug: CompanySlug
    name: CompanyName
    aliases: Aliases
    market_count: MarketCount
    markets: Page[CompanyMarket] = Field(description="Markets listing this company, by slug.")


class FaqWithMarket(FaqOut):
    """A row of GET /faqs; `fields=` may leave any field out, so none is required."""

    model_config = ConfigDict(json_schema_extra=_no_required_fields)  # type: ignore[assignment]

    market: MarketSlug


class CagrStats(BaseModel):
    min: float | None = Field(description="Lowest stated CAGR, percent.", examples=[6.5])
    median: float | None = Field(description="Median stated CAGR, percent.", examples=[10.5])
    mean: float | None = Field(description="Mean stated CAGR, percent.", examples=[10.96])
    max: float | None = Field(description="Highest stated CAGR, percent.", examples=[14.8])


class YearTotal(BaseModel):
    year: Year
    total_usd: int = Field(
        description="Sum of the sizes and forecasts reported for that year, USD.",
        examples=[22150000000],
    )
    markets: Count


class Stats(BaseModel):
    markets: Count
    segments: Count
    segment_keys: Count
    companies: Count
    faqs: Count
    cagr_percent: CagrStats = Field(description="Spread of stated CAGRs.")
    total_size_by_year: list[YearTotal] = Field(
        description="Reported market sizes summed per size year."
    )
    total_forecast_by_year: list[YearTotal] = Field(
        description="Reported forecasts summed per forecast year."
    )


class Meta(BaseModel):
    api_version: str = Field(description="Version of this API.", examples=["0.1.0"])
    parser_version: str = Field(
        description="Newest parser version in the data.", examples=["1.1.0"]
    )
    dataset_version: int = Field(
        description="A counter every write (ingest, upload, delete) increases; GET /changes "
        "takes it as `since`.",
        examples=[7],
    )
    last_ingest_at: UtcDatetime | None = Field(
        description="When the last ingest run finished.", examples=["2026-11-22T13:50:04Z"]
    )
    database: str = Field(description="Database kind: sqlite or postgresql.", examples=["sqlite"])
    markets: Count


class Health(BaseModel):
    status: str = Field(description="ok when live, ready when ready.", examples=["ok"])


class UploadStatus(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DRY_RUN = "dry_run"


class UploadResult(BaseModel):
    status: UploadStatus = Field(
        description="created (201), updated (200), unchanged (200: the same bytes were "
        "already loaded by this parser version; nothing written, the dataset version stays), "
        "or dry_run (200, nothing written).",
        examples=["created"],
    )
    slug: str = Field(description="The market's slug.", examples=["united-states-iclusig"])
    url: str | None = Field(
        description="The market's absolute URL; null for a dry run.",
        examples=["http://127.0.0.1:8000/markets/united-states-iclusig"],
    )
    warnings: list[QualityWarningOut] = Field(
        description="Data-quality warnings the parser raised for this report."
    )
    report: MarketReport = Field(
        description="The whole parse, as `python -m ingest --dry-run` prints it: the shape of "
        "GET /markets/{slug} without its stored fields (a company's name is as given)."
    )


class EditionOut(BaseModel):
    """One edition of a market's report: a distinct content version, with its headline
    figures and what changed since the edition before it."""

    number: int = Field(description="1 for the first edition ingested, then 2, 3, …", examples=[2])
    sha256: str = Field(
        description="SHA-256 of the report file of this edition.",
        examples=["67a20397f5666d95f2b3c1e0a9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3928170"],
    )
    ingested_at: UtcDatetime = Field(
        description="When this edition was first loaded (UTC).", examples=["2026-11-25T18:38:09Z"]
    )
    published_on: date | None = Field(
        description="Publication date the page states, if any.", examples=["2025-03-14"]
    )
    size_usd: int | None = Field(description="Market size stated (USD).", examples=[500000000])
    size_year: int | None = Field(description="Year of the size.", examples=[2022])
    forecast_usd: int | None = Field(description="Forecast stated (USD).", examples=[1100000000])
    forecast_year: int | None = Field(description="Year of the forecast.", examples=[2030])
    cagr_percent: float | None = Field(description="CAGR stated, percent.", examples=[10.5])
    cagr_start_year: int | None = Field(description="First year of the CAGR.", examples=[2024])
    cagr_end_year: int | None = Field(description="Last year of the CAGR.", examples=[2030])
    currency: str | None = Field(description="Currency of the figures.", examples=["USD"])
    changed: list[str] = Field(
        description="Figure fields that differ from the previous edition (empty for the first).",
        examples=[["forecast_usd", "cagr_percent"]],
    )


class ChangeKind(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


class ChangeOut(BaseModel):
    version: int = Field(description="The dataset version this write produced.", examples=[7])
    at: UtcDatetime = Field(
        description="When the write happened (UTC).", examples=["2026-11-25T18:38:09Z"]
    )
    slug: str = Field(description="The market's slug.", examples=["united-states-iclusig"])
    change: ChangeKind = Field(description="What happened to the market.", examples=["updated"])


class ChangeRow(ChangeOut):
    """A row of GET /changes; `fields=` may leave any field out, so none is required."""

    model_config = ConfigDict(json_schema_extra=_no_required_fields)


class ChangePage(Page[ChangeRow]):
    latest_version: int = Field(
        description="The dataset version now: pass it as `since` next time.", examples=[7]
    )


class StatsGroup(BaseModel):
    """One group of GET /stats?group_by=: the markets matching the filters that are in it."""

    group: str | int | None = Field(
        description="The group's value (a region, segment key, company slug, year, …); null "
        "for markets without one.",
        examples=["hospital"],
    )
    market_count: int = Field(description="Markets in the group.", examples=[4])
    size_usd_sum: int | None = Field(
        description="Sum of their sizes, USD.", examples=[21_000_000_000]
    )
    forecast_usd_sum: int | None = Field(
        description="Sum of their forecasts, USD.", examples=[59_000_000_000]
    )
    cagr_percent_median: float | None = Field(
        description="Median of their stated CAGRs.", examples=[11.5]
    )
    cagr_percent_mean: float | None = Field(
        description="Mean of their stated CAGRs.", examples=[11.075]
    )


# A market's child lists (GET /markets/{slug}/segments, …): the same items, but `fields=`
# may leave any field out, so none is required in their rows.
class SegmentRow(SegmentOut):
    model_config = ConfigDict(json_schema_extra=_no_required_fields)  # type: ignore[assignment]


class FigureRow(FigureOut):
    model_config = ConfigDict(json_schema_extra=_no_required_fields)  # type: ignore[assignment]


class MarketCompanyRow(MarketCompanyOut):
    model_config = ConfigDict(json_schema_extra=_no_required_fields)


class FaqRow(FaqOut):
    model_config = ConfigDict(json_schema_extra=_no_required_fields)  # type: ignore[assignment]


class EditionRow(EditionOut):
    model_config = ConfigDict(json_schema_extra=_no_required_fields)
