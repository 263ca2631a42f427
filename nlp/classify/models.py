"""Candidate scikit-learn pipelines for the item label, and the theme tagger.

Inputs are rows ``{"text": ..., "section": ...}``. The text carries the meaning; the section the
item was written under is a weak extra feature (one-hot, down-weighted), because referents put
items under the wrong heading and meaning must win. Cross-validation is reported with and
without the section (``section=None``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.svm import LinearSVC

from nlp.classify.char_ngrams import CharNgramTfidf
from nlp.classify.text import normalise

SEED = 13
SECTION_WEIGHT = 0.6
Row = dict[str, str | None]


def texts_of(rows: Sequence[Row]) -> list[str]:
    return [str(r["text"]) for r in rows]


def sections_of(rows: Sequence[Row]) -> list[dict[str, float]]:
    return [{f"section={r.get('section') or 'none'}": 1.0} for r in rows]


def _text(vectorizer: TfidfVectorizer | CharNgramTfidf | FeatureUnion) -> Pipeline:
    return Pipeline([("pick", FunctionTransformer(texts_of)), ("vec", vectorizer)])


def _with_section(text_features: TfidfVectorizer | FeatureUnion) -> FeatureUnion:
    return FeatureUnion(
        [
            ("text", _text(text_features)),
            (
                "section",
                Pipeline([("pick", FunctionTransformer(sections_of)), ("vec", DictVectorizer())]),
            ),
        ],
        transformer_weights={"text": 1.0, "section": SECTION_WEIGHT},
    )


def word_tfidf(max_features: int | None = 60_000) -> TfidfVectorizer:
    return TfidfVectorizer(
        preprocessor=normalise,
        ngram_range=(1, 2),
        min_df=1,
        sublinear_tf=True,
        max_features=max_features,
        token_pattern=r"(?u)\b\w+\b",
    )


def char_tfidf() -> CharNgramTfidf:
    return CharNgramTfidf(
        preprocessor=normalise,
        ngram_range=(2, 5),
        min_df=2,
        sublinear_tf=True,
        max_features=120_000,
    )


def word_char_features() -> FeatureUnion:
    return FeatureUnion([("word", word_tfidf()), ("char", char_tfidf())])


def logreg_word_char() -> Pipeline:
    return Pipeline(
        [
            ("features", _with_section(word_char_features())),
            (
                "clf",
                LogisticRegression(
                    C=8.0, max_iter=3000, class_weight="balanced", random_state=SEED
                ),
            ),
        ]
    )


def svm_word_char_calibrated() -> Pipeline:
    svm = LinearSVC(C=0.5, class_weight="balanced", random_state=SEED)
    return Pipeline(
        [
            ("features", _with_section(word_char_features())),
            ("clf", CalibratedClassifierCV(svm, method="sigmoid", cv=3)),
        ]
    )


def nb_word() -> Pipeline:
    return Pipeline([("features", _with_section(word_tfidf())), ("clf", ComplementNB(alpha=0.3))])


def logreg_word() -> Pipeline:
    return Pipeline(
        [
            ("features", _with_section(word_tfidf())),
            (
                "clf",
                LogisticRegression(
                    C=10.0, max_iter=3000, class_weight="balanced", random_state=SEED
                ),
            ),
        ]
    )


# Also tried (grouped CV, 3,850 items): a soft vote of the three, each on its own features,
# macro-F1 0.805 against 0.789, but 2.5 times slower to apply (10,000 items in 4.7 s against the
# 5 s budget, and the analyse throughput target); not kept.
LABEL_CANDIDATES: dict[str, Callable[[], Pipeline]] = {
    "tfidf_word_char+linearsvc_calibrated": svm_word_char_calibrated,
    "tfidf_word+logreg": logreg_word,
    "tfidf_word+complement_nb": nb_word,
}


class KeywordHits(BaseEstimator, TransformerMixin):
    """One column per theme: how many of its keyword stems start a word in the text (max 3)."""

    def __init__(self, keywords: dict[str, Sequence[str]] | None = None) -> None:
        self.keywords = keywords

    def fit(self, rows: Sequence[Row], y: object = None) -> KeywordHits:
        self.themes_ = sorted(self.keywords or {})
        self.stems_ = [
            [" " + k.strip().lower() for k in (self.keywords or {})[t] if k.strip()]
            for t in self.themes_
        ]
        return self

    def transform(self, rows: Sequence[Row]) -> sparse.csr_matrix:
        out = np.zeros((len(rows), len(self.stems_)))
        short, by_start = self._index()
        for i, text in enumerate(texts_of(rows)):
            padded = " " + _NON_WORD.sub(" ", text.lower()) + " "
            # a stem " xy…" can only occur where a space is followed by "xy": count just those
            # stems (the same sums as over every stem, for a fraction of the work)
            hits = [0] * len(self.stems_)
            for j, stem in short:
                hits[j] += padded.count(stem)
            for start in set(_AFTER_SPACE.findall(padded)):
                for j, stem in by_start.get(start, ()):
                    hits[j] += padded.count(stem)
            for j, n in enumerate(hits):
                out[i, j] = min(3, n)
        return sparse.csr_matrix(out)

    def _index(self) -> tuple[list[tuple[int, str]], dict[str, list[tuple[int, str]]]]:
        """(theme, stem) pairs: those shorter than a space + two characters, and the others by
        those two characters (built on first use; not part of the fitted state)."""
        cached = self.__dict__.get("_stem_index")
        if cached is not None and cached[0] is self.stems_:
            return cached[1]
        short: list[tuple[int, str]] = []
        by_start: dict[str, list[tuple[int, str]]] = {}
        for j, stems in enumerate(self.stems_):
            for stem in stems:
                if len(stem) < 3:
                    short.append((j, stem))
                else:
                    by_start.setdefault(stem[1:3], []).append((j, stem))
        self.__dict__["_stem_index"] = (self.stems_, (short, by_start))
        return short, by_start


_NON_WORD = re.compile(r"[^\wæøå]+")
_AFTER_SPACE = re.compile(r" (?=(..))", re.DOTALL)


def theme_features(keywords: dict[str, Sequence[str]]) -> FeatureUnion:
    """Words, character n-grams (they see the stems inside compounds: "avlastningstilbudet",
    "ventelisten") and keyword hits; chosen by grouped CV (+3 points micro-F1 over words)."""
    return FeatureUnion(
        [
            ("word", _text(word_tfidf())),
            ("char", _text(char_tfidf())),
            ("keywords", KeywordHits(keywords)),
        ]
    )


def theme_classifier() -> LogisticRegression:
    return LogisticRegression(C=6.0, solver="liblinear", class_weight="balanced", random_state=SEED)
