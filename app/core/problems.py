"""Errors as RFC 9457 problem details (`application/problem+json`), rendered in one place."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("app.errors")
PROBLEM_MEDIA_TYPE = "application/problem+json"
DATABASE_RETRY_AFTER_SECONDS = 5


class FieldError(BaseModel):
    name: str = Field(description="The parameter or body field at fault.", examples=["min_cagr"])
    location: str = Field(description="Where it was: query, path, body.", examples=["query"])
    message: str = Field(
        description="What is wrong with it.", examples=["Input should be a valid number"]
    )


class Problem(BaseModel):
    type: str = Field(
        description="URI naming the kind of problem.",
        examples=["https://oncology-market-api.dev/problems/validation-error"],
    )
    title: str = Field(
        description="Short summary of the kind.", examples=["Invalid request parameters"]
    )
    status: int = Field(description="HTTP status code.", examples=[422])
    detail: str = Field(
        description="What went wrong this time.",
        examples=["min_cagr: Input should be a valid number"],
    )
    instance: str | None = Field(
        default=None, description="The path that was requested.", examples=["/markets"]
    )
    errors: list[FieldError] | None = Field(
        default=None, description="Each invalid parameter (422 only)."
    )


class ApiError(Exception):
    """An expected error with its HTTP status; subclasses appear in OpenAPI via `responses=`."""

    status = 400
    title = "Bad request"
    slug = "bad-request"

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}


class NotFound(ApiError):
    status, title, slug = 404, "Not found", "not-found"


class InvalidParameter(ApiError):
    """A parameter that passed type validation but makes no sense (unknown sort field…)."""

    status, title, slug = 422, "Invalid request parameters", "validation-error"

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.errors = [FieldError(name=name, location="query", message=message)]


class InvalidParameters(InvalidParameter):
    """Several invalid parameters reported at once."""

    def __init__(self, errors: list[FieldError]) -> None:
        ApiError.__init__(self, "; ".join(f"{e.name}: {e.message}" for e in errors))
        self.errors = errors


class DatabaseUnavailable(ApiError):
    status, title, slug = 503, "Database unavailable", "database-unavailable"


def problem_type(slug: str) -> str:
    return f"https://oncology-market-api.dev/problems/{slug}"


def problem_body(
    *,
    status: int,
    title: str,
    slug: str,
    detail: str,
    instance: str | None = None,
    errors: list[FieldError] | None = None,
) -> dict[str, Any]:
    """A Problem as JSON, also for answers written outside a route (CORS, the protocol)."""
    problem = Problem(
        type=problem_type(slug),
        title=title,
        status=status,
        detail=detail,
        instance=instance,
        errors=errors,
    )
    return problem.model_dump(exclude_none=True)


def problem_response(
    request: Request,
    *,
    status: int,
    title: str,
    slug: str,
    detail: str,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = problem_body(
        status=status,
        title=title,
        slug=slug,
        detail=detail,
        instance=request.url.path,
        errors=errors,
    )
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def problem_responses(*errors: type[ApiError]) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each error status documented with the Problem schema."""
    responses: dict[int | str, dict[str, Any]] = {
        422: {
            "model": Problem,
            "description": "Invalid parameters",
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
    }
    for error in errors:
        responses[error.status] = {
            "model": Problem,
            "description": error.title,
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
    return responses


def _field_name(location: tuple[Any, ...]) -> tuple[str, str]:
    where = str(location[0]) if location else "request"
    name = ".".join(str(part) for part in location[1:]) or where
    return name, where


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> JSONResponse:
        return problem_response(
            request,
            status=error.status,
            title=error.title,
            slug=error.slug,
            detail=error.detail,
            errors=getattr(error, "errors", None),
            headers=error.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
        errors = []
        for item in error.errors():
            name, where = _field_name(tuple(item.get("loc", ())))
            errors.append(FieldError(name=name, location=where, message=str(item.get("msg"))))
        detail = "; ".join(f"{e.name}: {e.message}" for e in errors)
        return problem_response(
            request,
            status=422,
            title="Invalid request parameters",
            slug="validation-error",
            detail=detail,
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        titles = {404: "Not found", 405: "Method not allowed"}
        headers = dict(getattr(error, "headers", None) or {})
        allowed = headers.get("Allow", "").split(", ")
        if "GET" in allowed and "HEAD" not in allowed:  # HEAD is answered wherever GET is
            headers["Allow"] = ", ".join([*allowed, "HEAD"])
        return problem_response(
            request,
            status=error.status_code,
            title=titles.get(error.status_code, "HTTP error"),
            slug={404: "not-found", 405: "method-not-allowed"}.get(error.status_code, "http-error"),
            detail=str(error.detail),
            headers=headers or None,
        )

    @app.exception_handler(OperationalError)
    @app.exception_handler(DBAPIError)
    async def _database(request: Request, error: Exception) -> JSONResponse:
        logger.warning("database unavailable: %s", type(error).__name__)
        return problem_response(
            request,
            status=503,
            title=DatabaseUnavailable.title,
            slug=DatabaseUnavailable.slug,
            detail="The database is not reachable; retry shortly.",
            headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s", request.url.path)
        return problem_response(
            request,
            status=500,
            title="Internal server error",
            slug="internal-error",
            detail="An unexpected error occurred; it has been logged.",
        )
