"""How far independent annotators agree with data/items/ and with each other.

    .venv/bin/python data/tools/agreement.py [ANNOTATION.jsonl ...]

Each annotation file holds `{"id", "label", "themes"}` per line (``themes`` may be left out) for
items that the annotator labelled from the item text alone (no heading), following the label
guide in data/README.md and data/themes/GUIDE.md. An id is an item of data/items/ or
``<note>#<k>``, the k-th item of the annotated note data/notes/<note>.json. Prints one JSON
object: per pair (the project's labels against each annotator, and each pair of annotators) the
label macro-F1 over challenge / good_practice / wish (the classifier's bar), the label accuracy
and, where both gave themes, the theme micro-F1 on the items both hold. Without arguments it
reads every study under data/agreement/ (one folder per sample).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from nlp.classify.data import load_items  # noqa: E402
from nlp.classify.train import CORE  # noqa: E402
from nlp.evaluation.matching import macro_f1, micro_f1_sets  # noqa: E402

Annotation = Mapping[str, Any]


def read_annotations(path: Path) -> dict[str, Annotation]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row for row in rows}


def gold_annotations() -> dict[str, Annotation]:
    """The project's labels and themes: data/items/ and the items of the annotated notes."""
    gold: dict[str, Annotation] = {
        i.id: {"label": i.label, "themes": list(i.themes)} for i in load_items()
    }
    for path in sorted((REPO / "data" / "notes").glob("*.json")):
        note = json.loads(path.read_text(encoding="utf-8"))
        for k, item in enumerate(note.get("items") or []):
            gold[f"{note['id']}#{k}"] = {"label": item["label"], "themes": item.get("themes", [])}
    return gold


def agreement(a: Mapping[str, Annotation], b: Mapping[str, Annotation]) -> dict[str, Any]:
    """Agreement of two annotations on the items both hold (``a`` taken as the reference)."""
    ids = sorted(a.keys() & b.keys())
    labels_a = [a[i]["label"] for i in ids]
    labels_b = [b[i]["label"] for i in ids]
    themed = [i for i in ids if "themes" in a[i] and "themes" in b[i]]
    themes = micro_f1_sets(
        [set(a[i]["themes"]) for i in themed], [set(b[i]["themes"]) for i in themed]
    )
    return {
        "items": len(ids),
        "label_macro_f1_core": macro_f1(labels_a, labels_b, CORE),
        "label_accuracy": round(sum(x == y for x, y in zip(labels_a, labels_b)) / len(ids), 4)
        if ids
        else 0.0,
        "theme_micro_f1": themes["f"] if themed else None,
    }


def report(paths: Sequence[Path]) -> dict[str, Any]:
    gold = gold_annotations()
    annotators = {p.stem: read_annotations(p) for p in paths}
    unknown = {i for ann in annotators.values() for i in ann} - gold.keys()
    if unknown:
        raise SystemExit(f"{len(unknown)} annotated ids are neither in data/items/ nor data/notes/")
    out: dict[str, Any] = {f"project vs {n}": agreement(gold, a) for n, a in annotators.items()}
    for (n1, a1), (n2, a2) in combinations(annotators.items(), 2):
        if a1.keys() & a2.keys():
            out[f"{n1} vs {n2}"] = agreement(a1, a2)
    return out


def main(argv: Sequence[str]) -> None:
    paths = [Path(p) for p in argv] or sorted((REPO / "data" / "agreement").glob("*/*.jsonl"))
    print(json.dumps(report(paths), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
