"""The annotator-agreement tool (data/tools/agreement.py) and the annotations it reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.classify.data import load_items
from nlp.classify.train import load_theme_keywords
from nlp.schema import LABELS
from nlp.settings import REPO_ROOT
from tests.data.tools import load_tool

AGREEMENT_DIR = REPO_ROOT / "data" / "agreement"


def _ann(label: str, *themes: str) -> dict[str, object]:
    return {"label": label, "themes": list(themes)}


@pytest.mark.parametrize(
    ("a", "b", "label_f1", "accuracy", "theme_f1"),
    [
        # identical annotations agree fully
        (
            {"1": _ann("wish", "samarbeid"), "2": _ann("challenge")},
            {"1": _ann("wish", "samarbeid"), "2": _ann("challenge")},
            # good_practice never occurs: its F is 0 by the project's macro-F1 convention
            round(2 / 3, 4),
            1.0,
            1.0,
        ),
        # one label wrong out of three, one extra theme
        (
            {
                "1": _ann("wish", "samarbeid"),
                "2": _ann("challenge", "informasjon"),
                "3": _ann("good_practice"),
            },
            {
                "1": _ann("challenge", "samarbeid", "overganger"),
                "2": _ann("challenge", "informasjon"),
                "3": _ann("good_practice"),
            },
            round((0 + 2 / 3 + 1) / 3, 4),
            round(2 / 3, 4),
            0.8,
        ),
        # only shared ids count
        (
            {"1": _ann("wish", "samarbeid"), "9": _ann("other")},
            {"1": _ann("wish", "samarbeid"), "8": _ann("challenge")},
            round(1 / 3, 4),
            1.0,
            1.0,
        ),
    ],
)
def test_agreement_figures(
    a: dict, b: dict, label_f1: float, accuracy: float, theme_f1: float
) -> None:
    result = load_tool("agreement").agreement(a, b)
    assert result["items"] == len(a.keys() & b.keys())
    assert result["label_macro_f1_core"] == pytest.approx(label_f1, abs=1e-4)
    assert result["label_accuracy"] == pytest.approx(accuracy, abs=1e-4)
    assert result["theme_micro_f1"] == pytest.approx(theme_f1, abs=1e-4)


def test_labels_without_themes_give_no_theme_figure() -> None:
    a = {"1": _ann("wish", "samarbeid"), "2": _ann("challenge")}
    b = {"1": {"label": "wish"}, "2": {"label": "other"}}
    result = load_tool("agreement").agreement(a, b)
    assert result["label_accuracy"] == 0.5
    assert result["theme_micro_f1"] is None


def test_an_annotated_note_item_is_known_by_note_and_position() -> None:
    gold = load_tool("agreement").gold_annotations()
    note = json.loads((REPO_ROOT / "data" / "notes" / "n01.json").read_text(encoding="utf-8"))
    first = note["items"][0]
    assert gold["n01#0"] == {"label": first["label"], "themes": first["themes"]}
    assert f"n01#{len(note['items'])}" not in gold


@pytest.mark.parametrize("study", sorted(p.name for p in AGREEMENT_DIR.iterdir() if p.is_dir()))
def test_committed_annotations_cover_the_same_items_with_valid_values(study: str) -> None:
    items = set(load_tool("agreement").gold_annotations())
    themes = set(load_theme_keywords())
    files = sorted((AGREEMENT_DIR / study).glob("*.jsonl"))
    assert files
    id_sets = []
    for path in files:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        ids = [r["id"] for r in rows]
        assert len(ids) == len(set(ids)) >= 300
        assert set(ids) <= items
        assert all(r["label"] in LABELS for r in rows)
        assert all(
            set(r.get("themes", [])) <= themes and len(r.get("themes", [])) <= 3 for r in rows
        )
        id_sets.append(set(ids))
    assert all(s == id_sets[0] for s in id_sets)


def test_report_names_every_pair(tmp_path: Path) -> None:
    first = [i for i in load_items()][:3]
    path = tmp_path / "someone.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"id": i.id, "label": i.label, "themes": list(i.themes)}) for i in first
        ),
        encoding="utf-8",
    )
    report = load_tool("agreement").report([path, AGREEMENT_DIR / "sets_a-e" / "annotator_a.jsonl"])
    assert report["project vs someone"]["label_accuracy"] == 1.0
    assert report["project vs someone"]["theme_micro_f1"] == 1.0
    assert "someone vs annotator_a" not in report  # no shared items, no pair
