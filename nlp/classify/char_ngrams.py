"""TF-IDF over character n-grams inside word boundaries, with the n-grams of each word cached.

The features are those of scikit-learn's ``TfidfVectorizer(analyzer="char_wb")`` (a test holds
the two equal), but scikit-learn builds the n-grams of every word of every text in Python, and
that was most of the theme tagger's time. A ``char_wb`` vector is a sum over the text's words,
so this transformer keeps each word's feature indices once seen: an item costs a dictionary
lookup per word.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.utils.validation import check_is_fitted

from nlp.word_cache import remember


def word_ngrams(word: str, ngram_range: tuple[int, int]) -> list[str]:
    """The ``char_wb`` n-grams of one word: padded with a space on each side; a word shorter
    than n gives itself once."""
    padded = f" {word} "
    low, high = ngram_range
    grams: list[str] = []
    for n in range(low, high + 1):
        if len(padded) <= n:
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def text_ngrams(
    text: str, preprocessor: Callable[[str], str], ngram_range: tuple[int, int]
) -> list[str]:
    return [g for w in preprocessor(text).split() for g in word_ngrams(w, ngram_range)]


class CharNgramTfidf(BaseEstimator, TransformerMixin):
    """``TfidfVectorizer(analyzer="char_wb", ...)`` on texts, with a per-word cache."""

    def __init__(
        self,
        preprocessor: Callable[[str], str] = str.lower,
        ngram_range: tuple[int, int] = (2, 5),
        min_df: int = 1,
        max_features: int | None = None,
        sublinear_tf: bool = False,
    ) -> None:
        self.preprocessor = preprocessor
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf

    def fit(self, texts: Sequence[str], y: object = None) -> CharNgramTfidf:
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts: Sequence[str], y: object = None) -> sparse.csr_matrix:
        analyzer = partial(
            text_ngrams, preprocessor=self.preprocessor, ngram_range=tuple(self.ngram_range)
        )
        counter = CountVectorizer(
            analyzer=analyzer, min_df=self.min_df, max_features=self.max_features
        )
        counts = counter.fit_transform(texts)
        self.vocabulary_: dict[str, int] = counter.vocabulary_
        self.tfidf_ = TfidfTransformer(sublinear_tf=self.sublinear_tf).fit(counts)
        return self.tfidf_.transform(counts, copy=False)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        check_is_fitted(self, "tfidf_")
        return self.tfidf_.transform(self.counts(texts), copy=False)

    def counts(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The n-gram counts of each text (columns of the fitted vocabulary)."""
        cache = self._cache()
        indices = array("i")
        indptr = array("q", [0])
        for text in texts:
            for word in self.preprocessor(text).split():
                known = cache.get(word)
                if known is None:
                    known = remember(cache, word, self._word_indices(word))
                indices.extend(known)
            indptr.append(len(indices))
        matrix = sparse.csr_matrix(
            (
                np.ones(len(indices)),
                np.frombuffer(indices, dtype=np.intc),
                np.frombuffer(indptr, dtype=np.int64),
            ),
            shape=(len(indptr) - 1, len(self.vocabulary_)),
        )
        matrix.sum_duplicates()
        return matrix

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        names = sorted(self.vocabulary_, key=self.vocabulary_.__getitem__)
        return np.asarray(names, dtype=object)

    def _word_indices(self, word: str) -> array[int]:
        vocabulary = self.vocabulary_
        grams = word_ngrams(word, tuple(self.ngram_range))
        return array("i", [vocabulary[g] for g in grams if g in vocabulary])

    def _cache(self) -> dict[str, array[int]]:
        cache = self.__dict__.get("_word_cache")
        if cache is None:
            cache = self.__dict__["_word_cache"] = {}
        return cache

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        state.pop("_word_cache", None)  # rebuilt on first use, not part of the artefact
        return state
