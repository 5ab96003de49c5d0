"""What a collection request asks for, as plain types: filters, a page, a sort order and a
field selection. Routes build them from query parameters (app/api/params.py), repositories
read them; neither depends on the other for these."""

from dataclasses import dataclass
from datetime import datetime

from app.core.problems import InvalidParameter
from app.models import SegmentDimension


@dataclass(frozen=True)
class Pagination:
    limit: int
    offset: int


@dataclass(frozen=True)
class SortKey:
    field: str
    descending: bool


def _items(name: str, raw: str) -> list[str]:
    """A comma list's items; spaces around them are not part of them ("slug, name"), and an
    item listed twice is a mistake worth saying (the OpenAPI document lists them unique)."""
    items = [part.strip(" ") for part in raw.split(",")]
    repeated = sorted({item for item in items if items.count(item) > 1})
    if repeated:
        raise InvalidParameter(name, f"listed more than once: {', '.join(map(repr, repeated))}")
    return items


@dataclass(frozen=True)
class SortOrder:
    """The fields one resource sorts by, declared once: it parses and documents `sort`."""

    fields: tuple[str, ...]
    default: str  # the order when `sort` is not given, in the same syntax
    # The order of a text search (`q`) when `sort` is not given, if not `default`: the one the
    # full-text index lists its matches in, so that a page reads its own rows alone.
    searched: str | None = None

    @property
    def description(self) -> str:
        searched = f" With `q`: {self.searched}." if self.searched else ""
        return (
            f"Comma list of {', '.join(self.fields)}; prefix `-` for descending. "
            f"Default: {self.default}.{searched} Ties are broken by slug."
        )

    @property
    def values(self) -> tuple[str, ...]:
        """Every value one item of `sort` can take."""
        return tuple(value for field in self.fields for value in (field, f"-{field}"))

    def parse(self, raw: str | None) -> list[SortKey]:
        keys = []
        for part in _items("sort", self.default if raw is None else raw):
            field = part.removeprefix("-")
            if field not in self.fields:
                raise InvalidParameter(
                    "sort", f"cannot sort by {field!r}; use {', '.join(self.fields)}"
                )
            keys.append(SortKey(field, descending=part.startswith("-")))
        return keys


def parse_fields(
    raw: str | None, *, allowed: tuple[str, ...], name: str = "fields"
) -> list[str] | None:
    """`fields=slug, name` → ["slug", "name"]; None (every field) when not given. `name` is
    the parameter's, for the error."""
    if raw is None:
        return None
    fields = _items(name, raw)
    unknown = [repr(field) for field in fields if field not in allowed]
    if unknown:
        raise InvalidParameter(
            name, f"unknown value(s) {', '.join(unknown)}; choose from {', '.join(allowed)}"
        )
    return fields


@dataclass(frozen=True)
class MarketFilters:
    q: str | None = None
    min_cagr: float | None = None
    max_cagr: float | None = None
    min_size_usd: int | None = None
    max_size_usd: int | None = None
    min_forecast_usd: int | None = None
    max_forecast_usd: int | None = None
    region: str | None = None
    company: str | None = None
    segment: str | None = None
    dimension: SegmentDimension | None = None
    publisher: str | None = None
    updated_since: datetime | None = None
