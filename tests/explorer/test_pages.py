"""The explorer's pages through HTTP on the seeded database, against seed-gold: the list with
its filters, sorting and pages, each market, company, segment and the dataset, and how bad
or blank parameters are answered."""

import csv
import io
import math
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from tests.explorer.pages import html, link, listed_slugs, resolve
from tests.golden import cross_market, gold_faq_count, gold_markets, gold_slugs, gold_text_mentions

GOLD = {market["slug"]: market for market in gold_markets()}
CROSS = cross_market()
FORM_FIELDS = "q min_cagr max_cagr min_size max_size min_forecast max_forecast".split()
FORM_FIELDS += "region segment company dimension publisher".split()


def by_name(slugs: list[str] | None = None) -> list[str]:
    """Slugs in the explorer's default order: by name, then slug."""
    chosen = GOLD if slugs is None else {slug: GOLD[slug] for slug in slugs}
    return sorted(chosen, key=lambda slug: (chosen[slug]["name"], slug))


def test_the_list_shows_every_market_with_its_figures(client: TestClient) -> None:
    soup = html(client.get("/explore"))
    assert listed_slugs(soup) == by_name()
    for row, slug in zip(soup.select("table.markets tbody tr"), by_name(), strict=True):
        size, forecast = (int(str(data["value"])) for data in row.select("data"))
        assert (size, forecast) == (GOLD[slug]["size_usd"], GOLD[slug]["forecast_usd"])
        assert row.get_text(" ", strip=True).count(GOLD[slug]["region"]) >= 1
    status = soup.select_one(".pager-status")
    assert status is not None
    assert f"of {len(GOLD)} markets" in status.get_text(" ", strip=True)
    for field in soup.select("form.filters input[type=text], form.filters select"):
        assert soup.select_one(f"label[for={field['id']}]") is not None, field["id"]
    assert all(th.has_attr("scope") for th in soup.select("th"))


@pytest.mark.parametrize(
    "query,expected",
    [
        ("min_cagr=10", CROSS["markets_with_cagr_at_least_10"]),
        ("min_size=1.5B&max_size=4000M", gold_slugs(lambda m: 1.5e9 <= m["size_usd"] <= 4e9)),
        ("min_forecast=40e9", gold_slugs(lambda m: m["forecast_usd"] >= 40e9)),
        ("max_forecast=750M", gold_slugs(lambda m: m["forecast_usd"] <= 750e6)),
        ("company=celgene", CROSS["company_groups"][0]["markets"]),
        ("segment=hospital", CROSS["segment_key_markets"]["hospital"]),
        ("region=united+states&max_cagr=7", gold_slugs(lambda m: m["cagr_percent"] <= 7)),
        ("q=ATMP", gold_text_mentions("ATMP")),
        ("company=no-such-company", []),
    ],
)
def test_filters_pick_the_gold_markets(client: TestClient, query: str, expected: list[str]) -> None:
    soup = html(client.get(f"/explore?{query}"))
    assert listed_slugs(soup) == by_name(expected)
    results = soup.select_one("#results")
    assert results is not None
    assert results.get_text(strip=True).startswith(str(len(expected)))


def test_blank_fields_are_absent(client: TestClient) -> None:
    """A submitted form sends every field; the empty ones filter nothing."""
    blank = "&".join(f"{name}=" for name in FORM_FIELDS)
    assert listed_slugs(html(client.get(f"/explore?{blank}"))) == by_name()
    only_cagr = blank.replace("min_cagr=", "min_cagr=10") + "&q=%20%20"
    expected = by_name(CROSS["markets_with_cagr_at_least_10"])
    assert listed_slugs(html(client.get(f"/explore?{only_cagr}"))) == expected


def test_the_form_keeps_what_the_url_gave_without_a_field(client: TestClient) -> None:
    """Sort, page size and `updated_since` have no field: sending the form again keeps them."""
    given = {"sort": "-cagr_percent", "limit": "50", "updated_since": "2020-01-01T00:00:00Z"}
    soup = html(client.get("/explore", params={**given, "min_cagr": "5"}))
    form = soup.select_one("form")
    assert form is not None
    kept = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert kept == given
    assert "written since 2020-01-01T00:00:00Z" in soup.get_text()  # a filter with no field


