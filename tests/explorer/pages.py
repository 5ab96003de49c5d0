"""Reading explorer pages in tests: parsed HTML, the markets a table lists, links by text."""

from urllib.parse import urlsplit

import httpx
from bs4 import BeautifulSoup, Tag


def html(response: httpx.Response, status: int = 200) -> BeautifulSoup:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "lxml")


def listed_slugs(soup: BeautifulSoup) -> list[str]:
    """The market slugs a page's market table lists, in its order."""
    links = soup.select("table.markets tbody th a")
    return [urlsplit(str(link["href"])).path.rsplit("/", 1)[-1] for link in links]


def link(soup: BeautifulSoup | Tag, text: str) -> str:
    """The href of the links whose text (stripped, sort marks aside) is `text`: one page
    may link it twice (the footer repeats the JSON link), never to two places."""
    found = [
        str(a["href"])
        for a in soup.find_all("a")
        if a.get_text(" ", strip=True).rstrip(" ▲▼") == text
    ]
    assert len(set(found)) == 1, (text, found)
    return found[0]


def resolve(base: str, href: str) -> str:
    """A relative link (`?sort=…`) on the page at `base`, as a path with its query."""
    return str(httpx.URL(base).join(href))
