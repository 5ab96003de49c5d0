"""The collection envelope {items,total,limit,offset,next} with a `Link: rel="next"` header."""

from collections.abc import Mapping
from typing import Any

import orjson
from fastapi import Request, Response

from app.core.query import Pagination


def next_page_url(request: Request, *, total: int, page: Pagination) -> str | None:
    following = page.offset + page.limit
    if following >= total:
        return None
    return str(request.url.include_query_params(limit=page.limit, offset=following))


def page_body(
    request: Request, *, items: list[Any], total: int, page: Pagination
) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        "next": next_page_url(request, total=total, page=page),
    }


def link_next(response: Response, body: Mapping[str, Any]) -> None:
    """The `Link: rel="next"` header of a page whose body has a `next` (SPEC §4)."""
    if body["next"]:
        response.headers["Link"] = f'<{body["next"]}>; rel="next"'


def linked_page_body(
    request: Request, response: Response, *, items: list[Any], total: int, page: Pagination
) -> dict[str, Any]:
    """`page_body` for a route that returns a model, its Link header set on `response`."""
    body = page_body(request, items=items, total=total, page=page)
    link_next(response, body)
    return body


def page_response(
    request: Request,
    *,
    items: list[Any],
    total: int,
    page: Pagination,
    envelope: Mapping[str, Any] | None = None,
) -> Response:
    """Serialised with orjson directly: list items may be trimmed by `fields=`. `envelope`:
    a collection's own fields besides the page's (the changes feed's `latest_version`)."""
    body = page_body(request, items=items, total=total, page=page) | dict(envelope or {})
    response = Response(orjson.dumps(body), media_type="application/json")
    link_next(response, body)
    return response
