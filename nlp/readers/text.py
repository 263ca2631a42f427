"""Plain text and Markdown: decode, normalise line endings, refuse empty or binary input.

Markdown is kept exactly as written; downstream parsing understands ``#`` headings and
``**bold**``. Apart from CRLF/CR → LF nothing in the text is changed.
"""

from __future__ import annotations

import codecs
import re

from nlp.errors import InputError

CP1252_WARNING = (
    "Filen var ikke lagret som UTF-8 og ble lest som Windows-1252. "
    "Sjekk at æ, ø og å ser riktige ut."
)

_BINARY_SHARE = 0.05
"""More than this share of control characters (other than \\t \\n \\r \\f) means binary."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

# Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; like browsers, map them
# to the C1 control characters so that decoding never fails (the binary check sees them).
_CP1252 = {
    b: bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

_SAVE_AS_TEXT = "Lagre notatet som .txt, .md eller .docx, eller lim inn teksten."


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes as UTF-8 (with or without BOM), else Windows-1252 with a warning.

    Returns ``(text, encoding, warnings)``; the text is not yet normalised or checked.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(
            "Filen er lagret som UTF-16, og det støttes ikke.",
            "Lagre den på nytt med kodingen UTF-8, eller lim inn teksten.",
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        return data.decode("utf-8"), encoding, []
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1").translate(_CP1252)
    return text, "windows-1252", [CP1252_WARNING]


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; the only change made to the text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_content(text: str, *, pasted: bool = False) -> None:
    """Refuse empty, whitespace-only, binary or unencodable text."""
    what = "Teksten" if pasted else "Filen"
    if not text:
        raise InputError(
            f"{what} er tom.",
            "Velg filen som inneholder læringsnotatet, eller lim inn teksten.",
        )
    if text.isspace():
        raise InputError(
            f"{what} inneholder bare mellomrom og tomme linjer.",
            "Sjekk at du valgte riktig fil, eller lim inn teksten.",
        )
    controls = len(text) - len(_CONTROL.sub("", text))
    if "\x00" in text or controls > _BINARY_SHARE * len(text):
        if pasted:
            raise InputError(
                "Teksten inneholder mange kontrolltegn og ser ikke ut som vanlig tekst.",
                "Kopier teksten på nytt fra originaldokumentet og lim den inn igjen.",
            )
        raise InputError("Filen ser ut til å være en binærfil, ikke en tekstfil.", _SAVE_AS_TEXT)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            f"{what} inneholder ugyldige tegn.",
            "Kopier teksten på nytt fra originaldokumentet og prøv igjen.",
        ) from None
