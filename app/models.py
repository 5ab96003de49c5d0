"""Database tables (SPEC §2). Alembic migrations in migrations/ own the schema."""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, ForeignKey, Index, Integer, Text, text
from sqlmodel import Field, SQLModel


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


def utc_now() -> datetime:
    return datetime.now(UTC)


def _market_fk() -> Any:
    return Field(
        sa_column=Column(
            Integer, ForeignKey("market.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )


class Market(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    # report_id, else product URL, else slug, prefixed ("rid:823236"): what makes a re-ingest
    # an update rather than a new market.
    identity: str = Field(unique=True)
    title: str
    name: str = Field(index=True)
    region: str | None = Field(default=None, index=True)
    summary: str | None = Field(default=None, sa_type=Text)
    size_usd: int | None = Field(default=None, sa_type=BigInteger, index=True)
    size_year: int | None = None
    forecast_usd: int | None = Field(default=None, sa_type=BigInteger, index=True)
    forecast_year: int | None = None
    cagr_percent: float | None = Field(default=None, index=True)
    cagr_start_year: int | None = None
    cagr_end_year: int | None = None
    implied_cagr_percent: float | None = Field(default=None, index=True)
    currency: str | None = None  # ISO 4217 code of the stated amounts
    regions_covered: list[str] = Field(default_factory=list, sa_type=JSON)
    # Lowercased title, summary, segments, insights and FAQs: what `q` searches.
    search_text: str = Field(default="", sa_type=Text)
    updated_at: datetime = Field(
        default_factory=utc_now,
        sa_type=DateTime(timezone=True),
    )


class Segment(SQLModel, table=True):
    __table_args__ = (Index("ix_segment_market_position", "market_id", "position", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = _market_fk()
    position: int
    key: str = Field(index=True)
    name: str
    description: str = Field(default="", sa_type=Text)
    dimension: str = Field(default="application", index=True)


class Figure(SQLModel, table=True):
    """A dated value the report states for its market, in the currency it was stated in."""

    __table_args__ = (Index("ix_figure_market_position", "market_id", "position", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = Field(
        sa_column=Column(Integer, ForeignKey("market.id", ondelete="CASCADE"), nullable=False)
    )
    position: int
    year: int
    amount: int = Field(sa_type=BigInteger)
    currency: str
    value_usd: int | None = Field(default=None, sa_type=BigInteger)
    sentence: str = Field(default="", sa_type=Text)


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


class MarketCompany(SQLModel, table=True):
    """A company as one report lists it: the name as given and its place in the list."""

    __tablename__ = "market_company"
    market_id: int = Field(
        sa_column=Column(Integer, ForeignKey("market.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(primary_key=True)
    company_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("company.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    name_as_given: str


class Insight(SQLModel, table=True):
    __table_args__ = (Index("ix_insight_market_kind_position", "market_id", "kind", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = _market_fk()
    kind: str  # "trend" or "opportunity"
    position: int
    text: str = Field(sa_type=Text)


class Faq(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    market_id: int = _market_fk()
    position: int
    question: str = Field(sa_type=Text)
    answer: str = Field(sa_type=Text)


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
    size_sentence: str | None = Field(default=None, sa_type=Text)
    forecast_sentence: str | None = Field(default=None, sa_type=Text)
    cagr_sentence: str | None = Field(default=None, sa_type=Text)


class QualityWarning(SQLModel, table=True):
    __tablename__ = "quality_warning"
    id: int | None = Field(default=None, primary_key=True)
    market_id: int = _market_fk()
    position: int
    code: str = Field(index=True)
    message: str = Field(sa_type=Text)


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
