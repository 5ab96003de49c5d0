"""A table of players anywhere on a page: a header row with a column of companies
("Company Name", "Key Players", "Largest orthopedic device companies"), then one row per
entry, a rank column before it or not. The column's cells are names ("United Imaging,
Neusoft" two of them), without what a cell adds in brackets ("CVS Health (including Aetna)")."""

import re
from dataclasses import dataclass

from ingest.companies import companies_in_list, company_from_line

_PLAYERS_HEADER = re.compile(
    r"\b(?:compan(?:y|ies)|players|manufacturers?|vendors?|suppliers?)\b", re.IGNORECASE
)
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
        if header and _PLAYERS_HEADER.search(cell):
            return PlayersColumn(index, len(cells))
    return None


def names_in_row(row: str, column: PlayersColumn) -> list[str] | None:
    """The names of one entry row; None when the row is not one of the table's (its columns
    differ, a leading rank aside)."""
    cells = row.split(" | ")
    if len(cells) == column.columns + 1 and _RANK_CELL.match(cells[0]):
        cells = cells[1:]  # a rank column the header leaves unnamed
    if len(cells) != column.columns:
        return None
    cell = _TRAILING_BRACKETS.sub("", cells[column.index].strip())
    if "," in cell:
        return companies_in_list(cell)
    name = company_from_line(cell)
    return [name] if name else []
