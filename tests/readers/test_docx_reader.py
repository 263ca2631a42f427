"""Word .docx: structure to light Markdown, and refusal of unsafe or broken files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from nlp.errors import InputError
from nlp.readers import docx as docx_reader
from nlp.readers import limits, read_bytes, read_path

SECRET = "HEMMELIG-NAVN-Kari-Nordmann"


def _save(document: docx.document.Document, path: Path | None = None) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    if path is not None:
        path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def _note() -> docx.document.Document:
    document = docx.Document()
    document.add_heading("Læringsnotat ROM", 0)
    document.add_heading("Kveldens tema", 1)
    document.add_paragraph(f"Samarbeid med skolen. Referent: {SECRET}")
    document.add_heading("Eksempler på utfordringer", 2)
    document.add_paragraph("Lang ventetid på BUP", style="List Bullet")
    document.add_paragraph("Særlig for de yngste", style="List Bullet 2")
    document.add_paragraph("Få møtepunkter med skolen", style="List Bullet")
    for _ in range(5):
        document.add_paragraph("")
    document.add_heading("Forpliktende handlinger", 3)
    document.add_paragraph("Invitere PPT", style="List Number")
    document.add_paragraph("Lage en oversikt", style="List Number")
    paragraph = document.add_paragraph("Første linje")
    paragraph.add_run().add_break()
    paragraph.add_run("andre linje – æøå ÆØÅ")
    facts = document.add_table(rows=3, cols=2)
    for row, (key, value) in zip(
        facts.rows, [("Antall deltakere", "7"), ("Referent:", SECRET), ("", "")], strict=True
    ):
        row.cells[0].text, row.cells[1].text = key, value
    services = document.add_table(rows=2, cols=3)
    for row, values in zip(
        services.rows, [("Tjeneste", "Antall", "Kommentar"), ("NAV", "2", "")], strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    inner = services.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Indre", "tabell"
    document.add_paragraph("Slutt på notatet.")
    return document


EXPECTED_NOTE = f"""# Læringsnotat ROM
# Kveldens tema
Samarbeid med skolen. Referent: {SECRET}
## Eksempler på utfordringer
- Lang ventetid på BUP
  - Særlig for de yngste
- Få møtepunkter med skolen


