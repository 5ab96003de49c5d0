"""Database tables (SPEC §2), and the shapes they share with the parsed report (ingest/) and
the public schemas (app/schemas.py): each `*Base` declares a shape's fields once, described for
OpenAPI; the table, the parsed report and the response schema inherit it (SQLModel's
base / table / public family). Alembic migrations in migrations/ own the schema."""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, ForeignKey, Index, Integer, Text, text
from sqlmodel import Field, SQLModel

from app.core.packed_text import PackedText


class SegmentDimension(StrEnum):
    """The axis along which a report segments its market."""

    APPLICATION = "application"
    TYPE = "type"
    PRODUCT = "product"
    END_USER = "end-user"
    TECHNOLOGY = "technology"
    INDICATION = "indication"
    DRUG_CLASS = "drug-class"
    ROUTE = "route"
    DISTRIBUTION_CHANNEL = "distribution-channel"
    OTHER = "other"


# What the data can hold. An amount beyond MAX_AMOUNT (in any currency) is a misreading, not a
# market: it fits a BIGINT with room, and floats hold every sum of such amounts exactly up to
# 2^53. A CAGR outside (-100 %, 1,000 %] is one too; -100 % itself would make a projection
# before its anchor year infinite.
MAX_AMOUNT = 10**15
MIN_CAGR_PERCENT, MAX_CAGR_PERCENT = -100.0, 1000.0


def plausible_cagr(percent: float) -> bool:
    return MIN_CAGR_PERCENT < percent <= MAX_CAGR_PERCENT


def utc_now() -> datetime:
    return datetime.now(UTC)


def _market_fk(*, index: bool = True) -> Any:
    """The owning market; `index=False` where a composite index already starts with it."""
    return Field(
        sa_column=Column(
            Integer, ForeignKey("market.id", ondelete="CASCADE"), nullable=False, index=index
        )
    )


def _examples(*values: Any) -> dict[str, Any]:
    return {"examples": list(values)}


class MarketBase(SQLModel):
    """The flat fields of a market, one value each, so that JSON and CSV rows match."""

    slug: str = Field(
        unique=True,
        index=True,
        description="Market identifier (slug).",
        schema_extra=_examples("united-states-iclusig"),
    )
    title: str = Field(
        description="Report title.", schema_extra=_examples("United States Iclusig Market")
    )
    name: str = Field(description="Market name without region.", schema_extra=_examples("Iclusig"))
    region: str | None = Field(
        default=None,
        index=True,
        description="Region the report covers.",
        schema_extra=_examples("United States"),
    )
    size_usd: int | None = Field(
        default=None,
        sa_type=BigInteger,
        index=True,
        description="Reported market size, USD.",
        schema_extra=_examples(500000000),
    )
    size_year: int | None = Field(
        default=None, description="Year of the reported size.", schema_extra=_examples(2022)
    )
    forecast_usd: int | None = Field(
        default=None,
        sa_type=BigInteger,
        index=True,
        description="Forecast market size, USD.",
        schema_extra=_examples(1100000000),
    )
    forecast_year: int | None = Field(
        default=None, description="Year of the forecast.", schema_extra=_examples(2030)
    )
    cagr_percent: float | None = Field(
        default=None, index=True, description="Stated CAGR, percent.", schema_extra=_examples(10.5)
    )
    cagr_start_year: int | None = Field(
        default=None,
        description="First year of the stated CAGR period.",
        schema_extra=_examples(2024),
    )
    cagr_end_year: int | None = Field(
        default=None,
        description="Last year of the stated CAGR period.",
        schema_extra=_examples(2030),
    )
    implied_cagr_percent: float | None = Field(
        default=None,
        index=True,
        description="CAGR implied by size and forecast, percent (2 places).",
        schema_extra=_examples(10.36),
    )
    currency: str | None = Field(
        default=None,
        description="ISO 4217 code of the amounts the report states. Only USD amounts fill "
        "size_usd and forecast_usd; others stay in `figures` (no exchange rates are invented).",
        schema_extra=_examples("USD"),
    )


