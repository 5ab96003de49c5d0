"""Lists a paragraph announces as segments (parser 2.4.29): "There are two main types of
dialysis:" then "Hemodialysis — This method uses …", each item's name before its
description, or a dimension's own list ("Tumor type – breast cancer, lung cancer")."""

import re

from app.models import SegmentDimension
from ingest.sections import dimension_of
from ingest.segments import names_a_dimension, split_segment_names

# A last sentence that announces a list of segments and ends in a colon or a dash:
# "There are two main types of dialysis:", "The principal components of this market are:",
# "The report segments the X market based on –", "… of the following sub-segments:".
_LIST_LEAD = re.compile(
    r"\b(?:(?:sub-?)?segment(?:s|ed)?|categori[sz]ed|classified|divided|types|kinds|"
    r"categories|subcategories|components)\b[^.!?]{0,120}?(?::\s*[–—-]?|\s[–—-])$",
    re.IGNORECASE,
)
_NOT_A_SEGMENTS_LEAD = re.compile(
    r"\b(?:players?|companies|vendors|manufacturers|questions?|regions?|countries|"
    r"geograph\w*)\b",
    re.IGNORECASE,
)
# An item's name before its description: "Hemodialysis — This method uses …", "Clinical
# Chemistry: routine lab testing", "Diagnostic imaging sector, consisting of …", "Nuclear
# medicine devices such as …".
_ITEM_DESCRIPTION = re.compile(
    r"\s+[–—-]\s+|:\s+|,\s+|\s+(?:such\s+as|consisting\s+of|including|which|is|are|"
    r"(?:primarily\s+|mainly\s+)?(?:includes?|comprises?|consists?\s+of))\b,?\s*"
)
_MAX_LEAD_CHARS = 200
# Parentheses, one level nested: "(pressure relief devices, negative pressure wound therapy
# (NPWT), …)".
_PARENTHESES = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)")
# An item's sub-list after its name, as in "Advanced wound dressings (foam dressings, film
# dressings, …); and" (2.4.30).
_SUB_LIST = re.compile(r"\s*\((?=[^()]*(?:,|\sand\s))[^()]*(?:\([^()]*\)[^()]*)*\)$")
# An item's name and sub-list fit in this; the description after them may run on.
_MAX_HEAD_CHARS = 400
_ITEM_SEGMENT_WORD = re.compile(r"\s+(?:sectors?|segments?|markets?)$", re.IGNORECASE)
_MAX_HEAD_WORDS = 6


def _blanked(parenthesised: re.Match[str]) -> str:
    return "(" + "_" * (len(parenthesised[0]) - 2) + ")"


def _without_joining_word(head: str) -> str:
    """'Therapy devices (…); and' → 'Therapy devices (…)'."""
    for word in (" and", " or"):
        if head.endswith(word):
            return head.removesuffix(word).rstrip(".;, ")
    return head


def list_lead_dimension(paragraph: str) -> SegmentDimension | None:
    """The dimension of the list a paragraph's last sentence announces ("There are two main
    types of dialysis:" → type), None when it announces none, or players, questions or
    regions."""
    last = paragraph.rsplit(". ", 1)[-1][-_MAX_LEAD_CHARS:]
    if not _LIST_LEAD.search(last) or _NOT_A_SEGMENTS_LEAD.search(last):
        return None
    return dimension_of(last) or SegmentDimension.OTHER


def described_items(
    item: str, dimension: SegmentDimension, *, listed: bool
) -> list[tuple[SegmentDimension, str]]:
    """The segments of one item after a list lead: its name before its description
    ("Hemodialysis — This method uses …"), or a dimension's own list ("Tumor type – breast
    cancer, lung cancer and more"); [] for a block that is no such item (a paragraph that is
    not a list item needs a colon or a dash after the name: "According to the report, …" is
    prose)."""
    # a separator inside parentheses is the name's: "Therapy devices (A, B, and C); and"
    found = _ITEM_DESCRIPTION.search(_PARENTHESES.sub(_blanked, item[:_MAX_HEAD_CHARS]))
    labelled = found is not None and found.group().strip() in (":", "–", "—", "-")
    if not listed and not labelled:
        return []
    head, rest = (item[: found.start()], item[found.end() :]) if found else (item, "")
    if len(head) > _MAX_HEAD_CHARS:
        return []
    head = _without_joining_word(head.strip().rstrip(".;,"))
    head = _ITEM_SEGMENT_WORD.sub("", _SUB_LIST.sub("", head).strip().rstrip(".;,"))
    if not head or len(head.split()) > _MAX_HEAD_WORDS or ". " in head:
        return []
    # a dimension's own list: "Type of biomarkers – protein, genetic, …", "Applications – …"
    if labelled and names_a_dimension(head):
        along = dimension_of(head)  # None: "Regions – North America, Europe" lists no segments
        names = split_segment_names(rest) if along else []
        return [(along, name) for name in names] if along and len(names) >= 2 else []
    if "egment" in head or _NOT_A_SEGMENTS_LEAD.search(head):
        return []  # "Key Players: A, B", "Geographic Segmentation: …": a label, read as such
    return [(dimension, head)]
