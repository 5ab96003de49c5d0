"""Query strings are checked before any route reads them: a parameter the route does not
declare is a 422 naming it (a typo such as `min_cagr_typo=10` never silently returns
everything), and NUL is refused in every value (PostgreSQL text cannot hold it)."""

from collections.abc import Iterator
from difflib import get_close_matches

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.core.problems import FieldError, InvalidParameters


def _accepted(route: APIRoute) -> tuple[str, ...]:
    """The query parameters `route` declares, its dependencies' included, in their order
    (a walk over a few dozen nodes, cheaper than caching keyed by an unhashable route)."""

    def walk(dependant: Dependant) -> Iterator[str]:
        for dependency in dependant.dependencies:
            yield from walk(dependency)
        yield from (param.alias for param in dependant.query_params)

    return tuple(dict.fromkeys(walk(route.dependant)))


async def check_query_string(request: Request) -> None:
    """An app-wide dependency; it runs before the route's own parameters are validated, and
    on the event loop (async, doing no I/O) rather than costing a hop to a thread."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    accepted = _accepted(route)
    errors = []
    for name in dict.fromkeys(request.query_params):
        if name not in accepted:
            errors.append(FieldError(name=name, location="query", message=_unknown(name, accepted)))
        elif any("\x00" in value for value in request.query_params.getlist(name)):
            errors.append(
                FieldError(name=name, location="query", message="must not contain a NUL character")
            )
    if errors:
        raise InvalidParameters(errors)


def _unknown(name: str, accepted: tuple[str, ...]) -> str:
    if not accepted:
        return "unknown parameter; this endpoint takes no query parameters"
    close = get_close_matches(name, accepted, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown parameter; {hint}accepted: {', '.join(accepted)}"
