"""Calibrating the label model's confidence.

The soft vote of a logistic regression and complement naive Bayes ranks items well but its
probabilities are too flat: out of fold, items it gives 0.65 are right about nine times in ten.
Temperature scaling fixes that with one number fitted on the out-of-fold probabilities of the
grouped cross-validation: ``p_cal ∝ p ** t``. It never changes which label wins, only how sure
the labeller says it is, so that ``confidence`` means what a referent reads it as.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax

_FLOOR = 1e-12


def apply_temperature(proba: np.ndarray, temperature: float) -> np.ndarray:
    """``proba`` (rows sum to 1) sharpened (``temperature`` > 1) or flattened (< 1)."""
    if temperature == 1.0:
        return proba
    return softmax(temperature * np.log(np.maximum(proba, _FLOOR)), axis=1)


def fit_temperature(proba: np.ndarray, truth: np.ndarray) -> float:
    """The temperature that minimises the log loss of ``proba`` against the true class indices
    ``truth`` (searched in [0.25, 20])."""
    logp = np.log(np.maximum(proba, _FLOOR))
    rows = np.arange(len(truth))

    def loss(t: float) -> float:
        return float(-log_softmax(t * logp, axis=1)[rows, truth].mean())

    found = minimize_scalar(loss, bounds=(0.25, 20.0), method="bounded")
    return round(float(found.x), 4)


def expected_calibration_error(
    confidence: np.ndarray, correct: np.ndarray, bins: int = 10
) -> float:
    """Mean gap between confidence and accuracy over equal-width confidence bins, weighted by
    the share of items in each bin."""
    if len(confidence) == 0:
        return 0.0
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    gap = 0.0
    for b in np.unique(which):
        inside = which == b
        gap += abs(correct[inside].mean() - confidence[inside].mean()) * inside.sum()
    return round(float(gap / len(confidence)), 4)
