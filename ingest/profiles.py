"""Company profiles: a line that opens with its company's name ("Equinix: A global leader
in …", "Illumina is positioned around …"), read as players only in a run of such lines."""

import re

from ingest.companies import (
    RANK,
    TRAILING_PLACE,
    YEAR,
    is_legal_form,
    is_name_word,
    looks_like_company,
)
from ingest.regions import region_names

# The name, then a colon or one of the verbs a profile opens with.
_PROFILE_OPENING = re.compile(
    # (2.4.27: a capital of Latin-1 too, "Össur (Iceland): …")
    r"(?P<name>[A-Z0-9À-ÖØ-Þ][^:;]{0,80}?)(?::\s+(?=\S)|\s+(?:is|are|was|has|have|had|offers|"
    r"provides|develops|operates|holds|leads|remains|focuses|specializes|specialises|"
    r"manufactures|makes|produces|markets|sells|owns|ranks|dominates|stands|boasts)\b)"
)
# "Competition is intense", "Innovation remains key": an abstract noun, not a company.
_ABSTRACT_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ing|ship|ism|th)$")


def profiled_company(line: str) -> str | None:
    """The company a profile opens with ("Equinix: A global leader …"); None for other lines.
    Only a run of such lines names players: one alone may be any sentence."""
    if not (opening := _PROFILE_OPENING.match(RANK.sub("", line))):
        return None
    name = TRAILING_PLACE.sub("", opening["name"].strip())
    words = name.split()
    # "May 2023: AbbVie announced …" is news, dated
    if not all(map(is_name_word, words)) or name.lower() in region_names() or YEAR.search(name):
        return None
    # "AstraZeneca and Merck have formed …": two names, not one ("Merck & Co., Inc." is one)
    if " and " in name or not all(is_legal_form(part.strip()) for part in name.split(",")[1:]):
        return None
    if len(words) == 1 and _ABSTRACT_ENDING.search(name.lower()):
        return None
    return name if looks_like_company(name) else None
