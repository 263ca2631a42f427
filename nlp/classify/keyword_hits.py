"""Keyword hits per theme: the maintained stems of data/themes/themes.yaml as features."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from nlp.classify.rows import Row, texts_of
from nlp.word_cache import remember


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
        """The hits of each row; the last batch's result is kept (``_memo``, dropped by
        ``nlp.classify.models.forget_texts``), because the note context reads the same hits."""
        key = tuple(texts_of(rows))
        memo = self.__dict__.get("_memo")
        if memo is not None and memo[0] == key:
            return memo[1]
        matrix = self._hits(key)
        self.__dict__["_memo"] = (key, matrix)
        return matrix

    def _hits(self, texts: Sequence[str]) -> sparse.csr_matrix:
        out = np.zeros((len(texts), len(self.stems_)))
        single, multi = self._index()
        cache = self.__dict__.setdefault("_word_hits", {})
        for i, text in enumerate(texts):
            words = _NON_WORD.sub(" ", text.lower()).split()
            hits = [0] * len(self.stems_)
            # a one-word stem " xy…" occurs once per word that starts with "xy…": those hits are
            # the word's own, kept per word
            for word in words:
                found = cache.get(word)
                if found is None:
                    found = remember(
                        cache,
                        word,
                        [j for j, stem in single.get(word[:2], ()) if word.startswith(stem)],
                    )
                for j in found:
                    hits[j] += 1
            if multi:
                # a stem of several words can only occur where a word starts with its first two
                # characters: count just those
                padded = f" {' '.join(words)} "
                starts = {w[:2] for w in words} | {w[:1] for w in words}
                for start in starts & multi.keys():
                    for j, stem in multi[start]:
                        hits[j] += padded.count(stem)
            for j, n in enumerate(hits):
                if n:
                    out[i, j] = min(3, n)
        return sparse.csr_matrix(out)

    def _index(
        self,
    ) -> tuple[dict[str, list[tuple[int, str]]], dict[str, list[tuple[int, str]]]]:
        """One-word stems (without their leading space) and the stems of several words (with
        it), each by the first two characters of the stem's first word (built on first use; not
        part of the fitted state)."""
        cached = self.__dict__.get("_word_stem_index")
        if cached is not None and cached[0] is self.stems_:
            return cached[1]
        single: dict[str, list[tuple[int, str]]] = {}
        multi: dict[str, list[tuple[int, str]]] = {}
        for j, stems in enumerate(self.stems_):
            for stem in stems:
                word = stem[1:]
                if " " in word or len(word) < 2:
                    multi.setdefault(word.split(" ")[0][:2], []).append((j, stem))
                else:
                    single.setdefault(word[:2], []).append((j, word))
        self.__dict__["_word_stem_index"] = (self.stems_, (single, multi))
        return single, multi

    def __getstate__(self) -> dict[str, object]:
        state = dict(super().__getstate__())
        state.pop("_word_hits", None)
        state.pop("_word_stem_index", None)
        state.pop("_memo", None)
        return state


_NON_WORD = re.compile(r"[^\wæøå]+")
