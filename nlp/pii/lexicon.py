"""Word lists the entity recognizers share: common Norwegian words, the allow-list, cue words."""

from __future__ import annotations

import re
from functools import lru_cache

import regex
import yaml

from nlp.gazetteers import (
    first_names,
    neighbourhoods,
    places,
    postal_places,
    surnames,
    word_set,
)
from nlp.settings import REPO_ROOT

ALLOWLIST_FILE = REPO_ROOT / "data" / "pii" / "allowlist.yaml"

# family words, also after a prefix (FAMILY_PREFIXES)
FAMILY_BASES = frozenset(
    [
        "sønn",
        "sønnen",
        "son",
        "sonen",
        "datter",
        "datteren",
        "dattera",
        "dotter",
        "dottera",
        "bror",
        "broren",
        "søster",
        "søsteren",
        "søstera",
        "søstra",  # bokmål a-form as said ("søstra liv ruser seg")
        "syster",
        "systera",
        "mor",
        "moren",
        "mora",
        "far",
        "faren",
        "barn",
        "barnet",
        "gutt",
        "gutten",
        "gut",
        "guten",
        "jente",
        "jenta",
        "jenten",
        "barnebarn",
        "barnebarnet",
        "barnebarna",
    ]
)
# Words before a name that make it a name: family, roles, titles (bokmål and nynorsk).
RELATION_WORDS = FAMILY_BASES | frozenset(
    [
        "mamma",
        "pappa",
        "ungdommen",
        "kona",
        "mannen",
        "samboeren",
        "sambuaren",
        "kjæresten",
        "venninnen",
        "venninna",
        "vennen",
        "kameraten",
        "bestemor",
        "bestefar",
        "mormor",
        "morfar",
        "farmor",
        "farfar",
        "tante",
        "onkel",
        "fetter",
        "kusine",
        "svigermor",
        "svigerfar",
        "fosterbarnet",
        "fostersønnen",
        "fosterdatteren",
        "fostermor",
        "fosterfar",
        "eldste",
        "yngste",
        "lillebror",
        "lillesøster",
        "storebror",
        "storesøster",
        "tvillingen",
        "lærer",
        "læreren",
        "lærar",
        "læraren",
        "rektor",
        "kontaktlærer",
        "kontaktlæreren",
        "helsesykepleier",
        "helsesykepleieren",
        "saksbehandler",
        "saksbehandleren",
        "sakshandsamar",
        "koordinator",
        "koordinatoren",
        "psykolog",
        "psykologen",
        "lege",
        "legen",
        "fastlegen",
        "sykepleier",
        "sykepleieren",
        "miljøterapeut",
        "leder",
        "lederen",
        "leiar",
        "referent",
        "ref",
        "møteleder",
        "co-leder",
        "medleder",
        "fru",
        "herr",
        "frk",
        "dr",
        "heter",
        "het",
        "heitte",
        "heiter",
        "kalt",
        "kalla",
        "navn",
        "namn",
    ]
)
# family words are also written with a prefix ("fostersonen", "halvbroren", "bonusdottera")
FAMILY_PREFIXES = (
    "foster",
    "halv",
    "ste",
    "bonus",
    "adoptiv",
    "tvilling",
    "vesle",
    "lille",
    "store",
)
# a possessive between a family word and the name ("fostersonen hennar, Ask, …")
POSSESSIVES = frozenset(
    [
        "hans", "hennes", "hennar", "henna", "deres", "deira", "min", "mi", "mitt", "sin", "si",
        "vår", "vårt",
    ]
)  # fmt: skip


# roles as referents abbreviate them in hasty minutes ("saksbeh. tor", "spes.ped. mona")
ABBREVIATED_ROLES = frozenset(
    [
        "saksbeh",
        "sakshands",
        "spes.ped",
        "spesped",
        "kontaktl",
        "helsesykepl",
        "miljøterap",
        "barneansv",
        "koord",
        "rådg",
        "ped.leder",
        "fagl",
        "tilsynsf",
    ]
)


