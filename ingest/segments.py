"""Application segments: canonical keys, and segments a report names only in its prose."""

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any

from slugify import slugify

from ingest.companies import ASIDE_DASH
from ingest.regions import mentions_other_region, region_names

_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_SEGMENT_WORD_SUFFIX = re.compile(r"\s+(?:applications?|segments?|subsegments?)\s*$", re.I)
_RANK_REMARK = re.compile(
    r"\s*\((?=[^()]*\b(?:share|largest|fastest|leading|dominant|dominat\w*|segment|growing)\b)"
    r"[^()]{1,60}\)\s*$",
    re.I,
)
# Sentences that name segments: "segmented by application", "divided into", "categorized".
_SEGMENT_CONTEXT = re.compile(
    r"segment(?:s|ed|ation)?\b|application|categori[sz]|divided|classified|split into",
    re.IGNORECASE,
)
_ENUMERATION_TRIGGER = re.compile(
    r"\b(?:including|includes|include|being|into|on|namely|as|between|are)\s+|:\s*", re.I
)
_ITEM_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_QUOTED = re.compile(r"[\"“]([^\"”]{2,40})[\"”]")
_MONEY_UNIT = re.compile(r"\b(?:USD|EUR|GBP|INR|US\$|dollars?|billion|million|thousand)\b|\$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Words that show an enumeration item is prose, not a segment name.
_NOT_A_NAME_WORDS = frozenset(
    "various several key primary main different multiple many two three four five six seven "
    "eight nine ten specific "
    "this these those its their such where which that who with within in of for by to from "
    "is are was were be can will may the a an".split()
)
_MAX_NAME_WORDS = 4
# "Others" is too common a word to find a segment by in prose; it needs a marker nearby.
_GENERIC_KEYS = frozenset({"other"})
_GENERIC_MENTION = re.compile(
    r"[\"“]?\bothers?\b[\"”]?\s+(?:segment|category|applications?|settings?|facilities)", re.I
)


if TYPE_CHECKING:
    import inflect


@functools.cache
def inflector() -> "inflect.engine":
    """inflect's engine, imported on first use and without its typeguard instrumentation.

    inflect decorates its methods with typeguard's `@typechecked`, which recompiles each one
    at import: about 1.7 s in every process that parses (jaraco/inflect#212). Those checks
    only guard inflect's own arguments, which are always strings here, so the decorator is
    swapped for a no-op while inflect is imported.
    """
    import typeguard

    checked = typeguard.typechecked
    typeguard.typechecked = _unchecked
    try:
        import inflect
    finally:
        typeguard.typechecked = checked
    return inflect.engine()


def _unchecked(target: Any = None, **_options: Any) -> Any:
    """typeguard's `@typechecked`, with or without arguments, as a no-op."""
    return target if target is not None else _unchecked


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


@functools.lru_cache(maxsize=8192)  # words recur across a corpus; inflect is slow
def in_singular(word: str) -> str:
    lowered = word.lower()
    if _is_acronym(word) or not lowered.endswith("s") or lowered.endswith(("ss", "is", "us")):
        return word
    singular = inflector().singular_noun(lowered)
    if not isinstance(singular, str) or not singular:  # False: not a plural; "": the word "s"
        return word
    return singular.capitalize() if word[:1].isupper() else singular


# "increasing SPECT and PET applications", "growing demand": a trend; "collectively valued at
# approximately $51": a clause with an amount. Neither is a segment's name.
_NOT_A_SEGMENT = re.compile(
    r"^(?:increasing|growing|rising|declining|decreasing|expanding|improving|surging)\b"
    r"|[$€£¥₹]|\b(?:valued|worth|approximately)\b",
    re.I,
)


def reads_as_prose(name: str) -> bool:
    return bool(_NOT_A_SEGMENT.search(name))


def segment_name(heading: str) -> str:
    """The name as the report writes it, without a trailing 'Application(s)' nor a remark
    in parentheses about its rank ('Android (Largest market share)', 2.4.21)."""
    name = _RANK_REMARK.sub("", heading)
    return _SEGMENT_WORD_SUFFIX.sub("", name).strip() or heading


@functools.lru_cache(maxsize=8192)
def segment_key(name: str) -> str:
    """Canonical key shared across markets: Hospitals / Hospital Application → 'hospital'."""
    base = _PARENTHETICAL.sub("", segment_name(name)).strip() or name
    return slugify(" ".join(in_singular(word) for word in base.split()))


@dataclass(frozen=True)
class Candidate:
    """A segment named in prose, with the display name the report gave it."""

    key: str
    name: str
    pattern: re.Pattern[str]


@functools.lru_cache(maxsize=8192)
def _mention_pattern(name: str) -> re.Pattern[str]:
    base = _PARENTHETICAL.sub("", segment_name(name)).strip()
    words = [in_singular(word) for word in base.split()]
    if all(_is_acronym(word) for word in words):
        return re.compile(rf"\b{re.escape(' '.join(words))}\b")
    singular = " ".join(words).lower()
    # inflect takes a capitalised word for a proper noun ("Pharmacys"), so pluralise lowercase.
    plural = " ".join([*words[:-1], inflector().plural_noun(words[-1].lower())]).lower()
    forms = sorted({singular, plural}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def make_candidate(name: str) -> Candidate:
    name = segment_name(name)
    key = segment_key(name)
    pattern = _GENERIC_MENTION if key in _GENERIC_KEYS else _mention_pattern(name)
    return Candidate(key=key, name=name, pattern=pattern)


def _name_rank(name: str) -> int:
    """Prefer the form a report capitalises ('Research Centers' over 'research centers')."""
    return 0 if name[:1].isupper() else 1


def find_named_segments(texts: list[str]) -> dict[str, Candidate]:
    """Segments named in prose: quoted ('the "Hospital" and "Pharmacy" subsegments') or
    enumerated ('divided into hospitals and pharmacies'), keyed by canonical key."""
    found: dict[str, Candidate] = {}

    def add(raw_name: str) -> None:
        candidate = make_candidate(raw_name)
        if not candidate.key or _DIMENSION_LABEL.fullmatch(candidate.name):
            return  # "Based on indication, …": the axis, not a segment
        if _ranks_or_points(candidate.name):
            return  # "the fastest-growing technology segment", "segmented into the following"
        known = found.get(candidate.key)
        if known is None or _name_rank(candidate.name) < _name_rank(known.name):
            found[candidate.key] = candidate

    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            if not _SEGMENT_CONTEXT.search(sentence):
                continue
            # a quoted unit ('estimates in "USD billion"') names no segment
            quoted = [name for name in _QUOTED.findall(sentence) if not _MONEY_UNIT.search(name)]
            for name in quoted:
                add(name)
            if not quoted:
                for name in _enumerated_names(sentence):
                    add(name)
    return found


_MAX_LIST_CHARS = 600
# "On the other hand, …" opens no list.
_DISCOURSE_MARKER = re.compile(r"\b[Oo]n\s+the\s+(?:other|one)\s+hand\b")


# A full stop ends a clause, a decimal point ("34.6%") does not.
_CLAUSE_END = re.compile(r"[;:]|\.(?!\d)")
# "Wire Bonding (34.6% share)": the figure beside a name is not part of it.
_FIGURE_NOTE = re.compile(r"\s*\([^()]*\d[^()]*\)\s*$")
# A chart's breakdown as a list: "39% Skincare", "Hospitals: 45%", "Hair – 21 %".
_SHARE = r"\d{1,3}(?:\.\d{1,2})?\s?%"
_LISTED_SHARE = re.compile(
    rf"^(?!100\s?%){_SHARE}\s+(?:of\s+)?(?=[A-Za-z])|\s*(?:[:–—-]\s*|\s)\(?{_SHARE}\)?$"
)


def without_breakdown_share(name: str) -> str:
    """A listed segment's name without the share of the market a breakdown gives it."""
    return _LISTED_SHARE.sub("", name) or name


_SEGMENT_NUMBER = re.compile(r"^segment\s+\w{1,3}\s*[:.–—-]\s+(?=\w)", re.IGNORECASE)
# A region ("The U.S", "Regions") or a dimension's label ("based on type") names no segment.
_NOT_SEGMENT_NAME = re.compile(
    r"^(?:regions?|geograph(?:y|ies)|(?:based\s+on|by)\s+\w+(?:\s+\w+)?)$|segmentation"
    # 2.4.33: a described item's own labels, "These include …", "Examples: …"
    r"|^(?:these|those|examples?|e\.g\.?|for\s+example|such\s+as)$",
    re.IGNORECASE,
)
# 2.4.28: a prose list's catch-all ("… and other cancers"); a heading's "Other Applications"
# (the seed reports' "Other") and "Others" alone stay segments.
_CATCH_ALL = re.compile(r"^other\s+(?!than\b)\w")


def without_segment_number(name: str) -> str:
    """'Segment 1: Medical Devices' → 'Medical Devices' (2.4.27)."""
    return _SEGMENT_NUMBER.sub("", name)


def names_no_segment(name: str) -> bool:
    """A region, a dimension's label, a segmentation's own word or a prose list's catch-all:
    no segment's name."""
    written = _LEADING_ARTICLE.sub("", name).rstrip(".")
    bare = written.lower()
    names = region_names()
    if bare in names or f"{bare}." in names:
        return True
    return bool(_NOT_SEGMENT_NAME.search(bare) or _CATCH_ALL.match(written))


def _enumerated_names(sentence: str) -> list[str]:
    names: list[str] = []
    if "hand" in sentence:
        sentence = _DISCOURSE_MARKER.sub("", sentence)
    for trigger in _ENUMERATION_TRIGGER.finditer(sentence):
        # A list in prose is short: reading a bounded window keeps each trigger's cost
        # constant (the rest of a run-on sentence would make it quadratic).
        window = sentence[trigger.end() : trigger.end() + _MAX_LIST_CHARS]
        clause = _CLAUSE_END.split(window, maxsplit=1)[0]
        for item in _ITEM_SEPARATOR.split(clause):
            name = _FIGURE_NOTE.sub("", _LEADING_ARTICLE.sub("", item.strip()))
            name = _SEGMENT_WORD_SUFFIX.sub("", name)
            if not _looks_like_name(name):
                break  # the list has ended; what follows is prose
            names.append(name)
    return names


# In an explicit list ("segmented into …", "By Type (…)") prepositions belong to names ("In
# Situ Hybridization", "Drugs for Rare Cancers"); verbs, articles and pronouns still mark prose.
_PROSE_WORDS = frozenset(
    "is are was were be been can will may would should has have had the a an this these those "
    "its their which who that such where various several".split()
)


# "3D Imaging", "5G Modules", "16-Lens": a name may open with digits joined to letters.
_DIGIT_LED_NAME = re.compile(r"\d+-?[A-Za-z]")


def _is_listed_name(name: str) -> bool:
    words = _PARENTHETICAL.sub("", name).lower().split()
    return (
        0 < len(words) <= _MAX_NAME_WORDS + 1
        and (name[:1].isalpha() or bool(_DIGIT_LED_NAME.match(name)))
        and not (_PROSE_WORDS & set(words))
    )


def _looks_like_name(item: str) -> bool:
    words = _PARENTHETICAL.sub("", item).split()
    return (
        0 < len(words) <= _MAX_NAME_WORDS
        and words[0][:1].isalpha()
        and not any(word.lower() in _NOT_A_NAME_WORDS for word in words)
    )


def dominant_segment(paragraph: str, candidates: dict[str, Candidate]) -> str | None:
    """The key a paragraph is about: the candidate it mentions most (earliest on a tie)."""
    best: tuple[int, int] | None = None
    best_key = None
    for key, candidate in candidates.items():
        mentions = list(candidate.pattern.finditer(paragraph))
        if not mentions:
            continue
        score = (len(mentions), -mentions[0].start())
        if best is None or score > best:
            best, best_key = score, key
    return best_key


# The groups of a report title after its first "by": "By Type (A, B), By End User (C, D)",
# "By Applications [A, B]", "(By Indication: A, B; By …)", "by Therapy (A, B) and Route (C)",
# "By Test Type: (A, B)".
_TITLE_BY = re.compile(r"\b[Bb]y\s+(?=[A-Z])")  # "by 2032" is no group
_TITLE_GROUP = re.compile(
    r"(?P<label>[A-Z][\w&/ -]{1,40}?)\s*(?::?\s*\((?P<paren>(?:[^()]|\([^()]{0,300}\)){2,600})\)"
    r"|\[(?P<bracket>[^\[\]]{2,600})\]|:\s*(?P<colon>(?:[^;()\[\]]|\([^()]{1,40}\)){2,600}))"
)
_LEADING_BY = re.compile(r"^(?:by|and)\s+", re.IGNORECASE)
# "By Type: A, B, C" or "Based on product: A and B" as a line of its own.
_LABELLED_LIST = re.compile(
    r"^(?:By|Based\s+on|On\s+the\s+basis\s+of|In\s+terms\s+of)\s+(?P<label>[\w&/ -]{2,40}?)"
    # a hyphen before a space only: "By End-user - A and B"
    r"(?:\s*[:–—]|\s*-(?=\s))\s*(?P<items>.{2,600})$",
    re.I,
)
# "On the basis of type, the market is segmented into A, B and C." / "segmented by
# technology into A and B." Searched with `segmented_into_matches`: a new alternative's first
# word goes into `_SEGMENTATION_OPENERS` too.
SEGMENTED_INTO = re.compile(
    r"(?:\b(?:segmented|segments|divided|divides|subdivided|sub-divided|categori[sz]e[sd]|"
    r"classified|classifies|split|"
    r"characteri[sz]ed|"
    r"splits|bifurcated|segregated|sub-segmented|grouped|"
    # 2.4.33: "The market is broken down into A, B and C", "breaking it down into …"
    r"broken\s+down|breaking\s+(?:it|them|the\s+market)\s+down)"
    r"\s+(?:the\s+(?:[\w-]+\s+){0,3}?market\s+)?"
    # (2.4.31: "segmented on the basis of material into A, B and C")
    r"(?:(?:by|based\s+on|on\s+the\s+basis\s+of)\s+(?P<label2>[\w&/ -]{2,40}?)\s+)?"
    r"(?:into|as),?"  # 2.4.29: "classified as, A, B"
    # "segmented by type of therapy, including A, B and C", "categorized by cancer type,
    # including A, B and C"
    # (2.4.29: also "segmented based on type of method such as, A, B")
    r"|\b(?:segmented|categori[sz]ed|classified|divided)\s+(?:by|based\s+on|on\s+the\s+basis\s+of)"
    # (2.4.30: "… based on hospital ownership type, specifically public and private hospitals")
    r"\s+(?P<label4>[\w&/ -]{2,40}?),?\s+(?:including|such\s+as|namely|specifically),?"
    # 2.4.30: "Industry revenue is measured across several distinct product and services
    # lines, including A, B and C"
    r"|\b(?:measured|segmented|split|divided)\s+across\s+(?:several\s+|multiple\s+|various\s+)?"
    r"(?:distinct\s+)?(?P<label17>products?\s+and\s+services?)\s+lines,?\s+including"
    # "By type, it includes A, B and others." / "By indication, the report analyzes A and B"
    r"|\bby\s+(?P<label6>(?:[\w-]+\s+)?(?:type|application|product|end[- ]?user|technolog(?:y|ie)|"
    r"indication|drug\s+class|route|distribution\s+channel|modality|therapy|component|test)s?),"
    r"\s+(?:it|the\s+(?:market|report|study|research))\s+"
    r"(?:includes|covers|comprises|analy[sz]es|examines)"
    # "Based on the product type the study includes A, B and C"
    r"|\b(?:based\s+on|on\s+the\s+basis\s+of)\s+(?:the\s+)?(?P<label5>[\w&/ -]{2,40}?),?\s+"
    r"the\s+(?:study|report|research|analysis)\s+(?:includes|covers|comprises)"
    # "… by type into A and B, and by application into C, D and E"
    r"|,\s*(?:and\s+)?by\s+(?P<label3>[\w&/ -]{2,40}?)\s+into"
    # "By end-user, key segments include A, B and C", "Major segments of the Indian
    # pharmaceutical industry include A, B and C", "Major product segments are A and B"
    r"|\b(?:key|major|main|primary|principal)\s+(?:[\w-]+\s+)?segments"
    r"(?:\s+of\s+[^.;:,]{2,60}?)?\s+(?:include|are|comprise)"
    # 2.4.29: "When segmented by technology, the market categories are A, B and C"
    r"|\bmarket\s+(?:categories|divisions)\s+(?:include|are|comprise)"
    # "Different types of catheters are A, B and C", "The main types of X include A and B"
    # (2.4.27: also "The primary categories of these drugs include A, B and C")
    r"|\b(?P<label7>types|kinds|categories|classes)\s+of\s+(?:these\s+|the\s+)?"
    r"(?:[\w&-]+\s+){1,5}?(?:are|include|comprise)"
    # 2.4.27: "Drugs used to treat cancer include A, B and C"
    r"|\b(?P<label14>drugs|medicines|medications|therapies|treatments|products|devices|tests|"
    r"technologies|modalities)\s+(?:used|available|offered|approved|prescribed)\s+(?:to|for|in)"
    r"\s+[^.;:,]{2,60}?\s+(?:include|are|comprise)"
    # 2.4.27: "Dialysis is of two major types, A and B"
    r"|\b(?:is|are)\s+of\s+(?:two|three|four|five|six|several)\s+(?:(?:major|main|primary|basic)\s+)?"
    r"(?P<label15>types|kinds|categories),"
    # "two types of surgical sutures available in the market, namely A and B" (2.4.14)
    r"|\b(?P<label13>types|kinds)\s+of\s+[^.;:,]{2,80}?,\s*namely"
    # 2.4.28: "The market has three segments: A, B and C", "dominated by four main clinical
    # segments in 2023, namely A, B, C and D"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?:(?:main|key|major|primary|principal|broad|core|clinical)\s+){0,2}(?:sub-)?segments"
    r"(?:\s+in\s+\d{4})?(?:\s*:|,?\s+(?:namely|including|such\s+as))"
    # "The disposable medical supplies market includes A, B, C and D", "The lab instrumentation
    # market primarily consists of A, B and C"; not a definition ("… includes revenues earned
    # by entities …") nor its firms ("… includes many new entrants")
    # (2.4.24: also "India's pharmaceutical industry/sector/ecosystem includes A, B and C";
    # 2.4.25: "… industry is composed of A, B and C")
    # (2.4.30: in an aside, "The global market for X—which includes A, B, and C—is …")
    # 2.4.31: "the X market, which consists of two major subtypes: A and B, the former …"
    r"|\bmarket,\s+which\s+(?:consists\s+of|comprises|includes)(?=\s+(?:two|three|four|five|six|"
    r"several)\s+(?:[\w-]+\s+)?(?P<label18>sub-?types|types|segments|categories|classes)\s*:)"
    # (2.4.33: "The Healthcare industry in India comprises of A, B and C")
    r"|\b(?:market|industry|sector|ecosystem)"
    r"(?:\s+for\s+[\w -]{2,40}?|\s+in\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?"
    r"(?:\s*[—–]\s*(?:which|that)\s+|\s+)(?:(?:mainly|mostly|primarily|largely)\s+)?"
    r"(?:includes|comprises(?:\s+of)?|is\s+(?:composed|made\s+up)\s+of"
    r"|consists\s+(?:(?:mainly|mostly|primarily|largely)\s+)?of)"  # 2.4.33: "consists primarily of"
    r"(?=\s+(?!(?:the\s+)?(?:sales|revenues?|values?)\b"
    r"|[^.;:]*\b(?:firms|entrants|players|companies|vendors|manufacturers|suppliers)\b))"
    # 2.4.29: "The segments of this market depending upon disease type are A, B and C" (not
    # "segments such as A and B", which a page says of a firm's niches as often)
    r"|\bsegments\s+of\s+(?:this|the)\s+(?:[\w-]+\s+){0,3}?market(?:\s+(?:depending\s+"
    r"(?:up)?on|based\s+on|by)\s+(?P<label16>[\w&/ -]{2,40}?))?\s+(?:are|include|comprise)"
    # "The end users of the NGS market include A, B and C"
    r"|\b(?P<label11>end[- ]?users|applications|product\s+types|technologies|indications)\s+"
    r"of\s+the\s+[^.;:,]{2,60}?\s+market\s+(?:include|are|comprise)"
    # "The modalities covered in this report include A, B and C"
    r"|\b(?P<label10>modalities|types|products|technologies|applications|indications|therapies)"
    r"\s+covered\s+in\s+(?:this|the)\s+(?:report|study|analysis)\s+(?:include|are|comprise)"
    # "The different companion diagnostics technologies are A, B and C"
    r"|\b(?:different|various|main|major|principal)\s+(?:[\w&-]+\s+){0,4}?"
    # (2.4.33: "Some of the major nutraceutical ingredients are A, B and C")
    r"(?P<label9>technologies|types|modalities|therapies|treatments|indications|ingredients)\s+"
    r"(?:are|include|comprise)"
    # "… in various application areas, such as A, B, C, and D", "across several end users,
    # including A and B"
    r"|\b(?:in|across|for)\s+(?:various|several|multiple|different|diverse)\s+"
    r"(?P<label12>application\s+areas|applications|end[- ]?users|indications)"
    r",?\s+(?:such\s+as|including|like))\s+"
    # "into the following segments", "into several categories: A, B and C"
    # (2.4.33: "into its key components: A, B and C")
    r"(?:(?:the\s+|its\s+|their\s+)?(?:following|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\d{1,2}|several|various|multiple|key|main|major|primary|principal)"
    # (2.4.33: "into three segments - A, B and C")
    # (2.4.33: "into two major categories, A and B"; not "…, including A" nor "…, primary
    # ones being A", which other alternatives read)
    r"(?:\s*:\s*|(?:\s+[\w-]+){1,2}\s*:\s*|(?:\s+[\w-]+){1,2}\s+[-–—]\s+"
    r"|(?:\s+[\w-]+)?\s+(?:categories|segments|types|groups|classes|kinds),"
    r"(?!\s*(?:including|such|namely|primary|primarily|mainly|the|which|where|each|of|with|"
    r"based)\b)\s*"
    r"|(?:\s+[\w-]+){1,3},?\s+(?:including|such\s+as|namely)\s*:?\s*|\s+[\w-]+\s+))?"
    # "… into three segments based on end users- A, B and C"
    r"(?:(?:based\s+on|by|according\s+to)\s+(?P<label8>[\w&/ -]{2,40}?)\s*[-–—:]\s*)?"
    # the list, up to the next "…, and by X into"
    r"(?P<items>(?:(?!,\s*(?:and\s+)?by\s+[\w&/ -]{2,40}?\s+into\b)[^.;:]){2,400})",
    re.I,
)
# "A, B, CVDs, and sleep disorders, propels the global X market forward": the list up to its
# last item, when the sentence goes on after it.
_LIST_THEN_CLAUSE = re.compile(r"^(?P<list>.*,\s*(?:and|or)\s+[^,]{1,60}?),\s+\S.*$")
_CLAUSE_AFTER_LIST = re.compile(
    r",\s+(?:of\s+which|which|where|with|whereas|while|the\s+former|the\s+latter)\b"
)
# Where a `SEGMENTED_INTO` match can start: a comma, a number, or a word opening with one of
# these (each alternative's first word). Trying the pattern at those words alone finds what
# a scan of every position finds, in a third of the time (2.4.29; a test compares the two).
_SEGMENTATION_OPENERS = (
    "segment", "sub", "divid", "categori", "classif", "split", "characteri", "bifurcat",
    "segregat", "grouped", "by", "based", "on", "key", "major", "main", "primary", "principal",
    "market", "types", "kinds", "categories", "classes", "drugs", "medicines", "medications",
    "therapies", "treatments", "products", "devices", "tests", "technologies", "modalities",
    "is", "are", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "industry", "sector", "ecosystem", "end", "applications", "product", "indications",
    "different", "various", "in", "across", "for", "measur", "broke", "break",
)  # fmt: skip
_WORD_OR_COMMA = re.compile(r"\b\w+|,")


def segmented_into_matches(
    text: str, start: int = 0, stop: int | None = None
) -> Iterator[re.Match[str]]:
    """`SEGMENTED_INTO.finditer(text)`, tried only where a match can start (between `start`
    and `stop`; a match may run past `stop`)."""
    end = start
    for token in _WORD_OR_COMMA.finditer(text, start, len(text) if stop is None else stop):
        at, word = token.start(), token.group()
        if at < end or not (
            word == "," or word[0].isdigit() or word.lower().startswith(_SEGMENTATION_OPENERS)
        ):
            continue
        if found := SEGMENTED_INTO.match(text, at):
            end = found.end()
            yield found


# The groups of `SEGMENTED_INTO` that hold a dimension's label when the sentence states one.
_LABEL_GROUPS = tuple(f"label{number}" for number in range(2, 19))
# The dimension named before the verb, in the same sentence: "On the basis of type, the market
# is segmented into …". Looked for only before a verb the cheap search found.
_LABEL_BEFORE = re.compile(
    r"\b(?:on\s+the\s+basis(?:\s+of)?|based\s+on|by|in\s+terms\s+of|according\s+to|"
    r"with\s+(?:respect|regard)\s+to)\s+(?P<label>[\w&/ -]{2,40}?),[^.;]{0,80}?$",
    re.I,
)
# "The X Market by application can be broadly categorized into …": the label without a comma,
# right after the market and before the verb.
_MARKET_BY_LABEL = re.compile(
    r"\bmarket\s+by\s+(?P<label>[\w&/ -]{2,40}?)\s+(?:is|are|was|were|can|could|may|has|have)"
    r"\b[^.;,]{0,40}$",
    re.I,
)
_LABEL_WINDOW_CHARS = 140
# In a list of segment names "&" joins one name ("Kits & Reagents"); commas and "and" part them.
# Items part at commas; "and" parts only the last two ("A, B and C"), unless a comma already
# did ("A, B, and C"): "Head and Neck Cancer" inside a list stays one name.
# "(Pathology v/s Radiology)", "Urban vs. Rural": the alternatives are two segments.
_AMPERSAND_OTHERS = re.compile(r"\s+&\s+(?=others?\b)", re.IGNORECASE)
# "(Reusable, v/s Disposable)": a comma before the word too.
_COMMA = re.compile(
    r"\s*[,;]\s*(?:(?:v/s|vs\.?|versus)\s+)?|\s+(?:v/s|vs\.?|versus)\s+", re.IGNORECASE
)
_OXFORD_CONJUNCTION = re.compile(r"^(?:and|or|&)\s+", re.IGNORECASE)
_LAST_CONJUNCTION = re.compile(r"\s+(?:and|or)\s+")


def _list_items(text: str) -> list[str]:
    items = [item for item in _COMMA.split(text) if item]
    oxford = any(_OXFORD_CONJUNCTION.match(item) for item in items[1:])
    items = [_OXFORD_CONJUNCTION.sub("", item) for item in items]
    if items and not oxford:
        items[-1:] = _last_two(items[-1])
    return items


def _last_two(item: str) -> list[str]:
    """'A and B' at its first "and" ('colored display and black and white display'), unless
    what follows reads as no name: then at its last ('sterilization and disinfectant
    equipment and disposable hospital supplies')."""
    # "Disease- and drug-related writing": a hyphen left hanging shares the word after (2.4.27)
    joins = [join for join in _LAST_CONJUNCTION.finditer(item) if item[join.start() - 1] != "-"]
    if not joins:
        return [item]
    first, last = joins[0], joins[-1]
    if len(joins) > 1 and not _is_listed_name(item[first.end() :]):
        first = last
    return [item[: first.start()], item[first.end() :]]


_MAX_NESTING = 4
_SUB_LIST_MARK = re.compile(r"[,;]")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&/-]{1,9}s?")
# The name of an axis of segmentation, not of a segment: "application", "cancer type".
_DIMENSION_LABEL = re.compile(
    r"(?:applications?|(?:[\w-]+\s+)?types?|products?|end[- ]?us(?:er|e)s?|technolog(?:y|ies)|"
    r"indications?|regions?|drug\s+class(?:es)?|route(?:\s+of\s+administration)?|"
    r"distribution\s+channels?)",
    re.IGNORECASE,
)
# A list's label: "Type of biomarkers", "Tumor type", "Profiling technologies", "Applications".
_DIMENSION_HEAD = re.compile(
    rf"(?:[\w-]+\s+)?{_DIMENSION_LABEL.pattern}(?:\s+of\s+[\w -]{{2,30}})?", re.IGNORECASE
)


def names_a_dimension(label: str) -> bool:
    """Whether a list item's label names a dimension ("Tumor type – A, B"), not a segment."""
    return _DIMENSION_HEAD.fullmatch(label) is not None


# Words that trail a name in a list; "Others" on its own is a segment of its own.
_TRAILING_LIST_WORDS = re.compile(
    r"(?:\s+among\s+others|\s*,?\s+(?:and\s+)?others?|\s*,?\s+and\s+more|\s*\betc\.?|"
    # "… and radiographic and other types of stretchers": the catch-all after the last name
    r"\s+and\s+other\s+(?:types\s+of\s+)?[\w-]+(?:\s+[\w-]+)?|"
    r"\s+(?:segments?|categories))"
    r"\s*$",
    re.I,
)


def _flatten_sub_lists(text: str, depth: int = 0) -> str:
    """'Drugs {Rx, OTC} and Vaccines' → 'Drugs , Rx, OTC,  and Vaccines': a sub-list in braces,
    brackets, or parentheses with a comma follows its parent as items of the same list; a
    parenthesis without one is part of the name ('CML (Chronic Myelogenous Leukemia)'), and so
    is an abbreviation in other brackets ('Electronic Health Record {EHR}' → '… (EHR)')."""
    parts: list[str] = []
    level = start = opened = 0
    for index, char in enumerate(text):
        if char in "([{":
            if level == 0:
                parts.append(text[start:index])
                opened = index
            level += 1
        elif char in ")]}" and level:
            level -= 1
            if level == 0:
                inner = text[opened + 1 : index]
                if char == ")" and not _SUB_LIST_MARK.search(inner):
                    parts.append(text[opened : index + 1])
                elif _ABBREVIATION.fullmatch(inner.strip()):  # "Electronic Health Record {EHR}"
                    parts.append(f"({inner.strip()})")
                elif depth < _MAX_NESTING:
                    parts.append(f", {_flatten_sub_lists(inner, depth + 1)}, ")
                start = index + 1
    parts.append(text[opened:] if level else text[start:])
    return "".join(parts)


# Examples given of one item are no items of their own (2.4.27; 2.4.30: also "(e.g., A, B)").
_EXAMPLES_NOTE = re.compile(
    r"\s*\((?:such\s+as|e\.\s?g\.,?|eg\.?,?|including|like)\s[^()]*\)", re.IGNORECASE
)


# (2.4.33: "…, perfumes and toiletries, among others")
_LIST_CONTINUES = frozenset({"more", "many more", "so on", "so forth", "among"})


def split_segment_names(items: str) -> list[str]:
    """'A, B, and C' → [A, B, C]; sub-lists follow their parent ('Drugs {Prescription, OTC}'
    → Drugs, Prescription, OTC); empty when an item reads as prose or names a dimension."""
    names = []
    items = _AMPERSAND_OTHERS.sub(" and ", items)  # "Multifocal & Others": two items
    items = _EXAMPLES_NOTE.sub("", items)  # "inhibitors (such as PD-1 and CTLA-4 inhibitors)"
    for item in _list_items(_flatten_sub_lists(items).strip().rstrip(".")):
        name = _TRAILING_LIST_WORDS.sub("", _LEADING_ARTICLE.sub("", item.strip(" '‘’\"“”")))
        name = name.strip(" .'‘’\"“”")
        if not name or name.lower() in _LIST_CONTINUES:
            continue  # "breast cancer, lung cancer and more"
        if not _is_listed_name(name):
            return []
        if (
            _DIMENSION_LABEL.fullmatch(name)
            or _LEADING_BY.match(name)
            or "{" in name
            or "[" in name
        ):
            return []  # "segmented based on application, type": the axes, not segments
        names.append(name)  # as the report writes it
    return _distributed(names, items)


# "therapeutic and diagnostic products", "oral, injectable, and topical drug delivery
# systems": lowercase adjectives before a last name with a plural noun share what follows that
# name's own first word. Title-case lists ("Hospital, Specialty Clinics") name each in full.
_ADJECTIVE = re.compile(r"[a-z-]+(?:ic|al|ive|ary|able|ible|ous|ar)")
# Singular nouns adjectives share too: "traditional and advanced wound care" (2.4.31).
_MASS_NOUNS = frozenset("care therapy treatment surgery imaging medicine cancer".split())


def _distributed(names: list[str], items: str) -> list[str]:
    *adjectives, last = names or [""]
    words = last.split()
    shares = (
        adjectives
        and len(words) >= 2
        and (words[-1].endswith("s") or words[-1] in _MASS_NOUNS)
        and all(_ADJECTIVE.fullmatch(adjective) for adjective in adjectives)
        # "hospital and ambulatory surgical centers": two modifiers, no shared noun to read
        and not (len(words) > 2 and _ADJECTIVE.fullmatch(words[1]))
        and re.search(rf"\b{re.escape(adjectives[-1])},?\s+(?:and|or|&)\s+{re.escape(last)}", items)
    )
    if not shares:
        return names
    shared = " ".join(words[1:])
    return [f"{adjective} {shared}" for adjective in adjectives] + [last]


# "X Market (Drug Type: A, B, and Others; Distribution Channel: C, D)", also with dashes
# ("(Product Type - A, B; Treatment - C, D)"): labelled groups without "By".
_LABELLED_TITLE_GROUPS = re.compile(r"\bMarket\s*\((?P<inner>(?:[^()]|\([^()]{0,40}\)){4,1200})\)")
_LABELLED_GROUP = re.compile(
    r"^\s*(?P<label>[A-Z][\w&/ ]{1,30}?)\s*(?::|\s[-–]\s)\s*(?P<items>.+)$"
)


def _labelled_title_groups(title: str) -> list[tuple[str, list[str]]]:
    found = _LABELLED_TITLE_GROUPS.search(title)
    if found is None:
        return []
    groups = []
    for part in found["inner"].split(";"):
        labelled = _LABELLED_GROUP.match(part)
        names = split_segment_names(labelled["items"]) if labelled else []
        if labelled is None or len(names) < 2:
            return []  # not every part a labelled list: not a segmentation
        groups.append((labelled["label"], names))
    return groups


# "Global Diagnostic Imaging (CT, MRI, X-Ray & Ultrasound) Market": the names in brackets
# before "Market" (no figures: "(2024-2030)" is a period).
_LISTED_BEFORE_MARKET = re.compile(r"\b[A-Z][\w-]*\s*\((?P<inner>[^()\d]{3,200})\)\s*Markets?\b")


# "Surgical Retractor Market – Product (A, B), Design (C, D) – Forecasts to 2023": groups
# after a dash, without "By".
_GROUPS_AFTER_DASH = re.compile(r"\bMarkets?\s*[–—-]\s*(?=[A-Z][\w&/ -]{1,40}?\s*\()")


def _dash_title_groups(title: str) -> list[tuple[str, list[str]]]:
    dash = _GROUPS_AFTER_DASH.search(title)
    if dash is None:
        return []
    groups = [
        (match["label"], split_segment_names(match["paren"]))
        for match in _TITLE_GROUP.finditer(title, dash.end())
        if match["paren"]
    ]
    return groups if len(groups) >= 2 and all(len(names) >= 2 for _, names in groups) else []


def title_segment_groups(title: str) -> list[tuple[str, list[str]]]:
    """(dimension label, names) for each 'By X (A, B)' group of a report title, else each
    'Label: A, B' group of 'X Market (Label: A, B; Label: C, D)' or of 'X Market – Label (A,
    B), Label (C, D)', else the names of 'X (A, B & C) Market'."""
    first_by = _TITLE_BY.search(title)
    if first_by is None and (dashed := _dash_title_groups(title)):
        return dashed
    if first_by is None:
        listed = _LISTED_BEFORE_MARKET.search(title)
        names = split_segment_names(listed["inner"]) if listed else []
        return _labelled_title_groups(title) or ([("", names)] if len(names) >= 2 else [])
    groups = [
        (
            _LEADING_BY.sub("", match["label"]),
            split_segment_names(match["paren"] or match["bracket"] or match["colon"]),
        )
        for match in _TITLE_GROUP.finditer(title, first_by.start())
    ]
    return groups or study_by_groups(title)


# 2.4.30: a title that lists its segments after "by" without labels, and its end users after
# "for": "X Market Study by Steam Sterilization, Gamma Irradiation, and Ion Beam Treatment,
# from 2024 to 2034", "X Market Study by Axial and Peripheral Devices for Hospitals and
# Clinics from 2024 to 2034". Read in a title-long line only.
_STUDY_BY = re.compile(
    r"\bmarket\s+(?:study|analysis|insights?|outlook|report)\s+by\s+"
    r"(?P<items>(?:(?!\s+for\s)[^()]){3,300}?)(?:\s+for\s+(?P<users>[^()]{3,200}?))?,?\s+"
    r"(?:from|between|during|through|in)\s+(?:19|20)\d\d",
    re.IGNORECASE,
)
_MAX_STUDY_TITLE_CHARS = 600


def study_by_groups(title: str) -> list[tuple[str, list[str]]]:
    if len(title) > _MAX_STUDY_TITLE_CHARS or not (study := _STUDY_BY.search(title)):
        return []
    groups = [("", split_segment_names(study["items"]))]
    if study["users"]:
        groups.append(("end users", split_segment_names(study["users"])))
    return [(label, names) for label, names in groups if len(names) >= 2]


# "By End-user - Hospitals and clinics segment was valued at USD 6.71 billion in 2022": one
# segment, named whole, in a line about it.
_ONE_NAMED_SEGMENT = re.compile(
    r"^(?P<name>[^,;:.()]{2,60}?)\s+segments?\s+(?:is|was|are|were|has|had|have|accounted|held|"
    r"holds|led|leads|dominated|dominates|captured|generated|registered|recorded|grew|grows|"
    r"will)\b",
    re.I,
)


def labelled_segment_list(line: str) -> tuple[str, list[str]] | None:
    """'By Type: A, B, C' → ('Type', [A, B, C]); 'By Type - A segment held …' → ('Type', [A])."""
    match = _LABELLED_LIST.match(line)
    if match is None:
        return None
    if named := _ONE_NAMED_SEGMENT.match(match["items"]):
        return match["label"], [named["name"]]
    names = split_segment_names(match["items"])
    return (match["label"], names) if names else None


# Brands and companies within a segment are no segments of the market.
_NOT_A_DIMENSION = re.compile(
    r"\b(?:brands?|compan(?:y|ies)|players?|vendors?|regional|geographic(?:al)?|country)\b", re.I
)
_SEGMENTATION_WORDS = (
    "into", "egment", "include", "covers", "comprises", "analy", "examines", "types of", " by ",
    "kinds of", "different", "various", "main", "major", "principal", "covered in", "consist",
    "composed of", "made up of", "based on", "basis of", "categori", "classif", "services lines",
    "service lines",
)  # fmt: skip


# "segmentation exists based on both service type (e.g., SaaS, PaaS) and application (e.g.,
# CRM, ERP)": a dimension with its examples, in a sentence about segments.
_EXAMPLES_GROUP = re.compile(
    r"\b(?P<label>(?:[\w-]+\s+)?(?:types?|applications?|products?|end[- ]?users?|"
    r"technolog(?:y|ies)|indications?|components?|deployments?|channels?|services?))\s*\(\s*"
    r"(?:e\.g\.|i\.e\.|such\s+as|including)[,:]?\s*(?P<items>[^()]{2,300})\)",
    re.I,
)


# "The market is segmented based on product (A, B and C), disease area (D, E) and end-users (F,
# G)": each dimension with its names in parentheses, in prose (2.4.13).
_PROSE_GROUPS = re.compile(
    r"\b(?:segmented|categori[sz]ed|classified|divided|split|bifurcated|analy[sz]ed)\s+"
    r"(?:based\s+on|on\s+the\s+basis\s+of|by|in\s+terms\s+of)\s+"
    r"(?P<groups>(?:(?:\s*,)?\s*(?:and\s+)?(?:the\s+)?[a-z][\w-]*(?:\s+[\w-]+){0,2}\s*"
    r"\([^()]{2,400}\)){1,8})",
    re.I,
)
_PROSE_GROUP = re.compile(
    r"(?:and\s+)?(?:the\s+)?(?P<label>[a-z][\w-]*(?:\s+[\w-]+){0,2})\s*\((?P<items>[^()]{2,400})\)",
    re.I,
)


def _prose_groups(text: str) -> tuple[list[tuple[str, list[str]]], tuple[int, int] | None]:
    """The groups of 'segmented based on X (A, B), Y (C, D)', and where they are in `text`."""
    found = _PROSE_GROUPS.search(text)
    if found is None:
        return [], None
    groups = [
        (group["label"], names)
        for group in _PROSE_GROUP.finditer(found["groups"])
        if len(names := split_segment_names(group["items"])) >= 2
        and not _NOT_A_DIMENSION.search(group["label"])  # "by company (A, B)"
    ]
    # One group only when its label is a dimension: "segmented based on type (A, B, C)", not
    # "segmented by the leading firms (A, B)" (2.4.29)
    if len(groups) == 1 and not _DIMENSION_LABEL.fullmatch(groups[0][0]):
        return [], None
    return groups, found.span()


# "Teledermatology, telepathology, and telepsychiatry are some of the other application-based
# segments": the names open the sentence.
_NAMES_THEN_SEGMENTS = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<items>[A-Z][^.;:!?]{2,300}?)\s+(?:are|were)\s+"
    r"(?:some\s+of\s+|among\s+)?(?:the\s+)?(?:other\s+|key\s+|major\s+|main\s+|various\s+)?"
    # (2.4.29: "A, B, and C are the various market divisions under the end user segment")
    r"(?:market\s+)?(?:(?P<label>[\w-]+?)(?:-based)?\s+)?(?:segments|divisions|categories)\b"
    # "Chemotherapy, biologics and hormonal therapy are the different types of cancer treatment"
    r"|(?:^|(?<=[.!?]\s))[\"“]?(?P<typed>[A-Z][^.;:!?]{2,300}?)\s+(?:are|were)\s+(?:the\s+)?"
    r"(?:different|various|main|major|principal)\s+(?:types|kinds|classes)\s+"
    # (2.4.30: "Generic and innovative are the major types in the market")
    r"(?:of\b|in\s+(?:the|this)\s+(?:[\w-]+\s+){0,3}?market\b)"
)


