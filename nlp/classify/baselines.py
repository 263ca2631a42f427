"""Baselines reported beside the classifier: the heading decides; a keyword rule decides."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.classify.data import LabelledItem
from nlp.evaluation.matching import macro_f1
from nlp.schema import LABELS

CORE = ("challenge", "good_practice", "wish")
HEADING_LABEL = {
    "challenges": "challenge",
    "good_practice": "good_practice",
    "want_more": "wish",
    "needs_from_services": "wish",
    "system_level": "wish",
    "intro_participant": "challenge",
}
WISH = re.compile(
    r"\b(ønsk|ønskj|trenger|treng|behov|bør|burde|hadde trengt|skulle ønske|"
    r"mer av|meir av|hvorfor kan ikke|kvifor kan ikkje|savner|saknar|gjerne)",
    re.I,
)
GOOD = re.compile(
    r"\b(fungerte|fungerer|godt|bra|hjalp|hjelp|nyttig|positiv|trygg|takknemlig|"
    r"flink|god erfaring|gode erfaringar)",
    re.I,
)
BAD = re.compile(
    r"\b(ikke|ikkje|aldri|vanskelig|vanskeleg|lang|mangl|problem|utfordr|ingen|"
    r"dårlig|dårleg|måtte|tungt|ventetid)",
    re.I,
)


def _scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    return {
        "macro_f1_core": macro_f1(gold, predicted, CORE),
        "macro_f1_all": macro_f1(gold, predicted, LABELS),
    }


def heading_baseline(items: Sequence[LabelledItem]) -> dict[str, float]:
    predicted = [HEADING_LABEL.get(i.section or "", "other") for i in items]
    return _scores([i.label for i in items], predicted)


def keyword_rule(text: str) -> str:
    if WISH.search(text):
        return "wish"
    if BAD.search(text):
        return "challenge"
    if GOOD.search(text):
        return "good_practice"
    return "other"


def keyword_baseline(items: Sequence[LabelledItem]) -> dict[str, float]:
    return _scores([i.label for i in items], [keyword_rule(i.text) for i in items])