def is_relation_word(lower: str) -> bool:
    """A family word or title before a name ("mor", "rektor", "fostersonen", "halvbroren",
    "saksbeh.")."""
    lower = lower.rstrip(".") if len(lower) > 2 else lower
    if lower in RELATION_WORDS or lower in ABBREVIATED_ROLES:
        return True
    prefix = next((p for p in FAMILY_PREFIXES if lower.startswith(p)), None)
    return prefix is not None and lower[len(prefix) :] in FAMILY_BASES


STRICT_SPEECH = frozenset(
    [
        "sa",
        "sier",
        "seier",
        "fortalte",
        "fortalde",
        "fortel",
        "forteller",
        "uttalte",
        "spurte",
        "spurde",
        "svarte",
        "svara",
        "mente",
        "meinte",
        "skrev",
        "skreiv",
        "ringte",
        "ringde",
    ]
)
# Verbs after which a capitalised word is a person doing something ("Per kom", "Kari hadde").
SPEECH_VERBS = STRICT_SPEECH | frozenset(
    [
        "kom",
        "var",
        "ble",
        "vart",
        "hadde",
        "har",
        "fikk",
        "fekk",
        "måtte",
        "gikk",
        "bodde",
        "bor",
        "budde",
    ]
)
# Capitalised at a sentence start, these are never names.
NEVER_NAMES = frozenset(
    [
        "referent",
        "referenten",
        "gjest",  # "Sol Nyhus (Gjest)" in a Teams attendance list
        "guest",
        "fra",
        "frå",
        "no",  # nynorsk "now" opening a sentence ("No har ho hybel")
        # answers and greetings opening a transcript's line ("Vår: Ja. Jeg sitter i bilen",
        # "(pause) Bra. Vil du starte?"), and words opening a heading ("Om notatet")
        "ja",
        "nei",
        "bra",
        "takk",
        "hei",
        "om",
        "med",
        "tal",
        "talet",
        "ikke",
        "ikkje",
        "han",
        "hun",
        "ho",
        "hu",  # dialect "she" ("Hu heter …", "skrev hu det ned")
        "di",  # dialect "they" ("Di snakket om Storm")
        "dem",
        "dæm",
        "kan",  # "Kan skolen se på dette?": the verb opening a question
        "andre",  # "Andre pårørende med partner offshore"
        "unge",  # "Unge over 18 år som bor hjemme"
        "æ",
        "mæ",
        "dæ",
        "de",
        "dei",
        "vi",
        "me",
        "eg",
        "jeg",
        "du",
        "dere",
        "dykk",
        "det",
        "den",
        "denne",
        "dette",
        "disse",
        "mor",
        "far",
        "mora",
        "moren",
        "faren",
        "mamma",
        "pappa",
        "bror",
        "søster",
        "foreldre",
        "familien",
        "barnet",
        "barna",
        "ungdommen",
        "jenta",
        "gutten",
        "fagperson",
        "fagpersoner",
        "deltaker",
        "deltakere",
        "referent",
        "leder",
        "innleder",
        "ingen",
        "noen",
        "mange",
        "flere",
        "alle",
        "begge",
        "hver",
        "hvert",
        "en",
        "ei",
        "et",
        "ein",
        "eit",
        "man",
        "men",
        "og",
        "eller",
        "så",
        "da",
        "når",
        "der",
        "her",
        "som",
        # verbs a lower-case list runs into ("jeg heter dorota og er fra …")
        "er",
        "var",
        "har",
        "hadde",
        "meg",
        "deg",
        "oss",
        # English words a quote or a sentence in English capitalises ("Olena speaks English")
        "english",
        "norwegian",
        "swedish",
        "danish",
        "arabic",
        "somali",
        "polish",
        "ukrainian",
        "russian",
        "tigrinya",
        "vietnamese",
        "german",
        "french",
        "spanish",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "october",
        "november",
        "december",
    ]
)
# nouns after an eponym that make it a diagnosis, not a person or institution ("Downs syndrom")
EPONYM_NOUNS = frozenset(
    {"syndrom", "syndromet", "sykdom", "sykdommen", "sjukdom", "sjukdommen", "muskeldystrofi"}
)
# doctors whose names diseases carry ("Wilsons sykdom", "Downs syndrom", "Rett syndrom")
DISEASE_EPONYMS = frozenset(
    {"wilson", "down", "asperger", "parkinson", "alzheimer", "crohn", "huntington", "tourette",
     "bechterew", "duchenne", "hodgkin", "addison", "cushing", "rett", "turner", "klinefelter",
     "angelman", "williams", "marfan", "raynaud", "ménière", "meniere", "noonan", "perthes",
     "scheuermann", "sjögren", "sjøgren", "graves", "hirschsprung", "kawasaki", "lyme", "tay"}
)  # fmt: skip
_ACRONYM_COMPOUND = re.compile(r"[A-ZÆØÅ]{2,}-")
_LAW_ENDINGS = ("loven", "lova", "lovens", "lovas", "lovene", "lovane")