# "The report adds that A, B and C are the different types of …": the list after "that".
_REPORTED_CLAUSE = re.compile(
    r"^(?:[\w'’-]+\s+){1,5}?(?:adds|added|says|said|notes|noted|states|stated|shows|showed|"
    r"finds|found|reveals|revealed|explains|explained)\s+that\s+(?=\w)"
)


# "categorized into A, B and C on the basis of their product type": the dimension after the
# list (2.4.31)
_LABEL_AFTER_LIST = re.compile(
    r"\s+(?:on\s+the\s+basis\s+of|based\s+on|in\s+terms\s+of|according\s+to|depending\s+on)"
    r"\s+(?:(?:the|their|its)\s+)?(?P<label>[\w&/ -]{2,40}?)\s*$",
    re.IGNORECASE,
)
# "A, B, and other services such as C and D": the others' examples are no segments (2.4.31)
_OTHERS_SUCH_AS = re.compile(
    r",?\s+(?:and|or)\s+other\s+(?:[\w-]+\s+){0,2}?(?:such\s+as|like|including)\b.*$",
    re.IGNORECASE,
)
_EXCLUDING = re.compile(r"\s*\((?:excluding|except|not\s+including)\b[^()]{0,120}\)")
# A relative clause describing one item of a list, up to the next item (2.4.33).
_RELATIVE_CLAUSE = re.compile(r",\s+which\s+[^,;()]{1,120}(?=,)", re.IGNORECASE)
# The words before a list's first item (2.4.33): "into categories based on resin types,
# including A, B and C" (with the dimension), "into applications of A, B and C".
_LIST_PREAMBLE = re.compile(
    r"^(?:(?:[\w-]+\s+){0,2}?(?:categories|groups|classes|kinds|types)\s+"
    r"(?:based\s+on|by|according\s+to)\s+(?:(?:the|their|its)\s+)?(?P<label>[\w&/ -]{2,40}?),?"
    r"\s+(?:including|such\s+as|namely)\s+"
    r"|(?P<kind>applications|types|categories|kinds|classes)\s+of\s+)",
    re.IGNORECASE,
)


