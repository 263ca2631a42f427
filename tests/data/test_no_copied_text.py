"""No labelled item copies VfB's seed documents or rewords another item
(data/tools/check_overlap.py)."""

from __future__ import annotations

import pytest

from nlp.settings import REPO_ROOT, shared_path
from tests.data.tools import load_tool

overlap = load_tool("check_overlap")


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        (
            "Vi ble aldri spurt, sa mor.",
            3,
            {
                ("vi", "ble", "aldri"),
                ("ble", "aldri", "spurt"),
                ("aldri", "spurt", "sa"),
                ("spurt", "sa", "mor"),
            },
        ),
        ("For kort", 3, set()),
        (
            "«Ingen – ingen! – ringte oss»",
            2,
            {("ingen", "ingen"), ("ingen", "ringte"), ("ringte", "oss")},
        ),
    ],
)
def test_runs_are_lower_case_word_runs(text: str, n: int, expected: set) -> None:
    assert overlap.runs(text, n) == expected


def test_a_six_word_run_from_the_seeds_is_found() -> None:
    seeds = overlap.runs("Det var fint at noen endelig ringte oss tilbake samme dag.")
    items = [("x-1", "Mor sa: noen endelig ringte oss tilbake samme kveld"), ("x-2", "Noe annet")]
    assert overlap.copied_from_seeds(items, seeds) == [
        ("x-1", "noen endelig ringte oss tilbake samme")
    ]


@pytest.mark.parametrize(
    ("a", "b", "duplicate"),
    [
        (
            "Ventetiden på BUP var åtte måneder for vår sønn",
            "Ventetiden på BUP var åtte måneder for sønnen vår",
            True,
        ),
        ("Ventetiden på BUP var åtte måneder", "Ingen spurte hvordan barna hadde det", False),
        ("Fast kontaktperson", "fast kontaktperson!", True),
    ],
)
def test_near_duplicates(a: str, b: str, duplicate: bool) -> None:
    found = overlap.near_duplicates([("x-1", a), ("x-2", b)])
    assert bool(found) is duplicate
    if duplicate:
        assert found[0][:2] == ("x-1", "x-2")


@pytest.fixture(scope="module")
def seed_runs() -> set[tuple[str, ...]]:
    seeds_dir = shared_path("seeds")
    if not seeds_dir.is_dir():
        pytest.skip(f"VfB's seed documents are not at {seeds_dir}")
    return overlap.seed_runs(seeds_dir)


def test_data_items_copy_neither_the_seeds_nor_each_other(seed_runs: set) -> None:
    items = overlap.read_items(sorted((REPO_ROOT / "data" / "items").glob("*.jsonl")))
    assert len(items) >= 2500
    assert overlap.copied_from_seeds(items, seed_runs) == []
    assert overlap.near_duplicates(items) == []


@pytest.mark.parametrize(
    ("text", "close"),
    [
        ("Skolen fikk aldri vite om samværene i helgene", True),  # five-word run
        ("Om helgesamværene fikk skolen aldri vite noe", True),  # the same content words
        ("Ventetiden på BUP var åtte måneder", False),
        ("", False),
    ],
)
def test_items_close_to_an_annotated_note_are_found(text: str, close: bool) -> None:
    notes = [("n99", "Skolen fikk aldri vite om samværene, sa læreren.")]
    found = overlap.near_annotated_notes([("x-1", text)], notes)
    assert found == ([("x-1", "n99")] if close else [])


def test_the_notes_option_reads_every_item_and_quote_of_the_notes() -> None:
    texts = overlap.note_texts(REPO_ROOT / "data" / "notes")
    assert len(texts) > 1400  # 1,411 items and the quotes of 48 notes
    assert {note for note, _ in texts} >= {"n01", "n48"}


def test_batches_kept_out_of_training_are_clear_of_the_seeds_and_the_notes(
    seed_runs: set,
) -> None:
    """data/unused/ holds batches that may be moved back into data/items/ (its README)."""
    items = overlap.read_items(sorted((REPO_ROOT / "data" / "unused").glob("*/set_*.jsonl")))
    assert len(items) >= 500
    assert overlap.copied_from_seeds(items, seed_runs) == []
    assert overlap.near_duplicates(items) == []
    notes = overlap.note_texts(REPO_ROOT / "data" / "notes")
    assert overlap.near_annotated_notes(items, notes) == []


def test_the_notes_written_for_training_are_clear_of_the_seeds_the_items_and_the_notes(
    seed_runs: set,
) -> None:
    """They are trained on, so none may copy the seeds, reword an item of data/items/ or come
    close to an evaluation note's item or quote."""
    items, quotes = overlap.train_note_spans(REPO_ROOT / "data" / "notes")
    assert len(items) >= 2000 and len(quotes) >= 150
    assert {note_id for note_id, _ in overlap.note_texts(REPO_ROOT / "data" / "notes")} == {
        f"n{k:02d}" for k in range(1, 49)
    }  # the notes written for training are not what they are checked against
    copied, duplicates, near = overlap.check_train_notes(
        REPO_ROOT / "data" / "notes", REPO_ROOT / "data" / "items", seed_runs
    )
    assert (copied, duplicates, near) == ([], [], [])


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--note"], "not an option or an item file: --note"),
        (["data/items/no_such_set.jsonl"], "not an option or an item file: data/items/no_such"),
        (["--train-notes", "--notes"], "--train-notes takes no other option or file"),
    ],
)
def test_an_unknown_option_or_missing_file_is_refused_with_the_usage(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert overlap.main(argv) == 2
    err = capsys.readouterr().err
    assert says in err and "usage: check_overlap.py" in err


def test_the_red_team_notes_copy_no_seed_text(seed_runs: set) -> None:
    notes = [
        (path.stem, path.read_text(encoding="utf-8"))
        for path in sorted((REPO_ROOT / "data" / "pii" / "redteam").glob("*.txt"))
    ]
    assert len(notes) == 270
    assert overlap.copied_from_seeds(notes, seed_runs) == []
