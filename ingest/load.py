"""Write parsed reports to the database: one transaction per report, idempotent by identity."""

from collections import Counter
from enum import StrEnum

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from app.models import (
    Company,
    DatasetVersion,
    Faq,
    Insight,
    Market,
    MarketCompany,
    Provenance,
    QualityWarning,
    Segment,
    utc_now,
)
from ingest.companies import company_slug
from ingest.report import ParsedReport

_CHILD_TABLES = (Segment, Insight, Faq, QualityWarning, MarketCompany)
# The report's fields that are market columns: figures, texts, regions covered.
_SHARED_MARKET_FIELDS = [f for f in ParsedReport.model_fields if f in Market.model_fields]


class LoadStatus(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


class ReportConflict(ValueError):
    """The report would take a slug that another report already owns."""


def is_unchanged(session: Session, *, sha256: str, parser_version: str) -> bool:
    """A file already ingested byte for byte by this parser version needs no work."""
    statement = select(Provenance.market_id).where(
        Provenance.sha256 == sha256, Provenance.parser_version == parser_version
    )
    found = session.exec(statement.limit(1)).first()
    return found is not None


def upsert_report(session: Session, report: ParsedReport) -> tuple[LoadStatus, Market]:
    """Insert or update one market and replace all of its children. The caller commits."""
    market = session.exec(select(Market).where(Market.identity == report.identity)).one_or_none()
    slug_owner = session.exec(
        select(Market.identity).where(Market.slug == report.slug)
    ).one_or_none()
    if slug_owner is not None and slug_owner != report.identity:
        raise ReportConflict(
            f"slug {report.slug!r} already belongs to another report ({slug_owner})"
        )
    status = LoadStatus.UPDATED if market else LoadStatus.CREATED
    if market is None:
        market = Market(
            identity=report.identity, slug=report.slug, title=report.title, name=report.name
        )
    _copy_market_fields(market, report)
    session.add(market)
    session.flush()
    assert market.id is not None

    previous_company_ids = set(
        session.exec(select(MarketCompany.company_id).where(MarketCompany.market_id == market.id))
    )
    for table in _CHILD_TABLES:
        session.execute(delete(table).where(col(table.market_id) == market.id))
    _add_children(session, market_id=market.id, report=report)
    current_company_ids = _link_companies(session, market_id=market.id, names=report.companies)
    _refresh_companies(session, previous_company_ids | current_company_ids)
    _upsert_provenance(session, market_id=market.id, report=report)
    bump_dataset_version(session)
    return status, market


def _copy_market_fields(market: Market, report: ParsedReport) -> None:
    for field in _SHARED_MARKET_FIELDS:
        setattr(market, field, getattr(report, field))
    market.search_text = search_text(report)
    market.updated_at = utc_now()


def search_text(report: ParsedReport) -> str:
    """What `GET /markets?q=` searches: lowercased, whitespace collapsed."""
    parts = [report.title, report.summary or ""]
    parts += [f"{segment.name} {segment.description}" for segment in report.segments]
    parts += [*report.trends, *report.opportunities]
    parts += [f"{faq.question} {faq.answer}" for faq in report.faqs]
    return " ".join(" ".join(parts).lower().split())


def _add_children(session: Session, *, market_id: int, report: ParsedReport) -> None:
    session.add_all(
        Segment(
            market_id=market_id,
            position=position,
            key=s.key,
            name=s.name,
            description=s.description,
        )
        for position, s in enumerate(report.segments)
    )
    for kind, texts in (("trend", report.trends), ("opportunity", report.opportunities)):
        session.add_all(
            Insight(market_id=market_id, kind=kind, position=position, text=text)
            for position, text in enumerate(texts)
        )
    session.add_all(
        Faq(market_id=market_id, position=position, question=f.question, answer=f.answer)
        for position, f in enumerate(report.faqs)
    )
    session.add_all(
        QualityWarning(market_id=market_id, position=position, code=w.code, message=w.message)
        for position, w in enumerate(report.quality.warnings)
    )


def _link_companies(session: Session, *, market_id: int, names: list[str]) -> set[int]:
    company_ids: set[int] = set()
    for position, name in enumerate(names):
        slug = company_slug(name)
        company = session.exec(select(Company).where(Company.slug == slug)).one_or_none()
        if company is None:
            company = Company(slug=slug, name=name, aliases=[name])
            session.add(company)
            session.flush()
        assert company.id is not None
        company_ids.add(company.id)
        session.add(
            MarketCompany(
                market_id=market_id, position=position, company_id=company.id, name_as_given=name
            )
        )
    session.flush()
    return company_ids


def _refresh_companies(session: Session, company_ids: set[int]) -> None:
    """Display name = most frequent alias (ties to the shortest); drop companies left unlisted."""
    for company_id in sorted(company_ids):
        names = list(
            session.exec(
                select(MarketCompany.name_as_given)
                .where(MarketCompany.company_id == company_id)
                .order_by(col(MarketCompany.market_id), col(MarketCompany.position))
            )
        )
        company = session.get(Company, company_id)
        if company is None:
            continue
        if not names:
            session.delete(company)
            continue
        counts = Counter(names)
        company.aliases = list(counts)
        company.name = min(counts, key=lambda alias: (-counts[alias], len(alias), alias))
        session.add(company)


def _upsert_provenance(session: Session, *, market_id: int, report: ParsedReport) -> None:
    source = report.source
    provenance = session.get(Provenance, market_id) or Provenance(
        market_id=market_id, sha256="", parser_version=""
    )
    provenance.source_file = source.file
    provenance.sha256 = source.sha256 or ""
    provenance.report_id = source.report_id
    provenance.product_url = source.product_url
    provenance.sample_url = source.sample_url
    provenance.encoding = source.encoding
    provenance.parser_version = source.parser_version
    provenance.ingested_at = utc_now()
    provenance.size_sentence = source.figure_sentences.size
    provenance.forecast_sentence = source.figure_sentences.forecast
    provenance.cagr_sentence = source.figure_sentences.cagr
    session.add(provenance)


def delete_market(session: Session, slug: str) -> bool:
    """Remove one market, its children and the companies only it listed. The caller commits."""
    market = session.exec(select(Market).where(Market.slug == slug)).one_or_none()
    if market is None:
        return False
    company_ids = set(
        session.exec(select(MarketCompany.company_id).where(MarketCompany.market_id == market.id))
    )
    for table in (*_CHILD_TABLES, Provenance):
        session.execute(delete(table).where(col(table.market_id) == market.id))
    session.delete(market)
    session.flush()
    _refresh_companies(session, company_ids)
    bump_dataset_version(session)
    return True


def bump_dataset_version(session: Session) -> None:
    """Tell every API process's response cache that the data changed (same transaction)."""
    session.execute(
        update(DatasetVersion)
        .where(col(DatasetVersion.id) == 1)
        .values(version=col(DatasetVersion.version) + 1, changed_at=utc_now())
    )


def count_markets(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Market)).one()
