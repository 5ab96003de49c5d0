"""Dataset statistics."""

import statistics
from collections import defaultdict
from typing import Any

from sqlalchemy import Float, cast, func, select
from sqlmodel import Session, col

from app.models import Company, Faq, Market, Provenance, Segment


def dataset_stats(session: Session) -> dict[str, Any]:
    def count(*what: Any) -> int:
        return int(session.execute(select(func.count(*what))).scalar_one())

    cagrs = sorted(
        session.execute(
            select(col(Market.cagr_percent)).where(col(Market.cagr_percent).is_not(None))
        ).scalars()
    )
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for year_column, usd_column in (
        (col(Market.size_year), col(Market.size_usd)),
        (col(Market.forecast_year), col(Market.forecast_usd)),
    ):
        rows = session.execute(
            # Summed as floats: exact up to 2^53, and no sum of amounts overflows (SQLite's
            # integer SUM raises past 2^63).
            select(year_column, func.sum(cast(usd_column, Float)), func.count())
            .where(col(year_column).is_not(None), col(usd_column).is_not(None))
            .group_by(year_column)
        ).all()
        for year, total_usd, markets in rows:
            totals[year][0] += round(total_usd)
            totals[year][1] += int(markets)
    return {
        "markets": count(col(Market.id)),
        "segments": count(col(Segment.id)),
        "segment_keys": count(func.distinct(col(Segment.key))),
        "companies": count(col(Company.id)),
        "faqs": count(col(Faq.id)),
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
    newest: str | None = session.execute(
        select(func.max(col(Provenance.parser_version)))
    ).scalar_one()
    return newest
