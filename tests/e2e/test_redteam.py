"""Regression guard on the red-team notes (data/pii/redteam/; the figures are in its README)."""

from __future__ import annotations

import pytest

from nlp.evaluation.redteam import load_redteam, score_redteam
from nlp.runtime import get_analyser
from nlp.settings import REPO_ROOT
from tests.e2e.conftest import requires_models

pytestmark = [pytest.mark.slow, requires_models]


def test_the_red_team_notes_stay_found() -> None:
    notes = load_redteam(REPO_ROOT / "data" / "pii" / "redteam")
    total = score_redteam(get_analyser(), notes)["total"]
    assert total["mentions"] == 11886
    # 0.975 and 0.964 when written down (pii 1.22.0, 270 notes); room for another NER build
    assert total["recall_direct"] >= 0.965
    assert total["recall"] >= 0.94
    # 389 when written down (pii 1.22.0, 270 notes, session 26's NER build; e03, an English
    # note, has 36 of them): 1.44 a note, against 1.50 for 234 notes under 1.19.0 (350), so
    # the bound grows with the notes (it was 390, 1.67 a note, for 234); 367 for 258 under
    # 1.21.0, 351 for 246 under 1.20.2; 326 for 222 notes under 1.18.0, 302 for 210 under
    # 1.17.0; 231 for 186 under 1.15.1 with session 24's build; 237 for 174 under 1.14.0 with
    # session 23's; 234 on the first 168, 203 on the first 108 under 1.8.0; the first 72
    # under 1.7.0 gave 101 with session 21's NER build, 113 with 22's
    assert total["false_flags"] <= 1.6 * len(notes)
