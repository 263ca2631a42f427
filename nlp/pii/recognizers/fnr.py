"""FNR: fødselsnummer, D-nummer and H-nummer (11 digits with valid check digits).

Accepted forms: "14031252416", "140312 52416" (one space, also a no-break space) and
"140312-52416"; the span is the number as written. Date and check-digit rules (classic and the
2032 rules) are in :mod:`nlp.pii.recognizers.fnr_rules`.

A number whose check digits fail but whose first six digits are a date is flagged too, lower
("fnr:unchecked", config − 0.3, raised by an identity-number word before it): a fødselsnummer
typed with one digit wrong, or made up for a form, still tells who someone is. Eleven digits
grouped any other way ("2804 01 38817", "05 07 96 412 38", "11.03.12-47781", or broken over a
line as a PDF wraps it) are flagged when their first six digits are a date and an
identity-number word comes within the six words before them ("fnr:grouped", config − 0.2).

Not flagged: numbers whose first six digits are no date; digits inside a
longer run of digits or digit groups ("1234 14031252416", "14031252416.5"); bank account numbers
written "1234.56.78903" or "1234 56 78903" (never matched: the groups differ); and 11 digits with
konto/kontonummer/kontonr/bankkonto, org.nr/organisasjonsnummer or KID among the four words
before them, unless an identity-number word (fødselsnummer, fnr, personnummer, D-nummer …) is
nearer to the number than that word.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from nlp.pii.recognizers.fnr_rules import date_kind, kind
from nlp.pii.recognizers.pattern_base import (
    Candidate,
    NbPatternRecognizer,
    compile_pattern,
    words_before,
)

_FNR = compile_pattern(
    r"""
    (?<![0-9])(?<![0-9](?:${SP}|[.,/]|${DASH}))   # not the tail of a longer number
    # "140312 52416", "140312 524 16", and broken over a line as a PDF wraps it
    [0-9]{6} (?:${SP}|-|\n)? (?:[0-9]{5} | [0-9]{3} ${SP} [0-9]{2})
    (?![0-9])(?!(?:${SP}|[.,/]|${DASH})[0-9])     # not the head of a longer number
    """
)
# eleven digits grouped any other way ("2804 01 38817", "05 07 96 412 38", "11.03.12-47781"):
# only after a word for an identity number
_FNR_GROUPED = compile_pattern(
    r"""
    (?<![0-9])(?<![0-9](?:${SP}|[.,/]|${DASH}))
    [0-9]{2,6} (?: (?:${SP}|[.]|${DASH}) [0-9]{2,5} ){1,4}
    (?![0-9])(?!(?:${SP}|[.,/]|${DASH})[0-9])
    """
)
_ACCOUNT_CUE = compile_pattern(
    r"""
    ^(?: [\p{L}-]*konto(?:en|a|ar|er|ene|ane|nummer(?:et|a)?|nr|nr\.)?
       | org | orgnr | org\.?nr | org\.?nummer(?:et)? | organisasjonsnummer(?:et)?
       | organisasjonsnr | kid | kid-?nummer(?:et)? | kidnr )$
    """
)
_ID_CUE = compile_pattern(
    r"fødselsn|fødselsnr|^fnr|personn|personnr|^[dh]-?nummer|^født|^fødd|identitet|^id-?nummer"
)
CUE_WINDOW = 4


def account_context(text: str, start: int) -> bool:
    """True when the nearest cue word before the number names an account or an organisation."""
    for word in reversed(words_before(text, start, CUE_WINDOW)):
        if _ID_CUE.search(word):
            return False
        if _ACCOUNT_CUE.match(word):
            return True
    return False


class FnrRecognizer(NbPatternRecognizer):
    """Fødselsnummer, D-nummer and H-nummer with valid check digits (classic or 2032 rules); one
    with wrong check digits whose first six make a date; eleven digits grouped any other way
    ("2804 01 38817") after a word for an identity number."""

    ENTITY = "FNR"
    NAME = "fnr"
    PATTERNS: ClassVar[dict[str, regex.Pattern[str]]] = {"fnr": _FNR, "fnr_grouped": _FNR_GROUPED}

    def find(self, text: str) -> Iterator[Candidate]:
        seen: list[tuple[int, int]] = []
        for match in self.iter_matches("fnr", text):
            seen.append(match.span())
            if account_context(text, match.start()):
                continue
            number_kind = kind(match.group())
            if number_kind is not None:
                yield Candidate(match.start(), match.end(), self.score, f"fnr:{number_kind}")
            elif date_kind(match.group()) is not None:
                yield Candidate(match.start(), match.end(), self.score - 0.3, "fnr:unchecked")
        for match in self.iter_matches("fnr_grouped", text):
            digits = "".join(c for c in match.group() if c.isdigit())
            before = words_before(text, match.start(), CUE_WINDOW + 2)
            cued = any(_ID_CUE.search(w) for w in before)
            known = any(a < match.end() and match.start() < b for a, b in seen)
            if (
                len(digits) == 11
                and cued
                and not known
                and not account_context(text, match.start())
                and date_kind(digits) is not None
            ):
                yield Candidate(match.start(), match.end(), self.score - 0.2, "fnr:grouped")
