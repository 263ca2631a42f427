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
_STEMMER = snowballstemmer.stemmer("norwegian")


def _words(text: str) -> list[str]:
    words = _WORD.findall(normalise(text.translate(_MARKS)))
    return ["xxbos", *(NYNORSK_TO_BOKMAL.get(w, w) for w in words), "xxeos"]


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
