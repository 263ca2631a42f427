"""Tables pasted from Word or a spreadsheet (cells split by tabs, or by semicolons as a
spreadsheet exports them), written in markdown (cells between pipes) or typed in plain text with
the columns lined up by spaces, under a header row.

A header row names its columns ("Navn<TAB>Rolle<TAB>Bosted"); a cell under a column of names,
places or institutions is personal data of that type whatever its words, even a name that is
also a word typed in lower case ("ask") or a village no list knows; a cell under a column of
phone numbers, e-mail addresses, addresses, birth dates or ages is that. The header row's own
words are labels, never personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.pii.lexicon import (
    WORD_NAMES,
    is_first_name,
    is_ordinary_word,
    is_relation_word,
    is_role_noun,
    is_surname,
)

# column labels (lower case, without a trailing colon) and the type of the cells under them
COLUMN_TYPES = {
    "navn": "PERSON",
    "namn": "PERSON",
    "name": "PERSON",
    "deltaker": "PERSON",
    "deltakar": "PERSON",
    "kontaktperson": "PERSON",
    "saksbehandler": "PERSON",
    "saksbehandlar": "PERSON",
    "saksbeh.": "PERSON",
    "ansvarlig": "PERSON",
    "ansvarleg": "PERSON",
    "bosted": "LOCATION",
    "bustad": "LOCATION",
    "hjemsted": "LOCATION",
    "heimstad": "LOCATION",
    "bydel": "LOCATION",
    "sted": "LOCATION",
    "stad": "LOCATION",
    "kommune": "LOCATION",
    "skole": "ORGANIZATION",
    "skule": "ORGANIZATION",
    "barnehage": "ORGANIZATION",
    "arbeidsgiver": "ORGANIZATION",
    "arbeidsgjevar": "ORGANIZATION",
    "arbeidssted": "ORGANIZATION",
    "telefon": "PHONE",
    "tlf": "PHONE",
    "tlf.": "PHONE",
    "mobil": "PHONE",
    "telefonnummer": "PHONE",
    "e-post": "EMAIL",
    "epost": "EMAIL",
    "e-postadresse": "EMAIL",
    "adresse": "ADDRESS",
    "postadresse": "ADDRESS",
    "fødselsdato": "DATE",
    "fødd": "DATE",
    "født": "DATE",
    "alder": "AGE",
}
_EMPTY = re.compile(r"[\s\-–—./?x:]*", re.IGNORECASE)  # "–", "-", "?", "x": nothing written
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# a cell of a table lined up by spaces: words apart by single spaces, cells by two or more
_SPACED_CELL = re.compile(r"\S+(?: \S+)*")
_SPACED = "  "  # the separator of a table lined up by spaces


def _separator(line: str) -> str | None:
    """How the line's cells are split: "\t" (a paste from Word), "|" (a markdown table) or ";"
    (a spreadsheet's export)."""
    if "\t" in line:
        return "\t"
    if _PIPE_ROW.match(line):
        return "|"
    if ";" in line:
        return ";"
    if len(re.findall(r"\S {2,}(?=\S)", line)) >= 2:
        return _SPACED  # three cells or more lined up by spaces
    return None


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class Tables:
    cells: tuple[Cell, ...]  # the typed cells under a header row
    headers: tuple[tuple[int, int], ...]  # the header rows' spans


def _cells(line: str, separator: str) -> list[tuple[int, str]]:
    """The line's cells with their offsets in the line."""
    if separator == _SPACED:
        return [(m.start(), m.group()) for m in _SPACED_CELL.finditer(line)]
    cells, position = [], 0
    for column in line.split(separator):
        cells.append((position, column))
        position += len(column) + 1
    return cells


def _column_types(line: str, separator: str) -> list[str | None] | None:
    """The type under each column of a header row, or None when the line is no header row
    ("Stad:<TAB>Fagernes" is a label and its value, the header's facts in two columns)."""
    cells = [c.strip() for _, c in _cells(line, separator)]
    columns = [c.strip("*_").rstrip(":").lower() for c in cells]
    types = [COLUMN_TYPES.get(c) for c in columns]
    filled = [k for k, c in enumerate(cells) if c]
    if (
        len(filled) == 2
        and cells[filled[0]].rstrip("*_").endswith(":")
        and types[filled[1]] is None  # "Navn:<TAB>Bosted:" is a header row
    ):
        return None
    return types if any(types) else None


def _a_role(cell: str) -> bool:
    """A cell of the names' column that holds a role, not a name ("brukerrepresentant", "Tolk
    (vietnamesisk)")."""
    words = re.findall(r"[^\W\d_]+", cell)
    if not words:
        return False
    first, title = words[0], words[0].capitalize()
    return (
        is_role_noun(first)
        or is_relation_word(first.lower())
        or (
            is_ordinary_word(first)
            and not (is_first_name(title) or title in WORD_NAMES or is_surname(title))
        )
    )


def _looks_like(kind: str, cell: str) -> bool:
    """A phone cell has a number's eight digits or more, an e-mail cell an "@" or "at", an
    address or date cell a digit ("116 123" and "via Facebook" under "Telefon" are not)."""
    if kind == "PHONE":
        return sum(c.isdigit() for c in cell) >= 8
    if kind == "EMAIL":
        return "@" in cell or re.search(r"[(\[]\s*(?:at|a)\s*[)\]]|\sat\s", cell) is not None
    if kind in {"ADDRESS", "DATE"}:
        return any(c.isdigit() for c in cell)
    return True


def find_tables(text: str) -> Tables:
    """Every header row with at least one typed column, and the typed cells of the rows under
    it (lines split the same way, by tabs, pipes, semicolons or runs of spaces, up to the first
    line that is not)."""
    cells: list[Cell] = []
    headers: list[tuple[int, int]] = []
    if "\t" not in text and "|" not in text and ";" not in text and "  " not in text:
        return Tables((), ())
    types: list[str | None] | None = None
    split_by = None
    starts: list[int] = []
    offset = 0
    for line in text.split("\n"):
        separator = _separator(line)
        if separator is None or (types is not None and separator != split_by):
            types = None  # a table ends at a line split otherwise, or not at all
        if separator is None:
            pass
        elif types is None:
            types = _column_types(line, separator)
            split_by = separator
            starts = [start for start, _ in _cells(line, separator)]
            if types is not None:
                headers.append((offset, offset + len(line)))
        else:
            for k, (at, column) in enumerate(_cells(line, separator)):
                if separator == _SPACED:  # the column whose header starts nearest before it
                    k = max((j for j, start in enumerate(starts) if start <= at + 1), default=0)
                kind = types[k] if k < len(types) else None
                position = offset + at
                if (
                    kind is not None
                    and not _EMPTY.fullmatch(column)
                    and not (kind == "PERSON" and _a_role(column))
                    and _looks_like(kind, column)
                ):
                    start = position + len(column) - len(column.lstrip())
                    cells.append(Cell(start, start + len(column.strip()), kind))
        offset += len(line) + 1
    return Tables(tuple(cells), tuple(headers))
