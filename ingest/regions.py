"""Region and country names: the region a title names, and clauses about another region."""

import functools
import re

import pycountry

WORLD_REGIONS = (
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
    "LAMEA",  # Latin America, the Middle East and Africa, as Allied Market Research groups them
    "US",
    "U.S.",
    "USA",
    "UK",
    "U.K.",
    "South Korea",
    "Korea",
    "Russia",
    # 2.4.16: "the UAE telehealth market", "the ASEAN medical devices market"
    "UAE",
    "U.A.E.",
    "KSA",
    "MENA",
    "EMEA",
    "ASEAN",
    "Southeast Asia",
    "South Asia",
    "Sub-Saharan Africa",
    "Oceania",
    "U S",  # 2.4.32: a title as a URL writes it ("U S Home Care Market")
    "BRIC",
    "BRICS",
)
_WHOLE_WORLD = frozenset({"global", "worldwide", "world"})
# The region a title's leading adjective names ("European Glass Packaging Market"); only
# adjectives that rarely begin a product's own name ("American ginseng", "African swine fever").
REGION_OF_ADJECTIVE = {
    "european": "Europe",
    "chinese": "China",
    "japanese": "Japan",
    "indian": "India",
    "german": "Germany",
    "british": "United Kingdom",
    "french": "France",
    "italian": "Italy",
    "spanish": "Spain",
    "canadian": "Canada",
    "korean": "South Korea",
    "brazilian": "Brazil",
    "australian": "Australia",
    "mexican": "Mexico",
    "vietnamese": "Vietnam",
    "indonesian": "Indonesia",
    "malaysian": "Malaysia",
    "singaporean": "Singapore",
    "philippine": "Philippines",
    "taiwanese": "Taiwan",
    "saudi": "Saudi Arabia",
    "saudi arabian": "Saudi Arabia",  # before "saudi": not "Arabian Surgical Sutures" (2.4.14)
    "emirati": "United Arab Emirates",
    "egyptian": "Egypt",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "pakistani": "Pakistan",
    "bangladeshi": "Bangladesh",
    "israeli": "Israel",
    "argentine": "Argentina",
    "chilean": "Chile",
    "colombian": "Colombia",
    "polish": "Poland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "finnish": "Finland",
    "austrian": "Austria",
    "belgian": "Belgium",
    "irish": "Ireland",
    "portuguese": "Portugal",
    # 2.4.15 ("The Ghanaian generics market"); not those that begin products' names (Greek
    # yogurt, Swiss cheese, Turkish delight, Dutch oven, Thai food, Burmese cats)
    "ghanaian": "Ghana",
    "ethiopian": "Ethiopia",
    "moroccan": "Morocco",
    "algerian": "Algeria",
    "tunisian": "Tunisia",
    "ugandan": "Uganda",
    "tanzanian": "Tanzania",
    "rwandan": "Rwanda",
    "south african": "South Africa",
    "peruvian": "Peru",
    "venezuelan": "Venezuela",
    "ecuadorian": "Ecuador",
    "uruguayan": "Uruguay",
    "paraguayan": "Paraguay",
    "bolivian": "Bolivia",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "jordanian": "Jordan",
    "lebanese": "Lebanon",
    "kuwaiti": "Kuwait",
    "qatari": "Qatar",
    "omani": "Oman",
    "bahraini": "Bahrain",
    "nepalese": "Nepal",
    "sri lankan": "Sri Lanka",
    "cambodian": "Cambodia",
    "kazakh": "Kazakhstan",
    "ukrainian": "Ukraine",
    "romanian": "Romania",
    "hungarian": "Hungary",
    "bulgarian": "Bulgaria",
    "serbian": "Serbia",
    "croatian": "Croatia",
    "slovenian": "Slovenia",
    "slovak": "Slovakia",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "icelandic": "Iceland",
    "filipino": "Philippines",
    # 2.4.30: a world region's adjective ("The North American nuclear pharmacy market"), before
    # the single word that also names the Americas ("American")
    "north american": "North America",
    "south american": "South America",
    "latin american": "Latin America",
    "central american": "Central America",
    "western european": "Western Europe",
    "eastern european": "Eastern Europe",
    "southeast asian": "Southeast Asia",
    "south asian": "South Asia",
    "middle eastern": "Middle East",
    "sub-saharan african": "Sub-Saharan Africa",
}
# Adjectives that name a region in a sentence as surely as its name does ("the European
# market"): a title's, and those that begin too many products' names to name a title's region.
_REGION_ADJECTIVES = (*REGION_OF_ADJECTIVE, "american", "asian", "african")
# Names that are one region under several spellings (adjectives map through
# REGION_OF_ADJECTIVE first; "American" is none of its: it also names the Americas).
_SAME_REGION = (
    frozenset({"united states", "us", "u.s.", "u s", "usa", "america", "american"}),
    frozenset({"united kingdom", "uk", "u.k.", "britain", "great britain"}),
    frozenset({"south korea", "korea", "korea, republic of"}),
    frozenset({"united arab emirates", "uae", "u.a.e."}),
    frozenset({"saudi arabia", "ksa"}),
    frozenset({"asia pacific", "asia-pacific", "apac"}),
)
# The spelling a market's region is stored under, one per group of `_SAME_REGION`, so that
# `?region=United Kingdom` also finds a page that wrote "UK" (2.4.31).
_STORED_SPELLING = {
    name: stored
    for stored, names in zip(
        ("United States", "United Kingdom", "South Korea", "United Arab Emirates", "Saudi Arabia",
         "Asia Pacific"),
        _SAME_REGION,
        strict=True,
    )
    for name in names
}  # fmt: skip
_UPPERCASE_ONLY = (
    "US", "U.S.", "USA", "UK", "U.K.", "GCC", "APAC", "EU", "MEA", "LATAM", "LAMEA", "UAE",
    "KSA", "MENA", "EMEA",
)  # fmt: skip


