"""Shared helpers for the hostile-input tests: refusal checks and .docx builders."""

from __future__ import annotations

import io
import re
import zipfile

import docx

from nlp.errors import InputError

SIZE_REFUSALS = ("Filen er større enn grensen", "Teksten er for lang")


def check_refusal(error: BaseException, *secrets: str) -> None:
    """A refusal is an InputError with a one-line message and hint that quote no note text."""
    assert isinstance(error, InputError), repr(error)
    assert error.message.strip() and error.hint.strip()
    assert "\n" not in str(error)
    for secret in secrets:
        assert secret not in str(error)


def docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_body(data: bytes, body_xml: str) -> bytes:
    """The .docx ``data`` with the content of its ``w:body`` replaced by ``body_xml``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                xml = content.decode("utf-8")
                xml = re.sub(
                    r"<w:body>.*</w:body>", f"<w:body>{body_xml}</w:body>", xml, flags=re.S
                )
                content = xml.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


def paragraph_xml(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def nested_tables_xml(depth: int, innermost: str) -> str:
    """``depth`` tables, each the only content of the previous one's single cell."""
    xml = paragraph_xml(innermost)
    for _ in range(depth):
        xml = f"<w:tbl><w:tr><w:tc>{xml}<w:p/></w:tc></w:tr></w:tbl>"
    return xml + "<w:p/>"
