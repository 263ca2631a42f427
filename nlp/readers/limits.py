"""Documented input limits and the checks that enforce them.

The checks read the module constants at call time, so tests (and deployments) can
lower a limit with ``monkeypatch.setattr(limits, "MAX_INPUT_BYTES", ...)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from zipfile import ZipInfo

from nlp.errors import InputError

MAX_INPUT_BYTES = 5 * 1024 * 1024
"""Largest file or upload read, in bytes (checked before reading a file)."""

MAX_TEXT_CHARS = 300_000
"""Longest text accepted after decoding or extraction, in characters."""

MAX_ARCHIVE_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
"""A .docx whose members unpack to more than this is refused (zip bomb guard)."""

MAX_ARCHIVE_RATIO = 100
"""Largest compression ratio allowed for a .docx member bigger than RATIO_MIN_BYTES."""

RATIO_MIN_BYTES = 1024 * 1024
"""Members smaller than this (uncompressed) are not checked for their ratio."""

MAX_ARCHIVE_MEMBERS = 2_000
"""A .docx with more members than this is refused."""

_SPLIT_HINT = "Del notatet i flere mindre deler og les dem inn hver for seg."


def _size(n_bytes: int) -> str:
    mib = 1024 * 1024
    if n_bytes >= mib:
        return f"{n_bytes / mib:.1f}".replace(".", ",").removesuffix(",0") + " MB"
    if n_bytes >= 1024:
        return f"{n_bytes // 1024} kB"
    return f"{n_bytes} byte"


def _count(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def check_input_size(n_bytes: int) -> None:
    """Refuse input larger than MAX_INPUT_BYTES."""
    if n_bytes > MAX_INPUT_BYTES:
        raise InputError(
            f"Filen er større enn grensen på {_size(MAX_INPUT_BYTES)} "
            f"({n_bytes - MAX_INPUT_BYTES} byte for mye).",
            _SPLIT_HINT,
        )


def check_text_length(n_chars: int) -> None:
    """Refuse text longer than MAX_TEXT_CHARS."""
    if n_chars > MAX_TEXT_CHARS:
        raise InputError(
            f"Teksten er for lang (over {_count(MAX_TEXT_CHARS)} tegn).",
            _SPLIT_HINT,
        )


def check_archive(members: Iterable[ZipInfo]) -> None:
    """Refuse a zip container that is unreasonably large or compressed once unpacked."""
    refused = InputError(
        "Dokumentet er unormalt stort når det pakkes ut, og blir ikke lest av sikkerhetshensyn.",
        "Lagre notatet på nytt som .docx uten innebygde filer, eller lim inn teksten.",
    )
    total = 0
    for count, info in enumerate(members, start=1):
        if count > MAX_ARCHIVE_MEMBERS:
            raise refused
        total += info.file_size
        if total > MAX_ARCHIVE_UNCOMPRESSED_BYTES:
            raise refused
        too_compressed = info.file_size > MAX_ARCHIVE_RATIO * max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_BYTES and too_compressed:
            raise refused
