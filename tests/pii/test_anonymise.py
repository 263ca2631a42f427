"""Placeholders: one entity, one placeholder; numbering by first mention; rejected flags stay."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.pii.anonymise import anonymise_note, anonymise_text, assign_entities
from nlp.schema import AnalysedNote, Item, PiiSpan, Quote


def flag(text: str, needle: str, kind: str, nth: int = 0, **extra) -> PiiSpan:
    start = [m.start() for m in re.finditer(re.escape(needle), text)][nth]
    return PiiSpan(start=start, end=start + len(needle), text=needle, type=kind, score=0.9, **extra)


def note_of(text: str, flags: list[PiiSpan], **extra) -> AnalysedNote:
    return AnalysedNote(source="test", text=text, pii=flags, **extra)


@pytest.mark.parametrize(
    "mentions",
    [
        ["Kari", "Kari Hansen", "Karis", "kari"],
        ["Kari Hansen", "Kari", "Karis", "kari"],
        ["kari", "Karis", "Kari Hansen", "Kari"],
        ["Hansen", "Kari Hansen", "Kari"],
    ],
)
def test_every_form_of_one_name_gets_one_placeholder(mentions: list[str]) -> None:
    text, flags = "", []
    for mention in mentions:
        flags.append(
            PiiSpan(
                start=len(text),
                end=len(text) + len(mention),
                text=mention,
                type="PERSON",
                score=0.9,
            )
        )
        text += f"{mention} snakket. "
    note = anonymise_note(note_of(text, flags))
    assert {f.entity for f in note.pii} == {"NAVN 1"}
    assert note.anonymised_text == "[NAVN 1] snakket. " * len(mentions)


def test_two_people_are_numbered_by_first_mention() -> None:
    text = "Per ringte Kari Hansen. Senere kom Kari og Per. Karis mann og Pers datter."
    flags = [
        flag(text, "Kari Hansen", "PERSON"),
        flag(text, "Per", "PERSON"),
        flag(text, "Kari", "PERSON", 1),
        flag(text, "Per", "PERSON", 1),
        flag(text, "Karis", "PERSON"),
        flag(text, "Pers", "PERSON"),
    ]
    note = anonymise_note(note_of(text, flags))
    assert note.anonymised_text == (
        "[NAVN 1] ringte [NAVN 2]. Senere kom [NAVN 2] og [NAVN 1]. "
        "[NAVN 2] mann og [NAVN 1] datter."
    )


@pytest.mark.parametrize(
    ("kind", "word", "label"),
    [("LOCATION", "Gjøvik", "STED"), ("ORGANIZATION", "Lia skole", "SKOLE/INSTITUSJON")],
)
def test_places_and_institutions_are_numbered(kind: str, word: str, label: str) -> None:
    other = {"LOCATION": "Hamar", "ORGANIZATION": "Berg barnehage"}[kind]
    text = f"Fra {word} til {other} og tilbake til {word}."
    flags = [flag(text, word, kind), flag(text, other, kind), flag(text, word, kind, 1)]
    note = anonymise_note(note_of(text, flags))
    assert note.anonymised_text == f"Fra [{label} 1] til [{label} 2] og tilbake til [{label} 1]."


@pytest.mark.parametrize(
    ("kind", "value", "placeholder"),
    [
        ("AGE", "16 år", "[ALDER]"),
        ("DATE", "12. mars 2023", "[DATO]"),
        ("PHONE", "+47 900 00 000", "[TELEFON]"),
        ("EMAIL", "kari.hansen@example.no", "[E-POST]"),
        ("ADDRESS", "Storgata 12, 2815 Gjøvik", "[ADRESSE]"),
        ("FNR", "140312 52416", "[FØDSELSNUMMER]"),
    ],
)
def test_unnumbered_placeholders(kind: str, value: str, placeholder: str) -> None:
    other = {
        "AGE": "fjorten år",
        "DATE": "1. mai",
        "PHONE": "22 33 44 55",
        "EMAIL": "per@example.no",
        "ADDRESS": "Bergveien 3",
        "FNR": "01010112345",
    }[kind]
    text = f"Først {value}, så {other}."
    note = anonymise_note(note_of(text, [flag(text, value, kind), flag(text, other, kind)]))
    assert note.anonymised_text == f"Først {placeholder}, så {placeholder}."


def test_same_place_and_person_name_are_separate_entities() -> None:
    text = "Lillehammer bodde i Lillehammer."
    flags = [flag(text, "Lillehammer", "PERSON"), flag(text, "Lillehammer", "LOCATION", 1)]
    note = anonymise_note(note_of(text, flags))
    assert note.anonymised_text == "[NAVN 1] bodde i [STED 1]."


@pytest.mark.parametrize("status", ["pending", "accepted"])
def test_pending_and_accepted_flags_are_anonymised(status: str) -> None:
    text = "Kari ringte fra Gjøvik."
    flags = [
        flag(text, "Kari", "PERSON", status=status),
        flag(text, "Gjøvik", "LOCATION", status=status),
    ]
    assert anonymise_note(note_of(text, flags)).anonymised_text == "[NAVN 1] ringte fra [STED 1]."


def test_rejected_flags_are_left_as_written() -> None:
    text = "Kari ringte fra Gjøvik til Per."
    flags = [
        flag(text, "Kari", "PERSON"),
        flag(text, "Gjøvik", "LOCATION", status="rejected"),
        flag(text, "Per", "PERSON", status="rejected"),
    ]
    assert anonymise_note(note_of(text, flags)).anonymised_text == (
        "[NAVN 1] ringte fra Gjøvik til Per."
    )


def test_note_without_flags_is_unchanged() -> None:
    text = "Lang ventetid hos BUP."
    assert anonymise_note(note_of(text, [])).anonymised_text == text


def test_items_and_quotes_use_the_notes_placeholders() -> None:
    text = (
        "Utfordringer\n"
        "- Per ventet lenge, sa Kari Hansen i Gjøvik.\n"
        "Sitater\n"
        "«Kari ringte, men Per var 16 år», sa en mor.\n"
    )
    item_text = "Per ventet lenge, sa Kari Hansen i Gjøvik."
    quote_text = "Kari ringte, men Per var 16 år"
    i_start, q_start = text.index(item_text), text.index(quote_text)
    flags = [
        flag(text, "Per", "PERSON"),
        flag(text, "Kari Hansen", "PERSON"),
        flag(text, "Gjøvik", "LOCATION"),
        flag(text, "Kari", "PERSON", 1),
        flag(text, "Per", "PERSON", 1),
        flag(text, "16 år", "AGE"),
    ]
    note = note_of(
        text,
        flags,
        items=[Item(start=i_start, end=i_start + len(item_text), text=item_text)],
        quotes=[Quote(start=q_start, end=q_start + len(quote_text), text=quote_text)],
    )
    anonymise_note(note)
    assert note.items[0].anonymised == "[NAVN 1] ventet lenge, sa [NAVN 2] i [STED 1]."
    assert note.quotes[0].anonymised == "[NAVN 2] ringte, men [NAVN 1] var [ALDER]"
    assert note.items[0].anonymised in note.anonymised_text
    assert note.quotes[0].anonymised in note.anonymised_text
    # the original texts are never changed
    assert note.text == text and note.items[0].text == item_text


def test_flag_straddling_an_item_boundary_is_cut_at_the_item() -> None:
    text = "Kari Hansen"
    [person] = [flag(text, "Kari Hansen", "PERSON", entity="NAVN 1")]
    assert anonymise_text("Hansen", [person], offset=5) == "[NAVN 1]"
    assert anonymise_text("Kari", [person], offset=0) == "[NAVN 1]"


def test_assign_entities_keeps_existing_numbers_and_continues_after_them() -> None:
    text = "Ola, Kari og Per. Kari igjen."
    flags = [
        flag(text, "Ola", "PERSON"),
        flag(text, "Kari", "PERSON", entity="NAVN 1"),
        flag(text, "Per", "PERSON", entity="NAVN 2"),
        flag(text, "Kari", "PERSON", 1),
    ]
    assign_entities(flags)
    assert [f.entity for f in flags] == ["NAVN 3", "NAVN 1", "NAVN 2", "NAVN 1"]


def test_assign_entities_numbers_each_type_separately() -> None:
    text = "Kari i Gjøvik, Per i Hamar, Lia skole."
    flags = [
        flag(text, "Kari", "PERSON"),
        flag(text, "Gjøvik", "LOCATION"),
        flag(text, "Per", "PERSON"),
        flag(text, "Hamar", "LOCATION"),
        flag(text, "Lia skole", "ORGANIZATION"),
    ]
    assign_entities(flags)
    assert [f.entity for f in flags] == [
        "NAVN 1",
        "STED 1",
        "NAVN 2",
        "STED 2",
        "SKOLE/INSTITUSJON 1",
    ]


# -- property: no non-rejected flag's text survives ------------------------------------------

WORDS = [f"Q{a}{b}z" for a in "bcdfghjk" for b in "lmnprstv"]  # never substrings of each other
KINDS = ["PERSON", "LOCATION", "ADDRESS", "ORGANIZATION", "FNR", "PHONE", "EMAIL", "DATE", "AGE"]


@st.composite
def flagged_notes(draw: st.DrawFn) -> tuple[str, list[PiiSpan]]:
    words = WORDS[: draw(st.integers(3, 12))]
    text = " og ".join(words) + "."
    starts = [text.index(w) for w in words]
    flags = []
    for _ in range(draw(st.integers(0, 8))):
        first = draw(st.integers(0, len(words) - 1))
        last = draw(st.integers(first, min(len(words) - 1, first + 2)))
        start, end = starts[first], starts[last] + len(words[last])
        flags.append(
            PiiSpan(
                start=start,
                end=end,
                text=text[start:end],
                type=draw(st.sampled_from(KINDS)),
                score=draw(st.floats(0.1, 1.0)),
                status=draw(st.sampled_from(["pending", "accepted", "rejected"])),
            )
        )
    return text, flags


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flagged_notes())
def test_anonymised_text_never_contains_a_non_rejected_flag(
    case: tuple[str, list[PiiSpan]],
) -> None:
    text, flags = case
    note = anonymise_note(note_of(text, flags))
    assert note.text == text
    for span in flags:
        if span.status != "rejected":
            for word in span.text.split(" og "):
                assert word not in note.anonymised_text
    unflagged = [w for w in WORDS if w in text and not any(w in s.text for s in flags)]
    for word in unflagged:
        assert word in note.anonymised_text, "text nobody flagged is kept"
