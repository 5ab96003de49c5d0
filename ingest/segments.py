"""Application segments: canonical keys, and segments a report names only in its prose."""

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slugify import slugify

_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_SEGMENT_WORD_SUFFIX = re.compile(r"\s+(?:applications?|segments?|subsegments?)\s*$", re.I)
# Sentences that name segments: "segmented by application", "divided into", "categorized".
_SEGMENT_CONTEXT = re.compile(
    r"segment|application|categori[sz]|divided|classified|split into", re.IGNORECASE
)
_ENUMERATION_TRIGGER = re.compile(
    r"\b(?:including|includes|include|being|into|on|namely|as|between|are)\s+|:\s*", re.I
)
_ITEM_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_QUOTED = re.compile(r"[\"“]([^\"”]{2,40})[\"”]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Words that show an enumeration item is prose, not a segment name.
_NOT_A_NAME_WORDS = frozenset(
    "various several key primary main different multiple many two three four five specific "
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
def _singular(word: str) -> str:
    lowered = word.lower()
    if _is_acronym(word) or not lowered.endswith("s") or lowered.endswith(("ss", "is", "us")):
        return word
    singular = inflector().singular_noun(lowered)
    if not isinstance(singular, str) or not singular:  # False: not a plural; "": the word "s"
        return word
    return singular.capitalize() if word[:1].isupper() else singular


def segment_name(heading: str) -> str:
    """The name as the report writes it, without a trailing 'Application(s)'."""
    return _SEGMENT_WORD_SUFFIX.sub("", heading).strip() or heading


@functools.lru_cache(maxsize=8192)
def segment_key(name: str) -> str:
    """Canonical key shared across markets: Hospitals / Hospital Application → 'hospital'."""
    base = _PARENTHETICAL.sub("", segment_name(name)).strip() or name
    return slugify(" ".join(_singular(word) for word in base.split()))


@dataclass(frozen=True)
class Candidate:
    """A segment named in prose, with the display name the report gave it."""

    key: str
    name: str
    pattern: re.Pattern[str]


@functools.lru_cache(maxsize=8192)
def _mention_pattern(name: str) -> re.Pattern[str]:
    base = _PARENTHETICAL.sub("", segment_name(name)).strip()
    words = [_singular(word) for word in base.split()]
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
        if not candidate.key:
            return
        known = found.get(candidate.key)
        if known is None or _name_rank(candidate.name) < _name_rank(known.name):
            found[candidate.key] = candidate

    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            if not _SEGMENT_CONTEXT.search(sentence):
                continue
            quoted = _QUOTED.findall(sentence)
            for name in quoted:
                add(name)
            if not quoted:
                for name in _enumerated_names(sentence):
                    add(name)
    return found


_MAX_LIST_CHARS = 600


def _enumerated_names(sentence: str) -> list[str]:
    names: list[str] = []
    for trigger in _ENUMERATION_TRIGGER.finditer(sentence):
        # A list in prose is short: reading a bounded window keeps each trigger's cost
        # constant (the rest of a run-on sentence would make it quadratic).
        window = sentence[trigger.end() : trigger.end() + _MAX_LIST_CHARS]
        clause = re.split(r"[.;:]", window, maxsplit=1)[0]
        for item in _ITEM_SEPARATOR.split(clause):
            name = _SEGMENT_WORD_SUFFIX.sub("", _LEADING_ARTICLE.sub("", item.strip()))
            if not _looks_like_name(name):
                break  # the list has ended; what follows is prose
            names.append(name)
    return names


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
# "By Applications [A, B]", "(By Indication: A, B; By …)", "by Therapy (A, B) and Route (C)".
_TITLE_BY = re.compile(r"\b[Bb]y\s+")
_TITLE_GROUP = re.compile(
    r"(?P<label>[A-Z][\w&/ -]{1,40}?)\s*(?:\((?P<paren>[^()]{2,600})\)"
    r"|\[(?P<bracket>[^\[\]]{2,600})\]|:\s*(?P<colon>[^;()\[\]]{2,600}))"
)
_LEADING_BY = re.compile(r"^(?:by|and)\s+", re.IGNORECASE)
# "By Type: A, B, C" or "Based on product: A and B" as a line of its own.
_LABELLED_LIST = re.compile(
    r"^(?:By|Based\s+on|On\s+the\s+basis\s+of|In\s+terms\s+of)\s+(?P<label>[\w&/ -]{2,40}?)"
    r"\s*[:–—-]\s*(?P<items>.{2,600})$",
    re.I,
)
# "On the basis of type, the market is segmented into A, B and C." / "segmented by
# technology into A and B."
_SEGMENTED_INTO = re.compile(
    r"(?:(?:on\s+the\s+basis\s+of|based\s+on|by|in\s+terms\s+of)\s+(?P<label>[\w&/ -]{2,40}?),"
    r"[^.;]{0,80}?)?\b(?:segmented|divided|categori[sz]ed|classified|split|bifurcated|"
    r"sub-segmented|grouped)\s+(?:by\s+(?P<label2>[\w&/ -]{2,40}?)\s+)?into\s+"
    r"(?:(?:the\s+)?(?:following|two|three|four|five|six)\s+(?:\w+\s+)?)?"
    r"(?P<items>[^.;:]{2,400})",
    re.I,
)
# In a list of segment names "&" joins one name ("Kits & Reagents"); commas and "and" part them.
_LIST_ITEM_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_NESTED_LIST = re.compile(r"\s*(?:\{[^{}\[\]]*\}|\[[^{}\[\]]*\])")
_MAX_NESTING = 4
_DIMENSION_LABEL = re.compile(
    r"(?:applications?|types?|products?|end[- ]?users?|technolog(?:y|ies)|indications?|regions?|"
    r"drug\s+class(?:es)?|route(?:\s+of\s+administration)?|distribution\s+channels?)",
    re.IGNORECASE,
)
_TRAILING_LIST_WORDS = re.compile(
    r"\s*(?:,?\s*(?:and\s+)?others?|\betc\.?|segments?|categories|among others)\s*$", re.I
)


def split_segment_names(items: str) -> list[str]:
    """'A, B, and C' → [A, B, C]; sub-lists in braces or brackets ('Drugs {Prescription &
    OTC}') are left out; empty when an item reads as prose or names a dimension instead."""
    for _ in range(_MAX_NESTING):
        items, nested = _NESTED_LIST.subn("", items)
        if not nested:
            break
    names = []
    for item in _LIST_ITEM_SEPARATOR.split(items.strip().rstrip(".")):
        name = _TRAILING_LIST_WORDS.sub("", _LEADING_ARTICLE.sub("", item.strip()))
        name = name.strip(" .")
        if not name:
            continue
        if not _looks_like_name(name) and not (name[:1].isupper() and len(name.split()) <= 3):
            return []
        if _DIMENSION_LABEL.fullmatch(name) or any(mark in name for mark in "{}[]"):
            return []  # "segmented based on application, type": the axes, not segments
        names.append(name[:1].upper() + name[1:])
    return names


def title_segment_groups(title: str) -> list[tuple[str, list[str]]]:
    """(dimension label, names) for each 'By X (A, B)' group of a report title."""
    first_by = _TITLE_BY.search(title)
    if first_by is None:
        return []
    return [
        (
            _LEADING_BY.sub("", match["label"]),
            split_segment_names(match["paren"] or match["bracket"] or match["colon"]),
        )
        for match in _TITLE_GROUP.finditer(title, first_by.start())
    ]


def labelled_segment_list(line: str) -> tuple[str, list[str]] | None:
    """'By Type: A, B, C' → ('Type', [A, B, C])."""
    match = _LABELLED_LIST.match(line)
    if match is None:
        return None
    names = split_segment_names(match["items"])
    return (match["label"], names) if names else None


def segmentation_sentence(text: str) -> list[tuple[str, list[str]]]:
    """(dimension label or '', names) of each 'segmented into A, B and C' in prose."""
    groups = []
    for match in _SEGMENTED_INTO.finditer(text):
        names = split_segment_names(match["items"])
        if len(names) >= 2:
            groups.append((match["label"] or match["label2"] or "", names))
    return groups
