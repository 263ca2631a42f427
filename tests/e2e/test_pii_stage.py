"""The personal-data stage's note-level rules, through the whole analyser (needs the models)."""

from __future__ import annotations

import pytest

from nlp.runtime import get_analyser
from tests.e2e.conftest import requires_models

pytestmark = requires_models

NOTE = """Læringsnotat fra ROM for pårørende, Sarpsborg 29. november 2023

Innledning deltaker:
Kjersti fortalte om sønnen Jonas, som ble innlagt 3. mars i fjor.

Innledning ved Tone Berg:
Hun fortalte om ventetiden.

Forpliktende handlinger:
- Sende oversikten til alle på e-post før 1. april. Ansvarlig: Kjersti.
"""


@pytest.fixture(scope="module")
def flagged() -> dict[str, str]:
    note = get_analyser().analyse_text(NOTE)
    return {p.text: p.type for p in note.pii}


@pytest.mark.parametrize("text", ["Kjersti", "Jonas", "3. mars i fjor", "Tone Berg"])
def test_people_and_their_dates_are_flagged(flagged: dict[str, str], text: str) -> None:
    assert text in flagged


@pytest.mark.parametrize(
    "text",
    [
        "Sarpsborg",  # the meeting's place in the title
        "Innledning",  # a heading word
        "1. april",  # a deadline among the agreed actions
    ],
)
def test_meeting_facts_headings_and_deadlines_are_not_flagged(
    flagged: dict[str, str], text: str
) -> None:
    assert text not in flagged
