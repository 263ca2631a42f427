"""A quote's signature line: who said it, their age and where they live ("– Sara, 16,
Lillestrøm", "– K.H., 16, Skedsmokorset", "– anonym, sytten år", "– liv, 19, lørenskog").

Youth quotes under a "Sitater" heading are often signed so. Each part is personal data (an
anonymous speaker's age and home place still narrow down who it is), except a word that hides
the speaker ("anonym", "en jente", a role). Found on the text once per note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.pii.lexicon import (
    NEVER_NAMES,
    is_allowed,
    is_common_word,
    is_first_name,
    is_relation_word,
    is_role_noun,
)

_NUMBER_WORDS = (
    "ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|søtten|atten|nitten|tjue|tjueen|tjueein|"
    "tjueto|tjuetre|tjuefire|tjuefem|trettan|fjortan|femtan|sekstan|syttan|attan|nittan"
)
SIGNATURE = re.compile(
    # on a line of its own, or after the quote on its line ("…» ☁️ – Sol, sytten, Vennesla")
    r"(?:^[ \t]*|[»”\"][^\n«»”\"]{0,6}?[ \t])[–—-][ \t]*"
    r"(?P<who>[^\W\d_][^\n,()]{0,30}?)[ \t]*,[ \t]*"
    rf"(?P<age>(?:[0-9]{{1,2}}|{_NUMBER_WORDS})(?:[ \t]+år)?)"
    r"(?:[ \t]*,[ \t]*(?P<place>[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)?))?"
    r"[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# a quote signed in brackets after it: "…» 😶 (Rojin, 10. klasse, Tangen skole)", "(J, 16 år,
# Moss)"
BRACKET_SIGNATURE = re.compile(
    r"[»”\"][^\n«»”\"(]{0,6}?\([ \t]*(?P<who>[^\W\d_][^\n,()]{0,30}?)[ \t]*"
    r"(?P<rest>,[^\n()]{1,60})?\)"  # or the name alone: "» (Eir)"
)
_HIDDEN = frozenset({"anonym", "anonymt", "ukjent", "ungdom", "ei", "en", "ein", "jente", "gutt"})
_INITIALS = re.compile(r"(?:[A-ZÆØÅ]\.[ \t]?){1,3}|[A-ZÆØÅ]{2,3}")


def _looks_like_a_name(who: str) -> bool:
    """Initials, capitalised words, or one lower-case first name ("liv"); not "Vi møtes"."""
    if _INITIALS.fullmatch(who):
        return True
    words = who.split()
    if words[0].lower() in NEVER_NAMES or len(words) > 3:
        return False
    if len(words) == 1 and who.islower():
        return all(is_first_name(part.capitalize()) for part in who.split("-"))
    return all(w[:1].isupper() for w in words)


@dataclass(frozen=True)
class SignaturePart:
    start: int
    end: int
    type: str


def quote_signatures(text: str) -> list[SignaturePart]:
    if "," not in text and "(" not in text:
        return []
    parts: list[SignaturePart] = []
    for match in SIGNATURE.finditer(text):
        who = match.group("who")
        words = who.lower().split()
        hidden = any(w in _HIDDEN or is_relation_word(w) or is_role_noun(w) for w in words)
        if not hidden and not _looks_like_a_name(who):
            continue  # "- Vi møtes, 18": a sentence, not a signature
        if not hidden and not is_allowed(who):
            parts.append(SignaturePart(*match.span("who"), "PERSON"))
        parts.append(SignaturePart(*match.span("age"), "AGE"))
        place = match.group("place")
        if place and not is_allowed(place) and not is_common_word(place.lower()):
            parts.append(SignaturePart(*match.span("place"), "LOCATION"))
    for match in BRACKET_SIGNATURE.finditer(text):
        who = match.group("who")
        words = who.lower().split()
        hidden = any(w in _HIDDEN or is_relation_word(w) or is_role_noun(w) for w in words)
        alone = match.group("rest") is None
        if alone and (who.isupper() or not who[:1].isupper()):
            continue  # "» (FF)", "» (mor)": a role's abbreviation or a role, not a name
        start, end = match.span("who")
        first, _, rest = who.partition(" ")
        if rest and first.isupper() and len(first) <= 3:  # "» (FM Sol)": a role, then the name
            start, who = start + len(first) + 1, rest
        if not hidden and _looks_like_a_name(who) and not is_allowed(who):
            parts.append(SignaturePart(start, end, "PERSON"))
    return parts
