"""The explorer's query string. A form sends every field, filled or not: blank ones are
absent. The rest is checked by the very functions GET /markets uses (app/api/params.py),
each error kept beside the field it belongs to instead of ending the page."""

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any

from fastapi import Query
from pydantic import TypeAdapter, ValidationError

from app.api.params import market_filters, pagination, parse_usd_amount, sort_parameter
from app.core.problems import InvalidParameter
from app.core.query import MarketFilters, Pagination, SortKey
from app.repositories.markets import MARKET_SORT

market_sort = sort_parameter(MARKET_SORT)
USD_FIELDS = ("min_size", "max_size", "min_forecast", "max_forecast")
Given = dict[str, str]  # the query's non-blank parameters, as written (trimmed)


def parameter_names(*functions: Callable[..., Any]) -> tuple[str, ...]:
    return tuple(name for f in functions for name in inspect.signature(f).parameters)


LIST_PARAMETERS = parameter_names(market_filters, pagination, market_sort)
PAGE_PARAMETERS = parameter_names(pagination, market_sort)


def given_parameters(*names: str) -> Callable[..., Given]:
    """A dependency declaring `names` as optional text parameters (so app/api/strict.py
    accepts exactly them) and answering the non-blank ones."""

    def given(**values: str | None) -> Given:
        return {name: value.strip() for name, value in values.items() if value and value.strip()}

    # Any text: read_list_query judges it, not FastAPI, so that an error shows on the form.
    text = Annotated[str | None, Query()]
    given.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=text)
            for n in names
        ]
    )
    return given


@dataclass
class ListQuery:
    """A market list request: what to show, or why it cannot be shown (`errors` by field)."""

    given: Given
    filters: MarketFilters = field(default_factory=MarketFilters)
    page: Pagination = field(default_factory=lambda: pagination())
    sort: list[SortKey] = field(default_factory=lambda: market_sort(None))
    errors: dict[str, str] = field(default_factory=dict)


@cache
def _adapters(function: Callable[..., Any]) -> dict[str, TypeAdapter[Any]]:
    """Validators built from each parameter's own annotation: its type, bounds and length."""
    return {
        name: TypeAdapter(parameter.annotation)
        for name, parameter in inspect.signature(function).parameters.items()
    }


def _arguments(
    function: Callable[..., Any], given: Given, errors: dict[str, str]
) -> dict[str, Any]:
    """The given parameters of `function`, validated; each failure goes to `errors`."""
    arguments = {}
    for name, adapter in _adapters(function).items():
        if name in given:
            try:
                arguments[name] = adapter.validate_python(given[name])
            except ValidationError as error:
                errors[name] = str(error.errors()[0]["msg"])
    return arguments


def _record(error: InvalidParameter, errors: dict[str, str]) -> None:
    for item in error.errors:
        errors.setdefault(item.name, item.message)


def read_list_query(given: Given) -> ListQuery:
    """The request read as GET /markets reads it; every bad field is reported, not the first."""
    errors: dict[str, str] = {}
    filter_arguments = _arguments(market_filters, given, errors)
    page_arguments = _arguments(pagination, given, errors)
    sort_arguments = _arguments(market_sort, given, errors)
    for name in USD_FIELDS:
        if name in given and name not in errors:
            try:
                parse_usd_amount(name, given[name])
            except InvalidParameter as error:
                _record(error, errors)
    query = ListQuery(given=given, errors=errors)
    try:
        query.sort = market_sort(sort_arguments.get("sort"))
    except InvalidParameter as error:
        _record(error, errors)
    if not errors:
        query.filters = market_filters(**filter_arguments)
        query.page = pagination(**page_arguments)
    return query