@functools.cache
def region_names() -> dict[str, str]:
    """Lowercased region name → display form, from pycountry plus world regions."""
    names = {region.lower(): region for region in WORLD_REGIONS}
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(value.lower(), value)
    return names


@functools.cache
def _region_mention() -> re.Pattern[str]:
    words = [name for name in region_names() if name not in _WHOLE_WORLD and len(name) > 3]
    words += _REGION_ADJECTIVES
    long_names = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    short_names = "|".join(re.escape(w) for w in _UPPERCASE_ONLY)
    # Names are written capitalised: the lookahead spares the long alternation every other
    # position. "US$" and "U.S. dollars" are currencies, not regions.
    return re.compile(
        rf"(?<![\w.])(?=[A-Z])(?:(?i:{long_names})|{short_names})(?![\w$])"
        rf"(?!\s*(?i:dollars?|\$)|\s?\d)"
    )


# Words that put a clause back on the whole market ("… while the global market …").
WHOLE_WORLD_WORD = re.compile(r"\b(?:global|worldwide|overall)\b", re.IGNORECASE)
# The world market, not a name that starts with the word ("according to Global Data") nor
# the whole a country's share is of ("3% of the global market").
_WORLD_MARKET = re.compile(
    r"(?<!\bof\sthe\s)\b(?:[Gg]lobal|[Ww]orldwide)\b(?!\s+[A-Z])|\bacross\s+the\s+globe\b"
)


def _same_region(mention: str, own_region: str) -> bool:
    """'Canadian' names Canada, 'U.K.' the United Kingdom: one region however it is written."""
    # "Middle East & Africa" is "Middle East and Africa" (2.4.27)
    mention, own = mention.lower().replace("&", "and"), own_region.lower().replace("&", "and")
    mention = REGION_OF_ADJECTIVE.get(mention, mention).lower()
    own = REGION_OF_ADJECTIVE.get(own, own).lower()
    if mention == own:
        return True
    if " and " in own:  # "North America and Europe": either of them (2.4.14)
        return any(_same_region(mention, part) for part in own.split(" and "))
    stored = _STORED_SPELLING.get(mention)
    return stored is not None and stored == _STORED_SPELLING.get(own)


def names_regions(place: str) -> bool:
    """'United States', 'Trinidad and Tobago', 'Australia and New Zealand': one region, or two
    joined by "and"."""
    names = region_names()
    return place.lower() in names or all(part.lower() in names for part in place.split(" and "))


def stored_region(region: str) -> str:
    """'UK' → 'United Kingdom', 'U.S.' → 'United States'; any other region as written (two
    joined by "and" each so: 'KSA and UAE' → 'Saudi Arabia and United Arab Emirates')."""
    if " and " in region and region.lower() not in region_names():
        return " and ".join(map(stored_region, region.split(" and ")))
    return _STORED_SPELLING.get(region.lower(), region)


def one_region(region: str | None) -> str | None:
    """The region a market is of; None for the whole world ("Global", "Worldwide")."""
    return region if region and region.lower() not in _WHOLE_WORLD else None


def regions_named(clause: str) -> set[str]:
    """The regions a clause names, each as a region is written ('Indian' → 'India'); an
    adjective of several regions ('American') names none."""
    named: set[str] = set()
    for mention in _region_mention().finditer(clause):
        lowered = mention[0].lower()
        region = REGION_OF_ADJECTIVE.get(lowered) or region_names().get(lowered)
        if region or mention[0] in _UPPERCASE_ONLY:
            named.add(region or mention[0])
    return named


def mentions_other_region(clause: str, own_region: str | None) -> bool:
    """Whether a clause is about a region other than the market's own ('The U.S. market was
    …' in a global report); a mention after 'global' ('the global market, led by Europe')
    still describes the whole."""
    own = one_region(own_region)
    if own is not None and _WORLD_MARKET.search(clause):
        return True  # "Worldwide, demand is forecast to reach …" on a country's page
    for mention in _region_mention().finditer(clause):
        if own is not None and _same_region(mention[0], own):
            continue
        whole = WHOLE_WORLD_WORD.search(clause, 0, mention.start())
        return whole is None
    return False
