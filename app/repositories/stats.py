"""Dataset statistics."""

import statistics
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.models import Market, MarketTotal, Provenance, SegmentTally
from app.repositories.meta import row_counts


def dataset_stats(session: Session) -> dict[str, Any]:
    """Row counts from `table_rows`, sums and counts of the stated figures from
    `market_total` (both kept by triggers), the CAGR's ends and middle from its index:
    nothing here reads every row."""

    rows = row_counts(session)

    totals = session.execute(
        select(MarketTotal).order_by(col(MarketTotal.measure), col(MarketTotal.year))
    ).scalars()
    by_measure: dict[str, list[MarketTotal]] = {}
    for total in totals:
        by_measure.setdefault(total.measure, []).append(total)
    cagr = next(iter(by_measure.get("cagr_percent", [])), None)
    cagr_count = cagr.markets if cagr else 0
    # Each alone, so that both databases read one end of the CAGR index.
    low = session.execute(select(func.min(col(Market.cagr_percent)))).scalar_one()
    high = session.execute(select(func.max(col(Market.cagr_percent)))).scalar_one()

    def totals_by_year(measure: str) -> list[dict[str, int]]:
        return [
            {"year": total.year, "total_usd": round(total.total), "markets": total.markets}
            for total in by_measure.get(measure, [])
        ]

    return {
        "markets": rows.get("market", 0),
        "segments": rows.get("segment", 0),
        "segment_keys": int(
            session.execute(select(func.count(func.distinct(col(SegmentTally.key))))).scalar_one()
        ),
        "companies": rows.get("company", 0),
        "faqs": rows.get("faq", 0),
        "cagr_percent": {
            "min": low,
            "median": _median_cagr(session, cagr_count) if cagr_count else None,
            "mean": round(cagr.total / cagr.markets, 4) if cagr else None,
            "max": high,
        },
        # Sizes and forecasts apart: a size of 2024 and a forecast for 2024 are different
        # claims, and adding them would count a market twice.
        "total_size_by_year": totals_by_year("size_usd"),
        "total_forecast_by_year": totals_by_year("forecast_usd"),
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
