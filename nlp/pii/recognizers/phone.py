"""PHONE: Norwegian and foreign phone numbers; the span includes a written prefix.

Norwegian numbers have 8 digits and start with 2–9. Accepted forms:

* with a prefix "+47", "0047", "(+47)", "(0047)" and any single separators:
  "+47 412 34 567", "(+47) 99887766", "0047-22-33-44-55" (score: config + 0.15);
* grouped 2-2-2-2 or 3-2-3 with space, no-break space, hyphen or dot: "99 88 77 66",
  "41 23 45 67", "998 87 766", "412-34-567" (config score);
* grouped 4-4: "4123 4567" (config − 0.2), unless both halves look like years ("2019 2020");
* every digit apart, "9 7 7 0 4 1 2 3" (config − 0.1); grouped with the letter O for a zero,
  "9O1 22 334" (config − 0.2);
* bare "99887766": 0.4 — presidio's context enhancer raises it near "mobil", "tlf.nr" …

Foreign numbers: "+<country code>" or "00<country code>" followed by 6–14 digits with single
spaces or hyphens, an optional "(0)": "+46 70 123 45 67", "+252 61 234 5678",
"0046 70 123 45 67". ``phonenumbers`` decides where the number ends (trailing digit groups are
dropped until it is valid) and the score: valid → config + 0.15, possible → config − 0.15,
neither → 0.4 with "+", dropped with "00".

A grouped number broken over a line ("934 21\n087") after a phone word (tlf, mobil, nummer,
ring …) within four words: config − 0.1.

Dictated numbers: eight digits read out as words, one or two digits per word ("fire sju ni to
to fem åtte en", "ni-en-fem førti åtti-sju to", nynorsk "ein", "sju"/"syv"): config − 0.1.
A run of digit words that gives more than eight digits is cut after eight ("… åtte en to
ganger" reads "to" as a word).

Not flagged: years, postcodes, amounts ("kr 12 000", "12 500 kroner", "kr 99887766",
"99887766,-"), fødselsnummer and other longer digit runs (a number must not continue another
digit group), dates and clock times (other shapes), case numbers after "sak"/"saksnr"/"ref",
organisation and account numbers after "org.nr"/"kontonr" ("912 345 678" never matches: 3-3-3).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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

_SEP = r"(?:${SP}|[.\-\u2011])"  # a space, dot, hyphen or non-breaking hyphen
_HEAD = r"(?<![0-9\p{L}_+])(?<![0-9]${SEP})(?<![0-9],)"  # not inside a longer number or code
_TAIL = r"(?![0-9])(?!${SEP}?[0-9])(?!,[0-9])(?![\p{L}])"
_DEFS = {"SEP": _SEP, "HEAD": _HEAD, "TAIL": _TAIL}

_NORWEGIAN_PREFIXED = compile_pattern(
    r"""
    (?<![0-9\p{L}_+])
    (?: \(\+47\) | \(0047\) | \+47 | 0047 | \+${SP}47 )
    (?:${SP}|-|${SP}?[–-]${SP}|\n)?   # "0047 – 46 81 22 09", "+47" at a line's end
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
# a grouped number broken over a line, as a narrow e-mail or a PDF wraps it ("934 21\n087"):
# only after a phone word ("Nummeret hans er 934 21\n087")
_BROKEN = compile_pattern(
    r"""
    ${HEAD}
    (?= [0-9\ \u00a0\u202f.\-]{1,9} \n ${SP}? [0-9] )  # the line breaks inside the number
    (?: [2-9][0-9] ${GAP} [0-9]{2} ${GAP} [0-9]{2} ${GAP} [0-9]{2}
      | [2-9][0-9]{2} ${GAP} [0-9]{2} ${GAP} [0-9]{3} )
    ${TAIL}
    """,
    GAP=r"(?:${SP}|[.\-]|${SP}?\n${SP}?)",
    **_DEFS,
)
_PHONE_WORD = compile_pattern(
    r"^(?:tlf\.?|telefon\w*|mobil\w*|nummer\w*|nr\.?|ring|ringe|ringer|sms|telefonnummer\w*)$",
    ignore_case=True,
)
_FOUR_FOUR = compile_pattern(r"${HEAD} [2-9][0-9]{3} (?:${SP}|-) [0-9]{4} ${TAIL}", **_DEFS)
_BARE = compile_pattern(r"${HEAD} [2-9][0-9]{7} ${TAIL}", **_DEFS)
# a grouped number with the letter O typed for a zero ("9O1 22 334", "9o2 11 4o5")
_O_FOR_ZERO = compile_pattern(
    r"""
    ${HEAD}
    (?= [0-9Oo\ \u00a0\u202f.\-]{8,11} (?![\p{L}\p{N}]) )
    (?= [0-9\ \u00a0\u202f.\-]{0,10} [Oo] )   # an O in it
    (?: [2-9][0-9Oo] ${SEP} [0-9Oo]{2} ${SEP} [0-9Oo]{2} ${SEP} [0-9Oo]{2}
      | [2-9][0-9Oo]{2} ${SEP} [0-9Oo]{2} ${SEP} [0-9Oo]{3} )
    (?![\p{L}\p{N}])
    """,
    **_DEFS,
)
# every digit apart, as a number is read out and typed ("9 7 7 0 4 1 2 3")
_SPACED = compile_pattern(
    r"${HEAD} [2-9] (?:(?:${SP}|${SP}[–-]${SP})[0-9]){7} ${TAIL}", **_DEFS
)  # also "4 8 1 5 – 2 2 6 0"
_FOREIGN = compile_pattern(
    r"""
    (?<![0-9\p{L}_+])
    (?P<prefix> \+${SP}? | 00 ) (?P<cc> [1-9][0-9]{0,2} )
    (?:${SP}|-)? (?: \(0\)(?:${SP}|-)? )?
    (?P<rest> [0-9] (?: (?:${SP}|-)?[0-9] ){5,13} )
    (?![0-9])
    """
)
_DIGIT_WORDS = {
    "null": "0", "en": "1", "ein": "1", "én": "1", "ett": "1", "eitt": "1", "to": "2",
    "tre": "3", "fire": "4", "fem": "5", "seks": "6", "sju": "7", "syv": "7", "åtte": "8",
    "ni": "9", "ti": "10", "elleve": "11", "tolv": "12", "tretten": "13", "fjorten": "14",
    "femten": "15", "seksten": "16", "sytten": "17", "atten": "18", "nitten": "19",
}  # fmt: skip
_TENS = {
    "tjue": "2", "tyve": "2", "tretti": "3", "tredve": "3", "førti": "4", "femti": "5",
    "seksti": "6", "sytti": "7", "åtti": "8", "nitti": "9",
}  # fmt: skip


