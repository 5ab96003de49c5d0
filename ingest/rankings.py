"""Rankings of players anywhere on a page, outside a players section.

A table: a header row with a column of companies ("Company Name", "Key Players", "Largest
orthopedic device companies"), then one row per entry, a rank column before it or not. The
column's cells are names ("United Imaging, Neusoft" two of them), without what a cell adds in
brackets ("CVS Health (including Aetna)").

Ranked lines: "1) Sonova (owner of Phonak et al.): 24%", "2. Teva – $14.9 billion", each a
paragraph or list item of its own, three in a row at least, after players were spoken of
under the same heading ("the big six hearing aid manufacturers …"): a ranking of segments
by share reads the same, but names no companies above it."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.companies import (
    companies_in_list,
    company_from_line,
    has_legal_form,
    is_name_word,
    mentions_players,
    without_share,
)
from ingest.regions import region_names

_MAX_HEADER_WORDS = 6
_MIN_COLUMNS = 3  # "Key Players | A, B, C" is a label and its list, read elsewhere
_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")
_RANK_CELL = re.compile(r"^#?\d{1,3}\.?$")


@dataclass(frozen=True)
class PlayersColumn:
    index: int
    columns: int


def players_column(row: str) -> PlayersColumn | None:
    """The column of players a header row names; None for other rows."""
    cells = row.split(" | ")
    if len(cells) < _MIN_COLUMNS:
        return None
    for index, cell in enumerate(cells):
        words = cell.split()
        header = len(words) <= _MAX_HEADER_WORDS and not any(c.isdigit() for c in cell)
        if header and mentions_players(cell):
            return PlayersColumn(index, len(cells))
    return None


def names_in_row(row: str, column: PlayersColumn) -> list[str] | None:
    """The names of one entry row; None when the row is not one of the table's (its columns
    differ, a leading rank aside)."""
    cells = row.split(" | ")
    if len(cells) == column.columns + 1 and _RANK_CELL.match(cells[0]):
        cells = cells[1:]  # a rank column the header leaves unnamed
    # a row's empty cells at its end leave no text (2.4.29: "Amedisys, Inc. | 2,192.9 | 245.9")
    if not column.index < len(cells) <= column.columns:
        return None
    cell = _TRAILING_BRACKETS.sub("", cells[column.index].strip())
    if "," in cell:
        return companies_in_list(cell)
    name = company_from_line(cell)
    return [name] if name else []


# "1) Sonova (owner of Phonak): 24%", "2. Teva – USD 14.9 billion": a rank, a name, a share
# or an amount.
_RANKED_LINE = re.compile(
    r"^(?P<rank>#?\d{1,2}[.)]\s+)?(?P<name>[^:–—]{1,80}?)\s*(?::|\s[–—-])\s*"
    r"(?:(?:[$€£¥]|USD|US\$|EUR)\s?\d[\d.,]*(?:\s*(?:trillion|billion|million|bn|mn|[BMK]))?"
    r"|\d[\d.,]*\s*(?:%|percent|trillion|billion|million|bn|mn))\.?\s*$",
    re.IGNORECASE,
)
# A ranking of regions, segments or measures is no ranking of players.
_NOT_PLAYERS = re.compile(r"\b(?:market|segment|share|size|revenue|growth|cagr|total)\b", re.I)
MIN_RANKED_LINES = 3
_MIN_PROFILES = 2


@dataclass
class NameRun:
    """Names read one block at a time (ranked lines, bare names, profiles): players when the
    run, once it ends, is one `enough` accepts."""

    enough: Callable[[list[str]], bool]
    names: list[str] = field(default_factory=list)

    def end(self, players: list[str]) -> None:
        run, self.names = self.names, []
        if self.enough(run):
            players.extend(run)


def ranked_enough(names: list[str]) -> bool:
    return len(names) >= MIN_RANKED_LINES


def profiles_enough(names: list[str]) -> bool:
    """Two profiles at least ("Illumina is …", "Roche is …"): one alone may be any sentence."""
    return len(names) >= _MIN_PROFILES


def ranked_line_name(line: str, *, list_item: bool) -> str | None:
    """The company of a ranking's line ("1) Sonova (owner of Phonak): 24%"; in a list, the
    rank may be the list's own numbering); None for other lines."""
    ranked = _RANKED_LINE.match(line.strip())
    if not ranked or not (ranked["rank"] or list_item):
        return None
    name = _TRAILING_BRACKETS.sub("", ranked["name"])
    if _NOT_PLAYERS.search(name) or name.lower() in region_names():
        return None
    return company_from_line(name)


# Names one a paragraph with nothing introducing them ("Mallinckrodt", "Lantheus Medical
# Imaging", "Curium", …): players only in a long run where some carry a company's legal form
# or group word, so that a run of segment or product names ("Hospitals", "Clinics") is none.
MIN_BARE_NAMES = 5
_MIN_CORPORATE_NAMES = 2
_MAX_BARE_NAME_WORDS = 6
_CORPORATE_WORDS = frozenset({"group", "holdings", "laboratories", "corporation", "pharma"})
# A page's buttons between the names ("Enquire Now", "MORE") are no names.
_CALL_WORDS = frozenset("more now here enquire inquire click download read view request".split())


def bare_name(block_text: str) -> str | None:
    """The company a one-line paragraph is, when it is nothing but a name (and its share)."""
    text = without_share(block_text.strip())
    words = text.lower().split()
    if not 0 < len(words) <= _MAX_BARE_NAME_WORDS or text.lower() in region_names():
        return None
    if _CALL_WORDS & set(words) or not all(map(is_name_word, text.split())):
        return None  # a button, or a short sentence ("Demand keeps rising.")
    name = company_from_line(text)
    return name if name in (text, text.rstrip(".")) else None


def players_run(names: list[str]) -> bool:
    """Whether a run of bare names reads as a list of players."""
    corporate = sum(
        has_legal_form(name) or bool(_CORPORATE_WORDS & set(name.lower().split())) for name in names
    )
    return len(names) >= MIN_BARE_NAMES and corporate >= _MIN_CORPORATE_NAMES
