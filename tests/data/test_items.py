"""The labelled items in data/items/ are valid and diverse enough to train on."""

from __future__ import annotations

from collections import Counter

from nlp.classify.data import load_items
from nlp.classify.train import load_theme_keywords
from nlp.schema import LABELS, SECTION_IDS


def test_items_are_valid_and_balanced() -> None:
    items = load_items()
    themes = set(load_theme_keywords())
    assert len(items) >= 2500
    assert len({i.id for i in items}) == len(items)
    assert {i.label for i in items} == set(LABELS)
    assert all(set(i.themes) <= themes for i in items)
    assert all(i.section is None or i.section in SECTION_IDS for i in items)
    counts = Counter(i.label for i in items)
    assert min(counts.values()) / len(items) > 0.12
    assert sum(i.lang == "nn" for i in items) / len(items) >= 0.10
    assert len({i.text for i in items}) == len(items), "no duplicate texts"


def test_no_note_is_tiny() -> None:
    per_note = Counter(i.note for i in load_items())
    assert min(per_note.values()) >= 10
