"""Label items and tag themes with the trained artefact in models/classifier/."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from spacy.tokens import Doc

from nlp.classify.calibration import apply_temperature
from nlp.classify.linear_heads import checked_fast_model
from nlp.classify.models import forget_texts, memo_vectorisers
from nlp.errors import ModelUnavailableError
from nlp.schema import Item, Quote
from nlp.settings import get_settings

# made-up items the fast path is checked on when a model is loaded
_CHECK_ROWS = [
    {"text": "Vi ventet i åtte måneder på time hos BUP, og ingen ringte oss.", "section": None},
    {"text": "Fast kontaktperson i kommunen som svarte samme dag", "section": "good_practice"},
    {"text": "Kvifor kan ikkje NAV berre ringje oss?", "section": "challenges"},
    {"text": "Pårørendesenteret har åpent hver tirsdag.", "section": "tips"},
    {"text": "Ønsker flere samtaler for søsken etter innleggelse", "section": "want_more"},
]


def classifier_dir() -> Path:
    return get_settings().models_dir / "classifier"


class Labeller:
    """``nlp.analyse.ItemLabeller`` on the joblib bundle that ``romnotat train`` writes."""

    def __init__(self, bundle: dict[str, Any]) -> None:
        self.label_model = bundle["label_model"]
        self.theme_model = bundle["theme_model"]
        self.themes: list[str] = bundle["themes"]
        self.thresholds: dict[str, float] = bundle["theme_thresholds"]
        self.uncertain_below: float = bundle["uncertain_below"]
        self.temperature: float = bundle.get("label_temperature", 1.0)
        # a stored result names the model that labelled it: version, training data and code
        code = bundle.get("code_sha256", "")[:8]
        self.version = f"items-{bundle['version']}+{bundle['training_data_sha256'][:8]}" + (
            f".{code}" if code else ""
        )
        # the same probabilities as matrix products, where a check on sample rows agrees
        self.fast_label = checked_fast_model(self.label_model, _CHECK_ROWS)
        self.fast_themes = checked_fast_model(self.theme_model, _CHECK_ROWS)
        self._memos = memo_vectorisers(self.label_model, self.theme_model)
        forget_texts(self._memos)

    def predict(
        self, texts: Sequence[str], sections: Sequence[str | None] | None = None
    ) -> list[dict[str, Any]]:
        if not texts:
            return []
        rows = [{"text": t, "section": s} for t, s in zip(texts, sections or [None] * len(texts))]
        try:
            proba = (self.fast_label or self.label_model).predict_proba(rows)
            proba = apply_temperature(proba, self.temperature)
            theme_proba = np.round((self.fast_themes or self.theme_model).predict_proba(rows), 4)
        finally:
            forget_texts(self._memos)
        classes = [str(c) for c in self.label_model.classes_]
        best = proba.argmax(axis=1)
        confidence = proba[np.arange(len(rows)), best]
        thresholds = np.array([self.thresholds.get(t, 0.5) for t in self.themes])
        results = []
        for k, themes_row in enumerate(theme_proba.tolist()):
            scores = dict(zip(self.themes, themes_row))
            chosen = sorted(
                (t for t, p, cut in zip(self.themes, themes_row, thresholds) if p >= cut),
                key=lambda t: -scores[t],
            )
            results.append(
                {
                    "label": classes[best[k]],
                    "confidence": round(float(confidence[k]), 4),
                    "uncertain": bool(confidence[k] < self.uncertain_below),
                    "themes": chosen,
                    "theme_scores": scores,
                }
            )
        return results

    def label_items(self, items: Sequence[Item], doc: Doc | None = None) -> None:
        self.label_parts(items, ())

    def tag_quotes(self, quotes: Sequence[Quote]) -> None:
        self.label_parts((), quotes)

    def label_parts(self, items: Sequence[Item], quotes: Sequence[Quote]) -> None:
        """``label_items`` and ``tag_quotes`` in one prediction, for any number of notes: every
        row is predicted on its own, so one call gives the same results as one per note, minus
        scikit-learn's fixed cost per call (most of the time for a single note)."""
        texts = [i.text for i in items] + [q.text for q in quotes]
        sections = [None if i.section == "unknown" else i.section for i in items]
        sections += ["quotes"] * len(quotes)
        results = self.predict(texts, sections)
        for item, result in zip(items, results):
            item.label = result["label"]
            item.confidence = result["confidence"]
            item.uncertain = result["uncertain"]
            item.themes = result["themes"]
            item.theme_scores = result["theme_scores"]
        for quote, result in zip(quotes, results[len(items) :]):
            quote.themes = result["themes"]


@lru_cache(maxsize=1)
def load_labeller() -> Labeller:
    path = classifier_dir() / "classifier.joblib"
    if not path.exists():
        raise ModelUnavailableError(
            "Fant ikke klassifisereren for punkter.",
            "Kjør `make setup` (eller `romnotat train`) for å trene den.",
        )
    return Labeller(joblib.load(path))


def classify_lines(lines: Sequence[str]) -> list[dict[str, Any]]:
    """The ``romnotat classify`` contract: one result per non-empty input line."""
    texts = [line.strip() for line in lines if line.strip()]
    results = load_labeller().predict(texts)
    return [
        {
            "text": text,
            "label": r["label"],
            "confidence": r["confidence"],
            "uncertain": r["uncertain"],
            "themes": r["themes"],
        }
        for text, r in zip(texts, results)
    ]
