"""Write parsed reports to the database, a batch at a time: a few statements per table.

A batch gives the same result as loading its reports one by one, in order: a report whose slug
another report owns fails alone, and a report listed twice is created, then updated. Company
names come from a tally of the names markets give each company, kept on the company row, so a
batch reads and writes only its own companies however many markets list them.
"""

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlmodel import Session, SQLModel

from app.market_search import index_markets, unindex_markets
from app.models import EDITION_FIGURES, MARKET_LIST_FIELDS, utc_now
from app.projected import forget_values, keep_values
from ingest.companies import company_slug
from ingest.report import ParsedReport

_TABLES = SQLModel.metadata.tables
_MARKET, _COMPANY, _LINK = _TABLES["market"], _TABLES["company"], _TABLES["market_company"]
_SEGMENT, _INSIGHT, _FAQ = _TABLES["segment"], _TABLES["insight"], _TABLES["faq"]
_WARNING, _PROVENANCE = _TABLES["quality_warning"], _TABLES["provenance"]
_FIGURE = _TABLES["figure"]
_EDITION, _CHANGE = _TABLES["edition"], _TABLES["change"]
# Everything a market owns; replaced whole when its report is loaded again.
# (and its kept projected values: `forget_values` takes them out with their counts)
_CHILD_TABLES = (_SEGMENT, _FIGURE, _INSIGHT, _FAQ, _WARNING, _LINK, _PROVENANCE)
# The report's fields that are market columns: figures, texts, regions covered.


