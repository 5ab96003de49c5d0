"""Dataset statistics."""

import statistics
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.models import Company, Faq, Market, Provenance, Segment


def dataset_stats(session: Session) -> dict[str, Any]:
    def count(*what: Any) -> int:
        return int(session.execute(select(func.count(*what))).scalar_one())

    cagrs = sorted(
        session.execute(
            select(Market.cagr_percent).where(col(Market.cagr_percent).is_not(None))
        ).scalars()
    )
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for year_column, usd_column in (
        (Market.size_year, Market.size_usd),
        (Market.forecast_year, Market.forecast_usd),
    ):
        rows = session.execute(
            select(year_column, func.sum(usd_column), func.count())
            .where(col(year_column).is_not(None), col(usd_column).is_not(None))
            .group_by(year_column)
        ).all()
        for year, total_usd, markets in rows:
            totals[year][0] += int(total_usd)
            totals[year][1] += int(markets)
    return {
        "markets": count(Market.id),
        "segments": count(Segment.id),
        "segment_keys": count(func.distinct(Segment.key)),
        "companies": count(Company.id),
        "faqs": count(Faq.id),
        "cagr_percent": {
            "min": cagrs[0] if cagrs else None,
            "median": statistics.median(cagrs) if cagrs else None,
            "mean": round(statistics.fmean(cagrs), 4) if cagrs else None,
            "max": cagrs[-1] if cagrs else None,
        },
        "total_size_by_year": [
            {"year": year, "total_usd": usd, "markets": markets}
            for year, (usd, markets) in sorted(totals.items())
        ],
    }


def parser_version(session: Session) -> str | None:
    return session.execute(select(func.max(Provenance.parser_version))).scalar_one()
