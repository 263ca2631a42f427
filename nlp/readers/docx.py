"""Word .docx: body paragraphs and tables in document order, as light Markdown.

Headings become ``#`` lines, list paragraphs ``- `` or ``1. `` lines (two spaces of indent
per nesting level) and table rows one line each (``A: B`` or ``A | B | C``). The zip
container is checked for size and compression ratio before python-docx opens it, and no
exception text from python-docx or lxml ever reaches the user (it may quote the document).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

import docx as python_docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from nlp.errors import InputError
from nlp.readers import limits

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_TABLE_DEPTH = 5
"""Tables nested deeper than this are read as plain cell text."""

TEXT_BOX_WARNING = (
    "Dokumentet har tekstbokser. Tekst i tekstbokser blir ikke lest; "
    "flytt den inn i vanlige avsnitt hvis den skal være med."
)

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _PTAB, _NB_HYPHEN = qn("w:t"), qn("w:tab"), qn("w:ptab"), qn("w:noBreakHyphen")
_BREAKS = {qn("w:br"), qn("w:cr")}
_WRAPPERS = {qn("w:sdt"), qn("w:customXml")}
_SKIP = {
    qn("w:pPr"),
    qn("w:rPr"),
    qn("w:del"),
    qn("w:moveFrom"),
    qn("w:drawing"),
    qn("w:pict"),
    qn("w:object"),
    qn("w:sdtPr"),
    qn("w:sdtEndPr"),
    f"{_MC}AlternateContent",
}
_VAL = qn("w:val")
_HEADING = re.compile(r"^(?:heading|overskrift)\s*(\d*)", re.IGNORECASE)
_TITLE = re.compile(r"^(?:title|tittel)", re.IGNORECASE)
_LIST_NAME = re.compile(r"list", re.IGNORECASE)  # also matches "Liste…"
_NUMBER_NAME = re.compile(r"number|nummer", re.IGNORECASE)
_TRAILING_DIGIT = re.compile(r"(\d)\s*$")


def _old_doc_error() -> InputError:
    return InputError(
        "Dokumentet er passordbeskyttet eller i det gamle .doc-formatet.",
        "Fjern passordet, eller lagre som .docx i Word, og prøv igjen.",
    )


def _corrupt_error() -> InputError:
    return InputError(
        "Filen ser ut til å være skadet, eller den er ikke et gyldig Word-dokument (.docx).",
        "Åpne den i Word og lagre den på nytt som .docx, eller lim inn teksten.",
    )


def read_docx(data: bytes) -> tuple[str, list[str]]:
    """Return ``(text, warnings)`` for a .docx file's bytes."""
    check_container(data)
    try:
        document = python_docx.Document(BytesIO(data))
        converter = _Converter(document)
        text = converter.convert()
    except InputError:
        raise
    except Exception:  # python-docx, lxml and zipfile errors may quote document text
        raise _corrupt_error() from None
    if not text.strip():
        raise InputError(
            "Dokumentet inneholder ingen tekst som kan leses.",
            "Sjekk at du valgte riktig fil. Tekst i tekstbokser og bilder blir ikke lest; "
            "lim inn teksten i stedet.",
        )
    return text, [TEXT_BOX_WARNING] if converter.has_text_boxes else []


def check_container(data: bytes) -> None:
    """Refuse OLE files, broken zips, zip bombs and zips without word/document.xml."""
    if data.startswith(OLE_SIGNATURE):
        raise _old_doc_error()
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:
        raise _corrupt_error() from None
    limits.check_archive(members)
    if not any(info.filename == "word/document.xml" for info in members):
        raise _corrupt_error()


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None


@dataclass(frozen=True)
class _ListItem:
    numbered: bool
    level: int  # nesting level shown as indent
    key: str  # counter key: numId, or the style id for numbering by style name only
    num_level: int  # level in the numbering definition
    start: int


