"""Yearly market-value series derived from the reported figures (pure arithmetic, no I/O)."""

import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from app.models import MAX_AMOUNT, Figure, Market
from app.schemas import ProjectionKind, ProjectionMethod, ProjectionPoint

MAX_PROJECTION_YEARS = 100
_LOG_MAX_AMOUNT = math.log(MAX_AMOUNT)


class NotProjectable(ValueError):
    """The market lacks the figures a projection needs."""


@dataclass(frozen=True)
class ReportedFigures:
    size_usd: int | None
    size_year: int | None
    forecast_usd: int | None
    forecast_year: int | None
    cagr_percent: float | None
    implied_cagr_percent: float | None
    # Every dated USD value the report states (size and forecast among them), by year: the
    # series passes through each. None for a market stated in another currency: a stray USD
    # figure beside its rupee series is no series of its own.
    usd_by_year: tuple[tuple[int, int], ...] = ()
    currency: str | None = "USD"  # of the market's stated figures

    @classmethod
    def of(cls, market: Market, figures: Iterable[Figure]) -> "ReportedFigures":
        return cls(
            size_usd=market.size_usd,
            size_year=market.size_year,
            forecast_usd=market.forecast_usd,
            forecast_year=market.forecast_year,
            cagr_percent=market.cagr_percent,
            implied_cagr_percent=market.implied_cagr_percent,
            usd_by_year=tuple(
                sorted(
                    {
                        f.year: f.value_usd for f in figures if f.value_usd and f.value_usd > 0
                    }.items()
                )
            )
            if market.currency == "USD"
            else (),
            currency=market.currency,
        )


def default_range(figures: ReportedFigures) -> tuple[int, int]:
    years = [y for y in (figures.size_year, figures.forecast_year) if y is not None]
    if not years:
        raise NotProjectable("the market reports no year to project from")
    return min(years), max(years)


def project(
    figures: ReportedFigures, *, from_year: int, to_year: int, method: ProjectionMethod
) -> list[ProjectionPoint]:
    """Reported points are exact; between them values grow geometrically; beyond them at the
    stated CAGR (the implied one when none is stated). `stated_cagr` anchors the stated CAGR on
    the forecast for every year instead."""
    if method is ProjectionMethod.STATED_CAGR:
        return _anchored_on_forecast(figures, from_year=from_year, to_year=to_year)
    anchors = list(figures.usd_by_year)
    if not anchors and figures.currency not in (None, "USD"):
        raise NotProjectable(
            f"the market is stated in {figures.currency}; projections are in USD and no "
            "exchange rate is assumed"
        )
    if not anchors:
        raise NotProjectable("the market reports no USD value with its year")
    reported = dict(anchors)
    years = [year for year, _ in anchors]
    rate = _growth_rate(figures)
    (first_year, first_usd), (last_year, last_usd) = anchors[0], anchors[-1]
    points = []
    for year in range(from_year, to_year + 1):
        value: float
        if year in reported:
            value, kind = reported[year], ProjectionKind.REPORTED
        elif first_year < year < last_year:
            # Geometric between the reported points on either side.
            right = bisect_right(years, year)
            (low_year, low_usd), (high_year, high_usd) = anchors[right - 1], anchors[right]
            fraction = (year - low_year) / (high_year - low_year)
            value = low_usd * (high_usd / low_usd) ** fraction
            kind = ProjectionKind.INTERPOLATED
        else:
            if rate is None:
                raise NotProjectable("no CAGR to extrapolate beyond the reported years")
            anchor_year, anchor_usd = (
                (first_year, first_usd) if year < first_year else (last_year, last_usd)
            )
            value = _grown(anchor_usd, rate, year - anchor_year)
            kind = ProjectionKind.EXTRAPOLATED
        points.append(_point(year, value, kind))
    return points


def _grown(anchor_usd: float, rate: float, years: int) -> float:
    """anchor × (1 + rate)^years, or infinity when that passes MAX_AMOUNT (checked in logs,
    so that no power overflows whatever the rate and the distance)."""
    if anchor_usd <= 0:
        return 0.0
    if math.log(anchor_usd) + years * math.log1p(rate) > _LOG_MAX_AMOUNT:
        return math.inf
    return float(anchor_usd * (1 + rate) ** years)


def whole_dollars(value: float) -> int:
    """Halves up, as app/projected.py rounds in SQL (`floor(x + 0.5)`): SQLite's round()
    takes halves away from zero, PostgreSQL's and Python's to even."""
    return math.floor(value + 0.5)


def _point(year: int, value: float, kind: ProjectionKind) -> ProjectionPoint:
    """A point, capped at MAX_AMOUNT (kind `capped`) when its growth carries it beyond."""
    if value > MAX_AMOUNT:
        return ProjectionPoint(year=year, value_usd=MAX_AMOUNT, kind=ProjectionKind.CAPPED)
    return ProjectionPoint(year=year, value_usd=whole_dollars(value), kind=kind)


def _growth_rate(figures: ReportedFigures) -> float | None:
    percent = (
        figures.cagr_percent if figures.cagr_percent is not None else figures.implied_cagr_percent
    )
    return None if percent is None else percent / 100


def _anchored_on_forecast(
    figures: ReportedFigures, *, from_year: int, to_year: int
) -> list[ProjectionPoint]:
    if (
        figures.cagr_percent is None
        or figures.forecast_usd is None
        or figures.forecast_year is None
    ):
        raise NotProjectable("method=stated_cagr needs a stated CAGR and a forecast with its year")
    rate = figures.cagr_percent / 100
    points = []
    for year in range(from_year, to_year + 1):
        value = _grown(figures.forecast_usd, rate, year - figures.forecast_year)
        # Every other year is carried by the CAGR from the forecast, back-cast years included:
        # none is interpolated between two reported values. A back-cast that lands on the
        # reported size is that reported figure.
        is_reported = year == figures.forecast_year or (
            year == figures.size_year and whole_dollars(value) == figures.size_usd
        )
        kind = ProjectionKind.REPORTED if is_reported else ProjectionKind.EXTRAPOLATED
        points.append(_point(year, value, kind))
    return points
