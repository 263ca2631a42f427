"""Cross-validation over the dev notes: a fold's models never see that fold's notes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import joblib
import pytest

from nlp.classify.data import LabelledItem, load_items, note_group
from nlp.classify.labeller import classifier_dir
from nlp.evaluation import notes_cv
from nlp.evaluation.notes import load_gold
from nlp.runtime import get_analyser
from nlp.settings import REPO_ROOT
from tests.e2e.conftest import requires_models

pytestmark = [pytest.mark.slow, requires_models]


def test_each_fold_is_read_by_models_that_never_saw_it(monkeypatch: pytest.MonkeyPatch) -> None:
    notes = load_gold(REPO_ROOT / "data" / "notes", "dev")[:4]
    others = {note_group(n.id) for n in load_gold(REPO_ROOT / "data" / "notes", "dev")[4:]}
    seen: list[set[str]] = []
    real_fit = notes_cv.fit_item_models

    def spy(items: Sequence[LabelledItem], *args: Any) -> dict[str, Any]:
        seen.append({i.note for i in items})
        return real_fit(items, *args)

    monkeypatch.setattr(notes_cv, "fit_item_models", spy)
    bundle = joblib.load(classifier_dir() / "classifier.joblib")
    result = notes_cv.cross_validate_notes(
        get_analyser(), bundle, notes, folds=2, items=load_items()[::8]
    )
    folds = notes_cv.note_folds(notes, 2)
    assert len(seen) == len(folds) == 2
    for notes_seen, group in zip(seen, folds):
        held_out = {note_group(i) for i in group}
        assert not notes_seen & held_out
        assert others <= notes_seen  # the dev notes of no fold here are trained on every time
    gold_items = sum(len(n.data["items"]) for n in notes)
    assert result["labels_bare_items"]["items"] == gold_items
    assert 0.5 < result["labels"]["macro_f1_core"] <= 1
    assert 0.3 < result["labels"]["themes_micro"]["f"] <= 1


@pytest.mark.parametrize("args", [["--folds"], ["--folds", "1"], ["--fold", "3"], ["x"]])
def test_the_tool_refuses_bad_options_with_its_usage(args: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, str(REPO_ROOT / "data" / "tools" / "notes_cv.py"), *args],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "usage: notes_cv.py" in run.stderr


def test_eval_of_notes_the_classifier_learnt_from_says_so(tmp_path: Path) -> None:
    for split, note in (("dev", "n01"), ("test", "n13")):
        folder = tmp_path / split
        folder.mkdir()
        for suffix in (".json", ".txt"):
            shutil.copy(REPO_ROOT / "data" / "notes" / f"{note}{suffix}", folder)
    runs = {
        split: subprocess.run(
            [sys.executable, "-m", "romnotat.cli", "eval", str(tmp_path / split), "--json"],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            timeout=300,
        )
        for split in ("dev", "test")
    }
    assert runs["dev"].returncode == runs["test"].returncode == 0
    assert json.loads(runs["dev"].stdout)["classifier_trained_on"] == ["n01"]
    assert "data/tools/notes_cv.py" in runs["dev"].stderr
    assert "classifier_trained_on" not in json.loads(runs["test"].stdout)
    assert "notes_cv" not in runs["test"].stderr
