"""What a market table shows: its rows, sortable column headers and page links, each link
the current query with one change, so that every view stays a shareable URL."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from app.core.query import Pagination, SortKey
from app.explorer.query import Given


def query_link(given: Given, **changes: str | int | None) -> str:
    """A relative link to this page with `changes` applied (None removes a parameter)."""
    params = {**given, **{name: str(v) for name, v in changes.items() if v is not None}}
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
    return "?" + urlencode(params) if params else "?"


@dataclass(frozen=True)
class Column:
    field: str
    label: str
    numeric: bool
    link: str  # sorts by this column; toggles its direction when it is already the sort
    aria_sort: str | None  # "ascending" / "descending" on the column the rows are sorted by


@dataclass(frozen=True)
class Pager:
    first: int  # 1-based number of the first row shown
    last: int  # below `first` when the page is past the last row
    total: int
    previous: str | None
    next: str | None


_COLUMNS = (
    ("name", "Market", False),
    ("size_usd", "Size, USD", True),
    ("forecast_usd", "Forecast, USD", True),
    ("cagr_percent", "CAGR", True),
    ("implied_cagr_percent", "Implied CAGR", True),
)


def columns(given: Given, sort: list[SortKey]) -> list[Column]:
    """Headers sorting by their column. A first click sorts names A→Z and figures largest
    first (what a reader usually wants); a second click reverses."""
    result = []
    for field, label, numeric in _COLUMNS:
        current = sort[0] if sort and sort[0].field == field else None
        descending = not current.descending if current else numeric
        aria = ("descending" if current.descending else "ascending") if current else None
        link = query_link(given, sort=f"-{field}" if descending else field, offset=None)
        result.append(Column(field, label, numeric, link, aria))
    return result


def pager(given: Given, page: Pagination, total: int) -> Pager:
    previous = None
    if page.offset > 0:
        # Past the end (a stale link), "previous" goes to the last page that has rows.
        last_start = max(total - 1, 0) // page.limit * page.limit
        before = max(min(page.offset - page.limit, last_start), 0)
        previous = query_link(given, offset=before or None)
    following = page.offset + page.limit
    return Pager(
        first=page.offset + 1,
        last=min(following, total),
        total=total,
        previous=previous,
        next=query_link(given, offset=following) if following < total else None,
    )


@dataclass(frozen=True)
class MarketTable:
    rows: list[dict[str, Any]]
    columns: list[Column]
    pager: Pager


def market_table(
    rows: list[dict[str, Any]], *, total: int, given: Given, page: Pagination, sort: list[SortKey]
) -> MarketTable:
    return MarketTable(rows=rows, columns=columns(given, sort), pager=pager(given, page, total))