def is_acronym_compound(word: str) -> bool:
    """An acronym joined to a word by a hyphen ("BUP-legen", "BV-tj", "ROM-leder"): a service
    or role, never a name or a place."""
    return _ACRONYM_COMPOUND.match(word) is not None


def is_law(word: str) -> bool:
    """A law's name ("Helsepersonellova", "barnevernsloven"): never a name or an institution."""
    return word.lower().endswith(_LAW_ENDINGS)


# what a referent writes instead of a name ("ROM-leiar: NN", "sa X"): never a name itself
PLACEHOLDERS = frozenset({"NN", "N.N.", "X", "XX", "XXX", "Y", "Z"})
# first names that are also ordinary words ("liv", "sol", "vår"): a name only where a name stands
WORD_NAMES = frozenset(
    {
        "Liv",
        "Ask",
        "Sol",
        "Vår",
        "Per",
        "Bjørn",
        "Eli",
        "Mai",
        "Siv",
        "Tor",
        "Rune",
        "Dag",
        "Lars",
        "Frank",
        "Glenn",
        "Storm",
        "Bror",
        "Dagny",
        "Lykke",
        "Tone",
        "Stein",
        "Bjørk",
        "Rein",
        "Frøya",
    }
)
PLACE_PREPOSITIONS = frozenset(
    ["i", "på", "fra", "frå", "til", "ved", "utenfor", "utanfor", "nær", "mot", "rundt"]
)
# letters of any script ("Nguyễn", "Yıldız", "Jankauskienė", "Ŋiillas"), apostrophes, hyphens
_WORD_CHARS = re.compile(r"^(?:[^\W\d_]|['’-])+$")
# the letters Norwegian words are spelt with, loan words' accents included ("idé", "fôr")
_NORWEGIAN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzæøåéèêóòôàü")


def is_word(text: str) -> bool:
    return bool(_WORD_CHARS.match(text))


def has_foreign_letters(text: str) -> bool:
    """Whether the word has a letter no Norwegian word is spelt with ("Ánde", "gdańsk",
    "Nguyễn", "Yıldız"): in a Norwegian note such a word is a name."""
    return any(c.isalpha() and c.lower() not in _NORWEGIAN_LETTERS for c in text)


_OTHER_SCRIPT = regex.compile(r"(?=[\p{L}\p{M}]*[^\p{Latin}\p{M}])[\p{L}\p{M}]{2,}")


def in_another_script(text: str) -> bool:
    """A word written in letters of another script than the Latin one ("ياسمين", "Олена",
    "ተስፋይ"): in a Norwegian note, a name written as the family writes it."""
    return not text.isascii() and _OTHER_SCRIPT.fullmatch(text) is not None


