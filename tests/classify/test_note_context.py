"""The theme tagger's note context: which rows read which, keyword shares, context words, the
training-time dropout, and the labeller reading each item with its own note."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline

from nlp.classify.keyword_hits import KeywordHits
from nlp.classify.labeller import Labeller
from nlp.classify.models import forget_texts, memo_parts
from nlp.classify.note_context import (
    ContextKeywordRates,
    ContextWords,
    context_sum,
    hide_notes,
    keep_largest,
)
from nlp.schema import Item, Quote

ROWS = [
    {"text": "Ventetid på BUP i åtte måneder.", "note": "a"},
    {"text": "Skolen fulgte opp hver uke.", "note": "a"},
    {"text": "Ingen visste om ventelisten.", "note": "a"},
    {"text": "Ventetid var verst.", "note": "a", "quote": True},
    {"text": "Samvær hver fjortende dag.", "note": "b"},
    {"text": "Fosterhjemmet fikk veiledning.", "note": "b"},
    {"text": "Ventetid på BUP.", "note": None},
]
KEYWORDS = {"tilgjengelighet": ["ventetid", "venteli"], "skole-barnehage": ["skole"]}


def test_rows_read_the_other_items_of_their_own_note() -> None:
    summed, sizes = context_sum(ROWS, sparse.identity(len(ROWS), format="csr"))
    read = summed.toarray()
    assert read[0].nonzero()[0].tolist() == [1, 2]  # not itself, not the quote
    assert read[3].nonzero()[0].tolist() == [0, 1, 2]  # the quote reads the note's items
    assert read[4].nonzero()[0].tolist() == [5]
    assert not read[6].any() and not read[:, 6].any()  # a bare item reads and gives nothing
    assert sizes.tolist() == [2, 2, 2, 3, 1, 1, 0]


def test_keyword_rates_are_shares_of_the_other_items() -> None:
    hits = KeywordHits(KEYWORDS).fit(ROWS)
    rates = ContextKeywordRates(hits).fit(ROWS).transform(ROWS).toarray()
    # columns in theme order: skole-barnehage, tilgjengelighet
    assert rates[0].tolist() == [0.5, 0.5]  # of items 1 and 2: one school, one waiting list
    assert rates[1].tolist() == [0.0, 1.0]  # items 0 and 2 both about waiting
    assert rates[4].tolist() == [0.0, 0.0]
    assert rates[6].tolist() == [0.0, 0.0]


def test_the_keyword_hits_of_a_batch_are_counted_once() -> None:
    hits = KeywordHits(KEYWORDS).fit(ROWS)
    first = hits.transform(ROWS)
    assert hits.transform([dict(r) for r in ROWS]) is first  # the same texts: the kept result
    forget_texts(memo_parts(Pipeline([("hits", hits)])))
    assert "_memo" not in hits.__dict__  # no item text kept after a prediction


def test_context_words_are_the_tfidf_of_the_other_items_together() -> None:
    words = ContextWords(min_df=1, max_context_df=1.0, max_words=1000).fit(ROWS)
    got = words.transform(ROWS).toarray()
    joined = ROWS[1]["text"] + " " + ROWS[2]["text"]
    plain = TfidfVectorizer(vocabulary=words.counts_.vocabulary_, sublinear_tf=True)
    plain.fit([joined])
    expected = plain.transform([joined]).toarray()[0] / plain.idf_  # tf alone, then own idf
    expected = expected * words.idf_
    expected /= np.linalg.norm(expected)
    assert np.allclose(got[0], expected)
    assert not got[6].any()
    assert got[4].any() and not (got[4] > 0)[words.counts_.vocabulary_["ventetid"]]


def test_words_in_too_many_contexts_are_left_out() -> None:
    rows = [
        {"text": f"og {word} {k}", "note": f"n{k // 3}"}
        for k, word in enumerate(["samvær", "skole", "ventetid"] * 4)
    ]
    # "og" is in all twelve contexts, each theme word in eight (the other two rows of its note)
    kept = ContextWords(min_df=1, max_context_df=0.7, dropout=0.0).fit(rows).counts_.vocabulary_
    assert "og" not in kept
    assert {"samvær", "skole", "ventetid"} <= kept.keys()
    assert sorted(kept.values()) == list(range(len(kept)))  # columns renumbered
    fewer = ContextWords(min_df=1, max_context_df=0.6, dropout=0.0).fit(rows).counts_.vocabulary_
    assert not {"og", "samvær", "skole", "ventetid"} & fewer.keys()
    every = ContextWords(min_df=1, max_context_df=1.0, dropout=0.0).fit(rows).counts_.vocabulary_
    assert "og" in every


@pytest.mark.parametrize("k", [1, 2, 3, 10])
def test_a_row_keeps_its_k_largest_entries(k: int) -> None:
    x = sparse.csr_matrix(
        np.array([[0.1, 0.5, 0.0, 0.3, 0.2], [0.0, 0.0, 0.0, 0.0, 0.0], [0.4, 0.0, 0.4, 0.0, 0.1]])
    )
    got = keep_largest(x, k).toarray()
    for row, full in zip(got, x.toarray(), strict=True):
        assert np.count_nonzero(row) == min(k, np.count_nonzero(full))
        assert np.isin(row[row > 0], full).all()  # entries kept as they were, in place
        if np.count_nonzero(row) < np.count_nonzero(full):
            assert row[row > 0].min() >= full[(full > 0) & (row == 0)].max()


def test_context_words_keep_the_highest_weighted_words_of_a_row() -> None:
    rows = [{"text": f"ord{k} felles", "note": "a"} for k in range(30)]
    words = ContextWords(min_df=1, max_context_df=1.0, max_words=5).fit(rows)
    assert (np.diff(words.transform(rows).indptr) == 5).all()


def test_the_same_notes_are_hidden_on_every_run() -> None:
    rows = [{"text": "x", "note": f"n{k}"} for k in range(2000)]
    hidden = [r["note"] is None for r in hide_notes(rows, 0.2)]
    assert hidden == [r["note"] is None for r in hide_notes(rows, 0.2)]
    assert 0.15 < np.mean(hidden) < 0.25
    assert not any(r["note"] is None for r in hide_notes(rows, 0.0))
    assert [r["note"] for r in hide_notes(ROWS, 1.0)] == [None] * len(ROWS)


@pytest.mark.parametrize(
    "transformer", [ContextKeywordRates(KeywordHits(KEYWORDS)), ContextWords(min_df=1)]
)
def test_notes_are_hidden_only_while_fitting(transformer) -> None:
    transformer.set_params(dropout=1.0)
    assert not transformer.fit_transform(ROWS).toarray().any()
    assert transformer.transform(ROWS).toarray().any()


def _items(*texts: str) -> list[Item]:
    return [Item(text=t, section="challenges", start=0, end=len(t)) for t in texts]


def test_the_labeller_reads_each_item_with_its_own_note(small_bundle: dict) -> None:
    labeller = Labeller(small_bundle)
    item = "Vi måtte fortelle alt på nytt til hver ny person."
    foster = _items(
        item, "Samværet med mor ble flyttet tre ganger.", "Fosterhjemmet fikk ingen veiledning."
    )
    school = _items(
        item, "Kontaktlæreren visste ikke om diagnosen.", "PPT brukte et år på utredningen."
    )
    quote = Quote(text="Vi måtte fortelle alt på nytt.", start=0, end=30)
    labeller.label_notes([(foster, [quote]), (school, ())])
    in_foster, in_school = foster[0].theme_scores, school[0].theme_scores
    assert in_foster["barnevern-fosterhjem"] > in_school["barnevern-fosterhjem"]
    assert in_school["skole-barnehage"] > in_foster["skole-barnehage"]
    (bare,) = labeller.predict([item])
    assert bare["theme_scores"] != in_foster and bare["theme_scores"] != in_school
    assert isinstance(quote.themes, list)


def test_theme_cv_reports_items_in_their_note_and_bare_with_their_own_cuts() -> None:
    from nlp.classify.data import load_items
    from nlp.classify.train import cross_validate_themes, load_theme_keywords

    items = [i for i in load_items() if i.note.endswith(("1", "5"))]  # whole notes, ~1,700 items
    result = cross_validate_themes(items, load_theme_keywords())
    assert set(result["thresholds"]) == set(result["thresholds_bare_items"])
    assert 0.3 < result["micro_bare_items"]["f"] < result["micro"]["f"] < 1.0


def test_thresholds_are_chosen_and_applied_per_theme() -> None:
    from nlp.classify.train import apply_thresholds, best_thresholds

    scores = np.array([[0.9, 0.3], [0.6, 0.7], [0.1, 0.35], [0.4, 0.1]])
    gold = np.array([[1, 1], [1, 1], [0, 1], [0, 0]])
    cuts = best_thresholds(scores, gold, ["a", "b"])
    assert 0.4 < cuts["a"] <= 0.6 and cuts["b"] <= 0.3
    assert apply_thresholds(scores, ["a", "b"], cuts) == [
        {"a", "b"},
        {"a", "b"},
        {"b"},
        {"a"} - {"a"},
    ]
