"""A small classifier bundle trained on a quarter of data/items, shared by the classifier tests."""

from __future__ import annotations

import pytest
from sklearn.preprocessing import MultiLabelBinarizer

from nlp.classify.data import load_items
from nlp.classify.models import logreg_word
from nlp.classify.train import _theme_model, load_theme_keywords, rows_of


@pytest.fixture(scope="session")
def small_bundle() -> dict:
    items = load_items()[::4]
    keywords = load_theme_keywords()
    rows = list(rows_of(items, with_section=True))
    labels = [i.label for i in items]
    binarizer = MultiLabelBinarizer(classes=sorted(keywords))
    y = binarizer.fit_transform([set(i.themes) for i in items])
    return {
        "label_model": logreg_word().fit(rows, labels),
        "theme_model": _theme_model(keywords).fit(rows, y),
        "themes": list(binarizer.classes_),
        "theme_thresholds": dict.fromkeys(binarizer.classes_, 0.5),
        "uncertain_below": 0.45,
        "version": "test",
        "training_data_sha256": "0" * 64,
    }