def segmentation_sentence(text: str) -> list[tuple[str, list[str]]]:
    """(dimension label or '', names) of each 'segmented into A, B and C' in prose."""
    groups: list[tuple[str, list[str]]] = []
    if "egment" in text:
        for example in _EXAMPLES_GROUP.finditer(text):
            if len(names := split_segment_names(example["items"])) >= 2:
                groups.append((_LEADING_BY.sub("", example["label"]), names))
    lowered = text.lower()
    if not any(word in lowered for word in _SEGMENTATION_WORDS):
        return groups  # every match has one of these words; most paragraphs have none
    grouped, grouped_span = _prose_groups(text) if "(" in text else ([], None)
    groups += grouped
    for named in _NAMES_THEN_SEGMENTS.finditer(text):
        label = named["label"] or ("types" if named["typed"] else "")
        items = _REPORTED_CLAUSE.sub("", named["items"] or named["typed"])
        if len(names := split_segment_names(items)) >= 2 and not _NOT_A_DIMENSION.search(label):
            groups.append((label, names))
    for match in segmented_into_matches(text):
        if grouped_span and grouped_span[0] <= match.start() < grouped_span[1]:
            continue  # read as groups above
        if group := _segmented_group(text, match):
            groups += group
        else:  # a later verb in what this match took for its list may open the real one
            # ("consists of over 60 techniques, which are grouped into nine categories: A, …";
            # 2.4.33): looked for once, not again inside what that finds
            inner = segmented_into_matches(text, match.start("items"), match.end())
            groups += chain.from_iterable(_segmented_group(text, found) for found in inner)
    return groups


