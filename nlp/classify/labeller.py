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
from nlp.classify.models import forget_texts, memo_parts
from nlp.classify.rows import Row
from nlp.classify.theme_choice import chosen_themes
from nlp.errors import ModelUnavailableError
from nlp.schema import Item, Quote
from nlp.settings import get_settings

# made-up items the fast path is checked on when a model is loaded: three from one note, a
# quote from it, and a bare item
_CHECK_ROWS: list[Row] = [
    {"text": "Vi ventet i åtte måneder på time hos BUP, og ingen ringte oss.", "note": 0},
    {"text": "Fast kontaktperson i kommunen som svarte samme dag", "section": "good_practice"},
    {"text": "Kvifor kan ikkje NAV berre ringje oss?", "section": "challenges", "note": 0},
    {"text": "Pårørendesenteret har åpent hver tirsdag.", "section": "tips", "note": 0},
    {"text": "Ingen ringte oss.", "section": "quotes", "note": 0, "quote": True},
    {"text": "Ønsker flere samtaler for søsken etter innleggelse", "section": "want_more"},
]
NoteParts = tuple[Sequence[Item], Sequence[Quote]]


def classifier_dir() -> Path:
    return get_settings().models_dir / "classifier"


class Labeller:
    """``nlp.analyse.ItemLabeller`` on the joblib bundle that ``romnotat train`` writes."""

    def __init__(self, bundle: dict[str, Any]) -> None:
        self.label_model = bundle["label_model"]
        self.theme_model = bundle["theme_model"]
        self.themes: list[str] = bundle["themes"]
        self.thresholds: dict[str, float] = bundle["theme_thresholds"]
        # an item read without its note (``romnotat classify``) has its own cut per theme
        self.thresholds_bare: dict[str, float] = bundle.get(
            "theme_thresholds_bare", self.thresholds
        )
        self.uncertain_below: float = bundle["uncertain_below"]
        self.temperature: float = bundle.get("label_temperature", 1.0)
        # an item whose heading is not known is read by the same model fitted on text alone
        self.label_model_bare = bundle.get("label_model_bare", self.label_model)
        self.uncertain_below_bare: float = bundle.get("uncertain_below_bare", self.uncertain_below)
        self.temperature_bare: float = bundle.get("label_temperature_bare", self.temperature)
        if list(self.label_model_bare.classes_) != list(self.label_model.classes_):
            raise ModelUnavailableError(
                "Klassifisereren for punkter er ufullstendig.",
                "Kjør `romnotat train` for å trene den på nytt.",
            )
        # the annotated notes it learnt from (id -> fingerprint of the text): `romnotat eval`
        # says so when it measures one of them
        self.trained_on_notes: dict[str, str] = dict(bundle.get("trained_on_notes", {}))
        # a stored result names the model that labelled it: version, training data and code
        code = bundle.get("code_sha256", "")[:8]
        self.version = f"items-{bundle['version']}+{bundle['training_data_sha256'][:8]}" + (
            f".{code}" if code else ""
        )
        # the same probabilities as matrix products, where a check on sample rows agrees
        self.fast_label = checked_fast_model(self.label_model, _CHECK_ROWS)
        self.fast_label_bare = checked_fast_model(self.label_model_bare, _CHECK_ROWS)
        self.fast_themes = checked_fast_model(self.theme_model, _CHECK_ROWS)
        self._memos = memo_parts(self.label_model, self.label_model_bare, self.theme_model)
        forget_texts(self._memos)

    def predict(
        self,
        texts: Sequence[str],
        sections: Sequence[str | None] | None = None,
        notes: Sequence[int | None] | None = None,
        quotes: Sequence[bool] | None = None,
    ) -> list[dict[str, Any]]:
        """One result per text. ``notes`` says which note each text comes from (texts of one
        note are read together, ``None`` = a bare item); ``quotes`` marks quotes, which read
        their note but are not part of it."""
        if not texts:
            return []
        n = len(texts)
        rows: list[Row] = [
            {"text": t, "section": s, "note": note, "quote": q}
            for t, s, note, q in zip(
                texts, sections or [None] * n, notes or [None] * n, quotes or [False] * n
            )
        ]
        headed = np.array([bool(r["section"]) for r in rows])
        try:
            proba, uncertain_below = self._label_proba(rows, headed)
            theme_proba = np.round((self.fast_themes or self.theme_model).predict_proba(rows), 4)
        finally:
            forget_texts(self._memos)
        classes = [str(c) for c in self.label_model.classes_]
        best = proba.argmax(axis=1)
        confidence = proba[np.arange(n), best]
        cuts = {
            False: np.array([self.thresholds_bare.get(t, 0.5) for t in self.themes]),
            True: np.array([self.thresholds.get(t, 0.5) for t in self.themes]),
        }
        results = []
        for k, themes_row in enumerate(theme_proba.tolist()):
            scores = dict(zip(self.themes, themes_row))
            in_note = rows[k]["note"] is not None
            chosen = chosen_themes(themes_row, self.themes, cuts[in_note])
            results.append(
                {
                    "label": classes[best[k]],
                    "confidence": round(float(confidence[k]), 4),
                    "uncertain": bool(confidence[k] < uncertain_below[k]),
                    "themes": chosen,
                    "theme_scores": scores,
                }
            )
        return results

    def _label_proba(self, rows: list[Row], headed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Calibrated label probabilities and the ``uncertain`` cut per row: rows with a
        heading from the model fitted with headings, the rest from the one fitted without.
        Each model reads all the rows, so that the batch's texts are vectorised once (the
        vectorisers are shared and remember their last batch); only its own rows are kept."""
        cut = np.where(headed, self.uncertain_below, self.uncertain_below_bare)
        proba = np.zeros((len(rows), len(self.label_model.classes_)))
        if headed.any():
            model = self.fast_label or self.label_model
            proba = apply_temperature(model.predict_proba(rows), self.temperature)
        if not headed.all():
            model = self.fast_label_bare or self.label_model_bare
            bare = apply_temperature(model.predict_proba(rows), self.temperature_bare)
            proba[~headed] = bare[~headed]
        return proba, cut

    def label_items(self, items: Sequence[Item], doc: Doc | None = None) -> None:
        self.label_notes([(items, ())])

    def tag_quotes(self, quotes: Sequence[Quote]) -> None:
        self.label_notes([((), quotes)])

    def label_notes(self, notes: Sequence[NoteParts]) -> None:
        """Label the items and tag the quotes of any number of notes in one prediction (most
        of scikit-learn's cost is per call). Each item is read with the other items of its
        note, each quote with its note's items; a quote without items is read on its own."""
        texts: list[str] = []
        sections: list[str | None] = []
        note_ids: list[int | None] = []
        is_quote: list[bool] = []
        for index, (items, quotes) in enumerate(notes):
            note_id = index if items else None
            for item in items:
                texts.append(item.text)
                sections.append(None if item.section == "unknown" else item.section)
                note_ids.append(note_id)
                is_quote.append(False)
            for quote in quotes:
                texts.append(quote.text)
                sections.append("quotes")
                note_ids.append(note_id)
                is_quote.append(True)
        results = iter(self.predict(texts, sections, note_ids, is_quote))
        for items, quotes in notes:
            for item in items:
                result = next(results)
                item.label = result["label"]
                item.confidence = result["confidence"]
                item.uncertain = result["uncertain"]
                item.themes = result["themes"]
                item.theme_scores = result["theme_scores"]
            for quote in quotes:
                quote.themes = next(results)["themes"]


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
