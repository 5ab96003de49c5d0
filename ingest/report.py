"""The parsed report: what the parser returns, built on the shapes the tables and the public
schemas share (app/models.py); `public()` gives the shape `--dry-run` prints."""

from dataclasses import dataclass

from pydantic import BaseModel, Field

from app.models import (
    FaqBase,
    FigureBase,
    MarketBase,
    SegmentBase,
    SourceBase,
    WarningBase,
)
from app.schemas import MarketReport
from ingest.companies import company_slug

# Stored with every market: a newer version re-parses files already ingested.
# 2.1.0: amounts and CAGRs bounded to what the data can hold; 2.2.0: other publishers' pages
# (quoted and restated titles, segments as sentence subjects, players before "are the top …",
# forecast periods, fiscal years, label-value snapshots).
PARSER_VERSION = "2.4.33"


class ParsedSegment(SegmentBase):
    pass


class ParsedFigure(FigureBase):
    """One dated value the page states for the market itself, in the currency it was stated in;
    `value_usd` is the amount when the currency is USD, never a conversion."""


class ParsedFaq(FaqBase):
    pass


class ReportSource(SourceBase):
    pass


class ParsedWarning(WarningBase):
    pass


class ReportQuality(BaseModel):
    warnings: list[ParsedWarning] = Field(default_factory=list)


class ParsedReport(MarketBase):
    summary: str | None
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

    def public(self) -> MarketReport:
        """The report in the shape of GET /markets/{slug} (`--dry-run` and uploads show it)."""
        companies = [
            {"slug": company_slug(name), "name": name, "name_as_given": name, "position": i}
            for i, name in enumerate(self.companies)
        ]
        faqs = [{**faq.model_dump(), "position": i} for i, faq in enumerate(self.faqs)]
        source = {**self.source.model_dump(), "ingested_at": None}  # nothing written yet
        fields = self.model_dump()
        return MarketReport.model_validate(
            {**fields, "companies": companies, "faqs": faqs, "source": source}
        )


@dataclass(frozen=True)
class ParseResult:
    """One file's parse: its report, or why it has none."""

    file: str
    sha256: str
    report: ParsedReport | None = None
    error: str | None = None
