"""Read a learning note from a file, upload, stdin or paste into one text.

``ReadResult.text`` is the text every downstream offset refers to. Supported formats:
plain text (.txt, .text), Markdown kept as written (.md, .markdown), Word (.docx) and
PDF (.pdf). Every refusal is an :class:`~nlp.errors.InputError` whose message and hint are
Norwegian bokmål and never contain text from the file (the file *name* may appear).

Limits (see :mod:`nlp.readers.limits`): at most ``MAX_INPUT_BYTES`` (5 MB) read, at most
``MAX_TEXT_CHARS`` (300 000) characters of text; .docx archives at most 50 MB unpacked,
compression ratio 100:1 and 2 000 members.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Literal

import pydantic

from nlp.errors import InputError
from nlp.readers import limits
from nlp.readers import text as text_reader
from nlp.readers.docx import OLE_SIGNATURE, read_docx
from nlp.readers.limits import MAX_INPUT_BYTES, MAX_TEXT_CHARS
from nlp.readers.pdf import read_pdf

__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_TEXT_CHARS",
    "Format",
    "InputError",
    "ReadResult",
    "read_bytes",
    "read_path",
    "read_text",
]

Format = Literal["text", "markdown", "docx", "pdf"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".pdf": "pdf",
}

_SAVE_HINT = "Lagre notatet som .docx, .txt eller .md, eller lim inn teksten."
_SHOWABLE_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ReadResult(pydantic.BaseModel):
    """A note's text and where it came from."""

    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")

    text: str
    source: str
    format: Format
    encoding: str | None
    warnings: list[str]


def _shown(name: str) -> str:
    """A file name made safe for a one-line message."""
    cleaned = _UNPRINTABLE.sub("?", name)
    return cleaned if len(cleaned) <= 80 else cleaned[:77] + "…"


def _base_name(filename: str | None) -> str | None:
    if filename is None:
        return None
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name or None


def _format_for_name(name: str | None) -> Format | None:
    """The format for a file name's extension; None means sniff the content."""
    extension = Path(name).suffix.lower() if name else ""
    if not extension:
        return None
    if extension in EXTENSIONS:
        return EXTENSIONS[extension]
    if extension == ".doc":
        raise InputError(
            "Filtypen .doc (det gamle Word-formatet) støttes ikke.",
            "Åpne filen i Word og lagre den som .docx, eller lim inn teksten.",
        )
    if _SHOWABLE_EXTENSION.fullmatch(extension):
        raise InputError(f"Filtypen {extension} støttes ikke.", _SAVE_HINT)
    raise InputError("Denne filtypen støttes ikke.", _SAVE_HINT)


def _sniff(data: bytes) -> Format:
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(OLE_SIGNATURE):
        raise InputError(
            "Dokumentet er passordbeskyttet eller i det gamle .doc-formatet.",
            "Fjern passordet, eller lagre som .docx i Word, og prøv igjen.",
        )
    return "text"


def read_bytes(
    data: bytes, *, filename: str | None = None, source: str | None = None
) -> ReadResult:
    """Read an upload or stdin. The format comes from ``filename``'s extension or is sniffed."""
    name = _base_name(filename)
    fmt = _format_for_name(name)
    limits.check_input_size(len(data))
    if not data:
        raise InputError(
            "Filen er tom.", "Velg filen som inneholder læringsnotatet, eller lim inn teksten."
        )
    if fmt is None:
        fmt = _sniff(data)
    src = source or name or "<stdin>"
    encoding: str | None = None
    if fmt == "docx":
        text, warnings = read_docx(data)
    elif fmt == "pdf":
        text, warnings = read_pdf(data)
    else:
        text, encoding, warnings = text_reader.decode(data)
        text = text_reader.normalise_newlines(text)
        text_reader.check_content(text)
    limits.check_text_length(len(text))
    return ReadResult(text=text, source=src, format=fmt, encoding=encoding, warnings=warnings)


def read_text(text: str, *, source: str = "<paste>") -> ReadResult:
    """Read pasted text: line endings normalised, nothing else changed."""
    text = text_reader.normalise_newlines(text)
    limits.check_text_length(len(text))
    text_reader.check_content(text, pasted=True)
    return ReadResult(text=text, source=source, format="text", encoding=None, warnings=[])


def read_path(path: Path | str) -> ReadResult:
    """Read a note file from disk; the file size is checked before anything is read."""
    path = Path(path)
    shown = _shown(path.name or str(path))
    not_readable = InputError(
        f"Kan ikke lese filen «{shown}».",
        "Sjekk at du har tilgang til filen, eller kopier den til en mappe du har tilgang til.",
    )
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(
            f"Fant ikke filen «{shown}».", "Sjekk at mappen og filnavnet er riktig skrevet."
        ) from None
    except OSError:
        raise not_readable from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            f"«{shown}» er en mappe, ikke en fil.", "Oppgi stien til selve notatfilen."
        )
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"«{shown}» er ikke en vanlig fil.", "Oppgi stien til en .docx-, .txt- eller .md-fil."
        )
    _format_for_name(path.name)
    limits.check_input_size(info.st_size)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.MAX_INPUT_BYTES + 1)
    except OSError:
        raise not_readable from None
    return read_bytes(data, filename=path.name, source=path.name)