class LoadStatus(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DELETED = "deleted"  # only in the changes feed
    FAILED = "failed"


_WRITTEN = (LoadStatus.CREATED, LoadStatus.UPDATED)


class ReportConflict(ValueError):
    """The report would take a slug that another report already owns."""


@dataclass(frozen=True)
class Loaded:
    status: LoadStatus  # created, updated, or failed for a slug conflict
    slug: str
    reason: str | None = None
    renamed_from: str | None = None  # the market's slug before this update, when it changed


def unchanged_hashes(
    connection: Connection, sha256s: Sequence[str], parser_version: str
) -> set[str]:
    """The files among these already ingested byte for byte by this parser version."""
    if not sha256s:
        return set()
    statement = select(_PROVENANCE.c.sha256).where(
        _PROVENANCE.c.sha256.in_(sorted(set(sha256s))),
        _PROVENANCE.c.parser_version == parser_version,
    )
    return set(connection.execute(statement).scalars())


def load_reports(connection: Connection, reports: Sequence[ParsedReport]) -> list[Loaded]:
    """Insert or update each report's market and replace its children. The caller commits."""
    loaded: list[Loaded] = []
    for group in _distinct_runs(reports):
        loaded += _load_distinct(connection, group)
    written = [result for result in loaded if result.status in _WRITTEN]
    if written:
        record_changes(connection, bump_dataset_version(connection), written)
    return loaded


def preview_reports(connection: Connection, reports: Sequence[ParsedReport]) -> list[Loaded]:
    """What `load_reports` would do with each report (created, updated or failed), writing
    nothing: the dry run's answer."""
    loaded: list[Loaded] = []
    for group in _distinct_runs(reports):
        loaded += _load_distinct(connection, group, write=False)
    return loaded


def load_report(engine: Engine, report: ParsedReport) -> Loaded:
    """Write one parsed report in its own transaction (an upload): created or updated.

    Raises ReportConflict when another report owns its slug; database errors propagate.
    """
    with engine.begin() as connection:
        loaded = load_reports(connection, [report])[0]
    if loaded.status is LoadStatus.FAILED:
        raise ReportConflict(loaded.reason)
    return loaded


def _distinct_runs(reports: Sequence[ParsedReport]) -> Iterator[list[ParsedReport]]:
    """Consecutive runs in which no identity or slug repeats: each run can be written at once."""
    group: list[ParsedReport] = []
    keys: set[str] = set()
    for report in reports:
        mine = {report.identity, "slug:" + report.slug}
        if keys & mine:
            yield group
            group, keys = [], set()
        group.append(report)
        keys |= mine
    if group:
        yield group


def _load_distinct(
    connection: Connection, reports: list[ParsedReport], *, write: bool = True
) -> list[Loaded]:
    existing = connection.execute(
        select(_MARKET.c.id, _MARKET.c.identity, _MARKET.c.slug).where(
            or_(
                _MARKET.c.identity.in_([r.identity for r in reports]),
                _MARKET.c.slug.in_([r.slug for r in reports]),
            )
        )
    ).all()
    market_ids: dict[str, int] = {row.identity: row.id for row in existing}
    slug_owners: dict[str, str] = {row.slug: row.identity for row in existing}
    slugs: dict[str, str] = {row.identity: row.slug for row in existing}
    loaded: list[Loaded] = []
    accepted: list[ParsedReport] = []
    for report in reports:
        owner = slug_owners.get(report.slug, report.identity)
        if owner != report.identity:
            reason = f"slug {report.slug!r} already belongs to another report ({owner})"
            loaded.append(Loaded(LoadStatus.FAILED, report.slug, reason))
            continue
        # As if loaded alone: the report gives up its old slug before the next one is checked.
        old_slug = slugs.get(report.identity)
        slug_owners.pop(old_slug or report.slug, None)
        slug_owners[report.slug], slugs[report.identity] = report.identity, report.slug
        if report.identity in market_ids:
            renamed = old_slug if old_slug != report.slug else None
            loaded.append(Loaded(LoadStatus.UPDATED, report.slug, renamed_from=renamed))
        else:
            loaded.append(Loaded(LoadStatus.CREATED, report.slug))
        accepted.append(report)
    if accepted and write:
        _write(connection, accepted, market_ids)
    return loaded


def _write(connection: Connection, reports: list[ParsedReport], market_ids: dict[str, int]) -> None:
    now = utc_now()
    updated = [report for report in reports if report.identity in market_ids]
    created = [report for report in reports if report.identity not in market_ids]
    replaced_ids = [market_ids[report.identity] for report in updated]
    previous_links = Counter[tuple[int, str]]()
    if replaced_ids:
        previous_links.update(
            connection.execute(
                select(_LINK.c.company_id, _LINK.c.name_as_given).where(
                    _LINK.c.market_id.in_(replaced_ids)
                )
            )
        )
        forget_values(connection, replaced_ids)
        unindex_markets(connection, replaced_ids)
        for table in _CHILD_TABLES:
            connection.execute(delete(table).where(table.c.market_id.in_(replaced_ids)))
        connection.execute(
            update(_MARKET).where(_MARKET.c.id == bindparam("market_id")),
            [{"market_id": market_ids[r.identity], **_market_row(r, now)} for r in updated],
        )
    if created:
        rows = connection.execute(
            insert(_MARKET).returning(_MARKET.c.identity, _MARKET.c.id),
            [{"identity": r.identity, **_market_row(r, now)} for r in created],
        )
        market_ids.update({identity: market_id for identity, market_id in rows})

    owned = [(market_ids[report.identity], report) for report in reports]
    _insert(connection, _SEGMENT, _segment_rows(owned))
    _insert(connection, _FIGURE, _figure_rows(owned))
    _insert(connection, _INSIGHT, _insight_rows(owned))
    _insert(connection, _FAQ, _faq_rows(owned))
    _insert(connection, _WARNING, _warning_rows(owned))
    _insert(connection, _PROVENANCE, [_provenance_row(id_, r, now) for id_, r in owned])
    _insert(connection, _EDITION, _edition_rows(connection, owned, now))
    _link_companies(connection, owned, previous_links)
    written_ids = [market_id for market_id, _ in owned]
    keep_values(connection, written_ids)
    index_markets(connection, written_ids)


def _insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(table), rows)


def _market_row(report: ParsedReport, now: Any) -> dict[str, Any]:
    row = report.model_dump(include={*MARKET_LIST_FIELDS, "summary", "regions_covered"})
    return {**row, "updated_at": now}


_Owned = list[tuple[int, ParsedReport]]


