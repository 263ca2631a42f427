"""Regression guards on the annotated test notes (the figures are reported by `romnotat eval`)."""

from __future__ import annotations

import pytest

from nlp.evaluation.notes import evaluate_notes, load_gold
from nlp.runtime import get_analyser
from nlp.settings import REPO_ROOT
from tests.e2e.conftest import requires_models

pytestmark = [pytest.mark.slow, requires_models]


@pytest.fixture(scope="module")
def scores() -> dict:
    return evaluate_notes(get_analyser(), load_gold(REPO_ROOT / "data" / "notes", "test"))


def test_structure_on_test_notes(scores: dict) -> None:
    assert scores["items"]["segmentation"] >= 0.97
    assert scores["quotes"]["r"] >= 0.95
    assert scores["quotes"]["p"] >= 0.90


def test_personal_data_on_test_notes(scores: dict) -> None:
    pii = scores["pii"]
    assert pii["recall_direct"] >= 0.98
    assert pii["notes_leaking_direct"] == []
    assert pii["recall"] >= 0.90
    assert pii["precision"] >= 0.75
