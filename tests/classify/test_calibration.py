"""Temperature scaling of the label model's confidence."""

from __future__ import annotations

import numpy as np
import pytest

from nlp.classify.calibration import (
    apply_temperature,
    expected_calibration_error,
    fit_temperature,
)


def _sample(sharpness: float, n: int = 4000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Four-class probabilities drawn so that the true ones are sharper by ``sharpness`` than
    the ones handed out (> 1: under-confident, < 1: over-confident), and the true classes."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 2, size=(n, 4))
    true_p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    truth = np.array([rng.choice(4, p=row) for row in true_p])
    shown = np.exp(logits / sharpness)
    return shown / shown.sum(axis=1, keepdims=True), truth


@pytest.mark.parametrize("sharpness,low,high", [(2.0, 1.7, 2.3), (1.0, 0.9, 1.1), (0.5, 0.4, 0.6)])
def test_fitted_temperature_undoes_the_distortion(
    sharpness: float, low: float, high: float
) -> None:
    proba, truth = _sample(sharpness)
    assert low <= fit_temperature(proba, truth) <= high


def test_calibration_lowers_the_error_and_keeps_the_winner() -> None:
    proba, truth = _sample(2.5)
    t = fit_temperature(proba, truth)
    calibrated = apply_temperature(proba, t)
    assert np.allclose(calibrated.sum(axis=1), 1.0)
    assert (calibrated.argmax(axis=1) == proba.argmax(axis=1)).all()
    correct = proba.argmax(axis=1) == truth
    before = expected_calibration_error(proba.max(axis=1), correct)
    after = expected_calibration_error(calibrated.max(axis=1), correct)
    assert after < before / 2 and after < 0.05


def test_temperature_one_is_the_identity_and_zeros_are_safe() -> None:
    proba = np.array([[0.5, 0.5, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]])
    assert apply_temperature(proba, 1.0) is proba
    sharpened = apply_temperature(proba, 3.0)
    assert np.isfinite(sharpened).all() and np.allclose(sharpened.sum(axis=1), 1.0)
    assert expected_calibration_error(np.array([]), np.array([], bool)) == 0.0
