"""Company names: split entries that run two names together, and slug a name to its company."""

import functools
import re

from slugify import slugify

# Legal-form suffixes (SPEC §2) plus their long spellings; compared without dots or commas.
LEGAL_FORMS = frozenset(
    "inc incorporated corp corporation co ltd limited llc plc ag sa sl gmbh".split()
)
_ENTRY_SEPARATORS = re.compile(r"\s*[;|]\s*|\s*,\s+")


def _is_legal_form(token: str) -> bool:
    return token.strip(".,").replace(".", "").lower() in LEGAL_FORMS


def split_company_entry(entry: str) -> list[str]:
    """'Pfizer Inc Taiho Pharmaceutical Co Ltd' → ['Pfizer Inc', 'Taiho Pharmaceutical Co Ltd'].

    A new name starts after a legal-form suffix when the next word is capitalised and is not
    itself a suffix; comma-separated suffixes ('Pfizer, Inc.') stay with their name.
    """
    parts: list[str] = []
    for part in _ENTRY_SEPARATORS.split(entry.strip()):
        if not part:
            continue
        if parts and all(_is_legal_form(token) for token in part.split()):
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    names: list[str] = []
    for part in parts:
        current: list[str] = []
        for token in part.split():
            starts_new_name = (
                current
                and _is_legal_form(current[-1])
                and not _is_legal_form(token)
                and token[:1].isupper()
            )
            if starts_new_name:
                names.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            names.append(" ".join(current))
    return names


@functools.lru_cache(maxsize=65536)  # the same names recur across thousands of reports
def company_slug(name: str) -> str:
    """The company's identity across markets: its name without trailing legal-form suffixes."""
    tokens = name.replace(",", " ").split()
    while len(tokens) > 1 and _is_legal_form(tokens[-1]):
        tokens.pop()
    return slugify(" ".join(tokens))