def _segmented_group(text: str, match: re.Match[str]) -> list[tuple[str, list[str]]]:
    """The (label, names) a `SEGMENTED_INTO` match lists, as a list of one; none when its
    "list" names no segments or its dimension is no segmentation."""
    # "… includes A, B, and C (excluding D)—is set to rise": the aside's dash ends the list,
    # and what it leaves out is none of it (2.4.30)
    items = _EXCLUDING.sub("", ASIDE_DASH.split(match["items"], maxsplit=1)[0])
    label_after = _LABEL_AFTER_LIST.search(items)
    items = items[: label_after.start()] if label_after else items
    items = _OTHERS_SUCH_AS.sub("", items)
    # "into ocular drug delivery, which treats eye diseases, pulmonary drug delivery, …"
    items = _RELATIVE_CLAUSE.sub("", items)
    if preamble := _LIST_PREAMBLE.match(items):
        items = items[preamble.end() :]
    if match["label12"]:  # "… such as A, B, and C, propels the market": the list alone
        items = _LIST_THEN_CLAUSE.sub(r"\g<list>", items)
    if match["label13"] or match["label18"]:  # "namely A and B, of which A …": the list alone
        items = _CLAUSE_AFTER_LIST.split(items, maxsplit=1)[0]
    names = split_segment_names(items)
    if len(names) < 2:  # "… such as A, B, and C, each catering to …": the list alone
        names = split_segment_names(_LIST_THEN_CLAUSE.sub(r"\g<list>", items))
    if len(names) < 2:
        return []
    before = text[max(0, match.start() - _LABEL_WINDOW_CHARS) : match.start()]
    label = _LABEL_BEFORE.search(before) or _MARKET_BY_LABEL.search(before)
    stated = next((match[group] for group in _LABEL_GROUPS if match[group]), None)
    stated = stated or (label_after["label"] if label_after else None)
    stated = stated or (preamble["label"] or preamble["kind"] if preamble else None)
    if _NOT_A_DIMENSION.search(stated or (label["label"] if label else "")):
        return []  # "On the basis of brand, … classified into Enbrel, Remicade, …"
    return [(stated or (label["label"] if label else ""), names)]


