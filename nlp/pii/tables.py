"""Tables pasted from Word or a spreadsheet (cells split by tabs) or written in markdown (cells
between pipes), under a header row.

A header row names its columns ("Navn<TAB>Rolle<TAB>Bosted"); a cell under a column of names,
places or institutions is personal data of that type whatever its words, even a name that is
also a word typed in lower case ("ask") or a village no list knows. The header row's own words
are labels, never personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# column labels (lower case, without a trailing colon) and the type of the cells under them
COLUMN_TYPES = {
    "navn": "PERSON",
    "namn": "PERSON",
    "name": "PERSON",
    "deltaker": "PERSON",
    "deltakar": "PERSON",
    "kontaktperson": "PERSON",
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
}
_EMPTY = re.compile(r"[\s\-–—./?x:]*", re.IGNORECASE)  # "–", "-", "?", "x": nothing written
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _separator(line: str) -> str | None:
    """How the line's cells are split: "\t" (a paste from Word) or "|" (a markdown table)."""
    if "\t" in line:
        return "\t"
    if _PIPE_ROW.match(line):
        return "|"
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


def _column_types(line: str, separator: str) -> list[str | None] | None:
    """The type under each column of a header row, or None when the line is no header row."""
    columns = [c.strip().strip("*_").rstrip(":").lower() for c in line.split(separator)]
    types = [COLUMN_TYPES.get(c) for c in columns]
    return types if any(types) else None


def find_tables(text: str) -> Tables:
    """Every header row with at least one typed column, and the typed cells of the rows under
    it (lines split the same way, by tabs or pipes, up to the first line that is neither)."""
    cells: list[Cell] = []
    headers: list[tuple[int, int]] = []
    if "\t" not in text and "|" not in text:
        return Tables((), ())
    types: list[str | None] | None = None
    offset = 0
    for line in text.split("\n"):
        separator = _separator(line)
        if separator is None:
            types = None
        elif types is None:
            types = _column_types(line, separator)
            if types is not None:
                headers.append((offset, offset + len(line)))
        else:
            columns = line.split(separator)
            position = offset
            for k, column in enumerate(columns):
                kind = types[k] if k < len(types) else None
                if kind is not None and not _EMPTY.fullmatch(column):
                    start = position + len(column) - len(column.lstrip())
                    cells.append(Cell(start, start + len(column.strip()), kind))
                position += len(column) + 1
        offset += len(line) + 1
    return Tables(tuple(cells), tuple(headers))
