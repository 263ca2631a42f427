"""Words hyphenated over a line break, as a note pasted from a PDF or a narrow e-mail has them
("Ing-\\nrid", "Brumund-\\ndal", "Sol-\\nvang skole").

The recognizers read the two halves as two words, so a name or place broken this way is missed
or flagged only in part. ``hyphen_breaks`` finds each break once per note; the stage flags a
joined word that a name or place list knows, and widens a flag that covers one half over the
other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.pii.lexicon import is_first_name, is_ordinary_word, is_place, is_surname

# a letter run, a hyphen at the line's end, the rest of the word in lower case on the next line
_BREAK = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-[ \t]*\r?\n[ \t]*([a-zæøåäöüéèáàóò]+)(?![^\W\d_])")


@dataclass(frozen=True)
class HyphenBreak:
    start: int
    end: int
    head_end: int  # where the first half ends (before its hyphen)
    tail_start: int  # where the second half starts
    joined: str  # the word without the hyphen and the line break


def hyphen_breaks(text: str) -> list[HyphenBreak]:
    if "-\n" not in text and "-\r\n" not in text and not re.search(r"-[ \t]+\r?\n", text):
        return []
    return [
        HyphenBreak(m.start(), m.end(), m.end(1), m.start(2), m.group(1) + m.group(2))
        for m in _BREAK.finditer(text)
    ]


def known_kind(joined: str) -> str | None:
    """PERSON or LOCATION when a list knows the joined word as a name or a place and it is no
    ordinary word ("Ingrid", "Brumunddal"; not "barnevernet")."""
    word = joined[:1].upper() + joined[1:]
    if is_ordinary_word(joined.lower()):
        return None
    if is_first_name(word) or is_surname(word):
        return "PERSON"
    if is_place(word):
        return "LOCATION"
    return None
