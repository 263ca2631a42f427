"""The personal-data stage's note-level rules, through the whole analyser (needs the models)."""

from __future__ import annotations

import pytest

from nlp.runtime import get_analyser
from nlp.schema import AnalysedNote
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


# a note written as a referent might, with the cases a red-team reading found (session 17): an
# ambiguous first name before an age, two people on one header line, a role before a named school,
# reworded headings, a covering mail whose sign-off comes before the note
FORWARDED = """Hei Helge,
her er notatet fra i går. Kan du sende det videre?

Mvh siv

Læringsnotat fra ROM-møte, Hamar 12. mars 2026
Tema: Når mor er innlagt
Møteleder: Trine Aasen. Referent: Ola Berg.

Deltakerne fortalte
Tone (41) fortalte at hun ventet i fem måneder på time hos BUP for sønnen Jonas.
Den eldste heter ole-martin og går på Sagatun skole.

Hva fungerte
- Helsesykepleier på Ajer ungdomsskole tok kontakt med familien samme uke.

Hva fungerte ikke
- Ingen på avdelingen spurte om barna.
"""


@pytest.fixture(scope="module")
def forwarded() -> AnalysedNote:
    return get_analyser().analyse_text(FORWARDED)


@pytest.mark.parametrize(
    "text",
    ["siv", "Trine Aasen", "Ola Berg", "Tone", "41", "Jonas", "ole-martin", "Ajer ungdomsskole"],
)
def test_names_a_red_team_found_missed_are_flagged(forwarded: AnalysedNote, text: str) -> None:
    assert text in {p.text for p in forwarded.pii}
    assert text not in forwarded.anonymised_text


def test_flags_do_not_swallow_labels_or_roles(forwarded: AnalysedNote) -> None:
    assert not any("Referent" in p.text or "Helsesykepleier" in p.text for p in forwarded.pii)
    assert "Referent: [NAVN" in forwarded.anonymised_text
    assert "Helsesykepleier på [SKOLE/INSTITUSJON" in forwarded.anonymised_text


def test_the_note_after_a_covering_mail_is_read_whole(forwarded: AnalysedNote) -> None:
    sections = [s.id for s in forwarded.sections if s.id not in ("header", "unknown")]
    assert sections == ["intro_participant", "good_practice", "challenges"]
    texts = [i.text for i in forwarded.items]
    assert len(texts) == 4
    assert not any("Kan du sende" in t or "Hva fungerte" in t for t in texts)
    assert (forwarded.header.rom_leader, forwarded.header.referent) == ("Trine Aasen", "Ola Berg")
