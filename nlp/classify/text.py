"""Text normalisation shared by training and prediction (so both see the same features)."""

from __future__ import annotations

import re
from functools import lru_cache

PLACEHOLDER = re.compile(
    r"\[(NAVN|STED|SKOLE/INSTITUSJON|ALDER|DATO|TELEFON|E-POST|ADRESSE|"
    r"FØDSELSNUMMER)(?: \d+)?\]"
)
_PLACEHOLDER_WORD = {
    "NAVN": "personnavn",
    "STED": "stedsnavn",
    "SKOLE/INSTITUSJON": "institusjon",
    "ALDER": "alder",
    "DATO": "dato",
    "TELEFON": "telefon",
    "E-POST": "epost",
    "ADRESSE": "adresse",
    "FØDSELSNUMMER": "fnr",
}
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_QUOTE_MARKS = re.compile(r"[«»“”„\"‘’]")


# the label and theme features each normalise the same items; the labeller empties the cache
# after every prediction (``forget_texts``), so no item text outlives its call
@lru_cache(maxsize=65_536)
def normalise(text: str) -> str:
    """Lowercase, placeholders as words, digits as 0, quote marks as a token, spaces collapsed."""
    text = PLACEHOLDER.sub(lambda m: f" {_PLACEHOLDER_WORD[m.group(1)]} ", text)
    text = _QUOTE_MARKS.sub(" qmark ", text)
    text = _DIGITS.sub("0", text.lower())
    return _SPACE.sub(" ", text).strip()
