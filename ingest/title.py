"""Title, market name, region and slug of a report."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from slugify import slugify

from ingest.currency import amount_pattern
from ingest.heading_subject import heading_subject, reads_as_sentence
from ingest.headline import mentions_headline_figures, split_sentences
from ingest.publisher import PLACE_DATELINE
from ingest.regions import REGION_OF_ADJECTIVE, names_regions, region_names

_TRAILING_AFTER_MARKET = re.compile(r"(\bMarket\b).*$", re.IGNORECASE)
_TRAILING_DECORATION = re.compile(
    r"\s+(?:insights?|report|size(?:,)?(?:\s+and\s+|\s*&\s*)?(?:share|forecast)?.*)$", re.I
)
_MARKET_WORD = re.compile(r"\bmarkets?\b", re.IGNORECASE)
_MARKET_SUFFIX = re.compile(r"\s+market$", re.IGNORECASE)
_HEADLINE_SUBJECT = re.compile(r"^(?:the\s+)?(?P<subject>.+?)\s+market\b", re.IGNORECASE)
# "The global wound dressing market was valued at …", wherever a sentence says it (a press
# release's dateline comes first), else a headline that opens with its market.
# A short abbreviation in parentheses may stand inside the name: "the global lithium ion
# (Li-ion) battery market" (2.4.15; the title leaves it out).
_NAME_CHARS = r"(?:[\w&/' -]|\([\w&/' -]{1,20}\))"
_GLOBAL_SUBJECT = re.compile(
    rf"\b(?:the\s+)?(?:global|worldwide)\s+(?P<subject>[A-Za-z]{_NAME_CHARS}{{1,60}}?)\s+"
    r"market\b",
    re.IGNORECASE,
)
# When no sentence says "market": "The global pharmaceutical sector remains …", "Global demand
# for medical disposables is forecast to rise …".
_GLOBAL_SECTOR = re.compile(
    r"\b(?:the\s+)?(?:global|worldwide)\s+(?P<subject>(?:(?!\b(?:in|of)\s)[\w&/' -]){2,60}?)\s+"
    r"(?:industry|sector)\b",
    re.IGNORECASE,
)
# A figure sentence's subject "the X industry/sector" or "X's Y sector" (2.4.20: a news page
# with no heading naming any market: "… the coffee industry is set to reach $161.66 billion
# by 2030", "The value of Canada's biotechnology sector will … reach C$144 billion by 2030").
_INDUSTRY_SUBJECT = re.compile(
    r"(?:\bthe\s+|\b(?=[A-Z][\w-]*['’]s\s))(?P<subject>(?:[A-Z][\w-]*['’]s\s+)?"
    r"(?:(?!\b(?:in|of|for|and|by|with|from)\s)[\w&/' -]){2,60}?)\s+(?:industry|sector)\s+"
    r"(?=(?:is|was|will|would|could|has|had|grew|reached|stood|set|expected|projected|poised|"
    r"forecast|estimated)\b)",
    re.IGNORECASE,
)
# The verb right after a paragraph's opening subject: "The X market is …", not "The X market
# research team".
_LEAD_VERB = re.compile(
    r"(?:the\s+)?[^.;:]{1,80}?\bmarket\s+(?:is|was|has|had|will|would|could|continues|remains|"
    r"grew|reached|stood|expanded|registered|recorded|witnessed|saw)\b",
    re.IGNORECASE,
)
_WORLD_DEMAND = re.compile(
    r"\b(?:global|worldwide|world)\s+(?:demand|sales|spending)\s+(?:for|of|on)\s+"
    r"(?P<subject>[A-Za-z][\w&/' -]{1,60}?)"
    r"(?=\s+(?:is|are|was|were|will|has|have|reached|rose|grew|totall?ed)\b)",
    re.IGNORECASE,
)
_LEADING_SUBJECT = re.compile(
    rf"^(?:the\s+)?(?P<subject>[A-Za-z](?:{_NAME_CHARS}|,){{1,80}}?)\s+market\b", re.IGNORECASE
)
# "Transparency Market Research", "Coherent Market Insights": firms named after markets (2.4.24).
_FIRM_AFTER_MARKET = re.compile(r"\s+(?:research|insights|intelligence)\b", re.IGNORECASE)
# "… market in India …": the region a headline names after its market.
_PLACE_AFTER = re.compile(
    r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})"
    # "in Australia and New Zealand": two regions, the market's together (2.4.32)
    r"(?:\s+(?:and|&)\s+(?P<second>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}))?"
)
_MAX_REGION_WORDS = 5
_POSSESSIVE = re.compile(r"['’][sS]$")  # "China's", "CHINA’S"
_URL_POSSESSIVE = re.compile(r"^[A-Z][a-z]{3,}s$")  # "Indias" (2.4.32)
# "For analysis, the X market", "IQVIA estimates that the Indian X Market", "MRT estimates that
# this global market" (2.4.26: "this"): a clause before it
_CLAUSE_BEFORE_SUBJECT = re.compile(r"(?:,|\bthat)\s+(?:the|this)\s+", re.IGNORECASE)
_POSSESSIVE_START = re.compile(r"^(\S+)['’][sS]\b")  # "China's Cancer" slugs as china-cancer
_DASH_BEFORE_MARKET = re.compile(r"\s*[-–—]\s*(?=market\b)", re.IGNORECASE)
# "Health Care Industry Market Research": the industry is the market.
_TRAILING_ABBREVIATION = re.compile(r"\s*\((?=[^)]*[A-Z][^)]*[A-Z])[A-Za-z0-9&/.-]{2,10}\)$")
_INDUSTRY_BEFORE_MARKET = re.compile(r"\s+(?:industry|sector)(?=\s+market\b)", re.IGNORECASE)
# "Breast Cancer Therapeutics in Asia-Pacific Markets to 2024", "Pharmaceuticals in Vietnam",
# "Consumer Health in Japan: Forecast to 2030": a region after "in", ending the name.
_IN_REGION_MARKETS = re.compile(
    r"^(?P<name>(?:(?!\bmarkets?\b).)+?)\s+in\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}?)"
    r"(?:\s+markets?\b|(?=\s*(?:[:|(]|[–—-]\s|(?:19|20)\d{2}\b|$))"
    # 2.4.33: a report's words after the place, "Nutraceuticals In India Rising Popularity …"
    r"|(?=\s+(?:rising|growing|growth|trends?|opportunit\w*|outlook|potential|analysis|"
    r"insights|overview|forecasts?|size|share|report)\b))",
    re.IGNORECASE,
)
# "Oral Care - US - May 2013": a report's name, place and edition, as Mintel writes them (2.4.33)
_NAME_PLACE_EDITION = re.compile(
    r"^(?P<name>[^–—-]{2,60}?)\s+[-–—]\s+(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+[-–—]\s+"
    r"(?:[A-Z][a-z]+\s+)?(?:19|20)\d{2}$"
)
# "Global Market for Contrast Media to Reach $6.9 Billion", "18 Billion-Dollar Market for
# Precision Cancer Diagnostics", "In 2021, the market worth of remote patient monitoring was
# …": the market is named after "for" (or "of", "worth of", "value of"; never an amount);
# before it, only a region, "global", an amount or words that name nothing.
_MARKET_FOR = re.compile(
    # (2.4.32: up to 60 characters, "Spread of Infections Fuels 14.5 Billion-Dollar Market for X")
    r"^(?:the\s+)?(?P<before>(?:(?!\bmarket\b)[^:]){0,60}?)\s*\bmarket\s+"
    # (2.4.31: "market estimate of", never before an amount's word: "of approximately $5 …")
    # (2.4.32: "Domestic Market Trend of Medical Imaging System")
    r"(?:for|(?:worth\s+|value\s+|estimates?\s+|trends?\s+)?of"
    # 2.4.33: "Market Analysis For Dental Public Health", "Market Report on X"
    r"|(?:analysis|report|overview|study|insights|outlook)\s+(?:for|of|on))\s+(?:the\s+)?"
    r"(?!(?:US|USD|U\.S\.|approximately|about|around|nearly|over|roughly|some)\b)"
    r"(?P<name>[A-Za-z][\w&/'’ -]{1,80}?)"
    r"(?=\s+(?:to|will|is|are|was|were|has|have|had|set|expected|projected|poised|could|may|"
    r"should|might|can|would|"  # (2.4.31: "would")
    r"reaches|hits|grows|grew|developed|by|at|from|worth|stood|continues|remains|remained|"
    # "in" and a common noun goes on naming it ("… for artificial intelligence in radiology")
    r"in(?!\s+(?!(?:the|terms|value|revenue|volume|sales|size)\b)(?-i:[a-z]))|"
    r"accounts|accounted|represents|represented)\b|\s*[,:;.!?(—–]|\s+(?=[$€£¥])|\s*$)",
    re.IGNORECASE,
)
_AMOUNT_WORDS = re.compile(r"\d|\$|\b(?:billion|million|trillion)\b", re.IGNORECASE)
# "In India, snacks market size is Rs 44000 cr": the region opens the heading.
_IN_REGION_FIRST = re.compile(
    r"^In\s+(?:the\s+)?(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}),\s+"
)
# "Report: Cancer immunotherapy market to hit $9B", "2024: Global …": a label, not a region.
# 2.4.26: a hook of up to five words too, "Chronic Care to Cure: Navigating Africa's X Market".
# The label never says "market": "Saudi Arabia Pharmaceutical Market: Branded Market …".
_LABEL_WORD = r"(?!market\b)[A-Za-z]+"
_LEADING_LABEL = re.compile(
    rf"^(?:\d{{4}}|{_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,4}}):\s+(?=.*\bmarket\b)", re.I
)
# "Vietnam: Packaging industry to grow at 12.3%": a place as the heading's label (2.4.27)
_PLACE_LABEL = re.compile(r"^(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}):\s+(?=\S)")
# "Medical Devices Industry India: A Paradigm Shift": the place right after "Market" (2.4.27)
_MARKET_PLACE_COLON = re.compile(
    r"^(?P<name>.+?)\s+(?i:markets?)\s+(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})\s*[:–—]"
)
# "Emerging Coatings Market: Middle East and Africa": the region after a colon (2.4.18)
_MARKET_THEN_REGION = re.compile(
    r"^(?P<name>.+?)\s+(?i:markets?)\s*[:–—]\s*(?P<place>[A-Z][\w.&-]*(?:\s+[\w.&-]+){0,4})\s*$"
)
# A listicle's or a question's opening before the market's name: "4 Reasons the Hearing Aid
# Market Continues to Grow", "How Japan Oncology Drugs Market Became …" (2.4.23)
_LEADING_HOOK = re.compile(
    # 2.4.26: "It is Estimated that the UK Pharmaceutical Market Grew …"
    r"^(?:\d{1,2}\s+reasons\s+(?:why\s+)?|how\s+"
    r"|it\s+is\s+(?:estimated|expected|projected|forecast|predicted|reported)\s+that\s+"
    r"|why\s+"  # 2.4.33: "Why the Cosmetic Chemicals Market Is Expected to Reach …"
    # "Navigating Africa's Pharma Market Dynamics", "Inside the X Market" (2.4.26)
    r"|(?:navigating|exploring|understanding|inside|unlocking|decoding|analy[sz]ing|"
    r"evaluating|assessing|examining|reviewing|know|discover|explore)\s+"
    # a release's section heading "Key CAR-T Cell Therapy Market Highlights" (2.4.29)
    r"|key\s+(?=[^?]*\bmarket\s+(?:highlights|takeaways|facts|findings)\b)"
    # 2.4.33: a release's label, "New Report 2021 Computed Tomography Scanners … Market"
    r"|(?:new\s+|latest\s+)?report\s+(?:(?:19|20)\d{2}\s+)?(?=\S))"
    r"(?:the\s+)?"
    r"(?=(?-i:[A-Z])[^?]*\bmarket\b[^?]*$)",  # not a question: "How large is the X market?"
    re.IGNORECASE,
)
# A news heading whose subject is to reach an amount, naming no market: "UAE's healthcare
# ecosystem to hit $50 billion by 2029", "Lab: Worldwide X Sales Forecast to Reach $5 Billion"
# (2.4.26); the subject's last word of scope is no part of the name.
_SUBJECT_TO_REACH = re.compile(
    r"^(?:[^:]{1,40}:\s+)?"
    # 2.4.32: "Spending on Mental Health Apps Could Reach $500M in 2022"
    r"(?:(?:spending|sales|revenues?|demand)\s+(?:on|of|for|from)\s+)?"
    r"(?P<subject>[A-Za-z][\w&/'’ -]{1,60}?)"
    r"(?:\s+(?:ecosystem|sector|industry|sales|revenues?|spending|demand)(?:\s+forecast)?)?"
    r"\s+(?:(?:is|are)\s+)?(?:(?:expected|set|poised|forecast|projected|estimated|likely)\s+)?"
    r"(?:to|could|will|would|may|might|can)\s+(?:hit|reach|touch|cross|top|exceed|surpass|achieve)"
    r"\s+(?=\S*\d)",
    re.IGNORECASE,
)
# "1. Telemedicine Market's Major Drivers", "2.1) …": a section's outline number (2.4.26)
_OUTLINE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]\s+(?=[A-Z])")
# "2014 ASEAN Medical Device Update": the edition's year before a region (2.4.18)
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}\s+(?=[A-Z])")
# "Dental Medication 315039": a page's number after its title, as a URL writes it (2.4.33)
_TRAILING_PAGE_NUMBER = re.compile(r"(?<=[A-Za-z])\s+\d{5,}$")
# "2020 2025 Skin Care Products Market": a forecast's years, as a URL writes them (2.4.33)
_LEADING_YEARS = re.compile(r"^(?:19|20)\d{2}\s*[-–—]?\s*(?:19|20)\d{2}\s+(?=[A-Z])")
# "$118 Billion U.K. Gaming Market", "Global $221 Billion Biologics Market": an amount before
# the market's name is no part of it.
_LEADING_AMOUNT = re.compile(
    r"^(?P<world>(?i:global|worldwide)\s+)?"
    r"(?:(?:US|U\.S\.)?[$€£¥₹]|USD\s?)\s?\d[\d.,]*\s*(?i:trillion|billion|million|bn|mn)\b"
    r"[\s-]*(?:(?i:dollar)\s+)?(?=[A-Z])"
)
# "African Pharmaceuticals Market" with the headline's "pharmaceuticals market": the adjective
# is the region (not every "African …" title's: "African Swine Fever Vaccines"; 2.4.31).
_CONTINENT_OF = {"african": "Africa", "asian": "Asia", "american": "United States"}
# "African Healthcare", "Asian Orthopedic Device": a continent's adjective before a sector's
# word is the region (not "African Swine Fever Vaccines", "Asian Ginseng"; 2.4.31); so is
# "American" ("American Medtech Market to Grow …", not "American Ginseng"; 2.4.32).
_SECTOR_WORDS = frozenset(
    "healthcare health pharmaceutical pharmaceuticals pharma medical medtech orthopedic "
    "orthopaedic diagnostics biotech biotechnology hospital hospitals dental "
    "cardiovascular oncology".split()  # 2.4.32
)


# 2.4.33: so is a country's adjective that also opens products' names, and so is left out of
# REGION_OF_ADJECTIVE ("Thai medical tourism", not "Thai food")
_ADJECTIVE_BEFORE_SECTOR = {
    **_CONTINENT_OF,
    "thai": "Thailand",
    "swiss": "Switzerland",
    "turkish": "Turkey",
    "dutch": "Netherlands",
    "greek": "Greece",
    "burmese": "Myanmar",
}


def _region_before_sector(name: str) -> str | None:
    words = name.lower().split()
    if len(words) >= 2 and words[0] in _ADJECTIVE_BEFORE_SECTOR and words[1] in _SECTOR_WORDS:
        return _ADJECTIVE_BEFORE_SECTOR[words[0]]
    return None


# A French title: "Le marché (mondial) des X progresse de 3,9 %" names X (2.4.31).
_FRENCH_MARKET = re.compile(
    r"^(?:le\s+)?march[ée]\s+(?:(?P<place>\w+)\s+)?(?:de\s+l['’]|d['’]|(?:des|du|de\s+la|de)\b)\s*"
    r"(?P<name>[^,:;.!?()]{2,60}?)"
    r"(?=\s+(?:progresse|devrait|atteint|atteindra|représente|a|est|sera|pourrait|en|à|au|aux|"
    r"selon|p[èe]se|cro[îi]t|cro[îi]tra|recule|augmente|va|d[ée]passe|d[ée]passera|se|"
    r"represente)\b|\s*[,:;.!?(]|\s*$)",  # (2.4.31: also as a URL writes them, unaccented)
    re.IGNORECASE,
)
_FRENCH_PLACES = {
    "mondial": "Global",
    "français": "France",
    "européen": "Europe",
    "allemand": "Germany",
    "américain": "United States",
    "canadien": "Canada",
    "chinois": "China",
    "japonais": "Japan",
    "indien": "India",
    "africain": "Africa",
}


def _french_heading(heading: str) -> str | None:
    """A French title as the English form the rest reads ("Global Dispositifs Médicaux
    Market"), or None for any other title."""
    if (found := _FRENCH_MARKET.match(heading)) is None:
        return None
    place = _FRENCH_PLACES.get((found["place"] or "").lower(), "")
    return f"{place} {found['name'][:1].upper()}{found['name'][1:]} Market".strip()


# German titles (2.4.32). A compound naming its market: "Pharmamarkt: Prognosen stehen auf
# Wachstum", "Der Pharmamarkt in Deutschland", "Photonik-Weltmarkt: Wachstum" → Pharma,
# Photonik; a joining "s" goes ("Gesundheitsmarkt" → Gesundheit).
_GERMAN_MARKET = re.compile(
    r"^(?:(?:der|die|das)\s+)?(?:(?P<adjective>deutsche|globale|weltweite|europäische)[nrs]?\s+)?"
    r"(?P<name>[A-ZÄÖÜ][\wäöüß]*?)-?(?:welt)?markt(?:e?s)?\b"
    r"(?:\s+(?:in|im)\s+(?P<place>Deutschland|Europa|Österreich|der\s+Schweiz))?",
    re.IGNORECASE,
)
# A German heading naming its subject before a verb or a colon: "Medizintechnik wächst bis 2025
# auf …", "Digital Health wächst: …", "Medizintechnik: Schwaches Wachstum, aber …"; a label
# first goes ("Prognose: Globaler Arzneimittel-Umsatz steigt …" → Arzneimittel).
_GERMAN_SUBJECT = re.compile(
    r"^(?:(?:prognose|studie|analyse|umfrage|bericht|report)\s*:\s*)?"
    r"(?:(?P<adjective>deutsche|globale|weltweite|europäische)[nrs]?\s+)?"
    r"(?P<name>[A-ZÄÖÜ][\wäöüß]*(?:[-\s](?!(?:umsatz|branche|industrie|sektor)\b)[A-ZÄÖÜ][\wäöüß]*)?)"
    r"(?:-?(?:umsatz|branche|industrie|sektor))?"
    r"(?=\s*:|\s+(?:wächst|wird|steigt|soll|sinkt|legt|bleibt|erreicht|boomt|knackt)\b)",
    re.IGNORECASE,
)
# Words only a German heading holds (an English one may say "die" or "am" too, so not those).
_GERMAN_WORDS = re.compile(
    r"[äöüß]|\b(?:der|das|und|für|mit|auf|bis|aber|nicht|noch|sind|ist|im|vom|zum|zur|über|"
    r"wächst|wird|steigt|soll|prognosen?|wachstum|\w+markt(?:e?s)?)\b",
    re.IGNORECASE,
)
_GERMAN_PLACES = {
    "deutsche": "Germany",
    "deutschland": "Germany",
    "europäische": "Europe",
    "europa": "Europe",
    "österreich": "Austria",
    "der schweiz": "Switzerland",
    "globale": "Global",
    "weltweite": "Global",
}

# "Gesundheits-": the joining "s" of a German compound after these endings
_JOINING_S = re.compile(r"(?:heit|keit|ung|ion|tät|schaft)s$", re.IGNORECASE)


def _german_heading(heading: str) -> str | None:
    """A German title as the English form the rest reads ("Germany Pharma Market"), or None
    for any other title."""
    if _MARKET_WORD.search(heading) or not _GERMAN_WORDS.search(heading):
        return None
    found = _GERMAN_MARKET.match(heading) or _GERMAN_SUBJECT.match(heading)
    if found is None or len(found["name"]) < 3:
        return None
    name = found["name"].rstrip("-")
    if _JOINING_S.search(name):
        name = name[:-1]
    places = found.groupdict()
    place = places.get("place") or places.get("adjective") or ""
    region = _GERMAN_PLACES.get(place.lower(), "")
    return f"{region} {_without_capitals(name)} Market".strip()


# "Gene Therapy: Global Market Trends & Notable Developments": the name before the colon.
_NAME_BEFORE_COLON = re.compile(
    r"^(?P<name>[^:]{2,80}?):\s+(?:(?:the|global|worldwide)\s+)*(?=markets?\b)", re.IGNORECASE
)
# "Tutoring Services Market in Japan: Key Findings", "Oncology Market Scenario of India": the
# region after "market in/of".
_MARKET_IN_REGION = re.compile(
    r"^(?P<name>.+?)\s+(?i:markets?)\s+(?:[A-Z][a-z]+\s+)?(?i:in|of)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}?)"
    r"(?=\s*[:,;(|–—-]|\s*$|\s+(?i:to|by|from|is|will|at)\b|\s+\d"
    # a report's words after the place: "Construction Industry in Australia Size & Share
    # Analysis" (2.4.27)
    r"|\s+(?i:size|share|analysis|report|outlook|forecasts?|trends|overview"
    # 2.4.32: "Medical Device Market In South Africa Growth Challenges And …"
    r"|growth|challenges|opportunities|insights|dynamics|landscape)\b)"
)
_BEFORE_SUBJECT = re.compile(
    # an opening quotation mark too: '"The Nigerian pharma market could rise …," it said' (2.4.15)
    # 2.4.26: after a conjunction too, "But while the ASEAN medical device market is growing"
    r"^[\"“‘']\s*|^(?:(?:but|and|yet)\s+)?(?:with|as|while|since|given|amid|because)\s+(?=the\s)"
    # 2.4.33: a source before the subject, "According to the India X Market Report published
    # by …", "Based on the most recent X market studies by …"
    r"|^(?:according\s+to|based\s+on|as\s+per)\s+(?=the\s)",
    re.IGNORECASE,
)
# A question heading about a market's size: "How large is the hearing care industry?", "What is
# the size of the X market?", "How much is the X market worth?" (the industry already a market)
_SIZE_QUESTION = re.compile(
    # (2.4.29: also "What is the cosmetic market?", "What's the X market worth?")
    r"^(?:how\s+(?:large|big|much)\s+is|what\s+is\s+the\s+size\s+of|"
    r"what(?:\s+is|['’]s)(?!\s+(?:in|on|for|of|at|to|with|about|next|new|driving)\b))\s+(?:the\s+)?"
    r"(?:(?:global|worldwide)\s+)?(?P<name>[A-Za-z][\w&/' -]{1,60}?)\s+market\b[^?]{0,20}\?\s*$",
    re.IGNORECASE,
)
# Words before "market" that name none: "The market size …", "Its market …", "A recent global
# market research report …", "Study Shows Growing Market for X", "In 2021, the market …".
_NAMING_NOTHING = frozenset(
    "the this that its our their a an overall global worldwide entire total whole recent new "
    "growing expanding booming emerging lucrative huge big strong rising thriving fast-growing "
    "rapidly steadily current domestic local "
    # 2.4.31: "Europe’s Biggest Market", "A Multibillion-Dollar Industry"
    "biggest largest multibillion-dollar multi-billion-dollar billion-dollar "
    # 2.4.32: "With a projected market value of $3.5 billion by 2020, telehealth is …"
    "projected estimated expected anticipated forecast potential combined cumulative".split()
)
# Last words before "market" that leave it a common noun: "the", or a preposition ("…
# poised for significant growth, with market size projected to …", 2.4.24).
_DETERMINER_LAST = frozenset(
    "the this that its our their a an with by from to at as of for in on into about".split()
    # 2.4.30: a verb that moves "the market" ("Rising Investments Fueling Market Expansion")
    + "driving fueling fuelling propelling boosting spurring powering shaping reshaping "
    "transforming disrupting drives fuels propels boosts spurs powers shapes".split()
)
# "A Global Market Insights, Inc. report estimates that wearable cardiac devices market will
# cross …": the market named in the clause that states the figure, after a reporting verb.
_REPORTED_SUBJECT = re.compile(
    # (2.4.16: also "According to the new market research report X Market is projected …")
    r"\b(?:that|(?:shows|says|states|estimates|predicts|expects|forecasts|finds)(?:\s+that)?"
    r"|research\s+report)\s+"
    r"(?:the\s+)?"
    r"(?:(?:global|worldwide)\s+)?(?P<subject>[A-Za-z][\w&/' -]{1,60}?)\s+market\s+"
    r"(?=(?:is|was|will|would|could|to|size|revenue|value|valued|stood|reached|grew|expected|"
    r"projected|poised|set|anticipated|estimated|worth)\b)",
    re.IGNORECASE,
)
_WORLD_WORD = re.compile(r"\b(?:global|worldwide)\b", re.IGNORECASE)
_ABBREVIATION_IN_NAME = re.compile(r"\s*\([^()]{1,20}\)\s*")
# "the region's data center market": a common noun's possessive is no part of the name (2.4.30)
_COMMON_POSSESSIVE = re.compile(r"^[a-z]+['’]s\s+")
# (2.4.31: also "sector", after two words at least)
_MARKET_OR_INDUSTRY = re.compile(r"\b(?:(?P<market>market)|industry|sector)\b", re.IGNORECASE)
_MIN_SECTOR_NAME_WORDS = 2
# A heading that opens "The global …" is a sentence; the market's name is without those words.
_LEADING_THE = re.compile(r"^the\s+(?:(?:global|worldwide)\s+)?(?=\w)", re.IGNORECASE)
# An article and a word of growth before a market's name: "The growing nutraceuticals".
_LEADING_TREND = re.compile(
    r"^(?:the\s+)?(?:(?:fast[- ]|rapidly\s+)?(?:growing|booming|rising|expanding|thriving|"
    r"burgeoning)\s+)?(?=\w)",
    re.IGNORECASE,
)

# 2.4.27: the same words, and a report's words, before a name that opens a title without an
# article ("Fast-growing Frozen Food Market", "Valuation of the Medical Tourism Market",
# "Booming Kenyan Diabetes Medicine Market"), and a report's word after it ("Cancer
# Immunotherapy Drug Forecast").
_LEADING_HYPE = re.compile(
    r"^(?:(?:(?:fast|fastest|rapidly|quickly)[- ])?(?:growing|booming|burgeoning|thriving)|"
    r"emerging|lucrative|potential\s+future|(?:valuation|value|size)\s+of(?:\s+the)?"
    # 2.4.32: "Overall Indian Healthcare", "Overview Asian …", "Combined Digital-health"
    # (not "total": "Total Knee Replacement", "Total Parenteral Nutrition")
    r"|overall|combined|overview"
    r"|(?:most\s+)?recent|latest)\s+(?=\w)",  # 2.4.33: "the most recent feed supplement market"
    re.IGNORECASE,
)
_TRAILING_REPORT_WORD = re.compile(r"\s+(?:forecasts?|update|outlook)$", re.IGNORECASE)
# 2.4.30: a news title that says what its market is names it before the verb ("Neuroscience
# Diagnostics And Therapeutics Are A 600 Billion Market", "IVF Industry Is A Potential USD 12
# Billion Market" → IVF), and one that quotes a source names it after the source's verb
# ("Goldman Sees Obesity Drug Market Growing To 130 Billion").
_SAID_TO_BE = re.compile(
    r"^(?P<name>.+?)(?:\s+(?:industry|sector))?\s+(?:is|are|was|were|represents?|represented|"
    r"remains?|becomes?|became)\s+(?:now\s+|still\s+)?(?:an?|the)\s+"
    r"(?=(?:\S+\s+){0,4}\S*(?:\d|billion|million|trillion|dollar)"
    r"|(?:large|huge|big|sizable|sizeable|lucrative)$)"  # 2.4.31: "… Represent A Large Market"
    r"(?:\S+\s+){0,4}\S+$",
    re.IGNORECASE,
)
_SOURCE_SEES = re.compile(
    r"^(?:[A-Z][\w&.'’-]*\s+){1,3}(?:sees|says|predicts|expects|forecasts|projects|estimates|"
    r"finds)\s+(?=[A-Z])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TitleParts:
    title: str
    name: str
    region: str | None
    slug: str


# Joining words a name keeps in lower case ("Artificial Intelligence in Radiology"; 2.4.31),
# except in a Latin term ("In Vitro Diagnostics").
_LOWER_IN_NAMES = frozenset("in of the and for on with".split())
_LATIN_AFTER_IN = frozenset("vitro vivo situ silico".split())


def _capitalised(text: str) -> str:
    """Each word's first letter in capitals, the rest as written: 'PD-L1 inhibitors' →
    'PD-L1 Inhibitors' (str.title() would write 'Pd-L1')."""
    words = text.split()
    last = len(words) - 1

    def written(at: int, word: str) -> str:
        following = words[at + 1].lower() if at < last else ""
        if 0 < at < last and word in _LOWER_IN_NAMES and following not in _LATIN_AFTER_IN:
            return word  # "in", "of", "and" inside a name
        return word[:1].upper() + word[1:]

    return " ".join(written(at, word) for at, word in enumerate(words))


def as_market_heading(heading: str) -> str:
    """'Indian Frozen Dessert Industry: Growth and Players' names its market as 'Indian Frozen
    Dessert Market: …' would; a heading that says 'market' anywhere is left as it is."""
    words = list(_MARKET_OR_INDUSTRY.finditer(heading))
    if not words or any(word["market"] for word in words):
        return heading
    before = heading[: words[0].start()].rsplit(":", 1)[-1]
    if not before.strip() or names_nothing(before):
        return heading  # "Healthcare in the Middle East: An Industry in Transformation" (2.4.27)
    if words[0].group().lower() == "sector" and len(before.split()) < _MIN_SECTOR_NAME_WORDS:
        return heading  # "Healthcare sector" over a page of its markets; "UK Pharmaceutical Sector"
    return f"{heading[: words[0].start()]}Market{heading[words[0].end() :]}"


def _split_region_prefix(base: str) -> tuple[str | None, str]:
    """'United States Iclusig' → ('United States', 'Iclusig'); 'European Glass Packaging' and
    "China's Cancer" name their region too (Europe, China); 'North America and Europe Smart
    Beds' names both (2.4.14)."""
    words = base.split()
    first = _region_at(words, 0)
    if first is None:
        return None, base
    region, length = first
    if length + 2 < len(words) and words[length].lower() in ("and", "&"):
        second = _region_at(words, length + 1)
        if second is not None:
            return f"{region} and {second[0]}", " ".join(words[length + 1 + second[1] :])
    return region, " ".join(words[length:])


def _region_at(words: list[str], start: int) -> tuple[str, int] | None:
    """The region the words from `start` open with, and how many words it takes (at least one
    word must follow it)."""
    for length in range(min(_MAX_REGION_WORDS, len(words) - start - 1), 0, -1):
        prefix = _POSSESSIVE.sub("", " ".join(words[start : start + length]))
        if length == 1 and _URL_POSSESSIVE.match(prefix) and prefix.lower() not in region_names():
            prefix = prefix[:-1]  # "Indias Medical Devices", a possessive as a URL writes it
        region = region_names().get(prefix.lower()) or REGION_OF_ADJECTIVE.get(prefix.lower())
        if region:
            # as the page spells it, unless a name in capitals ("CHINA’S …" → China) or in
            # small letters ("global plasma supply" → Global)
            usual = not (prefix.isupper() and len(prefix) > 4) and not prefix.islower()
            return (prefix if prefix.lower() in region_names() and usual else region), length
    return None


def _split_region_suffix(base: str) -> tuple[str | None, str]:
    """'Private Acute Healthcare UK' → ('UK', 'Private Acute Healthcare'): a country or region
    named (not an adjective) after the market's name, as the page spells it."""
    words = base.split()
    for length in range(min(_MAX_REGION_WORDS, len(words) - 1), 0, -1):
        suffix = " ".join(words[-length:])
        if suffix.lower() in region_names():
            return suffix, " ".join(words[:-length])
    return None, base


def title_from_headline(text: str) -> str | None:
    """'The global wound dressing market was valued at …' → 'Wound Dressing Market'; 'The
    global market for contrast media …' → 'Global Contrast Media Market'."""
    text = _BEFORE_SUBJECT.sub("", text)  # "With the global market for X expected …"
    if (named := _named_after_for(text)) != text:
        return _capitalised(named)
    found = _GLOBAL_SUBJECT.search(text) or _LEADING_SUBJECT.match(text)
    return _title_from_match(text, found) or _title_from_match(text, _REPORTED_SUBJECT.search(text))


def title_from_subject(text: str) -> str | None:
    """The market a sentence names as 'the global X market', wherever it says so, else as
    'The global market for X …' opening the paragraph."""
    if (named := _named_after_for(text)) != text:
        return _capitalised(named)
    return _title_from_match(text, _GLOBAL_SUBJECT.search(text))


def title_from_lead(text: str) -> str | None:
    """A paragraph that opens with its market as subject, after a dateline's place or not
    ("Dubai: The Middle East construction paints market is on a sustained growth trajectory"):
    a page's title when no heading names a market (2.4.20)."""
    text = _BEFORE_SUBJECT.sub("", PLACE_DATELINE.sub("", text))  # "But while the X market is …"
    return _title_from_match(text, _LEADING_SUBJECT.match(text)) if _LEAD_VERB.match(text) else None


def title_from_industry(text: str) -> str | None:
    """The industry or sector a figure sentence is about: a page's last source of a title."""
    found = _INDUSTRY_SUBJECT.search(text)
    if found is None or names_only_a_region(found["subject"]):
        return None
    return _title_from_match(text, found)


def title_from_sector(text: str) -> str | None:
    """The market of a page that never says "market": 'the global X sector/industry', 'global
    demand for X is …' (a page's last source of a title)."""
    found = _GLOBAL_SECTOR.search(text)
    return _title_from_match(text, found) or _title_from_match(text, _WORLD_DEMAND.search(text))


def _without_trailing_initials(name: str) -> str:
    """'Point Of Care Diagnostics Pocd' (a title as a URL writes it) → 'Point Of Care
    Diagnostics': a last word spelling the initials of the words before it is their
    abbreviation (2.4.32)."""
    words = name.split()
    last = words[-1].lower() if words else ""
    if not (2 <= len(last) < len(words) and last.isalpha()):
        return name
    initials = "".join(word[0] for word in words[-1 - len(last) : -1]).lower()
    return " ".join(words[:-1]) if initials == last else name


def _places_after(text: str, start: int) -> str | None:
    """The place named after "in" at `start`: one ("in the United States"), or two when both
    are regions ("in Australia and New Zealand")."""
    found = _PLACE_AFTER.match(text, start)
    if found is None:
        return None
    place, second = found["place"].rstrip(".,"), (found["second"] or "").rstrip(".,")
    joined = f"{place} and {second}"
    return joined if second and names_regions(joined) else place  # "Trinidad and Tobago" too


_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were)\b", re.IGNORECASE)


def _title_from_match(text: str, found: re.Match[str] | None) -> str | None:
    if found is None or _FIRM_AFTER_MARKET.match(text, found.end()):
        return None  # "Transparency Market Research estimates …": a firm, no market
    subject = _CLAUSE_BEFORE_SUBJECT.split(found["subject"])[-1]  # "For analysis, the X market"
    subject = " ".join(_ABBREVIATION_IN_NAME.sub(" ", subject).split())  # "lithium ion (Li-ion)"
    subject = _COMMON_POSSESSIVE.sub("", subject)
    if names_nothing(subject) or names_only_a_region(subject) or _CLAUSE_VERB.search(subject):
        # "The market size, measured by revenue, of …", "The ASEAN market …", "The island
        # nation is the second largest global market" (2.4.32: a clause, no name)
        return None
    title = _capitalised(subject) + " Market"
    place = _places_after(text, found.end())
    region = _split_region_prefix(f"{place} {title}")[0] if place else None
    if region:
        return f"{region} {title}"
    return title


# "about": 2.4.16; "through": 2.4.33 ("Targeted Healthcare Solutions Through Digital
# Therapeutics Market")
_PREPOSITIONS = frozenset("of for in on into about through".split())
# "Detailed Analysis of the X Market": a report's word before the preposition
_REPORT_WORDS = frozenset(
    "analysis overview outlook study insights assessment review impact growth size share "
    "trends evolution future status factors drivers dynamics investment investments spending "
    "sales revenue revenues "  # from "factors": 2.4.24
    "universe world landscape state realm rise "  # 2.4.27: "the Expanding Universe of"
    "scale value trend "  # 2.4.32: "Global scale of the regenerative medicine market"
    # 2.4.33: a piece's own kind, "In-Depth Blog on the United States Dialysis Services Market"
    "blog article guide primer report look perspective "
    # 2.4.33: the players' own words, "Major Players in the Medical Device Outsourcing Market"
    "players companies vendors manufacturers suppliers".split()
)
# "for" ends a sentence's words only after these ("Leading Demand for X"); else it is part of
# the name ("Bispecific Antibodies for Cancer").
_WORDS_BEFORE_FOR = frozenset(
    # 2.4.29; "ahead" 2.4.31 ("Prospects ahead for UAE’s healthcare sector")
    "demand prognosis outlook forecast opportunities prospects future next ahead "
    "growth".split()  # 2.4.32: "Recent Analyses Forecast Remarkable Growth for the X Market"
)
# A preposition inside a name: "Point of Care Diagnostics", "Internet of Things".
_NAMES_WITH_OF = frozenset({("point", "care"), ("standard", "care"), ("internet", "things")})
_MIN_SENTENCE_WORDS = 3
_AMOUNT_OR_YEAR = re.compile(r"[\d$€£¥₹]")
# What opens a sentence heading's market: an amount (the figures' own pattern: "$1B", "USD 5
# billion"; never a year or a name's digit, "2024", "5G") or "global".
# From 2.4.29 also a verb that moves the market ("… Continue to Drive Asian Orthopedic Device
# Market", "Ageing Spurs the X Market"; "Electric Drive Motor" and "Alternative Fuels" stay names).
_MARKET_OPENER = re.compile(
    rf"{amount_pattern()}|\b(?:global|worldwide)\b"
    # (2.4.31: also "expedite", "accelerate", "bolster", "lift", "foster")
    r"|\bto\s+(?:drive|boost|fuel|propel|spur|expedite|accelerate|bolster|lift|foster)\s+"
    r"(?:the\s+)?"
    r"|\b(?:drives|boosts|fuels|propels|spurs|expedites|accelerates|bolsters|lifts|fosters)\s+"
    r"the\s+",
    re.IGNORECASE,
)


def market_phrase(words_before_market: str) -> str:
    """The market a sentence heading names after its last preposition: 'High Prevalence of
    Malocclusion, …, Driving the Growth of the Orthodontics' → 'Orthodontics', 'Impact of
    COVID-19 on the European' → 'European'; a name with a preposition of its own ('Treatment
    of Hypertension', 'Bispecific Antibodies for Cancer') stays whole."""
    if (opened := _after_market_opener(words_before_market)) is not None:
        # what follows the opener may still name its market after a preposition ("… to drive
        # the demand for spherical lenses of contact lenses")
        words_before_market = opened
    words = words_before_market.split()
    lowered = [word.lower().strip(",") for word in words]
    for at in range(len(words) - 2, 0, -1):
        preposition, previous, following = lowered[at], lowered[at - 1], lowered[at + 1]
        if preposition not in _PREPOSITIONS or (previous, following) in _NAMES_WITH_OF:
            continue
        if preposition == "for" and previous not in _WORDS_BEFORE_FOR:
            continue
        if at < _MIN_SENTENCE_WORDS and previous not in _REPORT_WORDS | _WORDS_BEFORE_FOR:
            return words_before_market  # "Treatment of Hypertension": a name
        phrase = " ".join(words[at + 2 :] if following == "the" else words[at + 1 :])
        if not phrase or _AMOUNT_OR_YEAR.search(phrase) or names_nothing(phrase):
            return words_before_market  # "… Forecast for $54 Billion", "… of the Current"
        return phrase
    return words_before_market


def _after_market_opener(words_before_market: str) -> str | None:
    """The words after a sentence heading's last amount or "global" ("Europe creates a $1B GI
    endoscopy device", "X sets gold standard for global dental implant"; 2.4.28), when a
    sentence of two words at least comes before it."""
    openers = list(_MARKET_OPENER.finditer(words_before_market))
    opener = next((o for o in reversed(openers) if words_before_market[o.end() :].strip()), None)
    sentence = words_before_market[: opener.start()] if opener else ""
    if opener is None or len(sentence.split()) < _MIN_SENTENCE_WORDS - 1:
        return None
    return words_before_market[opener.end() :].strip()


def names_only_a_region(words: str) -> bool:
    """'European', 'the United States': a region, no market."""
    lowered = words.lower().strip()
    # (2.4.32: "the African market will be worth …" names no market either)
    return lowered in region_names() or lowered in REGION_OF_ADJECTIVE or lowered in _CONTINENT_OF


def names_nothing(words_before_market: str) -> bool:
    """'A Recent Global', 'In 2021, the', 'Study Shows Growing': words before "market" that
    leave the market unnamed (the clause before a comma is not the subject)."""
    words = words_before_market.rsplit(",", 1)[-1].lower().split()
    if words_before_market.split()[:1] in (["It"], ["it"]):
        return True  # "It said among specific market segments, …" ("IT" is a market)
    # "… impact on the overall", "… 40 percent of the global": after its last determiner or
    # preposition, nothing is named (2.4.31)
    last = max((at for at, word in enumerate(words) if word in _DETERMINER_LAST), default=-1)
    return not words or set(words[last + 1 :]) <= _NAMING_NOTHING


def _named_after_for(heading: str) -> str:
    """'Global Market for Contrast Media to Reach …' → 'Global Contrast Media Market'."""
    found = _MARKET_FOR.match(heading)
    if found is None:
        return heading
    before = found["before"].strip()
    region, rest = _split_region_prefix(f"{before} x") if before else (None, "x")
    # "… little surprise then that the global market for X": the world's, however it opens
    worldwide = before.lower().split()[-1:] in (["global"], ["worldwide"])
    unnamed = not before or (region and rest == "x") or worldwide
    # "Study Shows Growing Market for Immunoassays": a growing market, named after "for"
    unnamed = unnamed or before.lower().split()[-1] in _NAMING_NOTHING
    if not unnamed and not _AMOUNT_WORDS.search(before):
        return heading  # "Oncology Market for …": the name is before "market"
    place = region or ("Global" if worldwide else "")
    after = _places_after(heading, found.end("name"))
    if not region and after and names_regions(after):
        place = after  # "The market for industrial pumps in the United States …"
    return f"{place} {found['name'].strip()} Market".strip()


def _market_of_sentence(title: str) -> str:
    """'…, Driving the Growth of the Orthodontics Market' → 'Orthodontics Market'; a region
    before it or in the phrase stays ('A positive prognosis for Japan's OTC market' → 'Japan
    OTC Market'); any other title is returned as it is."""
    found = _MARKET_SUFFIX.search(title)
    if found is None:
        return title
    region, before = _split_region_prefix(title[: found.start()])
    if (phrase := market_phrase(before)) == before:
        return title
    region, phrase = _split_region_prefix(f"{region} {phrase}" if region else phrase)
    phrase = _capitalised(phrase) if phrase.islower() else phrase
    return f"{region} {phrase} Market" if region else f"{phrase} Market"


_SMALL_WORDS = frozenset("in of the and for by to on at with from a an".split())
_MAX_ACRONYM_CHARS = 3


def _without_capitals(heading: str) -> str:
    """A heading in capitals ('CONSTRUCTION INDUSTRY IN AUSTRALIA SIZE & SHARE ANALYSIS') as
    title case, short words kept as the acronyms they mostly are ('IVD', 'CAR-T', 'PCR');
    any other heading as it is (2.4.27)."""
    if any(char.islower() for char in heading) or sum(char.isalpha() for char in heading) < 12:
        return heading

    def word(match: re.Match[str]) -> str:
        text = match.group()
        after_apostrophe = heading[match.start() - 1 : match.start()] in ("'", "’")
        if (text.lower() in _SMALL_WORDS and match.start() > 0) or after_apostrophe:
            return text.lower()  # "in", "of"; the possessive "’S"
        return text if len(text) <= _MAX_ACRONYM_CHARS else text.capitalize()

    return re.sub(r"[A-Z]+", word, heading)


def parse_title(heading: str, *, headline: str | None) -> TitleParts:
    """'United States Iclusig Market Insights' → title, name 'Iclusig', region 'United States'.

    The headline usually names the market without its region ('Iclusig Market size was...'),
    which separates the two; otherwise a known country or world-region prefix does.
    """
    heading = as_market_heading(_without_capitals(heading))
    heading = _french_heading(heading) or _german_heading(heading) or heading
    if named := _NAME_BEFORE_COLON.match(heading):  # before "Report: …" is taken for a label
        heading = f"{named['name']} {heading[named.end() :]}"
    if (placed := _PLACE_LABEL.match(heading)) and placed["place"].lower() in region_names():
        heading = f"{placed['place']} {heading[placed.end() :]}"  # "Vietnam: X Market to …"
    heading = _LEADING_AMOUNT.sub(r"\g<world>", _LEADING_LABEL.sub("", heading))
    heading = _LEADING_HOOK.sub("", _OUTLINE_NUMBER.sub("", heading))
    if (reaching := _SUBJECT_TO_REACH.match(heading)) and not _MARKET_WORD.search(heading):
        heading = _capitalised(reaching["subject"]) + " Market"
    heading = _LEADING_YEARS.sub("", _TRAILING_PAGE_NUMBER.sub("", heading))
    without_year = _LEADING_YEAR.sub("", heading)
    if without_year != heading and _split_region_prefix(without_year)[0]:
        heading = without_year
    if asked := _SIZE_QUESTION.match(heading):  # "How large is the X industry?": X Market
        heading = _capitalised(asked["name"]) + " Market"
    opening = _IN_REGION_FIRST.match(heading)
    if opening and opening["place"].lower() in region_names():
        heading = f"{opening['place']} {heading[opening.end() :]}"
    heading = _named_after_for(heading)
    placed = (
        _NAME_PLACE_EDITION.match(heading)
        or _IN_REGION_MARKETS.match(heading)
        or _MARKET_IN_REGION.match(heading)
        or _MARKET_THEN_REGION.match(heading)
        or _MARKET_PLACE_COLON.match(heading)
    )
    if placed and placed["place"].lower() in region_names():
        # "The growing nutraceuticals market in India" → India Nutraceuticals Market (2.4.14)
        name = _LEADING_TREND.sub("", placed["name"])
        name = _capitalised(name) if name != placed["name"] else name
        heading = f"{placed['place']} {name} Market"
    if re.search(r"\bmarket\b", heading, re.IGNORECASE):
        title = _TRAILING_AFTER_MARKET.sub(r"\1", heading).strip()
    else:
        title = _TRAILING_DECORATION.sub("", heading).strip() or heading
    title = _DASH_BEFORE_MARKET.sub(" ", title)  # "Oncology Drugs - Market Insights"
    title = _INDUSTRY_BEFORE_MARKET.sub("", title)
    title = _market_of_sentence(title)
    if _LEADING_THE.match(title):  # a sentence: "The global cancer therapeutics market is …"
        title = _LEADING_THE.sub("", title)
        title = _capitalised(title)
    base = _MARKET_SUFFIX.sub("", title).strip() or title
    unhyped = _LEADING_HYPE.sub("", base)
    if names_only_a_region(unhyped):
        unhyped = base  # "Combined US Market": the word is all the name there is
    base = _TRAILING_REPORT_WORD.sub("", unhyped) or base
    if said := _SAID_TO_BE.match(base):
        base = said["name"]
    base = _SOURCE_SEES.sub("", base) or base
    region: str | None = None
    name = base
    subject = _HEADLINE_SUBJECT.match(headline or "")
    if subject and base.lower().endswith(subject["subject"].lower()):
        candidate_name = base[len(base) - len(subject["subject"]) :]
        candidate_region = base[: len(base) - len(candidate_name)].strip()
        # a region is a name ("Asia-Pacific"), not "Know the" of "Know the X Market Size"
        if candidate_region and all(word[:1].isupper() for word in candidate_region.split()):
            # "Saudi healthcare market": the adjective's country
            adjective = candidate_region.lower()
            region = REGION_OF_ADJECTIVE.get(adjective) or _CONTINENT_OF.get(
                adjective, candidate_region
            )
            name = candidate_name
        elif candidate_region:  # "Robust Growth Predicted for Indian Ice Cream": the subject's
            region, name = _split_region_prefix(candidate_name)
    if region is None:
        region, name = _split_region_prefix(base)
        name = name.lstrip("-–—:| ") or name  # "Africa - A continent of opportunity …"
    if region is None:
        region, name = _split_region_suffix(name)
    if region is None and (adjective_region := _region_before_sector(name)):
        region, name = adjective_region, name.split(maxsplit=1)[1]
    if name.lower().startswith("the "):  # "Vietnam: The growing X market …" (2.4.33)
        name = _LEADING_TREND.sub("", name) or name
    if region is None and name.lower() in REGION_OF_ADJECTIVE:
        region = REGION_OF_ADJECTIVE[name.lower()]  # "Players in the Indian Market" (2.4.33)
    if region and _WORLD_WORD.search(name):
        region = None  # "India to Account for 2.2% of Global Digital Payment Market"
    # "Cell and Gene Therapy (CGT)": the name without its abbreviation (the title keeps it)
    name = _without_trailing_initials(_TRAILING_ABBREVIATION.sub("", name) or name)
    # "Global coffee market", "Thai medical tourism": a name in small letters (2.4.33)
    name = _capitalised(name) if name.islower() else name
    return TitleParts(
        title=title, name=name, region=region, slug=slugify(_POSSESSIVE_START.sub(r"\1", base))
    )


# Words that name no market by themselves: a title and a headline sharing only these agree on
# nothing.
_UNNAMING_WORDS = _SMALL_WORDS | {"&", "global", "worldwide", "market", "markets"}
_NO_MARKET_WORDS = frozenset(
    "why how what country countries industry industries forecasting news blog overview "
    "report analysis insights update updates".split()
)
# A title's name this long is a news heading's sentence ("Fewer Pathologists and More Cancer
# Patients Drive Pathology"), unless it holds the headline's market or is part of it.
_SENTENCE_NAME_WORDS = 5
_MAX_STATED_NAME_WORDS = 8
# "… the North America Alzheimer's disease therapeutics and diagnostics market is anticipated
# to …": the market a figure sentence names, wherever in the sentence; "… pegged the global
# market for mechanical ventilators $2.2 billion …" (2.4.30).
_STATED_MARKET = re.compile(
    r"\bthe\s+(?P<subject>(?:(?!the\b)(?:[A-Za-z][\w'’&/.-]*|\([^()]{1,30}\))\s+){1,8}?)"
    r"market\s+(?=(?:is|was|will|would|could|to|size|revenue|value|valued|stood|stands|reached|"
    r"grew|expected|projected|poised|set|anticipated|estimated|worth|continues|remains|"
    r"registered|recorded|generated|accounted|amounted|totall?ed"
    r"|from|between|during|through)\b)",  # 2.4.32: "… 9.1% for the X market from 2017 to 2030"
    re.IGNORECASE,
)
_MARKET_FOR_IN_SENTENCE = re.compile(
    # (2.4.33: "The market for adult diapers, … is growing fast, up 9% last year to $9 billion")
    r"\b[Tt]he\s+(?:(?:global|worldwide|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+)?market\s+for\s+"
)
# An amount in a title's name makes it a news heading's sentence ("conquering a $9 billion").
_AMOUNT_IN_NAME = re.compile(r"[$€£¥₹]\s?\d|\b\d[\d.,]*\s*(?:billion|million|trillion|bn)\b", re.I)


def _stated_market(sentence: str) -> str | None:
    """The market a figure sentence names, as a title ('North America X Market')."""
    if found := _MARKET_FOR_IN_SENTENCE.search(sentence):
        rest = sentence[found.start() :]
        if (named := _named_after_for(rest)) != rest:
            return _capitalised(named)
    return _title_from_match(sentence, _STATED_MARKET.search(sentence))


def _naming_words(name: str) -> list[str]:
    return [word for word in re.findall(r"[\w’'.-]+", name.lower()) if word not in _UNNAMING_WORDS]


def _named_by_subject(parts: TitleParts, texts: Sequence[str | None]) -> TitleParts:
    """A news heading's market as its subject or driven object ('Will Mental Health Apps
    Reach A 22 Billion' → Mental Health Apps), when the page's text names it too (2.4.33)."""
    if (subject := heading_subject(parts.name)) is None:
        return parts
    text = " ".join(filter(None, texts)).lower()
    words = _naming_words(subject)
    if not words or 2 * sum(word in text for word in words) <= len(words):
        return parts  # most of its words must be the text's ("mental health applications")
    subject = _capitalised(subject) if subject.islower() else subject
    theirs = parse_title(f"{subject} Market", headline=None)
    if theirs.region is None and parts.region:  # "India's Telehealth Surge: …"
        theirs = parse_title(f"{parts.region} {subject} Market", headline=None)
    return theirs


def named_by_headline(parts: TitleParts, texts: Sequence[str | None]) -> TitleParts:
    """The title's market, unless it names none ('MARKET OUTLOOK'), stops on a joining word
    ('Global Demand & Market') or is a news heading's sentence, and the market the first figure
    sentence of `texts` names ('the global X market') disagrees with it (2.4.30)."""
    # a region and a site's words name no market: "Why Nigeria?", "Country Industry
    # Forecasting" (2.4.32)
    mine = [
        word
        for word in _naming_words(parts.name)
        if word not in _NO_MARKET_WORDS
        and word not in region_names()
        and word not in REGION_OF_ADJECTIVE  # "Players in the Indian Market" (2.4.33)
        and not word.isdigit()  # a page's number as its only title, "1636661" (2.4.33)
    ]
    broken = bool(mine) and parts.name.split()[-1].lower() in {*_SMALL_WORDS, "&"}
    # an amount or an edition's year in it ("conquering a $9 billion", "2023 Medical") makes
    # it a heading's words, not a name (2.4.33)
    broken = broken or bool(_AMOUNT_IN_NAME.search(parts.name) or _LEADING_YEAR.match(parts.name))
    if (
        mine
        and not broken
        and len(mine) < _SENTENCE_NAME_WORDS
        and not reads_as_sentence(parts.name)
    ):
        return parts
    sentences = [
        sentence
        for text in texts
        if text
        for sentence in split_sentences(text)
        if mentions_headline_figures(sentence)
    ]
    stated = next(filter(None, map(_stated_market, sentences)), None)
    if stated is None:
        return _named_by_subject(parts, texts)
    theirs = parse_title(stated, headline=None)
    if theirs.region is None and parts.region:  # "MARKET OUTLOOK" over North America's figures
        theirs = parse_title(f"{parts.region} {stated}", headline=None)
    named = _naming_words(theirs.name)
    if not named or len(named) >= _MAX_STATED_NAME_WORDS:
        return _named_by_subject(parts, texts)  # what the sentence "names" is itself a clause
    holds = mine and ({*named} <= {*mine} or {*mine} <= {*named})
    return parts if holds and not broken else theirs
