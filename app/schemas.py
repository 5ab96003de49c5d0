"""Public response shapes: stable field names, each described, with examples for OpenAPI."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _as_utc(value: datetime) -> datetime:
    """Every timestamp is written in UTC; SQLite hands it back without its zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc)]

ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    """The envelope of every collection."""

    items: list[ItemT]
    total: int = Field(description="Items matching the query, across all pages.", examples=[5])
    limit: int = Field(description="Page size used.", examples=[20])
    offset: int = Field(description="Items skipped before this page.", examples=[0])
    next: str | None = Field(
        description="URL of the next page, or null on the last page.",
        examples=["http://127.0.0.1:8000/markets?limit=2&offset=2"],
    )


class MarketFields(BaseModel):
    """The flat fields of a market, one value each, so that JSON and CSV rows match."""

    model_config = ConfigDict(from_attributes=True)

    slug: str = Field(description="Stable identifier.", examples=["united-states-iclusig"])
    title: str = Field(examples=["United States Iclusig Market"])
    name: str = Field(description="Market name without region.", examples=["Iclusig"])
    region: str | None = Field(description="Region the report covers.", examples=["United States"])
    size_usd: int | None = Field(description="Reported market size, USD.", examples=[500000000])
    size_year: int | None = Field(description="Year of the reported size.", examples=[2022])
    forecast_usd: int | None = Field(
        description="Forecast market size, USD.", examples=[1100000000]
    )
    forecast_year: int | None = Field(description="Year of the forecast.", examples=[2030])
    cagr_percent: float | None = Field(description="Stated CAGR, percent.", examples=[10.5])
    cagr_start_year: int | None = Field(description="First year of the stated CAGR period.")
    cagr_end_year: int | None = Field(description="Last year of the stated CAGR period.")
    implied_cagr_percent: float | None = Field(
        description="CAGR implied by size and forecast, percent (2 places).", examples=[10.36]
    )


MARKET_LIST_FIELDS = tuple(MarketFields.model_fields)


def _no_required_fields(schema: dict[str, Any]) -> None:
    schema.pop("required", None)


class MarketListItem(MarketFields):
    """A row of GET /markets; `fields=` may leave any field out, so none is required."""

    model_config = ConfigDict(json_schema_extra=_no_required_fields)

    url: str = Field(description="This market's detail URL.")


class SegmentOut(BaseModel):
    key: str = Field(description="Canonical key shared across markets.", examples=["hospital"])
    name: str = Field(description="Name as the report writes it.", examples=["Hospitals"])
    description: str = Field(description="The report's text about this segment.")


class MarketCompanyOut(BaseModel):
    slug: str = Field(description="Company identifier across markets.", examples=["celgene"])
    name: str = Field(description="Company display name.", examples=["Celgene"])
    name_as_given: str = Field(
        description="Name as this report lists it.", examples=["Celgene Corp"]
    )
    position: int = Field(description="Place in the report's list, from 0.")


class FaqOut(BaseModel):
    question: str
    answer: str
    position: int = Field(description="Place in the report, from 0.")


class FigureSentencesOut(BaseModel):
    size: str | None = Field(description="Sentence the size was read from.")
    forecast: str | None = Field(description="Sentence the forecast was read from.")
    cagr: str | None = Field(description="Sentence the stated CAGR was read from.")


class QualityWarningOut(BaseModel):
    code: str = Field(examples=["cagr_mismatch"])
    message: str


class QualityOut(BaseModel):
    warnings: list[QualityWarningOut]


class ProvenanceOut(BaseModel):
    file: str | None = Field(description="Source file name.")
    sha256: str = Field(description="SHA-256 of the source file.")
    report_id: str | None = Field(description="The publisher's report id (rid).")
    product_url: str | None
    sample_url: str | None
    encoding: str = Field(description="Encoding the file was decoded with.")
    parser_version: str
    ingested_at: UtcDatetime
    figure_sentences: FigureSentencesOut


class MarketLinks(BaseModel):
    self: str
    segments: str
    companies: str
    faqs: str
    projections: str


class MarketDetail(MarketFields):
    summary: str | None = Field(description="The report's opening paragraph.")
    regions_covered: list[str]
    segments: list[SegmentOut]
    companies: list[MarketCompanyOut]
    trends: list[str]
    opportunities: list[str]
    faqs: list[FaqOut]
    source: ProvenanceOut
    quality: QualityOut
    updated_at: UtcDatetime
    links: MarketLinks


class ProjectionKind(StrEnum):
    REPORTED = "reported"
    INTERPOLATED = "interpolated"
    EXTRAPOLATED = "extrapolated"


class ProjectionMethod(StrEnum):
    REPORTED = "reported"
    STATED_CAGR = "stated_cagr"


class ProjectionPoint(BaseModel):
    year: int = Field(examples=[2026])
    value_usd: int = Field(description="Market value in that year, USD.", examples=[5224940191])
    kind: ProjectionKind


class ProjectionSeries(BaseModel):
    market: str = Field(description="Market slug.")
    method: ProjectionMethod
    from_year: int
    to_year: int
    points: list[ProjectionPoint]


class MarketProjection(BaseModel):
    slug: str
    name: str
    region: str | None
    year: int
    value_usd: int
    kind: ProjectionKind
    url: str


class SegmentMarket(BaseModel):
    slug: str
    title: str
    segment_name: str = Field(description="The segment's name in that report.")
    url: str


class SegmentSummary(BaseModel):
    key: str = Field(examples=["hospital"])
    name: str = Field(description="Most common name across reports.", examples=["Hospital"])
    names: list[str] = Field(description="Every name reports give this segment.")
    market_count: int = Field(description="Markets with this segment.", examples=[4])
    url: str


class SegmentDetail(BaseModel):
    key: str
    name: str
    names: list[str]
    market_count: int
    markets: Page[SegmentMarket] = Field(description="Markets with this segment, by slug.")


class CompanySummary(BaseModel):
    slug: str = Field(examples=["celgene"])
    name: str = Field(examples=["Celgene"])
    aliases: list[str] = Field(examples=[["Celgene", "Celgene Corporation", "Celgene Corp"]])
    market_count: int
    url: str


class CompanyMarket(BaseModel):
    slug: str
    title: str
    name_as_given: str
    position: int
    url: str


class CompanyDetail(BaseModel):
    slug: str
    name: str
    aliases: list[str]
    market_count: int
    markets: Page[CompanyMarket] = Field(description="Markets listing this company, by slug.")


class FaqWithMarket(FaqOut):
    market: str = Field(description="Slug of the market the FAQ belongs to.")


class CagrStats(BaseModel):
    min: float | None
    median: float | None
    mean: float | None
    max: float | None


class YearTotal(BaseModel):
    year: int
    total_usd: int = Field(description="Sum of reported and forecast values for that year.")
    markets: int


class Stats(BaseModel):
    markets: int
    segments: int
    segment_keys: int
    companies: int
    faqs: int
    cagr_percent: CagrStats
    total_size_by_year: list[YearTotal]


class Meta(BaseModel):
    api_version: str
    parser_version: str
    dataset_version: str = Field(description="Changes whenever the data changes.")
    last_ingest_at: UtcDatetime | None
    database: str = Field(description="Database kind: sqlite or postgresql.")
    markets: int


class Health(BaseModel):
    status: str = Field(examples=["ok"])