@pytest.mark.parametrize(
    "name,value",
    [
        ("min_cagr", "abc"),
        ("max_cagr", "1e999"),
        ("min_cagr", "-500"),
        ("min_size", "lots"),
        ("max_forecast", "1,5B"),
        ("region", "x" * 101),
        ("q", "x" * 3000),
        ("dimension", "colour"),
    ],
)
def test_a_bad_field_shows_the_form_again_with_its_error(
    client: TestClient, name: str, value: str
) -> None:
    soup = html(client.get("/explore", params={"max_size": "5B", name: value}), 422)
    field = soup.select_one(f"#f-{name}")
    error = soup.select_one(f"#f-{name}-error")
    assert field is not None and error is not None
    assert field["aria-invalid"] == "true"
    assert f"f-{name}-error" in str(field["aria-describedby"]).split()
    assert error.get_text(strip=True)
    if field.name == "input":
        assert field["value"] == value  # what was typed stays, to be corrected
    assert soup.select_one("table.markets") is None
    summary = soup.select_one(".error-summary")
    assert summary is not None and f"#f-{name}" in [a["href"] for a in summary.select("a")]


def test_every_bad_field_is_reported_at_once(client: TestClient) -> None:
    soup = html(client.get("/explore?min_cagr=abc&min_size=lots&sort=colour"), 422)
    for name in ("min_cagr", "min_size"):
        assert soup.select_one(f"#f-{name}-error") is not None, name
    summary = soup.select_one(".error-summary")
    assert summary is not None and "sort" in summary.get_text()


@pytest.mark.parametrize("query", ["sort=colour", "sort=-", "limit=0", "limit=101", "offset=-1"])
def test_bad_sort_or_page_is_a_422_page(client: TestClient, query: str) -> None:
    soup = html(client.get(f"/explore?{query}"), 422)
    summary = soup.select_one(".error-summary")
    assert summary is not None
    assert query.split("=")[0] in summary.get_text()


def _cagr_order(descending: bool) -> list[str]:
    sign = -1 if descending else 1
    return sorted(GOLD, key=lambda slug: (sign * GOLD[slug]["cagr_percent"], slug))


def test_column_headings_sort_and_toggle(client: TestClient) -> None:
    soup = html(client.get("/explore"))
    name_heading = soup.select_one("th[aria-sort]")
    assert name_heading is not None and name_heading["aria-sort"] == "ascending"
    cagr_url = resolve("/explore", link(soup, "CAGR"))
    soup = html(client.get(cagr_url))
    assert listed_slugs(soup) == _cagr_order(descending=True)  # largest first on a first click
    heading = soup.select_one("th[aria-sort]")
    assert heading is not None and heading["aria-sort"] == "descending"
    soup = html(client.get(resolve(cagr_url, link(soup, "CAGR"))))
    assert listed_slugs(soup) == _cagr_order(descending=False)
    soup = html(client.get(resolve(cagr_url, link(soup, "Market"))))
    assert listed_slugs(soup) == by_name()


@pytest.mark.parametrize(
    "limit,query", [(2, ""), (2, "min_cagr=10"), (1, "sort=-size_usd"), (10, "")]
)
def test_pages_walk_every_match_once(client: TestClient, limit: int, query: str) -> None:
    expected = listed_slugs(html(client.get(f"/explore?{query}")))
    url = f"/explore?{query}&limit={limit}"
    first = soup = html(client.get(url))
    seen, pages = listed_slugs(first), 1
    while (following := soup.select_one("a[rel=next]")) is not None:
        url = resolve(url, str(following["href"]))
        soup = html(client.get(url))
        seen += listed_slugs(soup)
        pages += 1
    assert seen == expected
    assert pages == math.ceil(len(expected) / limit)
    while (preceding := soup.select_one("a[rel=prev]")) is not None:
        url = resolve(url, str(preceding["href"]))
        soup = html(client.get(url))
        pages -= 1
    assert pages == 1 and listed_slugs(soup) == listed_slugs(first)


