"""Counts of /markets filters read from the histograms the database keeps (`group_tally`,
migration 0018) instead of from every matching market: a CAGR range, with at most
one region, segment, dimension, company or publisher. Every market is in exactly one region
group (a market without a region under ''), so a CAGR range alone sums the region groups."""

from dataclasses import replace

from sqlalchemy import ColumnElement, String, cast, func, select
from sqlmodel import Session, col

from app.core.query import MarketFilters
from app.models import Company, GroupTally

_GROUP_FILTERS = ("region", "segment", "dimension", "company", "publisher")
# Compared as the filter compares them (markets.py): case-insensitively.
_ANY_CASE = ("region", "publisher")


def kept_count(session: Session, filters: MarketFilters) -> int | None:
    """How many markets these filters match, from the kept histograms; None when the filters
    are others than they keep."""
    named = {name: getattr(filters, name) for name in _GROUP_FILTERS if getattr(filters, name)}
    rest = replace(filters, min_cagr=None, max_cagr=None, **dict.fromkeys(_GROUP_FILTERS))
    if rest != MarketFilters() or len(named) > 1:
        return None
    grouping, value = next(iter(named.items()), ("region", None))
    tally = GroupTally
    conditions: list[ColumnElement[bool]] = [col(tally.grouping) == grouping]
    if grouping == "company":
        company_id = select(cast(col(Company.id), String)).where(col(Company.slug) == value)
        conditions.append(col(tally.grp) == company_id.scalar_subquery())
    elif grouping in _ANY_CASE and value is not None:
        conditions.append(func.lower(col(tally.grp)) == str(value).lower())
    elif value is not None:
        conditions.append(col(tally.grp) == str(value))
    if filters.min_cagr is not None:
        conditions += [col(tally.stated).is_(True), col(tally.cagr_percent) >= filters.min_cagr]
    if filters.max_cagr is not None:
        conditions += [col(tally.stated).is_(True), col(tally.cagr_percent) <= filters.max_cagr]
    total = select(func.coalesce(func.sum(col(tally.markets)), 0)).where(*conditions)
    return int(session.execute(total).scalar_one())
