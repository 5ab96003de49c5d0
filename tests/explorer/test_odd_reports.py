"""Reports the seeds do not show. Report text is untrusted: markup in a title, a FAQ or a
company name is shown as text on every page that shows it, never run. A report without
headline figures still gets its page, saying what is missing."""

import pytest
from fastapi.testclient import TestClient

from tests.explorer.conftest import FIGURELESS_SLUG, IMG, SCRIPT
from tests.explorer.pages import html, listed_slugs


@pytest.fixture(scope="module")
def hostile_slug(odd_client: TestClient) -> str:
    (slug,) = [s for s in listed_slugs(html(odd_client.get("/explore"))) if "img" in s]
    return slug


def _hostile_company(odd_client: TestClient, slug: str) -> str:
    companies = odd_client.get(f"/markets/{slug}/companies").json()["items"]
    return str(next(c["slug"] for c in companies if "img" in c["name_as_given"]))


def test_markup_in_report_text_is_shown_as_text(odd_client: TestClient, hostile_slug: str) -> None:
    company = _hostile_company(odd_client, hostile_slug)
    pages = {
        f"/explore/markets/{hostile_slug}": (SCRIPT, IMG),
        "/explore": (IMG,),
        f"/explore/companies/{company}": (IMG,),
        "/explore?q=iclusig": (IMG,),
    }
    for path, payloads in pages.items():
        response = odd_client.get(path)
        soup = html(response)
        assert soup.select("script") == [], path  # nothing a browser would run…
        assert soup.select("img") == [], path
        assert not [tag for tag in soup.find_all(True) if tag.has_attr("onerror")], path
        for payload in payloads:  # …and every payload readable as written
            assert payload in soup.get_text(), (path, payload)
            assert payload not in response.text, (path, payload)


def test_the_chart_escapes_the_title(odd_client: TestClient, hostile_slug: str) -> None:
    soup = html(odd_client.get(f"/explore/markets/{hostile_slug}"))
    title = soup.select_one("svg.chart title")
    assert title is not None and IMG in title.get_text()
    assert soup.select("svg img") == []


def test_a_market_without_figures_says_so(odd_client: TestClient) -> None:
    soup = html(odd_client.get(f"/explore/markets/{FIGURELESS_SLUG}"))
    assert soup.select("svg.chart") == []
    projection = soup.select_one("#projection")
    assert projection is not None and "No projection can be drawn" in projection.get_text()
    figures = soup.select_one("#figures")
    assert figures is not None and figures.get_text().count("not stated in USD") == 2
    quality = soup.select_one("#quality")
    assert quality is not None
    for code in ("missing_size", "missing_forecast", "missing_cagr"):
        assert code in quality.get_text(), code
    assert "states no forecast" in quality.get_text()
    row = html(odd_client.get("/explore?sort=-size_usd")).select("table.markets tbody tr")[-1]
    assert FIGURELESS_SLUG in str(row.select_one("a")) and "—" in row.get_text()  # nulls last
