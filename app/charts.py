"""A market's yearly projection as an inline SVG line chart, built as a string (no script, no
library): reported points marked, the interpolated line solid, the extrapolated line dashed,
years and USD on the axes. Every piece of text is escaped."""

import math
from collections.abc import Iterator
from html import escape
from itertools import pairwise

from markupsafe import Markup

from app.schemas import ProjectionKind, ProjectionPoint

WIDTH, HEIGHT = 600, 300
LEFT, RIGHT, TOP, BOTTOM = 76, 28, 48, 40  # margins around the plot area
MAX_YEAR_LABELS = 10
LINE, GRID, AXIS_TEXT = "#1d4ed8", "#d0d5dd", "#3b4453"  # all ≥ 4.5:1 on white except the grid
_PROJECTED = frozenset({ProjectionKind.EXTRAPOLATED, ProjectionKind.CAPPED})
_UNITS = ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K"))
MISSING = "—"


def short_amount(amount: float | None) -> str:
    """3500000000 → '3.5 B', 750000000 → '750 M': three significant digits at most."""
    if amount is None:
        return MISSING
    magnitude = abs(amount)
    for unit, suffix in _UNITS:
        if magnitude >= unit:
            return f"{amount / unit:.3g} {suffix}"
    return f"{amount:.3g}"


def value_ticks(top: float, count: int = 4) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 × a power of ten) up to at least `top`."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [i * step for i in range(math.ceil(top / step - 1e-9) + 1)]


def year_step(span: int) -> int:
    """The gap between labelled years, so that at most MAX_YEAR_LABELS fit."""
    return next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if span // s < MAX_YEAR_LABELS)


def _runs(points: list[ProjectionPoint]) -> Iterator[tuple[bool, list[ProjectionPoint]]]:
    """The line cut into runs of one style: (dashed, points). A stretch touching an
    extrapolated year is dashed: it rests on the CAGR rather than on two reported values."""
    run: list[ProjectionPoint] = points[:1]
    dashed = False
    for before, after in pairwise(points):
        stretch_dashed = before.kind in _PROJECTED or after.kind in _PROJECTED
        if len(run) > 1 and stretch_dashed != dashed:
            yield dashed, run
            run = [before]
        dashed = stretch_dashed
        run.append(after)
    if len(run) > 1:
        yield dashed, run


def projection_chart(
    points: list[ProjectionPoint],
    *,
    title: str,
    size_px: tuple[int, int] | None = None,
    visible_title: bool = False,
) -> Markup:
    """The chart of `points` (one per year, in order), titled `title` for screen readers (and
    on the chart when `visible_title`), drawn `size_px` (width, height) large when given,
    else as wide as its container."""
    first, last = points[0].year, points[-1].year
    ticks = value_ticks(max(point.value_usd for point in points))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: int) -> float:
        if first == last:
            return LEFT + plot_width / 2
        return LEFT + (year - first) / (last - first) * plot_width

    def y(value: float) -> float:
        return TOP + plot_height - value / ticks[-1] * plot_height

    reported = ", ".join(
        f"{p.year}: USD {short_amount(p.value_usd)}"
        for p in points
        if p.kind is ProjectionKind.REPORTED
    )
    size = f'width="{size_px[0]}" height="{size_px[1]}" ' if size_px else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" {size}'
        'class="chart" role="img" aria-labelledby="chart-title chart-desc" '
        'font-family="sans-serif" font-size="13">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">Yearly value in US dollars, {first} to {last}. Reported: '
        f"{escape(reported or 'none')}. Solid line: interpolated between reported values; "
        "dashed line: extrapolated at the growth rate.</desc>",
        f'<text x="{LEFT - 8}" y="{TOP - 24}" text-anchor="end" fill="{AXIS_TEXT}">USD</text>',
    ]
    if visible_title:
        parts.append(
            f'<text x="{LEFT}" y="{TOP - 24}" font-weight="bold" fill="{AXIS_TEXT}">'
            f"{escape(title)}</text>"
        )
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{y(tick) + 4:.1f}" text-anchor="end" '
            f'fill="{AXIS_TEXT}">{escape(short_amount(tick))}</text>'
        )
    # Every other year label is "minor": the stylesheet hides those on a narrow screen, where
    # the chart is scaled down and its labels are drawn larger.
    step = year_step(last - first)
    for index, year in enumerate(range(first, last + 1, step)):
        minor = ' class="minor"' if index % 2 else ""
        parts.append(
            f'<text x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 26}" text-anchor="middle" '
            f'fill="{AXIS_TEXT}"{minor}>{year}</text>'
        )
    for dashed, run in _runs(points):
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x(p.year):.1f},{y(p.value_usd):.1f}"
            for i, p in enumerate(run)
        )
        dash = ' stroke-dasharray="7 5"' if dashed else ""
        parts.append(
            f'<path d="{path}" fill="none" stroke="{LINE}" stroke-width="2.5"{dash} '
            f'class="{"extrapolated" if dashed else "interpolated"}"/>'
        )
    for point in points:
        is_reported = point.kind is ProjectionKind.REPORTED
        radius, fill = (5.5, LINE) if is_reported else (3, "#ffffff")
        label = f"{point.year}: USD {short_amount(point.value_usd)} ({point.kind.value})"
        parts.append(
            f'<circle cx="{x(point.year):.1f}" cy="{y(point.value_usd):.1f}" r="{radius}" '
            f'fill="{fill}" stroke="{LINE}" stroke-width="2" class="point {point.kind.value}">'
            f"<title>{escape(label)}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