# A sentence listing a subject's kinds: "Common baby cosmetics include A, B, C and others".
_KINDS = re.compile(
    r"(?:(?:common|typical|popular|the\s+main|main|major|key)\s+)?"
    r"(?P<subject>[\w&'’-]+(?:\s+[\w&'’-]+){0,5}?)(?:\s+products)?\s+"
    r"(?:include|includes|comprise|comprises)\s+(?P<items>[^.;:]{2,400})",
    re.IGNORECASE,
)


def kinds_of_market(text: str, name: str) -> list[tuple[str, list[str]]]:
    """'Common baby cosmetics include A, B, C and others' on a Baby Cosmetics page: the kinds
    a sentence whose subject is the market's own name lists (2.4.33)."""
    own, lowered = name.lower(), text.lower()
    if len(own) < 3 or own not in lowered or not ("includ" in lowered or "compris" in lowered):
        return []  # the cheap tests: most paragraphs never say the name, nor "include"
    groups = []
    for sentence in _SENTENCE_END.split(text):  # tried where a sentence starts only
        found = _KINDS.match(sentence)
        if found is None or found["subject"].lower() != own or _DEFINING.search(found["items"]):
            continue  # another subject; "Pet food includes food for pets like cats, …"
        items = _LIST_THEN_CLAUSE.sub(r"\g<list>", _OTHERS_SUCH_AS.sub("", found["items"]))
        if len(names := split_segment_names(items)) >= 2:
            groups.append(("", names))
    return groups


