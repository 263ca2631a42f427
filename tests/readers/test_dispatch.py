"""Dispatch by extension or content, file-system errors, size limits and the result model."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.errors import InputError
from nlp.readers import (
    MAX_INPUT_BYTES,
    MAX_TEXT_CHARS,
    ReadResult,
    limits,
    read_bytes,
    read_path,
    read_text,
)

SECRET = "HEMMELIG-NAVN-Kari-Nordmann"
SAVE_HINT = "Lagre notatet som .docx, .txt eller .md, eller lim inn teksten."


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_documented_limits() -> None:
    assert MAX_INPUT_BYTES == 5 * 1024 * 1024
    assert MAX_TEXT_CHARS == 300_000
    assert limits.MAX_ARCHIVE_UNCOMPRESSED_BYTES == 50 * 1024 * 1024
    assert limits.MAX_ARCHIVE_RATIO == 100
    assert limits.MAX_ARCHIVE_MEMBERS == 2_000


@pytest.mark.parametrize(
    "extension", [".odt", ".rtf", ".pages", ".xlsx", ".pptx", ".html", ".exe", ".ODT"]
)
def test_unknown_extension(tmp_path: Path, check_error, extension: str) -> None:
    path = tmp_path / f"notat{extension}"
    path.write_bytes(SECRET.encode() + b"\x00\x01")
    for call in (
        lambda: read_path(path),
        lambda: read_bytes(path.read_bytes(), filename=path.name),
    ):
        with pytest.raises(InputError) as info:
            call()
        check_error(info.value)
        assert info.value.message == f"Filtypen {extension.lower()} støttes ikke."
        assert info.value.hint == SAVE_HINT


def test_doc_has_its_own_message(tmp_path: Path, check_error) -> None:
    path = tmp_path / "notat.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + SECRET.encode())
    with pytest.raises(InputError) as info:
        read_path(path)
    check_error(info.value)
    assert ".doc" in info.value.message and ".docx" in info.value.hint


def test_odd_extension_is_not_echoed(check_error) -> None:
    with pytest.raises(InputError) as info:
        read_bytes(b"tekst", filename=f"notat.{SECRET} sitt notat")
    check_error(info.value)
    assert info.value.message == "Denne filtypen støttes ikke."


def test_unknown_extension_checked_before_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 10)
    path = tmp_path / "film.exe"
    path.write_bytes(b"x" * 100)
    with pytest.raises(InputError, match=r"Filtypen \.exe"):
        read_path(path)


@pytest.mark.parametrize(
    ("data", "fmt", "text"),
    [
        ("Bjørn og Åse\r\n".encode(), "text", "Bjørn og Åse\n"),
        (_docx_bytes("Fra Word"), "docx", "Fra Word"),
    ],
)
@pytest.mark.parametrize("filename", [None, "notat", "C:\\Users\\x\\notat"])
def test_sniffed_without_extension(data: bytes, fmt: str, text: str, filename: str | None) -> None:
    result = read_bytes(data, filename=filename)
    assert (result.format, result.text) == (fmt, text)
    assert result.source == ("<stdin>" if filename is None else "notat")


def test_source_argument_and_windows_path_name() -> None:
    assert read_bytes(b"x", filename="C:\\Notater\\m\u00f8te.md").source == "m\u00f8te.md"
    assert read_bytes(b"x", filename="a/b.txt", source="<stdin>").source == "<stdin>"


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + SECRET.encode(), "passordbeskyttet"),
        (b"\x00\x01\x02\x03" + SECRET.encode() + b"\x00" * 40, "binærfil"),
        (b"PK\x03\x04" + SECRET.encode(), "skadet"),
        (b"%PDF-1.4 " + SECRET.encode(), "skadet"),
        (b"", "tom"),
    ],
    ids=["ole", "binary", "bad-zip", "bad-pdf", "empty"],
)
@pytest.mark.parametrize("filename", [None, "notat"])
def test_refusals_without_extension(
    check_error, data: bytes, word: str, filename: str | None
) -> None:
    with pytest.raises(InputError) as info:
        read_bytes(data, filename=filename)
    check_error(info.value)
    assert word in info.value.message


@pytest.mark.parametrize("name", ["notat.docx", "notat.pdf", "notat.txt"])
def test_empty_file_of_any_format(tmp_path: Path, check_error, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(InputError, match="Filen er tom") as info:
        read_path(path)
    check_error(info.value)


def test_missing_path(tmp_path: Path, check_error) -> None:
    with pytest.raises(InputError) as info:
        read_path(tmp_path / "finnes-ikke.docx")
    check_error(info.value)
    assert "Fant ikke filen «finnes-ikke.docx»" in info.value.message


def test_directory(tmp_path: Path, check_error) -> None:
    folder = tmp_path / "notater.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="er en mappe") as info:
        read_path(folder)
    check_error(info.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_not_read(tmp_path: Path, check_error) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="ikke en vanlig fil") as info:
        read_path(fifo)  # would block forever if it were opened
    check_error(info.value)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, check_error) -> None:
    path = tmp_path / "notat.txt"
    path.write_text(SECRET)

    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError, match=r"Kan ikke lese filen «notat\.txt»") as info:
        read_path(path)
    check_error(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_file_name_in_message_is_one_line(tmp_path: Path, check_error) -> None:
    with pytest.raises(InputError) as info:
        read_path(tmp_path / "to\nlinjer.txt")
    check_error(info.value)


@pytest.mark.parametrize("name", ["stor.txt", "stor.docx", "stor.pdf", "stor"])
def test_over_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, check_error, name: str
) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1024)
    path = tmp_path / name
    path.write_bytes(SECRET.encode() * 100)

    def must_not_open(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("file opened before its size was checked")

    monkeypatch.setattr(Path, "open", must_not_open)
    with pytest.raises(InputError) as info:
        read_path(path)
    check_error(info.value)
    assert "1 kB" in info.value.message
    assert "Del notatet" in info.value.hint


def test_read_bytes_over_size_limit(monkeypatch: pytest.MonkeyPatch, check_error) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 100)
    assert read_bytes(b"x" * 100).text == "x" * 100
    with pytest.raises(InputError) as info:
        read_bytes(b"x" * 101, filename="n.txt")
    check_error(info.value)
    assert "100 byte" in info.value.message


def test_default_limit_message_names_megabytes(check_error) -> None:
    with pytest.raises(InputError) as info:
        read_bytes(b" " * (MAX_INPUT_BYTES + 1), filename="n.txt")
    check_error(info.value)
    assert "grensen på 5 MB" in info.value.message


def test_result_is_frozen() -> None:
    result = read_text("Hei")
    with pytest.raises(pydantic.ValidationError):
        result.text = "annet"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        ReadResult(text="x", source="s", format="odt", encoding=None, warnings=[])  # type: ignore[arg-type]


FILENAMES = st.sampled_from([None, "n.txt", "n.md", "n.docx", "n.pdf", "n", "n.odt"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2048),
        st.sampled_from(
            [b"PK\x03\x04", b"%PDF-1.7\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
        ).flatmap(lambda head: st.binary(max_size=512).map(lambda tail: head + tail)),
    ),
    filename=FILENAMES,
)
def test_read_bytes_never_raises_anything_else(data: bytes, filename: str | None) -> None:
    try:
        result = read_bytes(data, filename=filename)
    except InputError as error:
        assert error.message and "\n" not in str(error)
    else:
        assert isinstance(result, ReadResult)
        assert result.text.strip()
        assert "\r" not in result.text


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_read_text_never_raises_anything_else(text: str) -> None:
    try:
        result = read_text(text)
    except InputError:
        return
    assert result.text == text.replace("\r\n", "\n").replace("\r", "\n")