def _val(element: etree._Element | None, child: str) -> str | None:
    if element is None:
        return None
    found = element.find(qn(child))
    return None if found is None else found.get(_VAL)


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def _children(parent: etree._Element, tags: set[str]) -> Iterator[etree._Element]:
    """Children with one of ``tags``, looking through content controls and custom XML."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            content = child.find(qn("w:sdtContent"))
            yield from _children(child if content is None else content, tags)


def paragraph_text(paragraph: etree._Element) -> str:
    """Text of a ``w:p``: runs, hyperlinks, insertions and fields; not deletions or boxes."""
    parts: list[str] = []
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            parts.append("\t")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == _NB_HYPHEN:
            parts.append("-")
        else:
            stack.append(iter(child))
    return "".join(parts)


def _join_cells(cells: list[str]) -> str:
    """One line for a table row: ``A: B`` for two filled cells, else ``A | B | C``."""
    if len(cells) == 2 and all(cells):
        first, second = cells
        return f"{first} {second}" if first.endswith(":") else f"{first}: {second}"
    return " | ".join(cell for cell in cells if cell)


class _Converter:
    def __init__(self, document: DocxDocument) -> None:
        self._body = document.element.body
        self._styles = self._read_styles(document.styles.element)
        self._numbering = self._read_numbering(document)
        self._counters: dict[tuple[str, int], int] = {}
        self.has_text_boxes = next(self._body.iter(qn("w:txbxContent")), None) is not None

    @staticmethod
    def _read_styles(styles: etree._Element) -> dict[str, _Style]:
        result: dict[str, _Style] = {}
        for style in styles.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if style_id is None or style.get(qn("w:type"), "paragraph") != "paragraph":
                continue
            ppr = style.find(qn("w:pPr"))
            num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
            result[style_id] = _Style(
                name=_val(style, "w:name") or style_id,
                based_on=_val(style, "w:basedOn"),
                num_id=_val(num_pr, "w:numId"),
                ilvl=_int(_val(num_pr, "w:ilvl")),
            )
        return result

    @staticmethod
    def _read_numbering(document: DocxDocument) -> dict[str, dict[int, tuple[bool, int]]]:
        """numId → {ilvl: (numbered, start)} from the numbering part, if there is one."""
        part = next(
            (
                r.target_part
                for r in document.part.rels.values()
                if r.reltype == RT.NUMBERING and not r.is_external
            ),
            None,
        )
        if part is None:
            return {}
        root = part.element
        abstract: dict[str, dict[int, tuple[bool, int]]] = {}
        for definition in root.iterchildren(qn("w:abstractNum")):
            levels: dict[int, tuple[bool, int]] = {}
            for lvl in definition.iterchildren(qn("w:lvl")):
                ilvl = _int(lvl.get(qn("w:ilvl")))
                if ilvl is not None:
                    fmt = _val(lvl, "w:numFmt") or "decimal"
                    start = _int(_val(lvl, "w:start"))
                    levels[ilvl] = (fmt not in ("bullet", "none"), 1 if start is None else start)
            abstract[definition.get(qn("w:abstractNumId"), "")] = levels
        result: dict[str, dict[int, tuple[bool, int]]] = {}
        for num in root.iterchildren(qn("w:num")):
            levels = dict(abstract.get(_val(num, "w:abstractNumId") or "", {}))
            for override in num.iterchildren(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")))
                start = _int(_val(override, "w:startOverride"))
                if ilvl in levels and start is not None:
                    levels[ilvl] = (levels[ilvl][0], start)
            result[num.get(qn("w:numId"), "")] = levels
        return result

    def _style_chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style_id, style
            style_id = style.based_on

    def _heading_level(self, style_id: str | None) -> int | None:
        for sid, style in self._style_chain(style_id):
            for label in (style.name, sid):
                if _TITLE.match(label):
                    return 1
                match = _HEADING.match(label)
                if match:
                    return min(max(int(match.group(1) or 1), 1), 6)
        return None

    def _list_item(self, ppr: etree._Element | None, style_id: str | None) -> _ListItem | None:
        num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
        num_id, ilvl = _val(num_pr, "w:numId"), _int(_val(num_pr, "w:ilvl"))
        for _, style in self._style_chain(style_id):
            if num_id is None:
                num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
        if num_id == "0":  # numbering explicitly switched off
            return None
        name = self._styles[style_id].name if style_id in self._styles else ""
        by_name = bool(_LIST_NAME.search(name))
        if num_id is None and not by_name:
            return None
        digit = _TRAILING_DIGIT.search(name) if by_name else None
        level = ilvl if ilvl is not None else (int(digit.group(1)) - 1 if digit else 0)
        level = min(max(level, 0), 8)
        num_level = ilvl or 0
        levels = self._numbering.get(num_id or "", {})
        # A level missing from the definition shows like the nearest level above it.
        defined = [lvl for lvl in levels if lvl <= num_level]
        definition = levels[max(defined)] if defined else None
        if definition is None:
            numbered, start = bool(_NUMBER_NAME.search(name)), 1
        else:
            numbered, start = definition
        key = num_id if num_id is not None else f"style:{style_id}"
        return _ListItem(numbered, level, key, num_level, start)

    def _marker(self, item: _ListItem) -> str:
        for key in [k for k in self._counters if k[0] == item.key and k[1] > item.num_level]:
            del self._counters[key]
        if not item.numbered:
            return "- "
        counter = (item.key, item.num_level)
        self._counters[counter] = self._counters.get(counter, item.start - 1) + 1
        return f"{self._counters[counter]}. "

    def _forget_style_lists(self) -> None:
        for key in [k for k in self._counters if k[0].startswith("style:")]:
            del self._counters[key]

    def _paragraph_line(self, paragraph: etree._Element) -> str:
        text = paragraph_text(paragraph)
        ppr = paragraph.find(qn("w:pPr"))
        style_id = _val(ppr, "w:pStyle")
        if not text.strip():
            return ""
        level = self._heading_level(style_id)
        if level is not None:
            self._forget_style_lists()
            return "#" * level + " " + text.strip()
        item = self._list_item(ppr, style_id)
        if item is None:
            self._forget_style_lists()
            return text
        return "  " * item.level + self._marker(item) + text.strip()

    def _table_lines(self, table: etree._Element, depth: int) -> list[str]:
        lines: list[str] = []
        for row in _children(table, {_TR}):
            cells: list[str] = []
            nested: list[str] = []
            for cell in _children(row, {_TC}):
                parts: list[str] = []
                for block in _children(cell, {_P, _TBL}):
                    if block.tag == _P:
                        parts.append(paragraph_text(block).replace("\n", " ").strip())
                    elif depth < MAX_TABLE_DEPTH:
                        nested.extend(self._table_lines(block, depth + 1))
                    else:
                        parts.extend(
                            paragraph_text(p).replace("\n", " ").strip() for p in block.iter(_P)
                        )
                cells.append(" ".join(part for part in parts if part))
            line = _join_cells(cells)
            if line:
                lines.append(line)
            lines.extend(nested)
        return lines

    def convert(self) -> str:
        lines: list[str] = []
        for block in _children(self._body, {_P, _TBL}):
            if block.tag == _P:
                lines.append(self._paragraph_line(block))
            else:
                self._forget_style_lists()
                lines.extend(self._table_lines(block, 1))
        text = "\n".join(lines).replace("\r\n", "\n").replace("\r", "\n")
        return re.sub(r"\n{4,}", "\n\n\n", text).strip("\n")
