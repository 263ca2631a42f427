"""The labeller's fast path gives scikit-learn's own probabilities, and steps aside where it
cannot."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from sklearn.base import ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import VotingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

from nlp.classify import linear_heads
from nlp.classify.data import load_items
from nlp.classify.labeller import Labeller
from nlp.classify.linear_heads import checked_fast_model, fast_model
from nlp.classify.models import _with_section, label_views_tfidf
from tests.classify.test_fast_features import bundle_of, fit_pair

ITEMS = load_items()[::7]
ROWS = [{"text": i.text, "section": i.section} for i in ITEMS]
HELD_OUT = [{"text": i.text, "section": None} for i in load_items()[3::50]]


def _pipeline(clf: ClassifierMixin) -> Pipeline:
    return Pipeline([("features", _with_section(label_views_tfidf())), ("clf", clf)])


def _lr() -> LogisticRegression:
    return LogisticRegression(C=5.0, max_iter=2000, random_state=0)


MULTICLASS: dict[str, Callable[[], ClassifierMixin]] = {
    "logreg": _lr,
    "complement_nb": lambda: ComplementNB(alpha=0.3),
    "soft_vote": lambda: VotingClassifier(
        [("lr", _lr()), ("nb", ComplementNB(alpha=0.3))], voting="soft"
    ),
    "weighted_vote": lambda: VotingClassifier(
        [("lr", _lr()), ("nb", ComplementNB())], voting="soft", weights=[2, 1]
    ),
}


@pytest.mark.parametrize("name", sorted(MULTICLASS))
def test_same_probabilities_as_scikit_learn(name: str) -> None:
    model = _pipeline(MULTICLASS[name]()).fit(ROWS, [i.label for i in ITEMS])
    fast = fast_model(model)
    assert fast is not None
    assert np.allclose(fast.predict_proba(HELD_OUT), model.predict_proba(HELD_OUT), atol=1e-12)


def _theme_lr() -> LogisticRegression:
    return LogisticRegression(solver="liblinear", class_weight="balanced")


ONE_VS_REST: dict[str, Callable[[], ClassifierMixin]] = {
    "logreg": _theme_lr,
    "weighted_vote": lambda: VotingClassifier(
        [("lr", _theme_lr()), ("nb", ComplementNB(alpha=0.01))],
        voting="soft",
        weights=[0.7, 0.3],
    ),
}


@pytest.mark.parametrize("name", sorted(ONE_VS_REST))
def test_one_vs_rest_themes(name: str) -> None:
    y = MultiLabelBinarizer().fit_transform([set(i.themes) for i in ITEMS])
    model = _pipeline(OneVsRestClassifier(ONE_VS_REST[name]())).fit(ROWS, y)
    fast = checked_fast_model(model, HELD_OUT[:3])
    assert fast is not None
    assert len(fast.heads) == (2 if name == "weighted_vote" else 1)
    assert np.allclose(fast.predict_proba(HELD_OUT), model.predict_proba(HELD_OUT), atol=1e-12)


@pytest.mark.parametrize(
    "clf",
    [
        OneVsRestClassifier(LinearSVC()),
        VotingClassifier([("lr", _lr()), ("svm", LinearSVC())], voting="hard"),
        OneVsRestClassifier(
            VotingClassifier(
                [("lr", _theme_lr()), ("svm", CalibratedClassifierCV(LinearSVC(), cv=2))],
                voting="soft",
            )
        ),
    ],
    ids=["svm", "hard_vote", "one_vs_rest_vote_with_svm"],
)
def test_no_fast_path_for_other_models(clf: ClassifierMixin) -> None:
    if isinstance(clf, OneVsRestClassifier):
        y = MultiLabelBinarizer().fit_transform([set(i.themes) for i in ITEMS])
    else:
        y = [i.label for i in ITEMS]
    assert fast_model(_pipeline(clf).fit(ROWS, y)) is None


def test_check_rejects_a_fast_path_that_disagrees(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _pipeline(_lr()).fit(ROWS, [i.label for i in ITEMS])
    assert checked_fast_model(model, HELD_OUT[:3]) is not None

    def off_by_one(m: Pipeline) -> linear_heads.FastModel | None:
        fast = fast_model(m)
        assert fast is not None
        head = fast.heads[0]
        assert isinstance(head, linear_heads._Multinomial)
        return linear_heads.FastModel(
            fast.features, (type(head)(head.weights, head.bias + np.eye(len(head.bias))[0]),)
        )

    monkeypatch.setattr(linear_heads, "fast_model", off_by_one)
    assert checked_fast_model(model, HELD_OUT[:3]) is None


def test_labeller_results_are_those_of_scikit_learn() -> None:
    bundle = bundle_of(*fit_pair(9))
    fast = Labeller(bundle)
    assert fast.fast_label is not None and fast.fast_themes is not None
    slow = Labeller(bundle)
    slow.fast_label = slow.fast_themes = None
    texts = [r["text"] for r in HELD_OUT]
    assert fast.predict(texts) == slow.predict(texts)
