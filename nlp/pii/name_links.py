"""Names that a flagged name or a family word links to, found on the note's text once the
recognizers have flagged what they could:

* names listed with a flagged one ("kari,ola og per", "Ingird og Svein Bakke", "Liv / Tor"):
  a word of a list that begins or ends with a flagged person is a name when the name lists know
  it as a first name, in the case the flagged name is typed in (a lower-case note lists names in
  lower case; in a capitalised one "og mor" or "og per måned" stays);
* a name owning a family member ("Per sin bror", "Tores mor", "eli si mor");
* a name joined to a family or case word ("Hansen-ungane", "Kari-saka", "Olsen-familien",
  "Ola-pappa", "mormor-Else"):
  only the name part, as annotation.md marks "the name as written";
* initials or a name in brackets after a role ("mor (AH)", "far (T.)", "sb. (Mona L.)");
* another spelling of a flagged name ("ingird", «Aamina Yuusuf»): referents misspell names, and
  a note may give a name as it stands on a form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nlp.pii.lexicon import (
    NEVER_NAMES,
    PLACEHOLDERS,
    POSSESSIVES,
    WORD_NAMES,
    is_allowed,
    is_common_word,
    is_first_name,
    is_ordinary_word,
    is_place,
    is_relation_word,
    is_role_noun,
    is_surname,
)

_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)?"
# the join and the next word of a list, read from a name's end ("kari,ola og per")
_JOIN = r"(?:[ \t]*[,/&][ \t]*|[ \t]+og[ \t]+)"
_NEXT = re.compile(_JOIN + "(" + _WORD + ")")
# the word and the join before a name, read back from its start ("ola og |per")
_PREVIOUS = re.compile("(" + _WORD + ")" + _JOIN + "$")
# "Per sin bror", "eli si mor", "Tores mor"
_OWNER = re.compile(
    r"(?<![^\W\d_])(?P<name>[^\W\d_]+)[ \t]+(?P<own>sin|si|sitt|sine)[ \t]+"
    r"(?:(?:biologiske|biologisk|nye|gamle|eldste|yngste|store|vesle|lille|kjære)[ \t]+)?"
    r"(?P<noun>[^\W\d_]+)"
    r"|(?<![^\W\d_])(?P<genitive>[A-ZÆØÅ][a-zæøå]+s'?)[ \t]+(?P<noun2>[^\W\d_]+)"
)
# "Hansen-ungane", "Kari-saka", "Olsen-familien"
_JOINED = re.compile(
    r"(?<![^\W\d_-])(?P<name>[A-ZÆØÅ][a-zæøå]+)-(?:ungane|ungene|ungar|unger|barna|borna|"
    r"familien|familia|familie|gutten|guten|jenta|jenten|saka|saken|sak|folka|folket|"
    r"søsknene|sysken|syskena|søstrene|brødrene|huset|heimen|hjemmet|pappa|mamma)(?![^\W\d_])"
    # "mormor-Else", "farmor-Kari": a family word before the name
    r"|(?<![^\W\d_-])(?:mormor|morfar|farmor|farfar|bestemor|bestefar|oldemor|tante|onkel|"
    r"pappa|mamma)-(?P<owned>[A-ZÆØÅ][a-zæøå]+)(?![^\W\d_])"
)
# "mor (AH)", "far (T.)", "BV-leder (Kjersti)", "sb. (Mona L.)"
_ROLE_BRACKET = re.compile(
    r"(?<![^\W\d_])(?P<role>[^\W\d_][\w.-]*)[ \t]*\("
    r"(?P<name>(?:[A-ZÆØÅ]\.?[ \t]?){1,3}|[A-ZÆØÅ][a-zæøå]+(?:[ \t][A-ZÆØÅ]\.?)?)\)"
)
# "Mor K.¹", "Far T.,", "Lærer H.": a role and one initial with its full stop (a note's code that
# a footnote or the text may resolve)
_ROLE_INITIAL = re.compile(
    r"(?<![^\W\d_])(?P<role>[^\W\d_][\w-]*)[ \t]+(?P<name>[A-ZÆØÅ]\.)"
    r"(?=[\s,;:)|\u00b9\u00b2\u00b3\u2070-\u2079]|$)"
)
# such an initial, found first (the role is read back from it): a search that fails fast
_LONE_INITIAL = re.compile(
    r"(?<=[^\W\d_])[ \t]+[A-ZÆØÅ]\.(?=[\s,;:)|\u00b9\u00b2\u00b3\u2070-\u2079]|$)"
)
_ROLE_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_][\w-]*$")
MAX_LIST = 8  # names a list may run to


@dataclass(frozen=True)
class NameLink:
    start: int
    end: int
    why: str


_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n[ \t]*(?:[-*•>]+[ \t]*)?)$")
_S_PREPOSITIONS = frozenset({"hos", "langs", "tvers", "tross"})
# a sentence's or a numbered line's opening, a quote mark after it ("3. «Hos mormor")
_OPENING = re.compile(r"(?:^|[.!?:]\s+|\n[ \t]*(?:[-*•>]+[ \t]*|[0-9]+[.)][ \t]*)?)[«\"“(]?$")


def _listed_name(text: str, start: int, end: int, lower_case: bool) -> bool:
    """A first name (each part of "liv-tone"), typed the way the flagged name is; not a label
    ("co: jonas"), a possessive ("kona hans, hodan") or an everyday word opening a sentence
    ("Ja, Mariia er 16")."""
    word = text[start:end]
    lower = word.lower()
    if lower in NEVER_NAMES or lower in POSSESSIVES or word in PLACEHOLDERS or is_allowed(word):
        return False
    if word.islower() != lower_case or text.startswith(":", end):
        return False
    if is_common_word(lower) and _SENTENCE_START.search(text, max(0, start - 4), start):
        return False
    return all(is_first_name(part.capitalize()) for part in word.split("-"))


def listed_with(text: str, people: Sequence[tuple[int, int]]) -> list[NameLink]:
    """Names in a list with a flagged person, each way from it."""
    found: list[NameLink] = []
    flagged = set(people)
    for start, end in people:
        lower_case = text[start:end].islower()
        position = end
        for _ in range(MAX_LIST):
            match = _NEXT.match(text, position)
            if match is None or not _listed_name(text, *match.span(1), lower_case):
                break
            span = match.span(1)
            if span not in flagged:
                found.append(NameLink(*span, "name listed with a flagged name"))
            position = match.end()
        position = start
        for _ in range(MAX_LIST):
            match = _PREVIOUS.search(text, max(0, position - 40), position)
            if match is None or not _listed_name(text, *match.span(1), lower_case):
                break
            span = match.span(1)
            if span not in flagged:
                found.append(NameLink(*span, "name listed with a flagged name"))
            position = match.start()
    return found


def owners_and_compounds(text: str) -> list[NameLink]:
    """A name owning a family member, a name joined to a family or case word."""
    found: list[NameLink] = []
    for match in _OWNER.finditer(text):
        name = match.group("name") or match.group("genitive")
        noun = match.group("noun") or match.group("noun2")
        if not is_relation_word(noun.lower()) or is_relation_word(name.lower()):
            continue
        base = name if match.group("name") else name[:-1]  # "Tores" -> "Tore"
        if name.endswith("'"):
            base = name[:-1]  # "Lars' bror" -> "Lars"
        if name.lower() in NEVER_NAMES or name in PLACEHOLDERS:
            continue
        if (
            match.group("genitive")
            and name.lower() in _S_PREPOSITIONS
            and _OPENING.search(text, max(0, match.start() - 8), match.start("genitive"))
        ):
            continue  # "«Hos mormor får ho …»": a preposition opening a sentence ("Lykkes
            # pappa" stays a name)
        # "Ask sin mormor", "lykke sin biologiske far": a word-name owns a family member too
        word_name = match.group("own") is not None and base.capitalize() in WORD_NAMES
        # "Jonken sin mamma": a capitalised word no list knows, owning a family member
        unknown = (
            match.group("own") is not None
            and name[:1].isupper()
            and len(name) > 2
            and not (is_ordinary_word(name) or is_place(name) or is_allowed(name))
        )
        if (is_first_name(base.capitalize()) or word_name or unknown) and (
            name[0].isupper() or word_name or not is_common_word(name)
        ):
            group = "name" if match.group("name") else "genitive"
            found.append(NameLink(*match.span(group), "name owning a family member"))
    found += _named_after_a_role(text, _ROLE_BRACKET)
    for initial in _LONE_INITIAL.finditer(text):
        role = _ROLE_BEFORE.search(text, max(0, initial.start() - 40), initial.start())
        match = _ROLE_INITIAL.match(text, role.start()) if role is not None else None
        if match is not None:
            found += _named_after_a_role(text, _ROLE_INITIAL, match)
    for match in _JOINED.finditer(text):
        group = "name" if match.group("name") else "owned"
        name = match.group(group)
        if (is_first_name(name) or is_surname(name)) and not is_allowed(name):
            found.append(NameLink(*match.span(group), "name joined to a family word"))
    return found


def _named_after_a_role(
    text: str, pattern: re.Pattern[str], only: re.Match[str] | None = None
) -> list[NameLink]:
    """Initials or a name a role or family word stands before ("mor (AH)", "Far T.²"): every
    match of ``pattern``, or ``only`` that one."""
    found = []
    for match in pattern.finditer(text) if only is None else [only]:
        role, name = match.group("role").lower(), match.group("name").strip()
        if not (
            is_relation_word(role)
            or is_role_noun(role)
            or is_role_noun(role.split("-")[-1])
            or role in _PEOPLE_CODED
        ):
            continue
        if (
            name.lower() in NEVER_NAMES
            or is_allowed(name)
            or name in PLACEHOLDERS
            or name.rstrip(".") in PLACEHOLDERS  # "sa mor X.": the name left out
        ):
            continue
        start = match.start("name")
        found.append(NameLink(start, start + len(name), "initials or a name after a role"))
    return found


# who a note may give a code instead of a name ("Ungdom M.", "Elev K.")
_PEOPLE_CODED = frozenset(
    {"ungdom", "jente", "gutt", "elev", "pasient", "deltaker", "deltakar", "bruker", "brukar"}
)


def links(text: str, people: Iterable[tuple[int, int]]) -> list[NameLink]:
    people = sorted(set(people))
    return listed_with(text, people) + owners_and_compounds(text) + own_initials(text, people)


_BRACKETED = re.compile(r"[ \t]*\((?P<initials>[^\W\d_]{2,4})\)")


def own_initials(text: str, people: Sequence[tuple[int, int]]) -> list[NameLink]:
    """A flagged name's own initials in brackets after it, in any case ("Tor-Arne Lien (tal)",
    "Kari Hansen (KH)"): how a referent signs their lines."""
    found = []
    for start, end in people:
        match = _BRACKETED.match(text, end)
        if match is None:
            continue
        parts = [p for p in re.split(r"[\s-]+", text[start:end]) if p[:1].isalpha()]
        if (
            len(parts) >= 2
            and match.group("initials").lower() == "".join(p[0] for p in parts).lower()
        ):
            found.append(NameLink(*match.span("initials"), "a name's own initials"))
    return found


_NAME_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{4,}(?![^\W\d_])")
MIN_VARIANT = 5  # a name part this long or longer is looked for in other spellings


# foreign letters written without their marks ("Härkönen" as "Harkonen"); not æ, ø, å, which
# tell Norwegian words apart
_FOLD = str.maketrans("äöüéèêáàâóòôíìúùñçšžčćńłőű", "aoueeeaaaoooiiuuncszccnlou")


def _folded(word: str) -> str:
    return word.translate(_FOLD)


@lru_cache(maxsize=1 << 16)
def _deletions(word: str) -> frozenset[str]:
    """The word and every way to drop one letter from it, and the same of the word without its
    foreign marks (words repeat from note to note, so each is worked out once)."""
    folded = _folded(word)
    variants = {word} | {word[:k] + word[k + 1 :] for k in range(len(word))}
    if folded != word:
        variants |= {folded} | {folded[:k] + folded[k + 1 :] for k in range(len(folded))}
    return frozenset(variants)


def misspelt(text: str, names: Iterable[str]) -> list[NameLink]:
    """Other spellings of a flagged name's parts: one letter added, dropped, changed or two
    swapped ("ingird" for "ingrid", «Aamina Yuusuf» for "Amina Yusuf"), or its foreign letters
    written without their marks ("Harkonen" for "Härkönen"), typed in the same case
    as the flagged name (a lower-case word matches only a name flagged in lower case) and no
    ordinary word. Found by shared one-letter deletions, once per note."""
    keys: dict[tuple[str, bool], str] = {}
    for name in names:
        for part in re.split(r"[\s-]+", name):
            if len(part) >= MIN_VARIANT and part.isalpha():
                lower = part.lower()
                for key in _deletions(lower):
                    keys.setdefault((key, part.islower()), lower)
    if not keys:
        return []
    parts = set(keys.values())
    unmarked = {_folded(part) for part in parts if _folded(part) != part}  # "harkonen"
    typed = {case: frozenset(k for k, lower in keys if lower == case) for case in (True, False)}
    found = []
    for match in _NAME_WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in parts or len(lower) < MIN_VARIANT - 1:
            continue
        typed_lower = word.islower()
        variants = _deletions(lower)
        if lower in unmarked and not is_allowed(word):
            found.append(NameLink(match.start(), match.end(), "a name without its marks"))
        elif not variants.isdisjoint(typed[typed_lower]) and not (
            is_ordinary_word(lower) or is_allowed(word)
        ):
            found.append(NameLink(match.start(), match.end(), "another spelling of a name"))
    return found
