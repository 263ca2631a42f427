"""The fitted label vote and theme tagger as plain matrix products.

scikit-learn validates its input in every estimator on every call: for one note (about twenty
items) the theme tagger's fifteen one-vs-rest votes and the label vote's two estimators
spend more time checking arrays than multiplying them. :class:`FastModel` takes the fitted
coefficients once and computes the same probabilities with one product per model (per vote
member). It is used
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


def _binary(estimator: Any) -> tuple[np.ndarray, float] | None:
    """A fitted binary classifier as the weights and bias of ``P(1) = sigmoid(x w + b)``: a
    logistic regression, or complement naive Bayes (its two joint log-likelihoods differ by
    ``x (log P1 - log P0)``; it has no prior with two classes)."""
    if isinstance(estimator, LogisticRegression) and estimator.coef_.shape[0] == 1:
        return estimator.coef_[0], float(estimator.intercept_[0])
    if isinstance(estimator, ComplementNB) and len(estimator.classes_) == 2:
        log_prob = estimator.feature_log_prob_
        return log_prob[1] - log_prob[0], 0.0
    return None


def _members(estimator: Any) -> list[tuple[Any, float]]:
    """A soft vote's members with their weights (scikit-learn's ``VotingClassifier`` averages
    the members' probabilities with them), or the estimator itself with weight 1."""
    if isinstance(estimator, VotingClassifier) and estimator.voting == "soft":
        weights = estimator.weights or [1.0] * len(estimator.estimators_)
        return list(zip(estimator.estimators_, map(float, weights), strict=True))
    return [(estimator, 1.0)]


def _one_vs_rest(estimator: OneVsRestClassifier) -> list[tuple[Head, float]] | None:
    """One head per vote member, each the binary models of every label side by side (every
    label's estimator must be the same kind of vote, with the same weights)."""
    per_label = [_members(e) for e in estimator.estimators_]
    shape = [(type(m), w) for m, w in per_label[0]]
    if any([(type(m), w) for m, w in members] != shape for members in per_label):
        return None
    heads: list[tuple[Head, float]] = []
    for k, (_kind, weight) in enumerate(shape):
        binary = [_binary(members[k][0]) for members in per_label]
        if any(b is None for b in binary):
            return None
        weights = np.vstack([b[0] for b in binary if b is not None]).T.copy()
        bias = np.array([b[1] for b in binary if b is not None])
        heads.append((_OneVsRest(weights, bias), weight))
    return heads


def _heads(estimator: Any) -> list[tuple[Head, float]] | None:
    """The heads (with their vote weights) that give ``estimator``'s probabilities, or ``None``
    where it is of a kind the fast path does not reproduce."""
    if isinstance(estimator, OneVsRestClassifier):
        return _one_vs_rest(estimator)
    heads: list[tuple[Head, float]] = []
    for member, weight in _members(estimator):
        if isinstance(member, LogisticRegression) and member.coef_.shape[0] > 1:
            heads.append((_Multinomial(member.coef_.T.copy(), member.intercept_.copy()), weight))
        elif isinstance(member, ComplementNB) and len(member.classes_) > 1:
            heads.append((_Complement(member.feature_log_prob_.T.copy()), weight))
        else:
            return None
    return heads


@dataclass(frozen=True)
class FastModel:
    """A fitted pipeline's feature steps plus its classifier as matrix products (a soft vote is
    the weighted mean of its members' probabilities, as scikit-learn's ``VotingClassifier``
    computes it)."""

    features: Pipeline
    heads: tuple[Head, ...]
    weights: tuple[float, ...] = ()

    def predict_proba(self, rows: Sequence[dict[str, str | None]]) -> np.ndarray:
        x = transform(self.features, rows)
        if sparse.issparse(x):
            x = x.tocsr()
        probas = [head.proba(x) for head in self.heads]
        if len(probas) == 1:
            return probas[0]
        return np.average(probas, axis=0, weights=self.weights or None)


def fast_model(model: Pipeline) -> FastModel | None:
    """The fast form of ``model`` (a pipeline whose last step is a logistic regression,
    complement naive Bayes, a soft vote of those, or a one-vs-rest of any of these), or
    ``None``."""
    heads = _heads(model.steps[-1][1])
    if heads is None:
        return None
    return FastModel(model[:-1], tuple(h for h, _ in heads), tuple(w for _, w in heads))


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
