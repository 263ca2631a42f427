"""The annotated notes in data/notes/: offsets match the text, labels and types are valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.schema import LABELS, PiiType
from nlp.settings import REPO_ROOT

NOTES = sorted((REPO_ROOT / "data" / "notes").glob("*.json"))
THEMES = set(
    json.loads(
        json.dumps(
            __import__("yaml").safe_load(
                (REPO_ROOT / "data" / "themes" / "themes.yaml").read_text(encoding="utf-8")
            )["themes"]
        )
    )
)
PII_TYPES = set(PiiType.__args__)  # type: ignore[attr-defined]


def test_there_are_enough_notes_in_both_splits() -> None:
    splits = [json.loads(p.read_text(encoding="utf-8"))["split"] for p in NOTES]
    assert len(NOTES) >= 40
    assert splits.count("test") >= 20 and splits.count("dev") >= 20
    assert set(splits) <= {"dev", "test", "train"}  # train: written for training, never measured


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
def test_offsets_match_text(path: Path) -> None:
    note = json.loads(path.read_text(encoding="utf-8"))
    text = note["text"]
    assert path.with_suffix(".txt").read_text(encoding="utf-8") == text
    for kind in ("pii", "items", "quotes"):
        for span in note[kind]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"], (kind, span)
    assert {s["type"] for s in note["pii"]} <= PII_TYPES
    assert {i["label"] for i in note["items"]} <= set(LABELS)
    assert {t for i in note["items"] for t in i["themes"]} <= THEMES


def test_styles_and_variants_are_covered() -> None:
    notes = [json.loads(p.read_text(encoding="utf-8")) for p in NOTES]
    styles = {n["style"] for n in notes}
    assert {
        "full_template",
        "partial_template",
        "prose",
        "email",
        "terse",
        "word_paste",
        "nynorsk",
        "short",
        "long",
    } <= styles
    assert {n["variant"] for n in notes} == {
        "psykisk-helse-rus",
        "tilrettelagte",
        "barnevern",
        "fosterforeldre",
        "rom-ung",
    }
    assert sum(1 for n in notes if not n["pii"]) >= 3, "a few notes are kept clean"


def test_the_note_compiler_knows_every_type() -> None:
    """data/tools/compile_notes.py runs without the project installed, so it keeps its own list
    of personal-data types: it must be the schema's."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "compile_notes", REPO_ROOT / "data" / "tools" / "compile_notes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.PII_TYPES == PII_TYPES
