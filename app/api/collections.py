"""A collection's answer in the representation asked for (SPEC §4): a JSON page in the
envelope, or every matching row streamed as CSV or NDJSON with an ETag of its own."""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from sqlmodel import Session

from app.api.exports import ExportSlots, chunks, spool_csv, spool_ndjson
from app.api.formats import ExportFormat, negotiate
from app.api.pages import page_response
from app.core.http import etag_matches, weak_etag
from app.core.query import Pagination
from app.repositories.meta import dataset_version

Row = dict[str, Any]


@dataclass(frozen=True)
class Collection:
    """How one request reads its collection: a page with its total, or every row in order
    (on a connection of its own: the export outlives the request's session)."""

    read_page: Callable[[], tuple[list[Row], int]]
    stream_rows: Callable[[], Iterator[Row]]
    item: Callable[[Row], Row]  # a row as the public item (its URL added)
    columns: tuple[str, ...]  # every item field, in order


def pick(item: Row, fields: list[str] | None) -> Row:
    return {field: item[field] for field in fields} if fields else item


def _flat(row: Row) -> Row:
    """A CSV row: a list (aliases, names) in one cell as its JSON text."""
    return {
        key: orjson.dumps(value).decode() if isinstance(value, list | dict) else value
        for key, value in row.items()
    }


def collection_response(
    request: Request,
    *,
    session: Session,
    collection: Collection,
    page: Pagination,
    fields: list[str] | None,
    format_: ExportFormat | None,
    envelope: Callable[[], Mapping[str, Any]] | None = None,
) -> Response:
    """`envelope`: the collection's own fields beside the page's, read (before the page) for
    JSON alone."""
    export = negotiate(format_, request.headers.get("accept", ""))
    if export is ExportFormat.JSON:
        own_fields = envelope() if envelope else None
        rows, total = collection.read_page()
        items = [pick(collection.item(row), fields) for row in rows]
        response = page_response(request, items=items, total=total, page=page, envelope=own_fields)
        response.headers["Vary"] = "Accept"
        return response
    # One ETag per representation: the same URL answers CSV or NDJSON by Accept.
    etag = weak_etag(f"{dataset_version(session)}|{export}|{request.url}".encode())
    session.close()  # its connection goes back to the pool before the export reads
    headers = {"ETag": etag, "Vary": "Accept"}
    if etag_matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    slots: ExportSlots = request.app.state.export_slots
    with slots.slot():
        exported = (pick(collection.item(row), fields) for row in collection.stream_rows())
        spool = (
            spool_csv(map(_flat, exported), fields or list(collection.columns))
            if export is ExportFormat.CSV
            else spool_ndjson(exported)
        )
    return StreamingResponse(chunks(spool), media_type=export.media_type, headers=headers)