# languages and nationalities families speak of that the word list may lack ("snakker bare
# tyrkisk"): ordinary words, never names
LANGUAGE_WORDS = frozenset(
    {"tyrkisk", "polsk", "litauisk", "tigrinja", "ukrainsk", "kurdisk", "persisk", "urdu",
     "kvensk", "somali", "somalisk", "dari", "pashto", "amharisk", "vietnamesisk", "thai",
     "tamil", "arabisk", "engelsk", "russisk", "rumensk", "latvisk", "estisk", "nordsamisk",
     "lulesamisk", "sørsamisk", "eritreisk", "etiopisk", "syrisk", "afghansk", "irakisk"}
)  # fmt: skip


def is_common_word(text: str) -> bool:
    """Whether the word is also an ordinary Norwegian word ("Liv", "Per", "Vik", "Moss")."""
    lower = text.lower()
    return lower in word_set("common_words.txt") or lower in LANGUAGE_WORDS


# the last part of many place names ("straumsvika", "hellevik", "åsbygda", "djupvatnet")
_TOPONYM_ENDINGS = (
    "vik", "vika", "viken", "dal", "dalen", "nes", "neset", "sund", "sundet", "bygd", "bygda",
    "øy", "øya", "øyna", "fjord", "fjorden", "våg", "vågen", "eid", "åsen", "seter",
    "setra", "holm", "holmen", "vatn", "vatnet", "vannet", "elv", "elva", "hamn", "havn",
    "joki", "stad", "rud", "bakken", "lia", "moen", "strand", "stranda", "botn", "bukt",
)  # fmt: skip


def is_toponym_compound(text: str) -> bool:
    """A compound no list knows as a word that ends like a place name ("straumsvika" from
    "straum" and "vika"): a place where someone lives, not an ordinary word."""
    return not is_common_word(text) and any(
        text.endswith(ending) and len(text) - len(ending) >= 3 for ending in _TOPONYM_ENDINGS
    )


ROLE_SUFFIXES = (
    "konsulent",
    "faren",
    "moren",
    "mora",
    "leder",
    "lederen",
    "leiar",
    "terapeut",
    "pleier",
    "pleieren",
    "pleiar",
    "behandler",
    "behandleren",
    "lærer",
    "læreren",
    "lærar",
    "arbeider",
    "arbeidar",
    "rådgiver",
    "rådgjevar",
    "koordinator",
    "veileder",
    "veilederen",
    "rettleiar",
    "psykolog",
    "lege",
    "legen",
    "prest",
    "presten",
    "handsamar",
    "handsamaren",
    "sjef",
    "sjefen",
    "ansvarlig",
    "ansvarleg",
    "representant",
    "logoped",
    "pedagog",
    "assistent",
    "kurator",
    "rektor",
    "sosionom",
    "psykiater",
    "advokat",
    "inspektør",
    "kontaktperson",
    "betjent",
    "giver",  # "Arbeidsgivaren", "omsorgsgiver"
    "givar",
)


_ROLE_ENDINGS = tuple(
    s + ending for s in ROLE_SUFFIXES for ending in ("", "en", "s", "ens")
)  # "Kontaktbetjentens", "legens"


def is_role_noun(text: str) -> bool:
    """ "Fosterfaren", "Ruskonsulenten", "Barneansvarleg": a role, not a name."""
    lower = text.lower().rstrip(".")
    return len(lower) > 4 and lower.endswith(_ROLE_ENDINGS)


def is_compound_word(text: str) -> bool:
    """A compound of two ordinary words ("Samværsplan", "Barneverntjenesten")."""
    lower = text.lower()
    for i in range(3, len(lower) - 2):
        left, right = lower[:i], lower[i:]
        if not is_common_word(right):
            continue
        if is_common_word(left) or (left[-1] in "se" and is_common_word(left[:-1])):
            return True
    return False


def is_ordinary_word(text: str) -> bool:
    """Common, compound, inflected-common ("Livet", "Ønskene") or a role noun."""
    lower = text.lower()
    if is_common_word(lower) or is_compound_word(lower) or is_role_noun(lower):
        return True
    for ending in ("ene", "ane", "en", "et", "a", "er", "ar", "e", "s"):
        if lower.endswith(ending) and len(lower) - len(ending) > 2:
            base = lower[: -len(ending)]
            # "ønskene" ← "ønske", "tilboda" ← "tilbod": the stem with or without its final -e
            if any(is_common_word(b) or is_compound_word(b) for b in (base, base + "e")):
                return True
    return "-" in lower and all(is_common_word(p) or p.isupper() for p in text.split("-") if p)


