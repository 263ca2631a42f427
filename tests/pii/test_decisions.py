"""The referent's decisions: accept/reject a mention or an entity, add a missed span."""

from __future__ import annotations

import re

import pydantic
import pytest

from nlp.pii.anonymise import anonymise_note
from nlp.pii.decisions import Decision, DecisionError, apply_decisions, pending_count
from nlp.schema import AnalysedNote, Item, PiiSpan

TEXT = "Kari fortalte om Per. Senere sa Kari at Per og Ola bodde i Gjøvik.\n"
ITEM = "Senere sa Kari at Per og Ola bodde i Gjøvik."


def _span(needle: str, nth: int = 0) -> tuple[int, int]:
    start = [m.start() for m in re.finditer(re.escape(needle), TEXT)][nth]
    return start, start + len(needle)


def _flag(needle: str, kind: str, nth: int = 0) -> PiiSpan:
    start, end = _span(needle, nth)
    return PiiSpan(start=start, end=end, text=needle, type=kind, score=0.8)


@pytest.fixture
def note() -> AnalysedNote:
    """Kari = NAVN 1, Per = NAVN 2, Gjøvik = STED 1; "Ola" was missed. All pending."""
    item_start = TEXT.index(ITEM)
    return anonymise_note(
        AnalysedNote(
            source="test",
            text=TEXT,
            items=[Item(start=item_start, end=item_start + len(ITEM), text=ITEM)],
            pii=[
                _flag("Kari", "PERSON"),
                _flag("Per", "PERSON"),
                _flag("Kari", "PERSON", 1),
                _flag("Per", "PERSON", 1),
                _flag("Gjøvik", "LOCATION"),
            ],
        )
    )


def test_fixture_placeholders(note: AnalysedNote) -> None:
    assert note.anonymised_text == (
        "[NAVN 1] fortalte om [NAVN 2]. Senere sa [NAVN 1] at [NAVN 2] og Ola bodde i [STED 1].\n"
    )
    assert pending_count(note) == 5


def test_no_decisions_changes_nothing(note: AnalysedNote) -> None:
    after = apply_decisions(note, [])
    assert after.anonymised_text == note.anonymised_text
    assert after.pii == note.pii


def test_decisions_never_change_the_note_or_its_text(note: AnalysedNote) -> None:
    before = note.model_copy(deep=True)
    after = apply_decisions(note, [Decision(action="reject", scope="entity", entity="NAVN 1")])
    assert note == before, "the input note is not modified"
    assert after.text == TEXT
    assert after.items[0].text == ITEM


def test_reject_one_mention(note: AnalysedNote) -> None:
    start, end = _span("Per")
    after = apply_decisions(note, [Decision(action="reject", start=start, end=end)])
    assert after.anonymised_text == (
        "[NAVN 1] fortalte om Per. Senere sa [NAVN 1] at [NAVN 2] og Ola bodde i [STED 1].\n"
    )
    assert pending_count(after) == 4
    assert [s.status for s in after.pii if s.text == "Per"] == ["rejected", "pending"]


def test_reject_a_whole_entity(note: AnalysedNote) -> None:
    after = apply_decisions(note, [Decision(action="reject", scope="entity", entity="NAVN 2")])
    assert after.anonymised_text == (
        "[NAVN 1] fortalte om Per. Senere sa [NAVN 1] at Per og Ola bodde i [STED 1].\n"
    )
    assert after.items[0].anonymised == "Senere sa [NAVN 1] at Per og Ola bodde i [STED 1]."
    assert pending_count(after) == 3


def test_accept_mention_and_entity(note: AnalysedNote) -> None:
    start, end = _span("Gjøvik")
    after = apply_decisions(
        note,
        [
            Decision(action="accept", scope="entity", entity="NAVN 1"),
            Decision(action="accept", start=start, end=end),
        ],
    )
    assert after.anonymised_text == note.anonymised_text, "accepting keeps the placeholders"
    assert pending_count(after) == 2
    assert {s.text for s in after.pii if s.status == "accepted"} == {"Kari", "Gjøvik"}


def test_later_decision_overrides_earlier(note: AnalysedNote) -> None:
    after = apply_decisions(
        note,
        [
            Decision(action="reject", scope="entity", entity="NAVN 1"),
            Decision(action="accept", scope="entity", entity="NAVN 1"),
        ],
    )
    assert after.anonymised_text == note.anonymised_text
    assert pending_count(after) == 3


def test_add_missed_span_flags_every_occurrence(note: AnalysedNote) -> None:
    start, end = _span("Ola")
    text = "Ola ringte. " + TEXT  # "Ola" now also appears before every other name
    shifted = anonymise_note(
        AnalysedNote(
            source="test",
            text=text,
            pii=[
                PiiSpan(start=s.start + 12, end=s.end + 12, text=s.text, type=s.type, score=s.score)
                for s in note.pii
            ],
        )
    )
    after = apply_decisions(
        shifted, [Decision(action="add", start=start + 12, end=end + 12, type="PERSON")]
    )
    assert after.anonymised_text == (
        "[NAVN 3] ringte. [NAVN 1] fortalte om [NAVN 2]. "
        "Senere sa [NAVN 1] at [NAVN 2] og [NAVN 3] bodde i [STED 1].\n"
    ), "existing numbers stay stable; the added name gets the next number"
    added = [s for s in after.pii if s.text == "Ola"]
    assert [s.start for s in added] == [0, start + 12]
    assert all(s.status == "accepted" and s.origin == "referent" for s in added)


