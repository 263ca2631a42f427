"""The fast feature paths: the cached character n-gram TF-IDF gives scikit-learn's ``char_wb``
features exactly; the shared word vectoriser changes no prediction."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MultiLabelBinarizer

from nlp.classify.char_ngrams import CharNgramTfidf, word_ngrams
from nlp.classify.data import load_items
from nlp.classify.labeller import Labeller
from nlp.classify.models import (
    MemoTfidf,
    forget_texts,
    label_views_tfidf,
    logreg_word,
    share_vectorisers,
    vote_label_views,
    word_tfidf,
)
from nlp.classify.text import normalise
from nlp.classify.train import _theme_model, load_theme_keywords


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [i.text for i in load_items()[::5]]


@pytest.mark.parametrize(
    "word,expected",
    [
        ("a", [" a", "a ", " a "]),
        ("ab", [" a", "ab", "b ", " ab", "ab ", " ab "]),
        ("nav", [" n", "na", "av", "v ", " na", "nav", "av ", " nav", "nav ", " nav "]),
    ],
)
def test_word_ngrams(word: str, expected: list[str]) -> None:
    assert word_ngrams(word, (2, 5)) == expected


@pytest.mark.parametrize("min_df,max_features", [(1, None), (2, 5_000)])
def test_same_features_as_scikit_learn(texts: list[str], min_df: int, max_features: int) -> None:
    train, held_out = texts[: len(texts) // 2], texts[len(texts) // 2 :]
    ours = CharNgramTfidf(
        preprocessor=normalise, min_df=min_df, max_features=max_features, sublinear_tf=True
    )
    theirs = TfidfVectorizer(
        preprocessor=normalise,
        analyzer="char_wb",
        ngram_range=(2, 5),
        min_df=min_df,
        max_features=max_features,
        sublinear_tf=True,
    )
    fitted_ours = ours.fit_transform(train)
    fitted_theirs = theirs.fit_transform(train)
    assert ours.vocabulary_ == theirs.vocabulary_
    assert abs(fitted_ours - fitted_theirs).max() < 1e-12
    # twice: the second pass reads every word from the cache
    for _ in range(2):
        assert abs(ours.transform(held_out) - theirs.transform(held_out)).max() < 1e-12
    assert list(ours.get_feature_names_out()) == list(theirs.get_feature_names_out())


def test_pickle_drops_the_cache(texts: list[str]) -> None:
    vectorizer = CharNgramTfidf(preprocessor=normalise).fit(texts[:50])
    before = vectorizer.transform(texts[50:60])
    assert vectorizer.__dict__["_word_cache"]
    restored = pickle.loads(pickle.dumps(vectorizer))
    assert "_word_cache" not in restored.__dict__
    assert np.allclose(restored.transform(texts[50:60]).toarray(), before.toarray())


def test_empty_text_gives_an_empty_row() -> None:
    vectorizer = CharNgramTfidf().fit(["hei på deg", "ny dag"])
    assert vectorizer.transform(["", "   "]).nnz == 0


def fit_pair(
    step: int, make: Callable[[], Pipeline] = vote_label_views
) -> tuple[Pipeline, Pipeline, list[str]]:
    """A label model and a theme tagger fitted on every ``step``-th item, and the theme ids."""
    items = load_items()[::step]
    rows = [{"text": i.text, "section": i.section} for i in items]
    keywords = load_theme_keywords()
    binarizer = MultiLabelBinarizer(classes=sorted(keywords))
    y = binarizer.fit_transform([set(i.themes) for i in items])
    label_model = make().fit(rows, [i.label for i in items])
    return label_model, _theme_model(keywords).fit(rows, y), list(binarizer.classes_)


def bundle_of(label_model: Pipeline, theme_model: Pipeline, themes: list[str]) -> dict:
    """A labeller bundle around fitted models (no calibration, threshold 0.5)."""
    return {
        "label_model": label_model,
        "theme_model": theme_model,
        "themes": themes,
        "theme_thresholds": {},
        "uncertain_below": 0.5,
        "version": "test",
        "training_data_sha256": "0" * 64,
    }


def test_shared_word_vectoriser_gives_the_same_predictions(texts: list[str]) -> None:
    """The theme tagger reuses the label model's fitted word vectoriser (one transform per
    batch); predictions are those of the unshared models."""
    label_model, theme_model, _themes = fit_pair(6)
    held_out = [{"text": t, "section": None} for t in texts[:40]]
    before = (label_model.predict_proba(held_out), theme_model.predict_proba(held_out))
    assert share_vectorisers(label_model, theme_model) == 1
    label_vec = label_model.get_params()["features__text__vec"]
    assert theme_model.get_params()["features__word__vec"] is label_vec
    after = (label_model.predict_proba(held_out), theme_model.predict_proba(held_out))
    assert np.allclose(before[0], after[0]) and np.allclose(before[1], after[1])
    restored = pickle.loads(pickle.dumps((label_model, theme_model)))
    assert (
        restored[1].get_params()["features__word__vec"]
        is restored[0].get_params()["features__text__vec"]
    )


@pytest.mark.parametrize("make", [logreg_word, vote_label_views])
def test_labeller_keeps_no_item_text_after_a_prediction(make: Callable[[], Pipeline]) -> None:
    """The fast paths memoise whole item texts within a call; after it, none is left in the
    process (item texts can hold personal data)."""
    label_model, theme_model, themes = fit_pair(10, make)
    share_vectorisers(label_model, theme_model)
    labeller = Labeller(bundle_of(label_model, theme_model, themes))
    secret = "Kari Nordmann på Lillevik skole ventet i to år på BUP."
    (result,) = labeller.predict([secret])
    assert result["label"] in {"challenge", "good_practice", "wish", "other"}
    assert normalise.cache_info().currsize == 0
    memos = [
        p.__dict__.get("_memo")
        for m in (label_model, theme_model)
        for p in m.get_params().values()
        if isinstance(p, MemoTfidf)
    ]
    assert memos and all(memo is None for memo in memos)


@pytest.mark.parametrize("make", [word_tfidf, label_views_tfidf])
def test_memo_tfidf_gives_scikit_learns_weights(texts: list[str], make: Callable) -> None:
    """``MemoTfidf`` counts and weighs features itself; the matrix is scikit-learn's."""
    train, held_out = texts[: len(texts) // 2], texts[len(texts) // 2 :]
    ours = make().fit(train)
    theirs = TfidfVectorizer(**ours.get_params()).fit(train)
    assert ours.transform([]).shape == (0, len(ours.idf_))  # scikit-learn refuses an empty batch
    for batch in (held_out, held_out[:1], ["", "???"]):
        got, expected = ours.transform(batch), theirs.transform(batch)
        assert got.shape == expected.shape
        assert abs(got - expected).max() < 1e-12 if got.nnz or expected.nnz else True
        assert got.has_sorted_indices
        forget_texts()
        ours.__dict__.pop("_memo", None)