def _segment_rows(owned: _Owned) -> list[dict[str, Any]]:
    return [
        {"market_id": market_id, "position": position, **segment.model_dump()}
        for market_id, report in owned
        for position, segment in enumerate(report.segments)
    ]


def _figure_rows(owned: _Owned) -> list[dict[str, Any]]:
    return [
        {"market_id": market_id, "position": position, **figure.model_dump()}
        for market_id, report in owned
        for position, figure in enumerate(report.figures)
    ]


def _insight_rows(owned: _Owned) -> list[dict[str, Any]]:
    return [
        {"market_id": market_id, "kind": kind, "position": position, "text": text}
        for market_id, report in owned
        for kind, texts in (("trend", report.trends), ("opportunity", report.opportunities))
        for position, text in enumerate(texts)
    ]


def _faq_rows(owned: _Owned) -> list[dict[str, Any]]:
    return [
        {"market_id": market_id, "position": position, **faq.model_dump()}
        for market_id, report in owned
        for position, faq in enumerate(report.faqs)
    ]


def _warning_rows(owned: _Owned) -> list[dict[str, Any]]:
    return [
        {"market_id": market_id, "position": position, **warning.model_dump()}
        for market_id, report in owned
        for position, warning in enumerate(report.quality.warnings)
    ]


def _provenance_row(market_id: int, report: ParsedReport, now: Any) -> dict[str, Any]:
    source, sentences = report.source, report.source.figure_sentences
    return {
        "market_id": market_id,
        "source_file": source.file,
        "sha256": source.sha256 or "",
        "report_id": source.report_id,
        "product_url": source.product_url,
        "sample_url": source.sample_url,
        "encoding": source.encoding,
        "parser_version": source.parser_version,
        "publisher": source.publisher,
        "published_on": source.published_on,
        "ingested_at": now,
        "size_sentence": sentences.size,
        "forecast_sentence": sentences.forecast,
        "cagr_sentence": sentences.cagr,
    }


def _link_companies(
    connection: Connection, owned: _Owned, previous_links: Counter[tuple[int, str]]
) -> None:
    """Link each market to its companies (created on first mention) and re-tally their names."""
    wanted = {company_slug(name): name for _, report in owned for name in report.companies}
    found = connection.execute(
        select(_COMPANY.c.slug, _COMPANY.c.id).where(_COMPANY.c.slug.in_(list(wanted)))
    )
    company_ids: dict[str, int] = {slug: company_id for slug, company_id in found}
    missing = [slug for slug in wanted if slug not in company_ids]
    if missing:
        new_rows = [
            {"slug": slug, "name": wanted[slug], "aliases": [wanted[slug]], "alias_counts": {}}
            for slug in missing
        ]
        created = connection.execute(
            insert(_COMPANY).returning(_COMPANY.c.slug, _COMPANY.c.id), new_rows
        )
        company_ids.update({slug: company_id for slug, company_id in created})
    links = [
        (market_id, position, company_ids[company_slug(name)], name)
        for market_id, report in owned
        for position, name in enumerate(report.companies)
    ]
    columns = ("market_id", "position", "company_id", "name_as_given")
    _insert(connection, _LINK, [dict(zip(columns, link, strict=True)) for link in links])
    change = Counter((company_id, name) for _, _, company_id, name in links)
    change.subtract(previous_links)
    retally_companies(connection, change)


def retally_companies(connection: Connection, change: Counter[tuple[int, str]]) -> None:
    """Apply (company, name as given) count changes; drop companies no market lists any more."""
    company_ids = sorted({company_id for company_id, _ in change})
    if not company_ids:
        return
    tallies = {
        company_id: Counter(alias_counts)
        for company_id, alias_counts in connection.execute(
            select(_COMPANY.c.id, _COMPANY.c.alias_counts)
            .where(_COMPANY.c.id.in_(company_ids))
            .with_for_update()  # PostgreSQL: two writers must not both add to the old tally
        )
    }
    for (company_id, alias), delta in change.items():
        tallies[company_id][alias] += delta
    updates, orphans = [], []
    for company_id, tally in tallies.items():
        counts = {alias: n for alias, n in tally.items() if n > 0}
        if not counts:
            orphans.append(company_id)
            continue
        aliases = ranked_aliases(counts)
        updates.append(
            {
                "company_id": company_id,
                "name": aliases[0],
                "aliases": aliases,
                "alias_counts": counts,
            }
        )
    if updates:
        connection.execute(
            update(_COMPANY).where(_COMPANY.c.id == bindparam("company_id")), updates
        )
    if orphans:
        connection.execute(delete(_COMPANY).where(_COMPANY.c.id.in_(orphans)))


