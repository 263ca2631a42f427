"""What the rest of the note is about, as features for the theme tagger.

An item's themes follow the meeting it comes from: in a note from a foster-parent meeting "the
visits were moved three times" is about barnevern-fosterhjem, in a ROM Ung note "nobody asked
who collected her" is about barn-som-parorende, though neither item names its theme. So each
row also gets

- the share of the note's other items that hit each theme's keywords (``ContextKeywordRates``);
- the TF-IDF of the words of the note's other items (``ContextWords``).

Rows say which note they come from with ``"note"`` (any hashable id, unique per note within one
call); a row without one (``romnotat classify`` on bare items) gets zero context. Rows marked
``"quote": True`` receive the context of their note but give none: a quote repeats text that
the note's items already hold. Both transformers see only the rows of one call and keep no text
themselves; the keyword hits they share with the tagger keep their last batch until
``nlp.classify.models.forget_texts``, which the labeller calls after every prediction.

While fitting, the notes of a fixed share of the training rows (``CONTEXT_DROPOUT``, picked by a
hash of the note id, so the same on every run) are hidden, so that the tagger also learns to read
an item without its note. Grouped CV on 7,040 items (theme micro-F1, in the note / bare item
with its own thresholds): no dropout 0.713 / 0.659, 0.2 0.712 / 0.672, 0.35 0.709 / 0.676.
"""

from __future__ import annotations

import zlib
from collections.abc import Hashable, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from nlp.classify.keyword_hits import KeywordHits
from nlp.classify.rows import Row, texts_of

CONTEXT_DROPOUT = 0.2
# the words of more than this share of the rows' contexts are left out of ``ContextWords``: they
# occur in a great many notes ("og", "det", "hun") and tell little about one. Grouped CV on 13,571
# items: theme micro-F1 0.781 (bare 0.751) without the cut, at 0.25 and at 0.1, while the
# tagger's columns per item fall from 391 to 339 and its regressions fit in 0.7 of the time
CONTEXT_MAX_DF = 0.25
# and of the rest, a row keeps the words with the highest weights: grouped CV on 13,571 items
# gives micro-F1 0.7810 with all (bare 0.7516), 0.7808 with 80 (0.7513), 0.7805 with 40
# (0.7517), and 80 words take the tagger from 339 to 299 columns per item
CONTEXT_MAX_WORDS = 80


def hide_notes(rows: Sequence[Row], share: float) -> list[Row]:
    """The rows with the note of about ``share`` of the notes hidden (``"note": None``)."""
    cut = round(share * 1000)
    return [
        {**row, "note": None}
        if row.get("note") is not None and zlib.crc32(str(row["note"]).encode()) % 1000 < cut
        else row
        for row in rows
    ]


def context_sum(rows: Sequence[Row], x: sparse.spmatrix) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Per row, the sum of ``x``'s rows over its context (the other items of its note, quotes
    excepted) and how many rows that is. Computed per note, not per pair of rows: the note's
    total minus the row's own part."""
    codes: dict[Hashable, int] = {}
    note = np.array(
        [-1 if r.get("note") is None else codes.setdefault(r["note"], len(codes)) for r in rows],
        dtype=np.int64,
    )
    has_note = note >= 0
    gives = has_note & np.array([not r.get("quote") for r in rows], dtype=bool)
    index = np.arange(len(rows))
    give = sparse.csr_matrix(
        (np.ones(gives.sum()), (note[gives], index[gives])), shape=(len(codes), len(rows))
    )
    take = sparse.csr_matrix(
        (np.ones(has_note.sum()), (index[has_note], note[has_note])), shape=(len(rows), len(codes))
    )
    own = sparse.diags(gives.astype(np.float64))
    summed = sparse.csr_matrix(take @ (give @ x) - own @ x)
    summed.eliminate_zeros()  # exact: the features are counts
    sizes = take @ np.asarray(give.sum(axis=1)).ravel() - gives
    return summed, sizes


