"""PHONE: Norwegian and foreign phone numbers; the span includes a written prefix.

Norwegian numbers have 8 digits and start with 2–9. Accepted forms:

* with a prefix "+47", "0047", "(+47)", "(0047)" and any single separators:
  "+47 412 34 567", "(+47) 99887766", "0047-22-33-44-55" (score: config + 0.15);
* grouped 2-2-2-2 or 3-2-3 with space, no-break space, hyphen or dot: "99 88 77 66",
  "41 23 45 67", "998 87 766", "412-34-567" (config score);
* grouped 4-4: "4123 4567" (config − 0.2), unless both halves look like years ("2019 2020");
* bare "99887766": 0.4 — presidio's context enhancer raises it near "mobil", "tlf.nr" …

Foreign numbers: "+<country code>" or "00<country code>" followed by 6–14 digits with single
spaces or hyphens, an optional "(0)": "+46 70 123 45 67", "+252 61 234 5678",
"0046 70 123 45 67". ``phonenumbers`` decides where the number ends (trailing digit groups are
dropped until it is valid) and the score: valid → config + 0.15, possible → config − 0.15,
neither → 0.4 with "+", dropped with "00".

Not flagged: years, postcodes, amounts ("kr 12 000", "12 500 kroner", "kr 99887766",
"99887766,-"), fødselsnummer and other longer digit runs (a number must not continue another
digit group), dates and clock times (other shapes), case numbers after "sak"/"saksnr"/"ref",
organisation and account numbers after "org.nr"/"kontonr" ("912 345 678" never matches: 3-3-3).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import phonenumbers
import regex

from nlp.pii.recognizers.pattern_base import (
    Candidate,
    NbPatternRecognizer,
    clip,
    compile_pattern,
    words_after,
    words_before,
)

_SEP = r"(?:${SP}|[.\-])"
_HEAD = r"(?<![0-9\p{L}_+])(?<![0-9]${SEP})(?<![0-9],)"  # not inside a longer number or code
_TAIL = r"(?![0-9])(?!${SEP}?[0-9])(?!,[0-9])(?![\p{L}])"
_DEFS = {"SEP": _SEP, "HEAD": _HEAD, "TAIL": _TAIL}

_NORWEGIAN_PREFIXED = compile_pattern(
    r"""
    (?<![0-9\p{L}_+])
    (?: \(\+47\) | \(0047\) | \+47 | 0047 | \+${SP}47 )
    (?:${SP}|-)?
    [2-9] (?:${SEP}?[0-9]){7}
    (?![0-9])
    """,
    SEP=_SEP,
)
_GROUPED = compile_pattern(
    r"""
    ${HEAD}
    (?: [2-9][0-9] ${SEP} [0-9]{2} ${SEP} [0-9]{2} ${SEP} [0-9]{2}
      | [2-9][0-9]{2} ${SEP} [0-9]{2} ${SEP} [0-9]{3} )
    ${TAIL}
    """,
    **_DEFS,
)
_FOUR_FOUR = compile_pattern(r"${HEAD} [2-9][0-9]{3} (?:${SP}|-) [0-9]{4} ${TAIL}", **_DEFS)
_BARE = compile_pattern(r"${HEAD} [2-9][0-9]{7} ${TAIL}", **_DEFS)
_FOREIGN = compile_pattern(
    r"""
    (?<![0-9\p{L}_+])
    (?P<prefix> \+${SP}? | 00 ) (?P<cc> [1-9][0-9]{0,2} )
    (?:${SP}|-)? (?: \(0\)(?:${SP}|-)? )?
    (?P<rest> [0-9] (?: (?:${SP}|-)?[0-9] ){5,13} )
    (?![0-9])
    """
)
_GAP = compile_pattern(r"${SP}|-")
_YEAR = regex.compile(r"(?:19|20)[0-9]{2}")
_DIGIT_RUN = regex.compile(r"[0-9]+")

_NOT_PHONE_BEFORE = compile_pattern(
    r"""
    ^(?: sak | saka | saken | saksnr | saksnummer(?:et)? | saksreferanse | arkivsak | arkivsaksnr
       | journalnr | journalnummer(?:et)? | jnr | ref | refnr | referanse | referansenummer(?:et)?
       | org | orgnr | org\.?nr | org\.?nummer(?:et)? | organisasjonsnummer(?:et)?
       | organisasjonsnr | foretaksnummer(?:et)?
       | [\p{L}-]*konto(?:en|nummer(?:et)?|nr)? | kid | kidnr | kid-?nummer(?:et)?
       | fakturanr | fakturanummer(?:et)? | kundenr | kundenummer(?:et)?
       | kr | nok | kroner | beløp(?:et)? | sum(?:men)? )$
    """
)
_NOT_PHONE_AFTER = compile_pattern(
    r"^(?:kr|kroner|kronar|nok|prosent|innbyggere|innbyggjarar|stk|personer|mennesker)$"
)


def _not_a_phone(text: str, start: int, end: int) -> bool:
    before = words_before(text, start, 2)
    # the word just before ("saksnr 12 34 56 78"), or the one before "nr" ("org. nr 98 …");
    # not a word further back ("(ref) – ring 48 21 09 73")
    if before and (
        _NOT_PHONE_BEFORE.match(before[-1])
        or (
            len(before) == 2
            and before[-1] in {"nr", "nummer", "no"}
            and _NOT_PHONE_BEFORE.match(before[0])
        )
    ):
        return True
    after = words_after(text, end, 1)
    if after and _NOT_PHONE_AFTER.match(after[0]):
        return True
    return text.startswith((",-", ".-", ",00"), end)


def _foreign_end(text: str, match: regex.Match[str]) -> tuple[int, str] | None:
    """Where a foreign number ends, and how sure we are ("valid", "possible", "plain")."""
    rest_start = match.start("rest")
    ends = [match.end()]
    for gap in _GAP.finditer(match.group("rest")):
        ends.append(rest_start + gap.start())
    ends.sort(reverse=True)
    prefix_digits = match.group("cc")
    possible: int | None = None
    for end in ends:
        digits = "".join(_DIGIT_RUN.findall(text[rest_start:end]))
        if len(digits) < 6:
            break
        try:
            number = phonenumbers.parse("+" + prefix_digits + digits, None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return end, "valid"
        if possible is None and phonenumbers.is_possible_number(number):
            possible = end
    if possible is not None:
        return possible, "possible"
    return match.end(), "plain"


class PhoneRecognizer(NbPatternRecognizer):
    """Norwegian 8-digit numbers (with or without +47/0047) and +<cc>/00<cc> foreign numbers."""

    ENTITY = "PHONE"
    NAME = "phone"
    PATTERNS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "phone_no_prefixed": _NORWEGIAN_PREFIXED,
        "phone_no_grouped": _GROUPED,
        "phone_no_4_4": _FOUR_FOUR,
        "phone_no_bare": _BARE,
        "phone_foreign": _FOREIGN,
    }
    BARE_SCORE = 0.4

    def find(self, text: str) -> Iterator[Candidate]:
        strong = clip(self.score + 0.15)
        for match in self.iter_matches("phone_no_prefixed", text):
            yield Candidate(match.start(), match.end(), strong, "phone_no_prefixed")
        for name, score in (
            ("phone_no_grouped", clip(self.score)),
            ("phone_no_4_4", clip(self.score - 0.2)),
            ("phone_no_bare", min(self.BARE_SCORE, self.score)),
        ):
            for match in self.iter_matches(name, text):
                start, end = match.span()
                if _not_a_phone(text, start, end):
                    continue
                if name == "phone_no_4_4" and all(
                    _YEAR.fullmatch(part) for part in _DIGIT_RUN.findall(match.group())
                ):
                    continue
                yield Candidate(start, end, score, name)
        for match in self.iter_matches("phone_foreign", text):
            if match.group("prefix") == "00" and match.group("cc").startswith("0"):
                continue
            end, certainty = _foreign_end(text, match)
            if certainty == "plain" and match.group("prefix") == "00":
                continue
            if _not_a_phone(text, match.start(), end):
                continue
            score = {
                "valid": strong,
                "possible": clip(self.score - 0.15),
                "plain": min(self.BARE_SCORE, self.score),
            }[certainty]
            yield Candidate(match.start(), end, score, f"phone_foreign:{certainty}")
