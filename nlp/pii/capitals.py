"""Notes typed in capitals ("MOR TIL SOL (6 ÅR). FAMILIEN BOR PÅ SKOLLENBORG."): the rules read
case (a capitalised word mid-sentence, a lower-case function word), and in capitals every word
looks like an acronym. Lines typed in capitals get a sentence-cased shadow of the same length
("Mor til sol (6 år). Familien bor på Skollenborg."), read by the same recognizers over the same
tokens (a ``Doc`` built from the parse's own token boundaries, not a second parse); what they
flag there is kept for those lines.

Sentence case: a line's or sentence's first word is capitalised; a word the name or place lists
know and that is no ordinary word ("GRETHE", "DRAMMEN", each part of "DAG-HILDE"), or that no
list knows at all ("SKOLLENBORG", "WÓJCIK"), stays capitalised; short words no list knows keep
their capitals ("HAB.", "VGS"); everything else is lower case, so a name that is also a word
("SOL", "STORM", "VÅR") is read as a lower-case note's names are, by its context.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlp.pii.lexicon import (
    is_allowed,
    is_common_word,
    is_first_name,
    is_ordinary_word,
    is_place,
    is_surname,
)

MIN_LETTERS = 12  # a line this long or longer, all in capitals, is typed in capitals
_LINE = re.compile(r"[^\n]+")
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÆØÅÀ-ÖÙ-Þ]")  # capitals of the letters notes are written with
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?:^|(?<![0-9])[.!?:]\s+|^\s*(?:[-–•*]|\d+[.)])\s*)$")


MIN_SHARE = 0.2  # of the note's letters: a title or a heading in capitals is read as it is


def capital_lines(text: str) -> list[tuple[int, int]]:
    """Where the lines typed in capitals are, when they hold a fifth of the note's letters or
    more (the second reading costs as much as the first)."""
    upper = len(_UPPER.findall(text))
    if upper < MIN_LETTERS:
        return []
    all_letters = len(_LETTER.findall(text))
    if upper < MIN_SHARE * all_letters:
        return []
    spans, letters_in_caps = [], 0
    for line in _LINE.finditer(text):
        letters = len(_LETTER.findall(line.group()))
        if letters >= MIN_LETTERS and len(_UPPER.findall(line.group())) >= 0.9 * letters:
            spans.append(line.span())
            letters_in_caps += letters
    if letters_in_caps < MIN_SHARE * all_letters:
        return []
    return spans


def _known(word: str) -> bool:
    title = word.capitalize()
    return is_first_name(title) or is_surname(title) or is_place(title)


def _cased(word: str, starts_sentence: bool, after_name: bool) -> str:
    lower = word.lower()
    parts = lower.split("-")
    if len(parts) > 1 and all(is_first_name(p.capitalize()) for p in parts):
        return "-".join(p.capitalize() for p in parts)  # "DAG-HILDE"
    if starts_sentence or (after_name and is_surname(lower.capitalize())):
        return lower.capitalize()  # "GRETHE ASK", "ODD-BJØRN LIE"
    if is_common_word(lower):
        return lower
    if len(lower) <= 3:
        return lower.capitalize() if _known(lower) else word  # "Mo"; "HAB", "VGS"
    if is_allowed(word):
        return word if len(word) <= 5 else lower  # "NAV", "BUFETAT"
    if all(_known(p) or not is_ordinary_word(p) for p in parts):
        return "-".join(p.capitalize() for p in parts)  # "Drammen", "Skollenborg", "Wójcik"
    return lower


def sentence_case(text: str, lines: list[tuple[int, int]]) -> str:
    """``text`` with its capital lines in sentence case; every other character unchanged."""
    out = list(text)
    for start, end in lines:
        after_name = False
        for match in _WORD.finditer(text, start, end):
            before = text[start : match.start()]
            cased = _cased(match.group(), bool(_SENTENCE_END.search(before)), after_name)
            first = cased.split("-")[0]
            after_name = cased[:1].isupper() and is_first_name(first) and not is_common_word(first)
            if len(cased) == match.end() - match.start():
                out[match.start() : match.end()] = cased
    return "".join(out)


def shadow_doc(doc: Doc, shadow: str) -> Doc | None:
    """``doc``'s tokens, sentence starts and entities over ``shadow``; None if it does not line
    up (a character whose case form has another length)."""
    words = [shadow[t.idx : t.idx + len(t.text)] for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    starts = [bool(t.is_sent_start) for t in doc]
    copy = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)
    if copy.text != shadow:
        return None
    copy.ents = [Span(copy, e.start, e.end, label=e.label_) for e in doc.ents]
    return copy
