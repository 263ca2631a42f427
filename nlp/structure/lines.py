"""Split a note into lines with offsets and recognise list markers and markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(
    r"^(?P<indent>[ \t\u00a0]*)"
    r"(?P<marker>[-–—•*·▪►➢→✓◦○]|o(?=\t| {2})|\d{1,2}(?:\.\d{1,2})*[.)](?=\s)"
    r"|[a-zæøå][.)](?=\s)|\(\w\))"
    r"[ \t\u00a0]+"
)
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<inner>.+?)(\*\*|__)\s*:?\s*(?P<rest>.*)$")
NUMBER_PREFIX = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)]|[a-h][.)])\s+")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    raw: str

    @property
    def stripped(self) -> str:
        return self.raw.strip()

    @property
    def is_blank(self) -> bool:
        return not self.raw.strip()

    @property
    def indent(self) -> int:
        return len(self.raw) - len(self.raw.lstrip(" \t\u00a0"))

    def bullet(self) -> tuple[str, int] | None:
        """(marker, offset of the content) when the line starts with a list marker."""
        match = BULLET.match(self.raw)
        if not match:
            return None
        return match.group("marker"), self.start + match.end()

    def content_start(self) -> int:
        return self.start + self.indent


# the quote marks of an e-mail reply ("> "), in front of every line of a quoted note
MAIL_QUOTE = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?")
# a line of only dashes, equals signs or underscores: a heading's underline or a rule
RULE_LINE = re.compile(r"^[ \t]*(?:-{3,}|={3,}|_{3,})[ \t]*$")


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets. A note quoted in an e-mail reply is read
    without the "> " in front of each line, and a rule or heading underline ("----------") is
    read as a blank line."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        quote = MAIL_QUOTE.match(raw)
        cut = quote.end() if quote else 0
        if RULE_LINE.match(raw[cut:]):
            lines.append(Line(pos + len(raw), pos + len(raw), ""))
        else:
            lines.append(Line(pos + cut, pos + len(raw), raw[cut:]))
        pos += len(raw) + 1
    return lines


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to exclude surrounding whitespace (and markup asterisks)."""
    while start < end and (text[start].isspace() or text[start] == "*"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "*"):
        end -= 1
    return start, end
