"""The note-level rules of the personal-data stage, on hand-made flags (no models needed)."""

from __future__ import annotations

import pytest

from nlp.pii.stage import Flag, _drop_header_facts

HEADER = """LÆRINGSNOTAT ROM UNG

DATO: 21.02.2024
ROM-LEDER, CO-LEDER OG REFERENT: Per Olsen og Kari Dahl
STED: Hamar
Innledning ved Tone Berg om kveldens tema: ventetid
"""


def flag(text: str, surface: str, type_: str) -> Flag:
    start = text.index(surface)
    return Flag(start, start + len(surface), type_, 0.8, "test")


@pytest.mark.parametrize(
    "surface,type_",
    [
        ("CO-LEDER OG REFERENT", "ORGANIZATION"),  # a field label, whatever NER says
        ("ROM-LEDER", "PERSON"),
        ("Hamar", "LOCATION"),  # the meeting's place
        ("21.02.2024", "DATE"),  # the meeting's date
    ],
)
def test_header_labels_and_meeting_facts_are_dropped(surface: str, type_: str) -> None:
    assert _drop_header_facts(HEADER, [flag(HEADER, surface, type_)]) == []


@pytest.mark.parametrize("surface", ["Per Olsen", "Kari Dahl"])
def test_names_in_header_values_stay(surface: str) -> None:
    kept = flag(HEADER, surface, "PERSON")
    assert _drop_header_facts(HEADER, [kept]) == [kept]


def test_a_known_name_before_a_colon_stays() -> None:
    """Some field patterns match anywhere before the colon ("… om kveldens tema:"): a name
    there is still a name."""
    kept = flag(HEADER, "Tone Berg", "PERSON")
    assert _drop_header_facts(HEADER, [kept]) == [kept]