def test_add_does_not_flag_the_text_inside_other_words() -> None:
    text = "Per og Peru og Per."
    base = AnalysedNote(source="test", text=text)
    after = apply_decisions(base, [Decision(action="add", start=0, end=3, type="PERSON")])
    assert [(s.start, s.end) for s in after.pii] == [(0, 3), (15, 18)]
    assert after.anonymised_text == "[NAVN 1] og Peru og [NAVN 1]."


def test_add_replaces_overlapping_flags(note: AnalysedNote) -> None:
    start, _ = _span("Ola")
    _, end = _span("Gjøvik")
    after = apply_decisions(note, [Decision(action="add", start=start, end=end, type="ADDRESS")])
    assert after.anonymised_text.endswith("og [ADRESSE].\n")
    assert not any(s.text == "Gjøvik" for s in after.pii)


def test_add_then_reject_the_added_mention(note: AnalysedNote) -> None:
    start, end = _span("Ola")
    after = apply_decisions(
        note,
        [
            Decision(action="add", start=start, end=end, type="PERSON"),
            Decision(action="reject", start=start, end=end),
        ],
    )
    assert "og Ola bodde" in after.anonymised_text


def test_extending_a_flagged_name_keeps_its_number() -> None:
    text = "Kari fortalte om Per. Senere sa Kari Hansen at Per hadde rett."
    flags = [
        PiiSpan(start=m.start(), end=m.end(), text=m.group(), type="PERSON", score=0.9)
        for m in re.finditer(r"Kari|Per", text)
    ]
    note = anonymise_note(AnalysedNote(source="test", text=text, pii=flags))
    start = text.index("Kari Hansen")
    after = apply_decisions(
        note, [Decision(action="add", start=start, end=start + 11, type="PERSON")]
    )
    assert after.anonymised_text == (
        "[NAVN 1] fortalte om [NAVN 2]. Senere sa [NAVN 1] at [NAVN 2] hadde rett."
    )


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (Decision(action="reject", scope="entity", entity="NAVN 9"), "unknown entity"),
        (Decision(action="accept", scope="entity", entity="STED 2"), "unknown entity"),
        (Decision(action="accept", start=0, end=2), "no flag"),
        (Decision(action="reject", start=1, end=4), "no flag"),
        (Decision(action="add", start=60, end=500, type="PERSON"), "outside"),
        (Decision(action="add", start=4, end=5, type="PERSON"), "empty"),
    ],
)
def test_decisions_that_do_not_fit_the_note_raise(
    note: AnalysedNote, decision: Decision, message: str
) -> None:
    with pytest.raises(DecisionError, match=message):
        apply_decisions(note, [decision])


def test_a_failing_decision_leaves_the_note_untouched(note: AnalysedNote) -> None:
    before = note.model_copy(deep=True)
    with pytest.raises(DecisionError):
        apply_decisions(
            note,
            [
                Decision(action="reject", scope="entity", entity="NAVN 1"),
                Decision(action="reject", scope="entity", entity="NAVN 9"),
            ],
        )
    assert note == before


@pytest.mark.parametrize(
    "fields",
    [
        {"action": "add", "start": 5, "end": 3, "type": "PERSON"},
        {"action": "accept", "start": 5, "end": 5},
        {"action": "reject", "start": -1, "end": 3},
        {"action": "add", "start": 0, "end": 3},
        {"action": "add", "start": 0, "type": "PERSON"},
        {"action": "accept", "scope": "entity"},
        {"action": "accept"},
        {"action": "delete", "start": 0, "end": 3},
        {"action": "add", "start": 0, "end": 3, "type": "NAME"},
        {"action": "reject", "scope": "entity", "entity": "N" * 41},
    ],
)
def test_invalid_decisions_are_refused(fields: dict) -> None:
    with pytest.raises((pydantic.ValidationError, ValueError)):
        Decision(**fields)


def test_decision_error_is_a_value_error() -> None:
    assert issubclass(DecisionError, ValueError)


def test_pending_count_counts_only_pending() -> None:
    text = "Kari og Per og Ola"
    note = AnalysedNote(
        source="test",
        text=text,
        pii=[
            PiiSpan(start=0, end=4, text="Kari", type="PERSON", score=1, status="pending"),
            PiiSpan(start=8, end=11, text="Per", type="PERSON", score=1, status="accepted"),
            PiiSpan(start=15, end=18, text="Ola", type="PERSON", score=1, status="rejected"),
        ],
    )
    assert pending_count(note) == 1
    assert pending_count(AnalysedNote(source="test", text=text)) == 0
