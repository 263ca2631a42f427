"""The fitted label vote and theme tagger as plain matrix products.

scikit-learn validates its input in every estimator on every call: for one note (about twenty
items) the theme tagger's fifteen one-vs-rest regressions and the label vote's two estimators
spend more time checking arrays than multiplying them. :class:`LinearHeads` takes the fitted
coefficients once and computes the same probabilities with one product per model. It is used
only when a check at load time gives scikit-learn's own probabilities on sample rows; otherwise
the labeller calls scikit-learn as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from scipy.special import expit, logsumexp, softmax
from sklearn.ensemble import VotingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

Matrix = sparse.csr_matrix | np.ndarray


@dataclass(frozen=True)
class _Multinomial:
    """A multinomial logistic regression: softmax of ``X W + b``."""

    weights: np.ndarray  # (features, classes)
    bias: np.ndarray

    def proba(self, x: Matrix) -> np.ndarray:
        return softmax(np.asarray(x @ self.weights) + self.bias, axis=1)


@dataclass(frozen=True)
class _Complement:
    """Complement naive Bayes: normalised ``exp(X log P)``."""

    log_prob: np.ndarray  # (features, classes)

    def proba(self, x: Matrix) -> np.ndarray:
        jll = np.asarray(x @ self.log_prob)
        return np.exp(jll - logsumexp(jll, axis=1, keepdims=True))


@dataclass(frozen=True)
class _OneVsRest:
    """Binary logistic regressions side by side: the sigmoid of ``X W + b``."""

    weights: np.ndarray  # (features, labels)
    bias: np.ndarray

    def proba(self, x: Matrix) -> np.ndarray:
        return expit(np.asarray(x @ self.weights) + self.bias)


Head = _Multinomial | _Complement | _OneVsRest


def transform(step: Any, x: Any) -> Any:
    """``step.transform(x)`` for pipelines, feature unions and function transformers, without
    scikit-learn's per-call machinery (a job pool and a config copy for every union)."""
    if isinstance(step, Pipeline):
        for _name, part in step.steps:
            if part is not None and part != "passthrough":
                x = transform(part, x)
        return x
    if isinstance(step, FeatureUnion):
        weights = step.transformer_weights or {}
        parts = []
        for name, part in step.transformer_list:
            if part == "drop":
                continue
            out = transform(part, x)
            parts.append(out * weights[name] if name in weights else out)
        if any(sparse.issparse(p) for p in parts):
            return sparse.hstack(parts).tocsr()
        return np.hstack(parts)
    if isinstance(step, FunctionTransformer) and not step.validate and step.func is not None:
        return step.func(x, **(step.kw_args or {}))
    return step.transform(x)


def _head(estimator: Any) -> Head | None:
    if isinstance(estimator, LogisticRegression) and estimator.coef_.shape[0] > 1:
        return _Multinomial(estimator.coef_.T.copy(), estimator.intercept_.copy())
    if isinstance(estimator, ComplementNB) and len(estimator.classes_) > 1:
        return _Complement(estimator.feature_log_prob_.T.copy())
    if isinstance(estimator, OneVsRestClassifier) and all(
        isinstance(e, LogisticRegression) and e.coef_.shape[0] == 1 for e in estimator.estimators_
    ):
        parts = estimator.estimators_
        return _OneVsRest(
            np.vstack([e.coef_[0] for e in parts]).T.copy(),
            np.array([e.intercept_[0] for e in parts]),
        )
    return None


@dataclass(frozen=True)
class FastModel:
    """A fitted pipeline's feature steps plus its classifier as matrix products (a soft vote is
    the mean of its members' probabilities, as scikit-learn's ``VotingClassifier`` computes it
    without weights)."""

    features: Pipeline
    heads: tuple[Head, ...]

    def predict_proba(self, rows: Sequence[dict[str, str | None]]) -> np.ndarray:
        x = transform(self.features, rows)
        if sparse.issparse(x):
            x = x.tocsr()
        probas = [head.proba(x) for head in self.heads]
        return probas[0] if len(probas) == 1 else np.mean(probas, axis=0)


def fast_model(model: Pipeline) -> FastModel | None:
    """The fast form of ``model`` (a pipeline whose last step is a logistic regression, a
    one-vs-rest of them, complement NB or an unweighted soft vote of those), or ``None``."""
    clf = model.steps[-1][1]
    members = (
        clf.estimators_
        if isinstance(clf, VotingClassifier) and clf.voting == "soft" and clf.weights is None
        else [clf]
    )
    heads = [_head(m) for m in members]
    if any(h is None for h in heads):
        return None
    return FastModel(model[:-1], tuple(h for h in heads if h is not None))


def checked_fast_model(
    model: Pipeline, sample: Sequence[dict[str, str | None]], tolerance: float = 1e-9
) -> FastModel | None:
    """``fast_model(model)`` if it gives scikit-learn's probabilities on ``sample``."""
    fast = fast_model(model)
    if fast is None:
        return None
    expected = model.predict_proba(sample)
    got = fast.predict_proba(sample)
    if got.shape != expected.shape or not np.allclose(got, expected, rtol=0, atol=tolerance):
        return None
    return fast
