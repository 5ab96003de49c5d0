"""How the explorer writes values for people: amounts, percents, dates, safe links."""

from datetime import date, datetime
from urllib.parse import urlsplit

from app.charts import MISSING, short_amount

__all__ = ["MISSING", "short_amount"]


def money(amount: float | None, currency: str | None = "USD") -> str:
    """'USD 3.5 B'; the amount alone when the currency is unknown."""
    if amount is None:
        return MISSING
    return f"{currency} {short_amount(amount)}" if currency else short_amount(amount)


def percent(value: float | None) -> str:
    return MISSING if value is None else f"{value:g}%"


def day(value: date | datetime | None) -> str:
    """A date, or a timestamp to the minute in UTC, as ISO 8601 reads."""
    if value is None:
        return MISSING
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


def web_link(url: str | None) -> str | None:
    """`url` when it is an http(s) address; None otherwise. Report text is untrusted: an
    escaped `javascript:` URL still runs when clicked, so only web addresses become links."""
    if not url:
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None