_DEFINING = re.compile(r"\b(?:like|such\s+as|e\.g\.)\s", re.IGNORECASE)


def with_shared_head(names: list[str], title: str) -> list[str]:
    """'soft, hybrid, and rigid gas permeable contact lenses' on a Contact Lenses page: two
    words or more of the last item that the title names end each one-word item too (2.4.33;
    one word is too often the adjectives' own: 'hemodialysis and peritoneal dialysis')."""
    *firsts, last = names
    if not firsts or not all(len(name.split()) == 1 and name.islower() for name in firsts):
        return names
    title_words = f" {' '.join(title.lower().split())} "
    last_words = last.split()
    for length in range(len(last_words) - 1, 1, -1):
        head = " ".join(last_words[-length:])
        if f" {head.lower()} " in title_words:
            return [f"{name} {head}" for name in firsts] + [last]
    return names


# "The targeted therapy segment accounted for …", "By product, the branded segment …": a
# segment named as the subject of a sentence, with the label of its dimension when stated.
DIMENSION_LEAD = r"\b(?:[Bb]y|[Bb]ased\s+on|[Oo]n\s+the\s+basis\s+of|[Ii]n\s+terms\s+of)\s+"
_SEGMENT_SUBJECT = re.compile(
    # not after "in": "companies focus in the oncology segment" names no segment of its own, nor
    # "the Rest of the World segment" any but a region
    rf"(?:{DIMENSION_LEAD}(?P<label>[\w&/ -]{{2,40}}?)\s*,\s*)?"
    r"(?<!\b[Ii]n\s)(?<!\b[Rr]est\sof\s)\b[Tt]he\s+"
    # Word by word: each "the" tries a few words, not every length of a character run; never
    # over a later "the", whose own match it would consume ("the X market was dominated by the
    # diagnostic segment", 2.4.29).
    r"(?P<names>(?![Tt]he\b)[\w&/'’-]+(?:\s+(?![Tt]he\b)[\w&/'’-]+){0,7}?"
    r"(?:\s*\([^()]{1,40}\))?)\s+(?:sub-?)?segments?\b"
    r"(?!\s+(?:the|into|by|it|them|its)\b)"  # "the report segments the market …": a verb
)
# Mordor's takeaways: "By therapy type, chemotherapy held a 42% share …, while targeted therapy
# is projected to …"; the label opens the sentence, each name is followed by its verb.
_LABELLED_SUBJECT = re.compile(
    # A bullet or arrow may come first ("→ By indication, lung cancer emerged …").
    rf"^[^\w(]{{0,4}}{DIMENSION_LEAD}(?P<label>[\w&/ -]{{2,40}}?)\s*,\s*"
    r"(?:the\s+)?(?P<name>[^,;:()]{2,60}?)\s+"
    r"(?:held|holds|accounted|accounts|commanded|commands|captured|dominated|dominates|led|"
    r"leads|generated|contributed|contributes|represented|represents|registered|emerged|"
    r"remained)\b"
)
# "Hormone therapy has emerged as the leading segment, …, while targeted therapy is expected
# to …", "Oncology is the largest application segment" (2.4.29): a sentence that ranks its
# subject as a segment.
_RANKED_SUBJECT = re.compile(
    r"^[^\w(]{0,4}(?!(?:It|This|That|Which|What|There|Here|Each)\b)"
    r"(?P<name>[A-Z][^,;:()]{1,60}?)\s+(?:is|was|remains|remained|has\s+been|"
    r"(?:has\s+)?emerged\s+as)\s+the\s+(?:single\s+)?(?:largest|leading|dominant|biggest|"
    r"fastest[- ]growing)\s+(?:(?P<label>[\w-]+(?:\s+[\w-]+)?)\s+)?segment\b"
)
_SECOND_SUBJECT = re.compile(
    r"(?:\bwhile|\bwhereas|;)\s+(?:the\s+)?(?P<name>[^,;:()]{2,60}?)\s+(?:is|are)\s+"
    r"(?:projected|set|poised|expected|anticipated|forecast|likely)\b"
)
# Words that make "the … segment" a rank or a pointer, not a name ("the fastest-growing
# segment", "the largest segment", "the same segment").
_RANK_WORDS = frozenset(
    "largest fastest fastest-growing growing leading dominant dominating highest biggest "
    "smallest second third same other overall entire whole remaining respective market "
    "prominent significant lucrative top emerging major lowest following above below "
    "mentioned said most least vital important critical crucial".split()
)


