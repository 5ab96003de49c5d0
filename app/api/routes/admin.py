"""POST /admin/reports and DELETE /admin/markets/{slug}, behind the ADMIN_TOKEN bearer."""

import hmac
from collections.abc import AsyncGenerator, AsyncIterator
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from app.api.deps import ReportWriterDep
from app.api.params import MarketSlugPath
from app.core.problems import ApiError, InvalidParameter, NotFound, problem_responses
from app.reports import LoadStatus, ReportConflict, ReportParseError
from app.schemas import UploadResult, UploadStatus

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="AdminToken",
    description="`Authorization: Bearer <ADMIN_TOKEN>`, the token the server was started with.",
)
_RAW_REPORT_TYPES = {"text/html", "text/plain", "application/octet-stream"}


class AdminDisabled(ApiError):
    status, title, slug = 404, "Admin routes disabled", "admin-disabled"


class MissingToken(ApiError):
    status, title, slug = 401, "Authentication required", "unauthorized"


class WrongToken(ApiError):
    status, title, slug = 403, "Forbidden", "forbidden"


class PayloadTooLarge(ApiError):
    status, title, slug = 413, "Payload too large", "payload-too-large"


def _too_large(limit_bytes: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"the body is over MAX_UPLOAD_BYTES ({limit_bytes} bytes)")


class UnsupportedMediaType(ApiError):
    status, title, slug = 415, "Unsupported media type", "unsupported-media-type"


class SlugConflict(ApiError):
    status, title, slug = 409, "Conflict", "slug-conflict"


class NotAReport(InvalidParameter):
    def __init__(self, reason: str) -> None:
        super().__init__("body", f"not a market report: {reason}")
        self.errors[0].location = "body"


def require_admin(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> None:
    # No credentials is 401 whether or not the routes are enabled: authenticate first.
    if credentials is None:
        raise MissingToken(
            "send Authorization: Bearer <ADMIN_TOKEN>",
            headers={"WWW-Authenticate": 'Bearer realm="admin"'},
        )
    expected = request.app.state.settings.admin_token
    if expected is None:
        raise AdminDisabled("the admin routes are disabled: ADMIN_TOKEN is not set on this server")
    given = credentials.credentials.encode()
    if not hmac.compare_digest(given, expected.get_secret_value().encode()):
        raise WrongToken("the bearer token is not this server's ADMIN_TOKEN")


router = APIRouter(
    prefix="/admin",
    tags=["admin"],
    dependencies=[Depends(require_admin)],
    responses=problem_responses(AdminDisabled, MissingToken, WrongToken),
)

_UPLOAD_BODY = {
    "required": True,
    "content": {
        "text/html": {
            "schema": {"type": "string", "description": "The report page itself."},
            "example": "<h1>Iclusig Market</h1><p>Iclusig Market size was valued at …</p>",
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "The report file (.html or .txt).",
                    }
                },
            }
        },
    },
}


async def _capped(stream: AsyncIterator[bytes], limit_bytes: int) -> AsyncGenerator[bytes]:
    """The body as it arrives, refused once it passes the limit, whatever Content-Length said."""
    received = 0
    async for chunk in stream:
        received += len(chunk)
        if received > limit_bytes:
            raise _too_large(limit_bytes)
        yield chunk


class MissingFilePart(InvalidParameter):
    def __init__(self, message: str) -> None:
        super().__init__("file", message)
        self.errors[0].location = "body"


def _file_name(given: str | None) -> str:
    """The name a report is recorded under: the client's file name without any directory
    (a path is never trusted), else `upload.html`."""
    name = PurePath((given or "").replace("\\", "/")).name.strip()
    return name if name not in ("", ".", "..") else "upload.html"


async def _read_report(
    request: Request, limit_bytes: int, filename: str | None
) -> tuple[bytes, str]:
    """(report bytes, file name) from a raw HTML body or a multipart `file` part."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit_bytes:
        raise _too_large(limit_bytes)
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    body = _capped(request.stream(), limit_bytes)
    if media_type in _RAW_REPORT_TYPES:
        return b"".join([chunk async for chunk in body]), _file_name(filename)
    if media_type != "multipart/form-data":
        raise UnsupportedMediaType(
            "send the report as text/html (or text/plain) or as a multipart/form-data `file`"
        )
    parser = MultiPartParser(
        request.headers, body, max_files=1, max_fields=10, max_part_size=limit_bytes
    )
    try:
        form = await parser.parse()
    except MultiPartException as error:
        raise MissingFilePart(f"malformed multipart body: {error.message}") from error
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise MissingFilePart("the multipart body needs a `file` part")
    data = await upload.read()
    await form.close()
    return data, _file_name(filename or upload.filename)


@router.post(
    "/reports",
    status_code=201,
    response_model=UploadResult,
    summary="Load one report (HTML body or multipart file)",
    description="The same parser and loader as `python -m ingest`. 201 with `Location` when "
    "the market is new, 200 `updated` when it replaced an existing one, 200 `unchanged` when "
    "the same bytes are already loaded (nothing written, no new dataset version), 200 with "
    "nothing written for `dry_run=true`. The source is recorded under `filename`, else the "
    "multipart part's file name (without any directory), else `upload.html`. Bodies over "
    "`MAX_UPLOAD_BYTES` are refused with 413 as they stream.",
    openapi_extra={"requestBody": _UPLOAD_BODY},
    responses={
        200: {"description": "Updated, unchanged, or parsed only (dry run)", "model": UploadResult},
        **problem_responses(PayloadTooLarge, UnsupportedMediaType, SlugConflict),
    },
)
async def upload_report(
    request: Request,
    response: Response,
    writer: ReportWriterDep,
    dry_run: Annotated[
        bool, Query(description="Parse and return the result; write nothing.", examples=[False])
    ] = False,
    filename: Annotated[
        str | None,
        Query(
            max_length=255,
            description="The file name to record as the report's source.",
            examples=["iclusig-market.html"],
        ),
    ] = None,
) -> UploadResult:
    limit_bytes = request.app.state.settings.max_upload_bytes
    data, file_name = await _read_report(request, limit_bytes, filename)
    try:
        async with request.app.state.upload_turn:
            outcome = await run_in_threadpool(
                writer.upload, data, file_name=file_name, dry_run=dry_run
            )
    except ReportParseError as error:
        raise NotAReport(str(error)) from error
    except ReportConflict as error:
        raise SlugConflict(str(error)) from error
    report = outcome.report.public()
    url = None if outcome.status is None else str(request.url_for("get_market", slug=report.slug))
    if outcome.status is LoadStatus.CREATED:
        response.headers["Location"] = str(url)
    else:
        response.status_code = 200
    return UploadResult(
        status=UploadStatus(outcome.status or UploadStatus.DRY_RUN),
        slug=report.slug,
        url=url,
        warnings=report.quality.warnings,
        report=report,
    )


@router.delete(
    "/markets/{slug}",
    status_code=204,
    response_class=Response,
    summary="Remove one market, its children, and companies only it listed",
    responses=problem_responses(NotFound),
)
def remove_market(slug: MarketSlugPath, writer: ReportWriterDep) -> Response:
    if not writer.delete(slug):
        raise NotFound(f"no market with slug {slug!r}")
    return Response(status_code=204)
