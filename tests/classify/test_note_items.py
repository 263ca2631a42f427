"""The annotated dev and train notes' items as training data: never the test split, under the
parser's headings, in the data hash; `romnotat eval` says which notes the classifier learnt from."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from nlp.classify.data import (
    NOTE_BATCHES,
    data_hash,
    load_note_items,
    load_training_items,
    note_group,
    training_note_files,
    training_note_fingerprints,
)
from nlp.evaluation.notes import GoldNote, load_gold, trained_on
from nlp.settings import REPO_ROOT

HEADED = "Utfordringer\n- Vi ventet et halvt år på time.\n\nØnsker\n- Faste kontaktpersoner\n"
PROSE = "Mor fortalte at hun aldri ble spurt om hva hun hadde sett hjemme.\n"


def _note(directory: Path, note_id: str, split: str, text: str, items: list[dict]) -> None:
    spans = []
    for item in items:
        start = text.index(item["text"])
        spans.append({**item, "start": start, "end": start + len(item["text"])})
    data = {"id": note_id, "split": split, "language": "nb", "text": text, "items": spans}
    (directory / f"{note_id}.json").write_text(json.dumps(data, ensure_ascii=False))


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    wait = {"text": "Vi ventet et halvt år på time.", "label": "challenge", "themes": ["ventetid"]}
    contact = {"text": "Faste kontaktpersoner", "label": "wish", "themes": []}
    asked = {"text": PROSE.strip(), "label": "challenge", "themes": ["medvirkning"]}
    _note(tmp_path, "n01", "dev", HEADED, [wait, contact])
    _note(tmp_path, "n02", "dev", PROSE, [asked])
    _note(tmp_path, "n13", "test", HEADED, [wait, contact])
    return tmp_path


def test_only_the_dev_notes_are_read(notes: Path) -> None:
    items = load_note_items(notes)
    assert [i.note for i in items] == ["note-n01", "note-n01", "note-n02"]
    assert [p.stem for p, _ in training_note_files(notes)] == ["n01", "n02"]
    assert {i.batch for i in items} == {NOTE_BATCHES["dev"]}


def test_the_notes_written_for_training_are_read_in_their_own_batch(notes: Path) -> None:
    _note(notes, "t01", "train", PROSE, [{"text": PROSE.strip(), "label": "other", "themes": []}])
    items = load_note_items(notes)
    assert [(i.note, i.batch) for i in items] == [
        ("note-n01", "dev_notes"),
        ("note-n01", "dev_notes"),
        ("note-n02", "dev_notes"),
        ("note-t01", "train_notes"),
    ]
    assert [p.stem for p, _ in training_note_files(notes)] == ["n01", "n02", "t01"]


def test_items_sit_under_the_heading_the_parser_finds(notes: Path) -> None:
    items = load_note_items(notes)
    assert [(i.section, i.label, i.themes) for i in items] == [
        ("challenges", "challenge", ("ventetid",)),
        ("want_more", "wish", ()),
        (None, "challenge", ("medvirkning",)),  # a note without headings
    ]


def test_an_unknown_label_is_refused(notes: Path) -> None:
    _note(notes, "n03", "dev", PROSE, [{"text": PROSE.strip(), "label": "klage", "themes": []}])
    with pytest.raises(ValueError, match=r"n03\.json: item 0 lacks .* a known label"):
        load_note_items(notes)


@pytest.mark.parametrize(
    "item",
    [
        {"label": "wish", "themes": []},  # no text, no offsets
        {"text": "Faste kontaktpersoner", "start": "x", "end": 3, "label": "wish"},
        "Faste kontaktpersoner",  # not an object
    ],
)
def test_a_malformed_item_names_its_file_and_number(notes: Path, item: object) -> None:
    data = json.loads((notes / "n01.json").read_text())
    data["items"].append(item)
    (notes / "n01.json").write_text(json.dumps(data))
    with pytest.raises(ValueError, match=r"n01\.json: item 2 lacks .*compile_notes"):
        load_note_items(notes)


def test_a_dev_note_without_text_is_refused(notes: Path) -> None:
    (notes / "n05.json").write_text(json.dumps({"id": "n05", "split": "dev", "items": []}))
    with pytest.raises(ValueError, match=r"n05\.json: no text"):
        load_note_items(notes)


def test_a_broken_note_file_is_named(notes: Path) -> None:
    (notes / "n04.json").write_text("{not json")
    with pytest.raises(ValueError, match=r"n04\.json: not JSON"):
        load_note_items(notes)


@pytest.mark.parametrize(("note_id", "changes_hash"), [("n01", True), ("n13", False)])
def test_a_changed_dev_note_makes_the_model_stale_a_test_note_does_not(
    notes: Path, tmp_path_factory: pytest.TempPathFactory, note_id: str, changes_hash: bool
) -> None:
    items = tmp_path_factory.mktemp("items")
    before = data_hash(items, notes)
    data = json.loads((notes / f"{note_id}.json").read_text())
    data["items"][0]["label"] = "other"
    (notes / f"{note_id}.json").write_text(json.dumps(data))
    assert (data_hash(items, notes) != before) is changes_hash


def test_no_test_note_is_trained_on() -> None:
    directory = REPO_ROOT / "data" / "notes"
    test_notes = {note_group(n.id) for n in load_gold(directory, "test")}
    learnt = {note_group(n.id) for split in NOTE_BATCHES for n in load_gold(directory, split)}
    from_notes = {i.note for i in load_training_items() if i.batch in NOTE_BATCHES.values()}
    assert len(test_notes) == 24 and from_notes == learnt
    assert not from_notes & test_notes


def test_eval_names_the_notes_the_classifier_learnt_from(notes: Path) -> None:
    learnt = SimpleNamespace(trained_on_notes=training_note_fingerprints(notes))
    assert set(learnt.trained_on_notes) == {"n01", "n02"}
    gold = [
        GoldNote("n01", "dev", {"text": HEADED}),
        GoldNote("copy", None, {"text": PROSE}),  # n02's text under another id, without a split
        GoldNote("n09", "dev", {"text": HEADED + "Tips\n- Pårørendesenteret\n"}),  # edited
    ]
    assert trained_on(learnt, gold) == ["n01", "copy"]
    assert trained_on(SimpleNamespace(), gold) == []  # an older artefact learnt from no note
