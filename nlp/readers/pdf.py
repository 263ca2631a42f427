"""PDF: text extracted page by page with pypdf, pages joined by a blank line."""

from __future__ import annotations

import logging
from io import BytesIO

from pypdf import PasswordType, PdfReader

from nlp.errors import InputError
from nlp.readers import limits

LAYOUT_WARNING = (
    "Teksten er hentet fra en PDF, og avsnitt, overskrifter og punktlister kan ha blitt "
    "lest feil. Sjekk resultatet, eller bruk .docx-filen hvis du har den."
)

# pypdf logs its robustness fixes with excerpts of the raw file, which can be note text.
# Those records must never reach application logs, so the whole "pypdf" logger tree is
# silenced (child loggers inherit the level). Errors still surface as InputError.
logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)


def _corrupt_error() -> InputError:
    return InputError(
        "PDF-filen ser ut til å være skadet og kan ikke leses.",
        "Lagre PDF-en på nytt, bruk .docx-filen, eller lim inn teksten.",
    )


def _encrypted_error() -> InputError:
    return InputError(
        "PDF-filen er passordbeskyttet.",
        "Lagre en kopi uten passord, eller lim inn teksten.",
    )


def _unlock(reader: PdfReader) -> None:
    """Open PDFs that only have an owner password; refuse those that need a password."""
    if not reader.is_encrypted:
        return
    try:
        unlocked = reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:
        unlocked = False
    if not unlocked:
        raise _encrypted_error()


def read_pdf(data: bytes) -> tuple[str, list[str]]:
    """Return ``(text, warnings)`` for a PDF file's bytes."""
    pages: list[str] = []
    total = 0
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        _unlock(reader)
        for page in reader.pages:
            text = (page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n")
            text = text.rstrip()
            if text.strip():
                pages.append(text)
                total += len(text) + 2
                limits.check_text_length(total - 2)
    except InputError:
        raise
    except Exception:  # pypdf errors may quote document content
        raise _corrupt_error() from None
    if not pages:
        raise InputError(
            "PDF-filen inneholder ingen tekst som kan hentes ut; den ser ut til å være skannet.",
            "Lim inn teksten, eller bruk den opprinnelige .docx-filen.",
        )
    return "\n\n".join(pages), [LAYOUT_WARNING]