def ranked_aliases(counts: dict[str, int]) -> list[str]:
    """Most markets first, ties to the shortest, then alphabetical: the first is the name."""
    return sorted(counts, key=lambda alias: (-counts[alias], len(alias), alias))


def delete_market(session: Session, slug: str) -> bool:
    """Remove one market, its children and the companies only it listed. The caller commits."""
    connection = session.connection()
    market_id = connection.execute(
        select(_MARKET.c.id).where(_MARKET.c.slug == slug)
    ).scalar_one_or_none()
    if market_id is None:
        return False
    change = Counter[tuple[int, str]]()
    change.subtract(
        connection.execute(
            select(_LINK.c.company_id, _LINK.c.name_as_given).where(_LINK.c.market_id == market_id)
        )
    )
    forget_values(connection, [market_id])
    unindex_markets(connection, [market_id])
    for table in _CHILD_TABLES:
        connection.execute(delete(table).where(table.c.market_id == market_id))
    connection.execute(delete(_MARKET).where(_MARKET.c.id == market_id))
    retally_companies(connection, change)
    deleted = Loaded(LoadStatus.DELETED, slug)
    record_changes(connection, bump_dataset_version(connection), [deleted])
    return True


def bump_dataset_version(connection: Connection) -> int:
    """Tell every API process's response cache that the data changed (same transaction);
    the new version."""
    version = _TABLES["dataset_version"]
    bumped = connection.execute(
        update(version)
        .where(version.c.id == 1)
        .values(version=version.c.version + 1, changed_at=utc_now())
        .returning(version.c.version)
    ).scalar_one()
    return int(bumped)


def record_changes(connection: Connection, version: int, results: Sequence[Loaded]) -> None:
    """The changes feed's rows for one write (GET /changes). A market whose slug changed is
    a deletion of the old slug and an update of the new one, so a client that replays the
    feed drops the old row."""
    now = utc_now()
    rows = []
    for result in results:
        if result.renamed_from:
            rows.append(
                {
                    "version": version,
                    "at": now,
                    "slug": result.renamed_from,
                    "change": LoadStatus.DELETED.value,
                }
            )
        rows.append(
            {"version": version, "at": now, "slug": result.slug, "change": result.status.value}
        )
    _insert(connection, _CHANGE, rows)


def _edition_rows(connection: Connection, owned: _Owned, now: Any) -> list[dict[str, Any]]:
    """A new edition per report written whose content (SHA-256) is not its latest edition's:
    the same bytes loaded again (a reload, another path) add none."""
    newest = (
        select(_EDITION.c.market_id, func.max(_EDITION.c.number).label("number"))
        .where(_EDITION.c.market_id.in_([market_id for market_id, _ in owned]))
        .group_by(_EDITION.c.market_id)
        .subquery()
    )
    latest = {
        market_id: (number, sha256)
        for market_id, number, sha256 in connection.execute(
            select(_EDITION.c.market_id, _EDITION.c.number, _EDITION.c.sha256).join(
                newest,
                (newest.c.market_id == _EDITION.c.market_id)
                & (newest.c.number == _EDITION.c.number),
            )
        )
    }
    return [
        {
            "market_id": market_id,
            "number": latest.get(market_id, (0, None))[0] + 1,
            "sha256": report.source.sha256,
            "ingested_at": now,
            "published_on": report.source.published_on,
            **report.model_dump(include=set(EDITION_FIGURES)),
        }
        for market_id, report in owned
        if latest.get(market_id, (0, None))[1] != report.source.sha256
    ]