def is_imperative(text: str) -> bool:
    """A verb's imperative: the infinitive without its final -e ("Sjekk", "Husk", "Tenk").
    Only used for sentence-initial words that no name list knows."""
    lower = text.lower()
    return len(lower) >= 3 and lower[-1] not in "aeiouyæøå" and is_common_word(lower + "e")


def is_first_name(text: str) -> bool:
    base = text[:-1] if text.endswith("s") and len(text) > 3 else text
    return (
        text in first_names()
        or base in first_names()
        or ("-" in text and all(p in first_names() for p in text.split("-") if p))
        or ("-" in base and all(p in first_names() for p in base.split("-") if p))  # "Trond-Arnes"
    )


def is_surname(text: str) -> bool:
    base = text[:-1] if text.endswith("s") and len(text) > 3 else text
    return text in surnames() or base in surnames()


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The place lists, with the postal places and towns' neighbourhoods that are no first name
    or word-name (the postal list has "Ask" and "Lena": a boy called Ask must stay a person)."""
    postal = (postal_places() | neighbourhoods()) - first_names() - WORD_NAMES
    return places() | postal


def is_place(text: str) -> bool:
    base = text[:-1] if text.endswith("s") and len(text) > 3 else text
    return text in _places() or base in _places()


@lru_cache(maxsize=1)
def allowlist() -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(ALLOWLIST_FILE.read_text(encoding="utf-8"))
    exact = frozenset(str(e).lower() for e in data.get("exact") or [])
    generic = frozenset(str(e).lower() for e in data.get("generic_words") or [])
    return exact, generic


@lru_cache(maxsize=2)
def _allowlist_pattern(ignore_case: bool = True) -> re.Pattern[str]:
    """The allow-listed names as one pattern; without ``ignore_case`` the names are lower-case
    and the pattern is for lower-cased text (four times faster than ignoring case)."""
    exact, _generic = allowlist()
    names = sorted({n if ignore_case else n.lower() for n in exact}, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?<![\w-])(?:{alternatives})(?:s|en|et|a|ene)?(?![\w-])",
        re.IGNORECASE if ignore_case else 0,
    )


def allowlisted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where allow-listed names occur in ``text`` (a flag inside one is never personal data).
    Not cached here: a cache keyed by the text would keep whole notes in the process
    (``nlp.pii.doc_view.allowed_spans`` keeps the answer with the note's Doc instead)."""
    lowered = text.lower()
    if len(lowered) == len(text):  # offsets hold (not so for a few letters such as "İ")
        return tuple(m.span() for m in _allowlist_pattern(False).finditer(lowered))
    return tuple(m.span() for m in _allowlist_pattern(True).finditer(text))


_INFLECTION = re.compile(r"(en|et|a|ene|s)$")
_WORD_SEPARATORS = re.compile(r"[\s/]+")


@lru_cache(maxsize=8192)
def is_allowed(text: str) -> bool:
    """True for generic services and public bodies that are never personal data."""
    exact, generic = allowlist()
    norm = " ".join(text.strip(" .,:;!?()«»\"'").split()).lower()
    if not norm:
        return True
    candidates = {norm, norm.rstrip("s"), _INFLECTION.sub("", norm)}
    if candidates & exact:
        return True
    head, hyphen, rest = text.strip(" .,:;!?()«»\"'").partition("-")
    if hyphen and rest.isalpha() and rest.islower() and head.lower() in exact:
        return True  # "Teams-kanalen", "NAV-saka": an allowed name joined to a common noun
    words = _WORD_SEPARATORS.split(norm)
    return all(w in generic or w.rstrip("s") in generic for w in words)