def _is_superlative(word: str) -> bool:
    """'the biggest segment', 'the latest', 'the highest-growing'."""
    first = word.split("-", 1)[0]
    return len(first) > 5 and first.endswith("est")


def _ranks_or_points(name: str) -> bool:
    """'fastest-growing technology', 'following': a rank or a pointer, not a name."""
    words = _PARENTHETICAL.sub("", name).lower().split()
    return bool(_RANK_WORDS & set(words)) or any(map(_is_superlative, words))


def _subject_name(name: str) -> str | None:
    name = _LEADING_ARTICLE.sub("", name.strip())
    words = _PARENTHETICAL.sub("", name).lower().split()
    if not _looks_like_name(name) or _ranks_or_points(name):
        return None
    if _SEGMENT_WORD_SUFFIX.search(name) or "segment" in words:
        return None  # "the hospital segment s holds …": the name is before "segment"
    if _DIMENSION_LABEL.fullmatch(" ".join(words)) or any(ch.isdigit() for ch in name):
        return None
    if mentions_other_region(name, None):
        return None  # "the North America segment": a region, never a segment
    return name


def segment_subjects(text: str) -> list[tuple[str, list[str]]]:
    """(dimension label or '', names) of each segment a sentence has as its subject: 'the A
    and B segments', 'By type, A held … while B is projected …'."""
    groups = []
    for match in _SEGMENT_SUBJECT.finditer(text) if "egment" in text else ():
        names = [_subject_name(item) for item in _list_items(match["names"])]
        if names and all(names):
            label = match["label"] or _sentence_label(text, match.start())
            groups.append((label, [name for name in names if name]))
    if labelled := _LABELLED_SUBJECT.match(text):
        groups += _subject_and_second(text, labelled)
    return groups


