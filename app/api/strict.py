"""Query strings are checked before any route reads them: a parameter the route does not
declare is a 422 naming it (a typo such as `min_cagr_typo=10` never silently returns
everything), so is one given twice (which value would count?), and NUL is refused in every
value (PostgreSQL text cannot hold it). The explorer's pages, for people, ignore parameters
they do not read: a link's `utm_source` is no error there."""

from collections.abc import Iterator
from difflib import get_close_matches

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.core.problems import FieldError, InvalidParameters

EXPLORER_PREFIX = "/explore"  # the explorer's pages (app/explorer/routes.py)
MAX_REPORTED_ERRORS = 10


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
    for_people = route.path.startswith(EXPLORER_PREFIX)
    errors = []
    for name in dict.fromkeys(request.query_params):
        values = request.query_params.getlist(name)
        message = None
        if name not in accepted:
            message = None if for_people else _unknown(name, accepted)
        elif any("\x00" in value for value in values):
            message = "must not contain a NUL character"
        elif len(values) > 1 and not for_people:
            message = "given more than once; give it once (lists are comma-separated)"
        if message:
            errors.append(FieldError(name=name, location="query", message=message))
    if len(errors) > MAX_REPORTED_ERRORS:  # a thousand bad names get a short answer
        more = len(errors) - MAX_REPORTED_ERRORS
        errors = errors[:MAX_REPORTED_ERRORS]
        errors[-1] = errors[-1].model_copy(
            update={"message": f"{errors[-1].message} (and {more} more parameters like these)"}
        )
    if errors:
        raise InvalidParameters(errors)


def _unknown(name: str, accepted: tuple[str, ...]) -> str:
    if not accepted:
        return "unknown parameter; this endpoint takes no query parameters"
    close = get_close_matches(name, accepted, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown parameter; {hint}accepted: {', '.join(accepted)}"