# The columns of a market's row in lists and exports, in order.
MARKET_LIST_FIELDS = tuple(MarketBase.model_fields)


class Market(MarketBase, table=True):
    # GET /stats sums sizes and forecasts per year from the last two alone.
    __table_args__ = (
        # Sorting by name ties on slug: one index gives the whole order.
        Index("ix_market_name_slug", "name", "slug"),
        Index("ix_market_size_year_usd", "size_year", "size_usd"),
        Index("ix_market_forecast_year_usd", "forecast_year", "forecast_usd"),
        # `sort=updated_at` and `updated_since` (migration 0022).
        Index("ix_market_updated_at_slug", "updated_at", "slug"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # report_id, else product URL, else slug, prefixed ("rid:823236"): what makes a re-ingest
    # an update rather than a new market.
    identity: str = Field(unique=True)
    summary: str | None = Field(default=None, sa_type=Text)
    regions_covered: list[str] = Field(default_factory=list, sa_type=JSON)
    updated_at: datetime = Field(
        default_factory=utc_now,
        sa_type=DateTime(timezone=True),
    )


class SegmentBase(SQLModel):
    key: str = Field(
        description="Canonical segment key shared across markets.",
        schema_extra=_examples("hospital"),
    )
    name: str = Field(
        description="Name as the report writes it.", schema_extra=_examples("Hospitals")
    )
    description: str = Field(
        default="",
        sa_type=PackedText,
        description="The report's text about this segment.",
        schema_extra=_examples(
            "Hospitals remain the cornerstone of the T-cells leukemia treatment market…"
        ),
    )
    # A SegmentDimension value; stored as text (the public schema narrows it to the enum).
    dimension: str = Field(default=SegmentDimension.APPLICATION.value)


class Segment(SegmentBase, table=True):
    __table_args__ = (
        Index("ix_segment_market_position", "market_id", "position", unique=True),
        # The markets with a key or a dimension, read from the index alone (filters, counts).
        Index("ix_segment_key_market", "key", "market_id"),
        Index("ix_segment_dimension_market", "dimension", "market_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = _market_fk(index=False)
    position: int


class SegmentTally(SQLModel, table=True):
    """How many markets have a segment with this key, name and dimension: kept by triggers on
    `segment` (migration 0009), so that GET /segments reads counters, not every segment."""

    __tablename__ = "segment_tally"
    key: str = Field(primary_key=True)
    name: str = Field(primary_key=True)
    dimension: str = Field(primary_key=True)
    markets: int


class MarketTotal(SQLModel, table=True):
    """The sum and count of the markets' stated `measure` (size_usd, forecast_usd by their
    year; cagr_percent under year 0): kept by triggers on `market` (migration 0015), so that
    GET /stats reads totals, not every market."""

    __tablename__ = "market_total"
    measure: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    total: float
    markets: int


class GroupTally(SQLModel, table=True):
    """Per grouping of GET /stats?group_by=, group and CAGR value, the markets and the counts
    and sums of their sizes and forecasts: the histogram it ranks for medians, kept by
    triggers on `segment`, `market_company`, `provenance` and `market` (migration 0018).
    `stated` is false for the markets stating no CAGR (their `cagr_percent` is 0 here); a
    market without the group (no publisher, no size year) is under `grp` ''. On SQLite the
    rows are clustered on their key (migration 0020): a CAGR range of a grouping reads the key
    alone."""

    __tablename__ = "group_tally"
    __table_args__ = {"sqlite_with_rowid": False}
    grouping: str = Field(primary_key=True)
    grp: str = Field(primary_key=True)
    stated: bool = Field(primary_key=True)
    cagr_percent: float = Field(primary_key=True)
    markets: int
    sized: int
    size_usd_sum: float
    forecasted: int
    forecast_usd_sum: float


class ProjectedValue(SQLModel, table=True):
    """A market's value in one of the kept years (app/projected.py KEPT_YEARS), as GET
    /projections serves it: written by the loader with the market's figures, so that a page of
    a year is read along `ix_projected_value_year_value` instead of computed for every market.
    `kind` is a position in app/projected.py KINDS (a small integer, not the word, per row)."""

    __tablename__ = "projected_value"
    __table_args__ = (
        Index("ix_projected_value_year_value", "year", "value_usd"),
        {"sqlite_with_rowid": False},
    )
    market_id: int = Field(
        sa_column=Column(Integer, ForeignKey("market.id", ondelete="CASCADE"), primary_key=True)
    )
    year: int = Field(primary_key=True)
    value_usd: int = Field(sa_type=BigInteger)
    kind: int


class ProjectedYear(SQLModel, table=True):
    """How many markets have a kept value in each kept year: the total of GET /projections
    without filters, kept by the loader with the values (migration 0019)."""

    __tablename__ = "projected_year"
    year: int = Field(primary_key=True)
    markets: int


class ProjectedBucket(SQLModel, table=True):
    """How many kept values each year has in each bucket of values (app/value_buckets.py):
    GET /projections counts a value range from these, kept by the loader (migration 0021)."""

    __tablename__ = "projected_bucket"
    __table_args__ = {"sqlite_with_rowid": False}
    year: int = Field(primary_key=True)
    bucket: int = Field(primary_key=True)
    markets: int


class TableRows(SQLModel, table=True):
    """How many rows a table holds (market, segment, company, faq): kept by triggers
    (migration 0017), so that GET /stats reads a number instead of counting every row."""

    __tablename__ = "table_rows"
    name: str = Field(primary_key=True)
    rows: int = Field(sa_type=BigInteger)


class FigureBase(SQLModel):
    """A dated value the report states for its market, in the currency it was stated in."""

    year: int = Field(description="Calendar year.", schema_extra=_examples(2027))
    amount: int = Field(
        sa_type=BigInteger,
        description="The value as stated, in `currency` units.",
        schema_extra=_examples(3500000000),
    )
    currency: str = Field(description="ISO 4217 code of `amount`.", schema_extra=_examples("USD"))
    value_usd: int | None = Field(
        default=None,
        sa_type=BigInteger,
        description="The value in USD; null unless the report stated it in USD.",
        schema_extra=_examples(3500000000),
    )
    sentence: str = Field(
        default="",
        sa_type=PackedText,
        description="The sentence the value was read from.",
        schema_extra=_examples("Iclusig Market size was valued at USD 0.5 Billion in 2022…"),
    )


class Figure(FigureBase, table=True):
    __table_args__ = (
        Index("ix_figure_market_position", "market_id", "position", unique=True),
        # Covers GET /projections: each market's USD figures by year, in one index scan.
        Index("ix_figure_market_year_usd", "market_id", "year", "value_usd"),
    )

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = Field(
        sa_column=Column(Integer, ForeignKey("market.id", ondelete="CASCADE"), nullable=False)
    )
    position: int


class Company(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    name: str  # the most frequent alias, ties to the shortest
    aliases: list[str] = Field(default_factory=list, sa_type=JSON)  # most frequent first
    # How many markets list the company under each alias: the loader updates it per batch
    # instead of re-reading every market that lists the company.
    alias_counts: dict[str, int] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default=text("'{}'"))
    )
    # Distinct markets listing the company: kept by triggers on market_company (migration 0009).
    market_count: int = Field(
        default=0,
        sa_column=Column(Integer, nullable=False, server_default=text("0"), index=True),
    )


class MarketCompany(SQLModel, table=True):
    """A company as one report lists it: the name as given and its place in the list."""

    __tablename__ = "market_company"
    # A company's markets, read from the index alone.
    # Clustered on its key (migration 0024): no rowid and no second copy of the key.
    __table_args__ = (
        Index("ix_market_company_company_market", "company_id", "market_id"),
        {"sqlite_with_rowid": False},
    )
    market_id: int = Field(
        sa_column=Column(Integer, ForeignKey("market.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(primary_key=True)
    company_id: int = Field(
        sa_column=Column(Integer, ForeignKey("company.id", ondelete="CASCADE"), nullable=False)
    )
    name_as_given: str


class Insight(SQLModel, table=True):
    __table_args__ = (Index("ix_insight_market_kind_position", "market_id", "kind", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = _market_fk(index=False)
    kind: str  # "trend" or "opportunity"
    position: int
    text: str = Field(sa_type=PackedText)


class FaqBase(SQLModel):
    question: str = Field(
        sa_type=Text,
        description="The question.",
        schema_extra=_examples("What is Iclusig used for?"),
    )
    answer: str = Field(
        sa_type=PackedText,
        description="The report's answer.",
        schema_extra=_examples("Iclusig is used to treat chronic myelogenous leukemia (CML)…"),
    )


class Faq(FaqBase, table=True):
    # GET /faqs reads markets by slug and each one's FAQs in order from this index.
    __table_args__ = (Index("ix_faq_market_position", "market_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = _market_fk(index=False)
    position: int


_HEADLINE = (
    "Iclusig Market size was valued at USD 0.5 Billion in 2022 and is projected to reach USD "
    "1.1 Billion by 2030, growing at a CAGR of 10.5% from 2024 to 2030."
)


class FigureSentences(SQLModel):
    """The sentence each headline figure was read from."""

    size: str | None = Field(
        default=None,
        description="Sentence the size was read from.",
        schema_extra=_examples(_HEADLINE),
    )
    forecast: str | None = Field(
        default=None,
        description="Sentence the forecast was read from.",
        schema_extra=_examples(_HEADLINE),
    )
    cagr: str | None = Field(
        default=None,
        description="Sentence the stated CAGR was read from.",
        schema_extra=_examples(_HEADLINE),
    )


class SourceBase(SQLModel):
    """Where a report came from (stored in the `provenance` table under its own names)."""

    file: str | None = Field(
        default=None,
        description="Source file name.",
        schema_extra=_examples("002_67a20397f5666d95.txt"),
    )
    sha256: str | None = Field(default=None, description="SHA-256 of the source file.")
    report_id: str | None = Field(
        default=None,
        description="The publisher's report id (rid).",
        schema_extra=_examples("852844"),
    )
    product_url: str | None = Field(
        default=None,
        description="The report's product page.",
        schema_extra=_examples("https://www.verifiedmarketreports.com/product/iclusig-market/"),
    )
    sample_url: str | None = Field(
        default=None,
        description="The report's sample link, without tracking parameters.",
        schema_extra=_examples("https://www.verifiedmarketreports.com/download-sample/?rid=852844"),
    )
    encoding: str = Field(
        default="utf-8",
        description="Encoding the file was decoded with.",
        schema_extra=_examples("utf-8"),
    )
    parser_version: str = Field(
        description="Version of the parser that read it.", schema_extra=_examples("2.1.0")
    )
    publisher: str | None = Field(
        default=None,
        description="Who published the page: its stated name, else the domain of its links.",
        schema_extra=_examples("Verified Market Reports"),
    )
    published_on: date | None = Field(
        default=None,
        description="The page's own publication or update date, when it states one.",
        schema_extra=_examples("2024-10-01"),
    )
    figure_sentences: FigureSentences = Field(
        default_factory=FigureSentences, description="Where each figure came from."
    )


class Provenance(SQLModel, table=True):
    market_id: int = Field(
        sa_column=Column(Integer, ForeignKey("market.id", ondelete="CASCADE"), primary_key=True)
    )
    source_file: str | None = None
    sha256: str = Field(index=True)
    report_id: str | None = Field(default=None, index=True)
    product_url: str | None = None
    sample_url: str | None = None
    encoding: str = "utf-8"
    parser_version: str
    publisher: str | None = Field(default=None, index=True)
    published_on: date | None = None
    ingested_at: datetime = Field(
        default_factory=utc_now,
        sa_type=DateTime(timezone=True),
    )
    size_sentence: str | None = Field(default=None, sa_type=PackedText)
    forecast_sentence: str | None = Field(default=None, sa_type=PackedText)
    cagr_sentence: str | None = Field(default=None, sa_type=PackedText)


class WarningBase(SQLModel):
    """Something the parser noticed about a report."""

    code: str = Field(
        index=True,
        description="Machine-readable warning code.",
        schema_extra=_examples("cagr_mismatch"),
    )
    message: str = Field(
        sa_type=Text,
        description="What the parser noticed.",
        schema_extra=_examples(
            "stated CAGR 12.5% differs from the implied 10.54% by 1.96 percentage points"
        ),
    )


class QualityWarning(WarningBase, table=True):
    __tablename__ = "quality_warning"
    id: int | None = Field(default=None, primary_key=True)
    market_id: int = _market_fk()
    position: int


class IngestRun(SQLModel, table=True):
    __tablename__ = "ingest_run"
    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(
        default_factory=utc_now,
        sa_type=DateTime(timezone=True),
    )
    finished_at: datetime | None = Field(
        default=None,
        sa_type=DateTime(timezone=True),
    )
    parser_version: str
    ingested: int = 0
    unchanged: int = 0
    failed: int = 0
    # set by a later run that found this one unfinished and its lock free (ingest/run_lock.py)
    interrupted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class IngestFileOutcome(SQLModel, table=True):
    __tablename__ = "ingest_file_outcome"
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("ingest_run.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    file: str
    sha256: str | None = None
    status: str  # created / updated / unchanged / failed
    reason: str | None = Field(default=None, sa_type=Text)
    market_slug: str | None = None


class IngestFileState(SQLModel, table=True):
    """What each file held when last ingested: a re-run trusts a file whose size and
    modification time are unchanged to hold the same bytes, and skips reading it."""

    __tablename__ = "ingest_file_state"
    __table_args__ = {"sqlite_with_rowid": False}  # clustered on its path (migration 0024)
    path: str = Field(primary_key=True)  # absolute, so that any working directory finds it
    size_bytes: int = Field(sa_type=BigInteger)
    mtime_ns: int = Field(sa_type=BigInteger)
    sha256: str


class DatasetVersion(SQLModel, table=True):
    """One row whose counter every write (ingest, upload, delete) bumps in its transaction:
    caches in every API process compare against it instead of scanning the data."""

    __tablename__ = "dataset_version"
    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_type=BigInteger)
    changed_at: datetime = Field(default_factory=utc_now, sa_type=DateTime(timezone=True))


class Edition(SQLModel, table=True):
    """One distinct content version of a market's report (a new SHA-256 at ingest or upload),
    with the headline figures it stated: what analysts compare across editions."""

    __table_args__ = (Index("ix_edition_market_number", "market_id", "number", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = Field(
        sa_column=Column(Integer, ForeignKey("market.id", ondelete="CASCADE"), nullable=False)
    )
    number: int  # 1 for the first edition ingested, then 2, 3, …
    sha256: str
    ingested_at: datetime = Field(default_factory=utc_now, sa_type=DateTime(timezone=True))
    published_on: date | None = None
    size_usd: int | None = Field(default=None, sa_type=BigInteger)
    size_year: int | None = None
    forecast_usd: int | None = Field(default=None, sa_type=BigInteger)
    forecast_year: int | None = None
    cagr_percent: float | None = None
    cagr_start_year: int | None = None
    cagr_end_year: int | None = None
    currency: str | None = None


EDITION_FIGURES = (
    "size_usd",
    "size_year",
    "forecast_usd",
    "forecast_year",
    "cagr_percent",
    "cagr_start_year",
    "cagr_end_year",
    "currency",
)


class Change(SQLModel, table=True):
    """What one write did to one market, under the dataset version it produced: the feed a
    client replays to keep a copy in sync (GET /changes), deletions included."""

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(sa_type=BigInteger, index=True)
    at: datetime = Field(default_factory=utc_now, sa_type=DateTime(timezone=True))
    slug: str
    change: str  # created, updated or deleted