### Forpliktende handlinger
1. Invitere PPT
2. Lage en oversikt
Første linje
andre linje – æøå ÆØÅ
Antall deltakere: 7
Referent: {SECRET}
Tjeneste | Antall | Kommentar
NAV | 2
Indre: tabell
Slutt på notatet."""


def test_full_note(tmp_path: Path) -> None:
    path = tmp_path / "Læringsnotat.docx"
    _save(_note(), path)
    result = read_path(path)
    assert result.text == EXPECTED_NOTE
    assert (result.format, result.encoding, result.source) == ("docx", None, "Læringsnotat.docx")
    assert result.warnings == []
    assert read_bytes(path.read_bytes(), filename="x.DOCX").text == EXPECTED_NOTE


@pytest.mark.parametrize(
    ("style_name", "style_id", "prefix"),
    [
        ("Overskrift 1", "Overskrift1", "# "),
        ("Overskrift 3", "Overskrift3", "### "),
        ("Tittel", "Tittel", "# "),
        ("Heading 2 ROM", "MinOverskrift", "## "),
        ("Liste", "Liste", "- "),
        ("Listeavsnitt", "Listeavsnitt", "- "),
        ("Nummerert liste", "NummerertListe", "1. "),
        ("Brødtekst", "Brdtekst", ""),
    ],
)
def test_norwegian_style_names(style_name: str, style_id: str, prefix: str) -> None:
    document = docx.Document()
    style = document.styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), style_id)
    document.add_paragraph("Tekst", style=style_name)
    assert read_bytes(_save(document), filename="n.docx").text == f"{prefix}Tekst"


def test_heading_style_inherited_through_based_on() -> None:
    document = docx.Document()
    style = document.styles.add_style("ROM seksjon", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Heading 2"]
    document.add_paragraph("Tips", style="ROM seksjon")
    assert read_bytes(_save(document), filename="n.docx").text == "## Tips"


NUMBERING = """
<w:abstractNum {w} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/></w:lvl>
</w:abstractNum>
<w:abstractNum {w} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl>
</w:abstractNum>
<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>
<w:num {w} w:numId="91"><w:abstractNumId w:val="91"/></w:num>
<w:num {w} w:numId="92"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
"""


def _numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int) -> None:
    paragraph = document.add_paragraph(text, style="List Paragraph")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def test_lists_from_numbering_part() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract_count = len(numbering.findall(qn("w:abstractNum")))
    for element in parse_xml(f"<root>{NUMBERING.format(w=nsdecls('w'))}</root>"):
        # abstractNum definitions must come before every num
        index = abstract_count if element.tag == qn("w:abstractNum") else len(numbering)
        numbering.insert(index, element)
        abstract_count += element.tag == qn("w:abstractNum")
    _numbered(document, "En", 90, 0)
    _numbered(document, "En-a", 90, 1)
    _numbered(document, "En-b", 90, 1)
    _numbered(document, "To", 90, 0)
    _numbered(document, "To-a", 90, 1)
    _numbered(document, "Punkt", 91, 0)
    _numbered(document, "Underpunkt", 91, 1)
    _numbered(document, "Udefinert nivå", 91, 4)
    document.add_paragraph("Mellom")
    _numbered(document, "Tre", 90, 0)
    _numbered(document, "Sju", 92, 0)
    _numbered(document, "Ikke liste", 0, 0)
    assert read_bytes(_save(document), filename="n.docx").text == (
        "1. En\n  1. En-a\n  2. En-b\n2. To\n  1. To-a\n"
        "- Punkt\n  - Underpunkt\n        - Udefinert nivå\nMellom\n3. Tre\n7. Sju\nIkke liste"
    )


def test_style_only_numbering_restarts_after_other_paragraph() -> None:
    document = docx.Document()
    style = document.styles.add_style("Nummerliste", WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), "Nummerliste")
    for text in ("a", "b", None, "c"):
        if text is None:
            document.add_paragraph("Avsnitt")
        else:
            document.add_paragraph(text, style="Nummerliste")
    assert read_bytes(_save(document), filename="n.docx").text == "1. a\n2. b\nAvsnitt\n1. c"


def test_tables_nested_beyond_depth_limit_are_flattened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_TABLE_DEPTH", 2)
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Nivå 1"
    cell = table.cell(0, 1)
    for level in (2, 3, 4):
        inner = cell.add_table(rows=1, cols=2)
        inner.cell(0, 0).text = f"Nivå {level}"
        cell = inner.cell(0, 1)
    cell.text = "Bunn"
    assert read_bytes(_save(document), filename="n.docx").text == (
        "Nivå 1\nNivå 2: Nivå 3 Nivå 4 Bunn"
    )


def test_deeply_nested_tables_do_not_crash() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for _ in range(60):
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Innerst"
    assert read_bytes(_save(document), filename="n.docx").text == "Innerst"


def test_tracked_changes_text_boxes_and_content_controls() -> None:
    document = docx.Document()
    w = nsdecls("w")
    body = document.element.body
    paragraph = parse_xml(
        f"<w:p {w}><w:r><w:t xml:space='preserve'>Beholdt </w:t></w:r>"
        f"<w:ins w:id='1' w:author='a'><w:r><w:t>innsatt</w:t></w:r></w:ins>"
        f"<w:del w:id='2' w:author='a'><w:r><w:delText>{SECRET}</w:delText></w:r></w:del>"
        f"<w:r><w:tab/><w:t>etter</w:t><w:noBreakHyphen/></w:r>"
        f"<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Boks</w:t></w:r></w:p>"
        f"</w:txbxContent></w:pict></w:r></w:p>"
    )
    control = parse_xml(
        f"<w:sdt {w}><w:sdtPr><w:alias w:val='Felt'/></w:sdtPr><w:sdtContent>"
        f"<w:p><w:r><w:t>I innholdskontroll</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    body.insert(0, control)
    body.insert(0, paragraph)
    result = read_bytes(_save(document), filename="n.docx")
    assert result.text == "Beholdt innsatt\tetter-\nI innholdskontroll"
    assert result.warnings == [docx_reader.TEXT_BOX_WARNING]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def _zip_bomb(path: Path, megabytes: int) -> Path:
    """One highly compressible member written in 1 MB chunks (about 60 kB on disk)."""
    chunk = b"<w:t>" + b"A" * (1024 * 1024 - 5)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)
    return path


def _refused_builders() -> dict[str, tuple[Callable[[Path], None], str]]:
    """id → (build(path) -> None, a word the message must contain)."""
    good = _save(_note())

    def random_bytes(path: Path) -> None:
        path.write_bytes(b"\x13\x37" + SECRET.encode() + bytes(range(256)) * 8)

    def truncated(path: Path) -> None:
        path.write_bytes(good[: len(good) // 2])

    def ole(path: Path) -> None:
        path.write_bytes(docx_reader.OLE_SIGNATURE + b"\x00" * 504 + SECRET.encode("utf-16-le"))

    def no_document_xml(path: Path) -> None:
        _zip(path, {"[Content_Types].xml": b"<Types/>", "word/other.xml": SECRET.encode()})

    def broken_xml(path: Path) -> None:
        with zipfile.ZipFile(io.BytesIO(good)) as source:
            members = {name: source.read(name) for name in source.namelist()}
        members["word/document.xml"] = f"<w:document><w:body><w:p>{SECRET}</w:bod".encode()
        _zip(path, members)

    def bomb(path: Path) -> None:
        _zip_bomb(path, 60)

    def high_ratio(path: Path) -> None:
        _zip_bomb(path, 2)

    def many_members(path: Path) -> None:
        _zip(path, {f"word/media/{i}.xml": b"" for i in range(limits.MAX_ARCHIVE_MEMBERS + 1)})

    def no_text(path: Path) -> None:
        document = docx.Document()
        document.add_paragraph("   ")
        document.add_table(rows=2, cols=2)
        _save(document, path)

    return {
        "random-bytes": (random_bytes, "skadet"),
        "truncated": (truncated, "skadet"),
        "ole-signature": (ole, "passordbeskyttet"),
        "no-document-xml": (no_document_xml, "skadet"),
        "broken-xml": (broken_xml, "skadet"),
        "zip-bomb-60mb": (bomb, "pakkes ut"),
        "ratio-over-100": (high_ratio, "pakkes ut"),
        "too-many-members": (many_members, "pakkes ut"),
        "no-text": (no_text, "ingen tekst"),
    }


REFUSED = _refused_builders()


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_docx(tmp_path: Path, check_error, case: str) -> None:
    build, word = REFUSED[case]
    path = tmp_path / f"{SECRET}.docx"
    build(path)
    with pytest.raises(InputError) as info:
        read_path(path)
    check_error(info.value)
    assert word in info.value.message
    assert info.value.__cause__ is None
    if info.value.__context__ is not None:  # raised inside ``except``: the cause is hidden
        assert info.value.__suppress_context__


def test_ole_message_is_the_documented_one(tmp_path: Path) -> None:
    path = tmp_path / "notat.docx"
    REFUSED["ole-signature"][0](path)
    with pytest.raises(InputError) as info:
        read_path(path)
    assert str(info.value) == (
        "Dokumentet er passordbeskyttet eller i det gamle .doc-formatet. "
        "Fjern passordet, eller lagre som .docx i Word, og prøv igjen."
    )


@pytest.mark.parametrize("case", ["zip-bomb-60mb", "ratio-over-100", "too-many-members"])
def test_zip_guard_runs_before_python_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    def must_not_open(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("python-docx opened an unchecked archive")

    monkeypatch.setattr(docx_reader.python_docx, "Document", must_not_open)
    path = tmp_path / "bomb.docx"
    REFUSED[case][0](path)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(InputError):
        read_path(path)


def test_python_docx_failure_becomes_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object, **_kwargs: object) -> None:
        raise ValueError(f"unexpected element near {SECRET}")

    data = _save(_note())
    monkeypatch.setattr(docx_reader.python_docx, "Document", explode)
    with pytest.raises(InputError) as info:
        read_bytes(data, filename="n.docx")
    assert SECRET not in str(info.value)
    assert info.value.__suppress_context__


def test_table_rows_skip_empty_cells() -> None:
    """Empty rows vanish; only a row with two filled cells becomes ``A: B``."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    table.cell(1, 1).text = "Bare midten"
    table.cell(2, 0).text = "Spørsmål?"
    table.cell(2, 2).text = "Svar"
    two = document.add_table(rows=2, cols=2)
    two.cell(0, 0).text = "Referent:"
    two.cell(1, 1).text = "Uten nøkkel"
    assert read_bytes(_save(document), filename="n.docx").text == (
        "Bare midten\nSpørsmål? | Svar\nReferent:\nUten nøkkel"
    )
