"""Views of an item's text for the label model.

The label turns on a few words a bag of words loses: where the item starts ("Flere …", "Hvorfor
…"), a question or exclamation mark, what a negation governs ("ble *aldri spurt*", "ikke
avvist"). Two views carry them, both built from :func:`nlp.classify.text.normalise`:

- :func:`label_view`: the words with start and end markers (``xxbos``, ``xxeos``), ``?``, ``!`` and
  ``:`` as words, common nynorsk function words mapped to their bokmål form (so the 29 % nynorsk
  items share evidence with the rest), and the (up to) three words after a negation prefixed
  ``neg_`` (a marker ends the scope);
- :func:`stem_view`: the same words cut to their Snowball stems, so inflected forms
  ("ventetiden", "ventetider") meet.

Both end with ``xxnamed`` when the item names a person, place or institution: a capitalised word
inside a sentence ("bodde på Raufoss", "der Eirik sto") or a placeholder for one ("[NAVN 1]").
Background told as a story (label *other*) names people and places more often than a challenge
or a wish does, and the notes write out names that data/items/ writes as placeholders, so the
marker lets the two meet.

Chosen by grouped cross-validation on data/items (see models/classifier/card.json and
data/README.md). Nothing here keeps a whole item text; stems are cached one word at a time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

import snowballstemmer

from nlp.classify.text import normalise

NEGATIONS = frozenset(
    {
        "ikke",
        "aldri",
        "ingen",
        "uten",
        "ingenting",
        "verken",
        "mangler",
        "mangel",
        "manglet",
    }
)
NEGATION_SCOPE = 3

# nynorsk word -> the bokmål word it would be in the same sentence (function words, modal verbs and
# the few content words that carry a label: "fleire", "meir", "ønskjer", "trong")
NYNORSK_TO_BOKMAL = {
    "ikkje": "ikke",
    "utan": "uten",
    "inga": "ingen",
    "korkje": "verken",
    "manglar": "mangler",
    "mangla": "manglet",
    "eg": "jeg",
    "me": "vi",
    "dei": "de",
    "deira": "deres",
    "ho": "hun",
    "ein": "en",
    "ei": "en",
    "eit": "et",
    "kva": "hva",
    "korleis": "hvordan",
    "kvifor": "hvorfor",
    "kven": "hvem",
    "kvar": "hver",
    "fleire": "flere",
    "meir": "mer",
    "mykje": "mye",
    "berre": "bare",
    "nokon": "noen",
    "noko": "noe",
    "nokre": "noen",
    "frå": "fra",
    "òg": "også",
    "sjølv": "selv",
    "sjølve": "selv",
    "saman": "sammen",
    "då": "da",
    "no": "nå",
    "vart": "ble",
    "vore": "vært",
    "vere": "være",
    "trong": "trengte",
    "treng": "trenger",
    "ønskjer": "ønsker",
    "ønskje": "ønske",
    "ønskte": "ønsket",
    "eigne": "egne",
    "eigen": "egen",
    "eige": "eget",
    "heile": "hele",
    "fyrste": "første",
    "gong": "gang",
    "gongen": "gangen",
}

_MARKS = str.maketrans({"?": " xxq ", "!": " xxexcl ", ":": " xxcolon "})
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\S+")
# a word that starts with a capital and goes on in small letters (not an acronym: "BUP", "DPS"),
# after any opening quote mark or bracket
_CAPITALISED = re.compile(r"[«»\"“”‘’(]*[A-ZÆØÅ][a-zæøåéèüö]")
_NAME_PLACEHOLDER = re.compile(r"\[(?:NAVN|STED|SKOLE/INSTITUSJON)\b")
_SENTENCE_END = (".", "!", "?", ":")
_LIST_MARKS = frozenset({"-", "–", "—", "•", "*"})
_STEMMER = snowballstemmer.stemmer("norwegian")


def names_something(text: str) -> bool:
    """Whether ``text`` has a capitalised word that does not start a sentence, or a placeholder
    for a name, place or institution."""
    if _NAME_PLACEHOLDER.search(text):
        return True
    starts_sentence = True
    for token in _TOKEN.findall(text):
        if not starts_sentence and _CAPITALISED.match(token):
            return True
        starts_sentence = token.endswith(_SENTENCE_END) or token in _LIST_MARKS
    return False


def _words(text: str) -> list[str]:
    words = _WORD.findall(normalise(text.translate(_MARKS)))
    named = ["xxnamed"] if names_something(text) else []
    return ["xxbos", *(NYNORSK_TO_BOKMAL.get(w, w) for w in words), "xxeos", *named]


# one word at a time, kept across calls like the character n-gram vectoriser's word cache (single
# words, never a whole text; bounded)
@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def _views(text: str) -> tuple[list[str], list[str]]:
    """The words and their stems, with the negation scope marked on both."""
    words: list[str] = []
    stems: list[str] = []
    scope = 0
    for word in _words(text):
        if word in NEGATIONS:
            scope = NEGATION_SCOPE
            words.append(word)
            stems.append(word)
        elif word.startswith("xx"):  # a marker (?, !, :, the end) closes the scope
            scope = 0
            words.append(word)
            stems.append(word)
        elif scope:
            scope -= 1
            words.append("neg_" + word)
            stems.append("neg_" + _stem(word))
        else:
            words.append(word)
            stems.append(_stem(word))
    return words, stems


def label_view(text: str) -> str:
    """Words with start/end and punctuation markers, nynorsk mapped, negation scope marked."""
    return " ".join(_views(text)[0])


def stem_view(text: str) -> str:
    """:func:`label_view` on Snowball stems (negation words and markers are kept whole)."""
    return " ".join(_views(text)[1])


def label_features(text: str) -> list[str]:
    """The analyzer of the label model's vectoriser: uni- and bigrams of :func:`label_view` and,
    prefixed ``~``, of :func:`stem_view`."""
    words, stems = _views(text)
    return [
        *words,
        *(f"{a} {b}" for a, b in pairwise(words)),
        *("~" + s for s in stems),
        *(f"~{a} {b}" for a, b in pairwise(stems)),
    ]