def _cased(words: Iterable[str]) -> str:
    """An alternation of ``words`` as typed in lower case, capitalised or in capitals (the
    pattern is case-sensitive: case-insensitive scanning costs the regex module ~1 µs a char)."""
    forms = {form for word in words for form in (word, word.capitalize(), word.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


_UNITS = _cased(["en", "ein", "ett", "eitt", "to", "tre", "fire", "fem", "seks", "sju", "syv",
                 "åtte", "ni"])  # fmt: skip
_NUMBER_WORD = rf"(?:(?:{_cased(_TENS)})(?:-?(?:{_UNITS}))?|{_cased(_DIGIT_WORDS)})"
_SPOKEN = compile_pattern(
    rf"(?<!\p{{L}}){_NUMBER_WORD}(?:(?:,?${{SP}}|-){_NUMBER_WORD}){{3,}}(?!\p{{L}})"
)
_SPOKEN_WORD = regex.compile(_NUMBER_WORD)
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


def _spoken_digits(word: str) -> str:
    word = word.lower()
    if word in _DIGIT_WORDS:
        return _DIGIT_WORDS[word]
    for tens, digit in _TENS.items():
        if word.startswith(tens):
            unit = word[len(tens) :].lstrip("-")
            return digit + (_DIGIT_WORDS[unit] if unit else "0")
    return ""


def _spoken_number(text: str, match: regex.Match[str]) -> tuple[int, int] | None:
    """The span of the first eight digits read out as words in ``match``, when they make a
    Norwegian number (eight digits, the first 2–9): "førti sju" is read as 47, as it is said."""
    words = list(_SPOKEN_WORD.finditer(match.group()))
    for first in range(len(words)):
        digits, k = "", first
        while k < len(words) and len(digits) < 8:
            part = _spoken_digits(words[k].group())
            joins_tens = (
                len(part) == 2
                and part.endswith("0")
                and k + 1 < len(words)
                and len(_spoken_digits(words[k + 1].group())) == 1
                and words[k + 1].group().lower() != "null"
            )
            if joins_tens:  # "førti sju": one number said in two words
                part = part[0] + _spoken_digits(words[k + 1].group())
                k += 1
            digits += part
            k += 1
        if len(digits) == 8 and digits[0] in "23456789" and k - first >= 4:
            return match.start() + words[first].start(), match.start() + words[k - 1].end()
    return None


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
        "phone_no_spoken": _SPOKEN,
        "phone_no_broken": _BROKEN,
        "phone_no_spaced": _SPACED,
        "phone_no_o_for_zero": _O_FOR_ZERO,
    }
    PREFILTERS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "phone_no_broken": compile_pattern(r"\n${SP}?[0-9]"),
        "phone_no_o_for_zero": compile_pattern(r"[0-9][Oo]|[Oo][0-9Oo]"),
    }
    BARE_SCORE = 0.4

    def find(self, text: str) -> Iterator[Candidate]:
        strong = clip(self.score + 0.15)
        for match in self.iter_matches("phone_no_prefixed", text):
            yield Candidate(match.start(), match.end(), strong, "phone_no_prefixed")
        for name, score in (
            ("phone_no_grouped", clip(self.score)),
            ("phone_no_spaced", clip(self.score - 0.1)),
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
        for match in self.iter_matches("phone_no_broken", text):
            if "\n" not in match.group() or _not_a_phone(text, *match.span()):
                continue  # a number on one line is one of the patterns above
            if any(_PHONE_WORD.match(w) for w in words_before(text, match.start(), 4)):
                yield Candidate(*match.span(), clip(self.score - 0.1), "phone_no_broken")
        for match in self.iter_matches("phone_no_o_for_zero", text):
            if not _not_a_phone(text, *match.span()):
                yield Candidate(*match.span(), clip(self.score - 0.2), "phone_no_o_for_zero")
        for match in self.iter_matches("phone_no_spoken", text):
            span = _spoken_number(text, match)
            if span is not None:
                yield Candidate(*span, clip(self.score - 0.1), "phone_no_spoken")