_SENTENCE_LABEL = re.compile(rf"[^\w(]{{0,4}}{DIMENSION_LEAD}(?P<label>[\w&/ -]{{2,40}}?)\s*,")


def _sentence_label(text: str, at: int) -> str:
    """The dimension that opens the sentence around `at`: "By product, the X market was
    dominated by the diagnostic segment" → product (2.4.29); '' without one."""
    window = max(0, at - _LABEL_WINDOW_CHARS)  # bounded: a run-on paragraph stays linear
    start = max((found.end() for found in _SENTENCE_END.finditer(text, window, at)), default=0)
    opening = _SENTENCE_LABEL.match(text, start) if start or not window else None
    return opening["label"] if opening else ""


def ranked_segments(text: str) -> list[tuple[str, list[str]]]:
    """(dimension label or '', names) of each sentence that ranks its subject as a segment
    ("Oncology is the largest application segment, …"; "A has emerged as the leading segment,
    while B is expected to …"), wherever the page says it (2.4.29)."""
    if "egment" not in text:
        return []
    return [
        group
        for sentence in _SENTENCE_END.split(text)
        if (ranked := _RANKED_SUBJECT.match(sentence))
        for group in _subject_and_second(sentence, ranked)
    ]


def _subject_and_second(text: str, lead: re.Match[str]) -> list[tuple[str, list[str]]]:
    """The lead's subject and the one after its "while …" as one labelled group."""
    subjects = [lead["name"]]
    subjects += [m["name"] for m in _SECOND_SUBJECT.finditer(text, lead.end())]
    found = [name for name in map(_subject_name, subjects) if name]
    return [(lead["label"] or "", found)] if found else []
