"""Title, market name, region and slug of a report."""

import functools
import re
from dataclasses import dataclass

import pycountry
from slugify import slugify

_TRAILING_AFTER_MARKET = re.compile(r"(\bMarket\b).*$", re.IGNORECASE)
_TRAILING_DECORATION = re.compile(
    r"\s+(?:insights?|report|size(?:,)?(?:\s+and\s+|\s*&\s*)?(?:share|forecast)?.*)$", re.I
)
_MARKET_SUFFIX = re.compile(r"\s+market$", re.IGNORECASE)
_HEADLINE_SUBJECT = re.compile(r"^(?:the\s+)?(?P<subject>.+?)\s+market\b", re.IGNORECASE)
_WORLD_REGIONS = (
    "Global",
    "Worldwide",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Europe",
    "Western Europe",
    "Eastern Europe",
    "Asia Pacific",
    "Asia-Pacific",
    "APAC",
    "Asia",
    "Middle East and Africa",
    "Middle East & Africa",
    "Middle East",
    "Africa",
    "GCC",
    "US",
    "U.S.",
    "USA",
    "UK",
    "South Korea",
    "Russia",
)
_MAX_REGION_WORDS = 5


@dataclass(frozen=True)
class MarketTitle:
    title: str
    name: str
    region: str | None
    slug: str


@functools.cache
def _region_names() -> dict[str, str]:
    """Lowercased region name → display form, from pycountry plus world regions."""
    names = {region.lower(): region for region in _WORLD_REGIONS}
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(value.lower(), value)
    return names


def _split_region_prefix(base: str) -> tuple[str | None, str]:
    words = base.split()
    for length in range(min(_MAX_REGION_WORDS, len(words) - 1), 0, -1):
        prefix = " ".join(words[:length])
        if prefix.lower() in _region_names():
            return prefix, " ".join(words[length:])
    return None, base


def parse_title(heading: str, *, headline: str | None) -> MarketTitle:
    """'United States Iclusig Market Insights' → title, name 'Iclusig', region 'United States'.

    The headline usually names the market without its region ('Iclusig Market size was...'),
    which separates the two; otherwise a known country or world-region prefix does.
    """
    if re.search(r"\bmarket\b", heading, re.IGNORECASE):
        title = _TRAILING_AFTER_MARKET.sub(r"\1", heading).strip()
    else:
        title = _TRAILING_DECORATION.sub("", heading).strip() or heading
    base = _MARKET_SUFFIX.sub("", title).strip() or title
    region: str | None = None
    name = base
    subject = _HEADLINE_SUBJECT.match(headline or "")
    if subject and base.lower().endswith(subject["subject"].lower()):
        candidate_name = base[len(base) - len(subject["subject"]) :]
        candidate_region = base[: len(base) - len(candidate_name)].strip()
        if candidate_region:
            region, name = candidate_region, candidate_name
    if region is None:
        region, name = _split_region_prefix(base)
    return MarketTitle(title=title, name=name, region=region, slug=slugify(base))
