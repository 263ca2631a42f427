"""Plain text, Markdown and pasted text."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.readers import limits, read_bytes, read_path, read_text
from nlp.readers.text import CP1252_WARNING

NOTE = (
    "Kveldens tema: Samarbeid med barnevernet\n"
    "Bjørn og Åse fortalte om HEMMELIG-NAVN-Kari-Nordmann."
)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("notat.txt", "text"),
        ("notat.text", "text"),
        ("NOTAT.TXT", "text"),
        ("notat.md", "markdown"),
        ("notat.markdown", "markdown"),
    ],
)
def test_utf8_file(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(NOTE.encode("utf-8"))
    result = read_path(path)
    assert result.text == NOTE
    assert result.format == fmt
    assert result.encoding == "utf-8"
    assert result.source == name
    assert result.warnings == []


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "notat.txt"
    path.write_bytes(b"\xef\xbb\xbf" + NOTE.encode("utf-8"))
    result = read_path(path)
    assert result.text == NOTE
    assert result.encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a\r\nb\r\nc", "a\nb\nc"),
        (b"a\rb\rc", "a\nb\nc"),
        (b"a\r\n\r\nb\n\rc\r", "a\n\nb\n\nc\n"),
    ],
)
def test_line_endings_become_lf(raw: bytes, expected: str) -> None:
    assert read_bytes(raw, filename="n.txt").text == expected


def test_windows_1252_fallback_warns(tmp_path: Path) -> None:
    path = tmp_path / "notat.txt"
    path.write_bytes("Bjørn og Åse\r\nmøtte æ-lærer".encode("cp1252"))
    result = read_path(path)
    assert result.text == "Bjørn og Åse\nmøtte æ-lærer"
    assert result.encoding == "windows-1252"
    assert result.warnings == [CP1252_WARNING]
    assert "Bjørn" not in " ".join(result.warnings)


def test_markdown_is_kept_as_written() -> None:
    note = "# Kveldens tema\n\n**Utfordringer**\n- *ventetid* hos BUP\n1. Tiltak\n"
    result = read_bytes(note.encode(), filename="notat.md")
    assert result.text == note
    assert result.format == "markdown"


def test_other_characters_are_kept() -> None:
    note = "Tab\tNBSP\u00a0RTL \u05e9\u05dc\u05d5\u05dd \u200f emoji 👍🏽 «sitat» – ja\f"
    assert read_bytes(note.encode(), filename="n.txt").text == note
    assert read_text(note).text == note


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "tom"),
        (b"   \n\t\r\n  ", "mellomrom"),
        (b"\xef\xbb\xbf", "tom"),
        (b"\x00\x01\x02HEMMELIG-NAVN-Kari-Nordmann\x00\xff\xfe\x00", "binærfil"),
        (bytes(range(256)) * 4 + b"HEMMELIG-NAVN-Kari-Nordmann", "binærfil"),
        (b"HEMMELIG-NAVN-Kari-Nordmann" + b"\x01\x02\x03\x04\x1b" * 5, "binærfil"),
        ("HEMMELIG-NAVN-Kari-Nordmann".encode("utf-16"), "UTF-16"),
    ],
    ids=["empty", "whitespace", "bom-only", "nul-bytes", "all-bytes", "controls", "utf16"],
)
def test_refused_text_files(tmp_path: Path, check_error, raw: bytes, words: str) -> None:
    path = tmp_path / "notat.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError) as info:
        read_path(path)
    check_error(info.value)
    assert words in info.value.message


def test_read_text_paste() -> None:
    result = read_text("Linje 1\r\nLinje 2\rLinje 3")
    assert result.text == "Linje 1\nLinje 2\nLinje 3"
    assert (result.source, result.format, result.encoding) == ("<paste>", "text", None)
    assert read_text("x", source="skjema").source == "skjema"


@pytest.mark.parametrize(
    "pasted",
    ["", " \n\t ", "HEMMELIG-NAVN-Kari-Nordmann\x00", "HEMMELIG-NAVN-Kari-Nordmann \ud800"],
    ids=["empty", "whitespace", "nul", "lone-surrogate"],
)
def test_read_text_refusals(check_error, pasted: str) -> None:
    with pytest.raises(InputError) as info:
        read_text(pasted)
    check_error(info.value)
    assert "Teksten" in info.value.message


def test_text_over_char_limit(monkeypatch: pytest.MonkeyPatch, check_error) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 20)
    note = "HEMMELIG-NAVN-Kari-Nordmann er her"
    for call in (lambda: read_text(note), lambda: read_bytes(note.encode(), filename="n.txt")):
        with pytest.raises(InputError) as info:
            call()
        check_error(info.value)
        assert "20 tegn" in info.value.message
        assert "Del notatet" in info.value.hint
    assert read_text("a\r\n" * 10).text == "a\n" * 10  # limit applies after normalising
