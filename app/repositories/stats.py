"""Dataset statistics."""

import statistics
from typing import Any

from sqlalchemy import Float, cast, func, select
from sqlmodel import Session, col

from app.models import Company, Faq, Market, Provenance, Segment, SegmentTally


def dataset_stats(session: Session) -> dict[str, Any]:
    def count(table: Any) -> int:
        """count(*): read from the table's smallest index, not its rows."""
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())

    low, high, mean, cagr_count = session.execute(
        select(
            func.min(col(Market.cagr_percent)),
            func.max(col(Market.cagr_percent)),
            func.avg(col(Market.cagr_percent)),
            func.count(col(Market.cagr_percent)),
        )
    ).one()

    def totals_by_year(year_column: Any, usd_column: Any) -> list[dict[str, int]]:
        rows = session.execute(
            # Summed as floats: exact up to 2^53, and no sum of amounts overflows (SQLite's
            # integer SUM raises past 2^63).
            select(year_column, func.sum(cast(usd_column, Float)), func.count())
            .where(col(year_column).is_not(None), col(usd_column).is_not(None))
            .group_by(year_column)
            .order_by(year_column)
        ).all()
        return [
            {"year": year, "total_usd": round(total_usd), "markets": int(markets)}
            for year, total_usd, markets in rows
        ]

    return {
        "markets": count(Market),
        "segments": count(Segment),
        "segment_keys": int(
            session.execute(select(func.count(func.distinct(col(SegmentTally.key))))).scalar_one()
        ),
        "companies": count(Company),
        "faqs": count(Faq),
        "cagr_percent": {
            "min": low,
            "median": _median_cagr(session, cagr_count) if cagr_count else None,
            "mean": round(float(mean), 4) if cagr_count else None,
            "max": high,
        },
        # Sizes and forecasts apart: a size of 2024 and a forecast for 2024 are different
        # claims, and adding them would count a market twice.
        "total_size_by_year": totals_by_year(col(Market.size_year), col(Market.size_usd)),
        "total_forecast_by_year": totals_by_year(
            col(Market.forecast_year), col(Market.forecast_usd)
        ),
    }


def _median_cagr(session: Session, count: int) -> float:
    """The middle one or two of `count` stated CAGRs, read from the CAGR index."""
    middle = session.execute(
        select(col(Market.cagr_percent))
        .where(col(Market.cagr_percent).is_not(None))
        .order_by(col(Market.cagr_percent))
        .limit(2 - count % 2)
        .offset((count - 1) // 2)
    ).scalars()
    return float(statistics.fmean(middle))


def parser_version(session: Session) -> str | None:
    newest: str | None = session.execute(
        select(func.max(col(Provenance.parser_version)))
    ).scalar_one()
    return newest
