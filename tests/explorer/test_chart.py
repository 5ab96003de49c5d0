"""The projection chart's drawing and the way amounts are written, as plain functions."""

import math
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from app.charts import projection_chart, value_ticks, year_step
from app.explorer.formatting import short_amount, web_link
from app.schemas import ProjectionKind, ProjectionPoint

pytestmark = pytest.mark.backend_independent

SVG = "{http://www.w3.org/2000/svg}"
REPORTED, INTERPOLATED = ProjectionKind.REPORTED, ProjectionKind.INTERPOLATED
EXTRAPOLATED = ProjectionKind.EXTRAPOLATED


@pytest.mark.parametrize(
    "amount,written",
    [
        (1_100_000_000, "1.1 B"),
        (3_500_000_000, "3.5 B"),
        (45_500_000_000, "45.5 B"),
        (750_000_000, "750 M"),
        (2_000_000_000_000, "2 T"),
        (0, "0"),
        (None, "—"),
    ],
)
def test_amounts_are_written_short(amount: int | None, written: str) -> None:
    assert short_amount(amount) == written


@pytest.mark.parametrize(
    "url,linked",
    [
        ("https://example.com/report", True),
        ("http://example.com/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//example.com", False),
        ("", False),
    ],
)
def test_only_web_addresses_become_links(url: str, linked: bool) -> None:
    assert (web_link(url) is not None) is linked


@pytest.mark.parametrize("top", [1.0, 7.8e9, 45.5e9, 1.1e9, 999.0, 1e15])
def test_value_ticks_are_round_and_cover_the_top(top: float) -> None:
    ticks = value_ticks(top)
    assert ticks[0] == 0 and ticks[-1] >= top
    assert 3 <= len(ticks) <= 6
    step = ticks[1]
    assert step / 10 ** math.floor(math.log10(step)) in (1, 2, 2.5, 5)
    assert all(b - a == pytest.approx(step) for a, b in pairwise(ticks))


@pytest.mark.parametrize("span", [0, 1, 8, 9, 30, 99])
def test_year_labels_stay_few(span: int) -> None:
    assert span // year_step(span) + 1 <= 10


def _series(kinds: str) -> list[ProjectionPoint]:
    """A series from letters: r reported, i interpolated, e extrapolated, from 2020."""
    kind = {"r": REPORTED, "i": INTERPOLATED, "e": EXTRAPOLATED}
    return [
        ProjectionPoint(year=2020 + i, value_usd=10**9 + i * 10**8, kind=kind[letter])
        for i, letter in enumerate(kinds)
    ]


def _paths(svg: ET.Element) -> list[tuple[str, int]]:
    """(class, points) of each line drawn."""
    return [
        (path.attrib["class"], path.attrib["d"].count("L") + 1) for path in svg.iter(f"{SVG}path")
    ]


def test_interpolated_is_solid_and_extrapolated_dashed() -> None:
    svg = ET.fromstring(str(projection_chart(_series("errire"), title="T")))
    assert _paths(svg) == [("extrapolated", 2), ("interpolated", 4), ("extrapolated", 2)]
    dashed = [p for p in svg.iter(f"{SVG}path") if "stroke-dasharray" in p.attrib]
    assert [p.attrib["class"] for p in dashed] == ["extrapolated", "extrapolated"]
    reported = [c for c in svg.iter(f"{SVG}circle") if "reported" in c.attrib["class"]]
    assert len(reported) == "errire".count("r")


def test_axes_name_years_and_usd() -> None:
    svg = ET.fromstring(str(projection_chart(_series("riiir"), title="T")))
    labels = [text.text for text in svg.iter(f"{SVG}text")]
    assert {"USD", "0", "1 B", "2020", "2024"} <= set(labels)


def test_one_year_and_text_are_drawn_safely() -> None:
    chart = projection_chart(_series("r"), title='<b>"Acme" & co</b>')
    svg = ET.fromstring(str(chart))  # still well-formed XML
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == '<b>"Acme" & co</b>'
    assert _paths(svg) == []