class ContextKeywordRates(BaseEstimator, TransformerMixin):
    """Per theme, the share of the note's other items with at least one of its keywords.
    ``hits`` is the tagger's own keyword block, so a batch's hits are counted once."""

    def __init__(self, hits: KeywordHits | None = None, dropout: float = CONTEXT_DROPOUT) -> None:
        self.hits = hits
        self.dropout = dropout

    def fit(self, rows: Sequence[Row], y: object = None) -> ContextKeywordRates:
        if self.hits is None:
            raise ValueError("ContextKeywordRates needs the keyword hits")
        if not hasattr(self.hits, "stems_"):
            self.hits.fit(rows)
        return self

    def fit_transform(self, rows: Sequence[Row], y: object = None) -> sparse.csr_matrix:
        return self.fit(rows).transform(hide_notes(rows, self.dropout))

    def transform(self, rows: Sequence[Row]) -> sparse.csr_matrix:
        assert self.hits is not None
        hits = (self.hits.transform(rows) > 0).astype(np.float64)
        summed, sizes = context_sum(rows, hits)
        return sparse.csr_matrix(sparse.diags(1.0 / np.maximum(sizes, 1.0)) @ summed)


def keep_largest(x: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """``x`` with only the ``k`` largest entries of each row (ties broken by column)."""
    sizes = np.diff(x.indptr)
    if len(sizes) == 0 or sizes.max() <= k:
        return x
    rows = np.repeat(np.arange(x.shape[0]), sizes)
    order = np.lexsort((x.indices, -x.data, rows))  # by row, then largest first
    rank = np.arange(len(order)) - x.indptr[rows[order]]
    kept = np.sort(order[rank < k])
    counts = np.bincount(rows[kept], minlength=x.shape[0])
    indptr = np.concatenate([[0], np.cumsum(counts)])
    return sparse.csr_matrix((x.data[kept], x.indices[kept], indptr), shape=x.shape)


class ContextWords(BaseEstimator, TransformerMixin):
    """TF-IDF (sublinear, L2) of the words of the note's other items, as if they were one text.
    The vocabulary is the items' words seen in at least ``min_df`` of them and in at most
    ``max_context_df`` of the training rows' contexts; the weights are fitted on those contexts,
    and a row keeps its ``max_words`` highest-weighted words."""

    def __init__(
        self,
        min_df: int = 2,
        max_features: int = 30_000,
        dropout: float = CONTEXT_DROPOUT,
        max_context_df: float = CONTEXT_MAX_DF,
        max_words: int = CONTEXT_MAX_WORDS,
    ) -> None:
        self.min_df = min_df
        self.max_features = max_features
        self.dropout = dropout
        self.max_context_df = max_context_df
        self.max_words = max_words

    def fit(self, rows: Sequence[Row], y: object = None) -> ContextWords:
        self.counts_ = CountVectorizer(min_df=self.min_df, max_features=self.max_features)
        self.counts_.fit(texts_of([r for r in rows if not r.get("quote")]))
        summed = self._summed(hide_notes(rows, self.dropout))
        df = np.bincount(summed.indices, minlength=summed.shape[1])
        common = df > self.max_context_df * summed.shape[0]
        if common.any():  # words found in that many notes say little about one: drop them
            vocabulary = self.counts_.vocabulary_
            kept = sorted((j, w) for w, j in vocabulary.items() if not common[j])
            self.counts_.vocabulary_ = {w: k for k, (_, w) in enumerate(kept)}
            df = df[[j for j, _ in kept]]
        self.idf_ = np.log((1 + summed.shape[0]) / (1 + df)) + 1.0
        return self

    def fit_transform(self, rows: Sequence[Row], y: object = None) -> sparse.csr_matrix:
        return self.fit(rows).transform(hide_notes(rows, self.dropout))

    def transform(self, rows: Sequence[Row]) -> sparse.csr_matrix:
        summed = self._summed(rows)
        summed.data = (np.log(summed.data) + 1.0) * self.idf_[summed.indices]
        return normalize(keep_largest(summed, self.max_words))

    def _summed(self, rows: Sequence[Row]) -> sparse.csr_matrix:
        counts = self.counts_.transform(texts_of(rows)).astype(np.float64)
        return context_sum(rows, counts)[0]
