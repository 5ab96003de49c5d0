"""GET /markets/{slug}/projections.svg: the series of /projections as valid SVG."""

import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from tests.golden import gold_markets

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("slug", [m["slug"] for m in gold_markets()])
def test_the_chart_has_one_point_per_year_of_the_series(client: TestClient, slug: str) -> None:
    params = {"to_year": 2034, "width": 800, "height": 400}
    response = client.get(f"/markets/{slug}/projections.svg", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)  # valid XML, or this raises
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == ("800", "400")
    series = client.get(f"/markets/{slug}/projections", params={"to_year": 2034}).json()
    points = root.findall(f".//{SVG}circle")
    assert len(points) == len(series["points"]) == series["to_year"] - series["from_year"] + 1
    kinds = [point.get("class", "").split()[-1] for point in points]
    assert kinds == [point["kind"] for point in series["points"]]
    title = next(m["title"] for m in gold_markets() if m["slug"] == slug)
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert title in texts and "2034" in texts
    assert root.find(f"{SVG}title") is not None
    assert b"<script" not in response.content and b"http://" not in response.content.replace(
        b"http://www.w3.org/2000/svg", b""
    )


def test_extrapolated_years_are_drawn_dashed(client: TestClient) -> None:
    slug = gold_markets()[0]["slug"]
    root = ET.fromstring(client.get(f"/markets/{slug}/projections.svg?to_year=2036").content)
    styles = {path.get("class"): path.get("stroke-dasharray") for path in root.iter(f"{SVG}path")}
    assert styles["extrapolated"] and styles.get("interpolated") is None


@pytest.mark.parametrize(
    ("query", "status"),
    [("width=10", 422), ("height=99999", 422), ("from_year=2030&to_year=2020", 422)],
)
def test_bad_sizes_and_ranges_are_422(client: TestClient, query: str, status: int) -> None:
    slug = gold_markets()[0]["slug"]
    assert client.get(f"/markets/{slug}/projections.svg?{query}").status_code == status


def test_an_unknown_market_is_404(client: TestClient) -> None:
    assert client.get("/markets/nope/projections.svg").status_code == 404
