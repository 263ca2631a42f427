"""An item gets the themes that reach their cut, best first, at most three."""

from __future__ import annotations

import numpy as np
import pytest

from nlp.classify.theme_choice import MAX_THEMES, chosen_themes
from nlp.classify.train import apply_thresholds

THEMES = ["informasjon", "medvirkning", "samarbeid", "skole-barnehage", "ventetid"]
CUTS = [0.5, 0.4, 0.5, 0.3, 0.6]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([0.1, 0.2, 0.1, 0.2, 0.5], []),  # nothing reaches its cut
        ([0.5, 0.1, 0.1, 0.1, 0.1], ["informasjon"]),  # at the cut counts
        ([0.55, 0.9, 0.1, 0.1, 0.7], ["medvirkning", "ventetid", "informasjon"]),  # best first
        ([0.6, 0.45, 0.2, 0.35, 0.1], ["informasjon", "medvirkning", "skole-barnehage"]),
        # four reach their cut: the lowest score is left out
        ([0.8, 0.7, 0.95, 0.31, 0.65], ["samarbeid", "informasjon", "medvirkning"]),
        # a score under one theme's cut can be over another's: each theme has its own
        ([0.35, 0.1, 0.1, 0.35, 0.1], ["skole-barnehage"]),
    ],
)
def test_chosen_themes(scores: list[float], expected: list[str]) -> None:
    assert chosen_themes(scores, THEMES, CUTS) == expected


def test_training_scores_the_themes_the_labeller_gives() -> None:
    scores = np.array([[0.8, 0.7, 0.95, 0.31, 0.65], [0.1, 0.2, 0.1, 0.2, 0.5]])
    cuts = dict(zip(THEMES, CUTS))
    assert apply_thresholds(scores, THEMES, cuts) == [
        {"samarbeid", "informasjon", "medvirkning"},
        set(),
    ]
    assert MAX_THEMES == 3
