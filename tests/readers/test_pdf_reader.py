"""PDF: text per page, password and scanned-PDF refusals. PDFs are built with pypdf."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from nlp.errors import InputError
from nlp.readers import limits, read_bytes, read_path
from nlp.readers.pdf import LAYOUT_WARNING

SECRET = "HEMMELIG-NAVN-Kari-Nordmann"
PAGES = [
    ["Kveldens tema: skole og BUP", f"Bjørn og Åse møtte {SECRET}."],
    ["Side to: æøå ÆØÅ"],
]


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages show the given lines in Helvetica (WinAnsi covers æøå)."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    for lines in pages:
        page = writer.add_blank_page(width=595, height=842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 770 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = StreamObject()
        stream.set_data("\n".join(ops).encode("cp1252"))
        page.replace_contents(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypt(data: bytes, user_password: str, owner_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


EXPECTED = f"Kveldens tema: skole og BUP\nBjørn og Åse møtte {SECRET}.\n\nSide to: æøå ÆØÅ"


def test_text_pages_joined_by_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "notat.pdf"
    path.write_bytes(make_pdf(PAGES))
    result = read_path(path)
    assert result.text == EXPECTED
    assert (result.format, result.encoding, result.source) == ("pdf", None, "notat.pdf")
    assert result.warnings == [LAYOUT_WARNING]


def test_blank_pages_are_skipped() -> None:
    data = make_pdf([[], PAGES[0], [], PAGES[1]])
    assert read_bytes(data, filename="n.pdf").text == EXPECTED


def test_owner_password_only_is_readable() -> None:
    data = encrypt(make_pdf(PAGES), "", "eierpassord")
    assert read_bytes(data, filename="n.pdf").text == EXPECTED


@pytest.mark.parametrize(
    ("build", "word"),
    [
        (lambda: encrypt(make_pdf(PAGES), "hemmelig", "eier"), "passordbeskyttet"),
        (lambda: make_pdf([[], []]), "skannet"),
        (lambda: b"%PDF-1.7\n1 0 obj <</Type /Catalog " + SECRET.encode() + b"\n", "skadet"),
        (lambda: make_pdf(PAGES)[:400], "skadet"),
    ],
    ids=["user-password", "no-text", "garbage", "truncated"],
)
def test_refused_pdf(tmp_path: Path, check_error, build, word: str) -> None:
    path = tmp_path / f"{SECRET}.pdf"
    path.write_bytes(build())
    with pytest.raises(InputError) as info:
        read_path(path)
    check_error(info.value)
    assert word in info.value.message
    assert info.value.__cause__ is None


def test_pdf_over_char_limit_stops_early(monkeypatch: pytest.MonkeyPatch, check_error) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 30)
    with pytest.raises(InputError) as info:
        read_bytes(make_pdf(PAGES), filename="n.pdf")
    check_error(info.value)
    assert "30 tegn" in info.value.message


def test_pypdf_log_records_never_carry_note_text(caplog: pytest.LogCaptureFixture) -> None:
    """pypdf logs excerpts of broken objects; here the excerpt would contain the note."""
    caplog.set_level(logging.DEBUG)
    data = make_pdf([[SECRET, "Bjørn og Åse"]])
    broken = re.sub(rb"(/Length \d+\n)>>(\nstream)", b"\\1\xcc>\\2", data, count=1)
    assert broken != data
    try:
        read_bytes(broken, filename="n.pdf")
    except InputError as error:
        assert SECRET not in str(error)
    assert SECRET not in caplog.text
    assert logging.getLogger("pypdf._reader").getEffectiveLevel() > logging.CRITICAL
