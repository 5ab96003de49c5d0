"""Which representation a collection answers in: `format=` first, else the `Accept` header
negotiated with its q-values (Werkzeug's parser), else JSON."""

from enum import StrEnum
from typing import Annotated, Any

from fastapi import Query
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    NDJSON = "ndjson"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]


_MEDIA_TYPES = {
    ExportFormat.JSON: "application/json",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.NDJSON: "application/x-ndjson",
}
# Offered in this order, so a tie (`*/*`, or no Accept at all) goes to JSON.
_OFFERED = {media.split(";")[0]: export for export, media in _MEDIA_TYPES.items()}

FormatParam = Annotated[
    ExportFormat | None,
    Query(
        description="json (default), csv or ndjson; overrides the Accept header. CSV and "
        "NDJSON stream every matching row (`limit` and `offset` then do not apply).",
        examples=["json"],
    ),
]

# For a route's `responses=`: the streamed representations in the OpenAPI document.
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            media.split(";")[0]: {"schema": {"type": "string"}}
            for export, media in _MEDIA_TYPES.items()
            if export is not ExportFormat.JSON
        }
    }
}


def negotiate(format_: ExportFormat | None, accept: str) -> ExportFormat:
    """`format_` when given; otherwise the best of JSON, CSV, NDJSON by the Accept header's
    q-values. An Accept none of them satisfies still gets JSON: a browser or a client
    sending `text/html` is better served than refused with 406."""
    if format_ is not None:
        return format_
    best = parse_accept_header(accept, MIMEAccept).best_match(_OFFERED)
    return _OFFERED[best] if best else ExportFormat.JSON
