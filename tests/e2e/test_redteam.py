"""Regression guard on the red-team notes (data/pii/redteam/; the figures are in its README)."""

from __future__ import annotations

import pytest

from nlp.evaluation.redteam import load_redteam, score_redteam
from nlp.runtime import get_analyser
from nlp.settings import REPO_ROOT
from tests.e2e.conftest import requires_models

pytestmark = [pytest.mark.slow, requires_models]


def test_the_red_team_notes_stay_found() -> None:
    total = score_redteam(get_analyser(), load_redteam(REPO_ROOT / "data" / "pii" / "redteam"))[
        "total"
    ]
    assert total["mentions"] == 784
    # 0.978 and 0.955 when written down; a few points of room for another machine's NER build
    assert total["recall_direct"] >= 0.96
    assert total["recall"] >= 0.93
    assert total["false_flags"] <= 60
