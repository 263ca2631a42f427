"""Hostile input to the readers: the only failure is an InputError with a proper message.

Covered here beyond tests/readers: mutated .docx files, nesting deeper than the XML parser
allows, invalid UTF-8 of every kind, control and bidirectional characters, a 1 MB single line
and 10 MB inputs (refused with the size message, before anything is decoded).
"""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.errors import InputError
from nlp.readers import MAX_INPUT_BYTES, MAX_TEXT_CHARS, read_bytes, read_text
from tests.hostile.conftest import (
    SIZE_REFUSALS,
    check_refusal,
    docx_bytes,
    nested_tables_xml,
    paragraph_xml,
    replace_body,
)

SECRET = "Kari Nordmann"
NOTE_DOCX = docx_bytes(["Læringsnotat", "Utfordringer:", f"- {SECRET} ventet lenge."])
FILENAMES = [None, "n.txt", "n.md", "n.docx", "n.pdf", "n.doc", "n.exe", "n", "Notat.TXT"]
RTL = "\u202e\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c"  # overrides, isolates, marks
CONTROL = "".join(chr(c) for c in [*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F, 0x85])


def _read_or_refuse(data: bytes, filename: str | None) -> str | None:
    try:
        result = read_bytes(data, filename=filename)
    except InputError as error:
        check_refusal(error, SECRET)
        return None
    assert "\r" not in result.text
    assert 0 < len(result.text) <= MAX_TEXT_CHARS
    return result.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mutations=st.lists(
        st.tuples(st.integers(0, len(NOTE_DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=8
    ),
    cut=st.one_of(st.none(), st.integers(0, len(NOTE_DOCX))),
)
def test_mutated_docx_is_read_or_refused(mutations: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(NOTE_DOCX)
    for position, value in mutations:
        data[position] = value
    _read_or_refuse(bytes(data[:cut] if cut is not None else data), "notat.docx")


@pytest.mark.parametrize("depth", [6, 40, 80])
def test_deeply_nested_tables_are_read(depth: int) -> None:
    data = replace_body(NOTE_DOCX, nested_tables_xml(depth, "Innerst"))
    assert read_bytes(data, filename="n.docx").text.strip() == "Innerst"


@pytest.mark.parametrize(
    "body",
    [
        nested_tables_xml(120, "Innerst"),  # XML deeper than libxml2's default limit (256)
        nested_tables_xml(400, "Innerst"),
        "<w:sdt><w:sdtContent>" * 400 + paragraph_xml("x") + "</w:sdtContent></w:sdt>" * 400,
        "<w:p>" + "<w:r>" * 300 + "<w:t>x</w:t>" + "</w:r>" * 300 + "</w:p>",
    ],
    ids=["tables-120", "tables-400", "content-controls-400", "runs-300"],
)
def test_nesting_beyond_the_parser_limit_is_refused_or_read(body: str) -> None:
    _read_or_refuse(replace_body(NOTE_DOCX, body), "n.docx")


@pytest.mark.parametrize(
    "data",
    [
        b"Gyldig tekst \xff\xfe midt i",  # bytes that are never UTF-8
        b"Overlang \xc0\xaf skr\xe5strek",  # overlong encoding of "/"
        b"Surrogat \xed\xa0\x80 kodet",  # an encoded UTF-16 surrogate
        b"Avkuttet \xe2\x82",  # a truncated sequence at the end
        b"For stor \xf4\x90\x80\x80 kodepunkt",  # above U+10FFFF
        b"Fortsettelse \x80\x80\x80 uten start",
        b"\xef\xbb\xbf\xef\xbb\xbfDobbel BOM",
    ],
)
def test_invalid_utf8_is_read_as_windows_1252_with_a_warning_or_refused(data: bytes) -> None:
    try:
        result = read_bytes(data, filename="n.txt")
    except InputError as error:
        check_refusal(error)
        return
    assert result.text
    if result.encoding == "windows-1252":
        assert result.warnings


def test_utf16_is_refused() -> None:
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        with pytest.raises(InputError) as info:
            read_bytes(bom + "Notat".encode("utf-16-le"), filename="n.txt")
        check_refusal(info.value)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(CONTROL + "abc æøå\n\t")), min_size=1))
def test_control_characters_are_refused_or_kept_as_written(text: str) -> None:
    try:
        result = read_text(text)
    except InputError as error:
        check_refusal(error)
        return
    assert result.text == text.replace("\r\n", "\n").replace("\r", "\n")


def test_mostly_control_characters_are_refused_with_the_paste_message() -> None:
    with pytest.raises(InputError) as info:
        read_text("ab" + CONTROL * 3)
    check_refusal(info.value)
    assert "kontrolltegn" in info.value.message


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list(RTL + "שלום עולם مرحبا بالعالم Kari æøå «»\n-")), min_size=1
    )
)
def test_right_to_left_and_bidi_controls_are_kept(text: str) -> None:
    try:
        result = read_text(text)
    except InputError as error:
        check_refusal(error)
        assert text.isspace() or not text.strip()
        return
    assert result.text == text.replace("\r", "\n")
    assert read_bytes(text.encode("utf-8"), filename="n.txt").text == result.text


def test_lone_surrogates_in_pasted_text_are_refused() -> None:
    with pytest.raises(InputError) as info:
        read_text("Notat med \ud800 ugyldig tegn")
    check_refusal(info.value)


def test_one_megabyte_single_line_is_refused_as_too_long() -> None:
    line = ("Kari ventet lenge på svar fra BUP. " * 30_000)[: 1024 * 1024]
    for call in (lambda: read_text(line), lambda: read_bytes(line.encode(), filename="n.txt")):
        with pytest.raises(InputError) as info:
            call()
        check_refusal(info.value, "Kari")
        assert info.value.message.startswith("Teksten er for lang")


@pytest.mark.parametrize("filename", FILENAMES)
def test_ten_megabyte_input_is_refused_with_the_size_message(filename: str | None) -> None:
    data = b"a" * (10 * 1024 * 1024)
    if filename in ("n.doc", "n.exe"):
        with pytest.raises(InputError):
            read_bytes(data, filename=filename)  # the type is refused first
        return
    with pytest.raises(InputError) as info:
        read_bytes(data, filename=filename)
    check_refusal(info.value)
    assert info.value.message.startswith("Filen er større enn grensen på 5 MB")
    assert info.value.message.startswith(SIZE_REFUSALS)


def test_ten_megabyte_paste_is_refused_with_the_size_message() -> None:
    with pytest.raises(InputError) as info:
        read_text("æ" * (10 * 1024 * 1024))
    check_refusal(info.value)
    assert info.value.message.startswith("Teksten er for lang")


def test_limit_itself_is_accepted() -> None:
    text = ("ord " * MAX_TEXT_CHARS)[:MAX_TEXT_CHARS]
    assert len(read_text(text).text) == MAX_TEXT_CHARS
    assert MAX_INPUT_BYTES > MAX_TEXT_CHARS