def test_a_page_past_the_end_leads_back_to_the_last(client: TestClient) -> None:
    soup = html(client.get("/explore?limit=2&offset=100"))
    assert listed_slugs(soup) == []
    status = soup.select_one(".pager-status")
    assert status is not None and f"{len(GOLD)} in all" in status.get_text()
    previous = soup.select_one("a[rel=prev]")
    assert previous is not None and soup.select_one("a[rel=next]") is None
    last = html(client.get(resolve("/explore?limit=2&offset=100", str(previous["href"]))))
    assert listed_slugs(last) == by_name()[(len(GOLD) - 1) // 2 * 2 :]


def test_csv_and_json_links_give_the_current_filter(client: TestClient) -> None:
    soup = html(client.get("/explore?min_cagr=10&limit=2&sort=-cagr_percent"))
    exported = client.get(link(soup, "CSV"))
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    expected = [s for s in _cagr_order(descending=True) if GOLD[s]["cagr_percent"] >= 10]
    assert [row["slug"] for row in rows] == expected  # every match, not one page
    page = client.get(link(soup, "JSON"))
    assert page.status_code == 200
    assert [item["slug"] for item in page.json()["items"]] == expected[:2]


@pytest.mark.parametrize("slug", list(GOLD))
def test_a_market_page_shows_the_report(client: TestClient, slug: str) -> None:
    gold = GOLD[slug]
    soup = html(client.get(f"/explore/markets/{slug}"))
    heading = soup.select_one("h1")
    assert heading is not None and heading.get_text(strip=True) == gold["title"]
    figures = soup.select_one("#figures")
    assert figures is not None
    values = [int(str(data["value"])) for data in figures.select(".stats data")]
    assert values == [gold["size_usd"], gold["forecast_usd"]]
    assert f"{gold['cagr_percent']:g}%" in figures.get_text()
    chart = soup.select_one("svg.chart")
    assert chart is not None and chart.select_one("title") is not None
    assert len(chart.select("circle.reported")) == len({gold["size_year"], gold["forecast_year"]})
    labels = [text.get_text() for text in chart.select("text")]
    assert str(gold["size_year"]) in labels and str(gold["forecast_year"]) in labels
    faqs = [
        (faq.select_one("dt").get_text(strip=True), faq.select_one("dd").get_text(strip=True))  # type: ignore[union-attr]
        for faq in soup.select("#faqs .faq")
    ]
    assert faqs == [(f["question"], f["answer"]) for f in gold["faqs"]]
    segments = soup.select("#segments li h3 a")
    assert [a.get_text(strip=True) for a in segments] == [s["name"] for s in gold["segments"]]
    assert [a["href"] for a in segments] == [
        f"http://testserver/explore/segments/{s['key']}" for s in gold["segments"]
    ]
    companies = soup.select("#companies li a")
    assert len(companies) == len(gold["companies"])
    assert all("/explore/companies/" in str(a["href"]) for a in companies)
    assert len(soup.select("#insights section:first-child p")) == len(gold["trend_startswith"])
    source = soup.select_one("#source")
    assert source is not None and gold["file"] in source.get_text()
    assert gold["product_url"] in [a["href"] for a in source.select("a")]
    editions = client.get(f"/markets/{slug}/editions").json()
    edition_link = next(a for a in source.select("a") if str(a["href"]).endswith("/editions"))
    assert edition_link.get_text(strip=True) == str(editions["total"]) == "1"
    quality = soup.select_one("#quality")
    assert quality is not None
    mismatch = slug in CROSS["cagr_mismatch_over_1pp"]
    assert ("cagr_mismatch" in quality.get_text()) is mismatch
    assert ("does not match the rate" in quality.get_text()) is mismatch
    assert all(th.has_attr("scope") for th in soup.select("th"))
    data = client.get(link(soup, "JSON"))
    assert data.status_code == 200 and data.json()["slug"] == slug


def test_company_and_segment_pages_list_their_markets(client: TestClient) -> None:
    group = CROSS["company_groups"][0]
    soup = html(client.get(f"/explore/companies/{group['slug']}"))
    assert listed_slugs(soup) == by_name(group["markets"])
    assert all(alias in soup.get_text() for alias in group["aliases"])
    assert client.get(link(soup, "JSON")).json()["slug"] == group["slug"]
    for key, markets in CROSS["segment_key_markets"].items():
        soup = html(client.get(f"/explore/segments/{key}"))
        assert listed_slugs(soup) == by_name(markets), key
        assert client.get(link(soup, "JSON")).json()["key"] == key
    paged = html(client.get("/explore/segments/hospital?limit=1&sort=-cagr_percent"))
    hospital = CROSS["segment_key_markets"]["hospital"]
    assert listed_slugs(paged) == [s for s in _cagr_order(descending=True) if s in hospital][:1]
    html(client.get("/explore/companies/celgene?limit=0"), 422)


def test_the_dataset_page_counts_the_gold(client: TestClient) -> None:
    soup = html(client.get("/explore/dataset"))
    counts = {
        stat.select_one("dt").get_text(strip=True): stat.select_one("dd").get_text(strip=True)  # type: ignore[union-attr]
        for stat in soup.select(".stat")
    }
    assert counts["Markets"] == str(len(GOLD))
    assert counts["Companies"] == str(CROSS["distinct_companies"])
    assert counts["FAQs"] == str(gold_faq_count())
    assert "/explore/segments/hospital" in [urlsplit(str(a["href"])).path for a in soup("a")]
    assert client.get(link(soup, "statistics JSON")).json()["markets"] == len(GOLD)


@pytest.mark.parametrize(
    "path",
    [
        "/explore/markets/no-such-market",
        "/explore/markets/%00",
        f"/explore/markets/{'x' * 1000}",
        "/explore/companies/no-such-company",
        "/explore/segments/no-such-segment",
    ],
)
def test_unknown_pages_are_404_pages(client: TestClient, path: str) -> None:
    soup = html(client.get(path), 404)
    heading = soup.select_one("h1")
    assert heading is not None and heading.get_text(strip=True) == "Not found"


@pytest.mark.parametrize(
    "path",
    [
        "/explore",
        "/explore?min_cagr=10&sort=-size_usd",
        "/explore/markets/united-states-iclusig",
        "/explore/companies/celgene",
        "/explore/segments/hospital",
        "/explore/dataset",
        "/explore/explorer.css",
    ],
)
def test_pages_carry_an_etag_and_answer_304(client: TestClient, path: str) -> None:
    first = client.get(path)
    assert first.status_code == 200
    etag = first.headers["etag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    head = client.head(path)
    assert head.status_code == 200 and head.headers["etag"] == etag and head.content == b""


def test_pages_forbid_scripts_and_other_hosts(client: TestClient) -> None:
    policy = client.get("/explore").headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    soup = html(client.get("/explore/markets/united-states-iclusig"))
    assert soup.select("script") == []
    for tag, attribute in (("link", "href"), ("img", "src"), ("a", "href")):
        for element in soup.select(f"{tag}[{attribute}]"):
            url = str(element[attribute])
            external = url.startswith("http") and not url.startswith("http://testserver/")
            assert tag == "a" or not external, url  # only links may point elsewhere


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_root_sends_a_browser_to_the_explorer(client: TestClient) -> None:
    response = client.get("/", headers={"Accept": BROWSER_ACCEPT}, follow_redirects=False)
    assert response.status_code in (303, 307)
    assert response.headers["location"] == "http://testserver/explore"
    assert "accept" in response.headers["vary"].lower()


@pytest.mark.parametrize("accept", ["*/*", "", "application/json", "text/html;q=0.5, */*"])
def test_root_gives_an_api_client_the_entry_points(client: TestClient, accept: str) -> None:
    response = client.get("/", headers={"Accept": accept}, follow_redirects=False)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert "accept" in response.headers["vary"].lower()
    links = response.json()["links"]
    expected = {"markets", "segments", "companies", "faqs", "projections", "stats"}
    assert expected | {"docs", "openapi", "explore"} <= set(links)
    for name, url in links.items():
        assert url.startswith("http://testserver/")
        answer = client.get(url)
        if name == "projections":  # needs the year it is asked about
            assert answer.status_code == 422 and "year" in answer.text
        else:
            assert answer.status_code == 200, url
