"""The parsed report: what the parser returns and `--dry-run` prints (GET /markets/{slug} names)."""

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, Field

# Stored with every market: a newer version re-parses files already ingested.
PARSER_VERSION = "2.0.0"  # 2.0.0: any publisher's page, every dated figure, currencies


class ParsedSegment(BaseModel):
    key: str
    name: str
    description: str
    dimension: str = "application"  # the axis of segmentation: type, end-user, indication, …


class ParsedFigure(BaseModel):
    """One dated value the page states for the market itself, in the currency it was stated in."""

    year: int
    amount: int
    currency: str
    value_usd: int | None  # the amount when the currency is USD; never converted
    sentence: str


class ParsedFaq(BaseModel):
    question: str
    answer: str


class FigureSentences(BaseModel):
    """The sentence each headline figure was read from."""

    size: str | None = None
    forecast: str | None = None
    cagr: str | None = None


class ReportSource(BaseModel):
    file: str | None = None
    sha256: str | None = None
    report_id: str | None = None
    product_url: str | None = None
    sample_url: str | None = None
    encoding: str = "utf-8"
    parser_version: str
    publisher: str | None = None
    published_on: date | None = None
    figure_sentences: FigureSentences = Field(default_factory=FigureSentences)


class QualityWarning(BaseModel):
    code: str
    message: str


class ReportQuality(BaseModel):
    warnings: list[QualityWarning] = Field(default_factory=list)


class ParsedReport(BaseModel):
    slug: str
    title: str
    name: str
    region: str | None
    summary: str | None
    size_usd: int | None
    size_year: int | None
    forecast_usd: int | None
    forecast_year: int | None
    cagr_percent: float | None
    cagr_start_year: int | None
    cagr_end_year: int | None
    implied_cagr_percent: float | None
    currency: str | None = None  # ISO 4217 code of the stated amounts
    figures: list[ParsedFigure] = Field(default_factory=list)
    segments: list[ParsedSegment]
    companies: list[str]
    trends: list[str]
    opportunities: list[str]
    faqs: list[ParsedFaq]
    regions_covered: list[str]
    source: ReportSource
    quality: ReportQuality

    @property
    def identity(self) -> str:
        """What makes two files the same report: report_id, else product URL, else slug."""
        if self.source.report_id:
            return f"rid:{self.source.report_id}"
        if self.source.product_url:
            return f"url:{self.source.product_url}"
        return f"slug:{self.slug}"


@dataclass(frozen=True)
class ParseResult:
    """One file's parse: its report, or why it has none."""

    file: str
    sha256: str
    report: ParsedReport | None = None
    error: str | None = None
