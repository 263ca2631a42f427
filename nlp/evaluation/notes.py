"""``romnotat eval DIR``: score the whole pipeline on a directory of annotated notes.

Each note is ``<id>.json`` (see data/README.md) beside its text ``<id>.txt``. Items are matched
with IoU >= 0.5, quotes with IoU >= 0.6; labels and themes are scored on matched items; a gold
personal-data mention is found when flags cover every letter and digit of it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlp.analyse import ItemLabeller, NoteAnalyser
from nlp.classify.data import note_fingerprint
from nlp.errors import InputError
from nlp.evaluation.matching import covered, macro_f1, match_spans, micro_f1_sets, prf
from nlp.readers import ReadResult
from nlp.schema import DIRECT_PII_TYPES, AnalysedNote

ITEM_IOU = 0.5
QUOTE_IOU = 0.6
CORE_LABELS = ("challenge", "good_practice", "wish")
ALL_LABELS = (*CORE_LABELS, "other")
DIRECT = DIRECT_PII_TYPES


@dataclass(frozen=True)
class GoldNote:
    id: str
    split: str | None
    data: dict[str, Any]

    @property
    def text(self) -> str:
        return self.data["text"]


def load_gold(directory: Path, split: str | None = None) -> list[GoldNote]:
    if not directory.is_dir():
        raise InputError(f"Fant ikke mappen {directory}.", "Oppgi en mappe med annoterte notater.")
    notes = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(
                f"Kunne ikke lese {path.name} som JSON.",
                "Sjekk filen, eller kjør data/tools/compile_notes.py på nytt.",
            ) from exc
        if not isinstance(data, dict) or "text" not in data:
            continue
        note = GoldNote(str(data.get("id") or path.stem), data.get("split"), data)
        if split is None or note.split == split:
            notes.append(note)
    if not notes:
        raise InputError(
            f"Ingen annoterte notater i {directory}"
            + (f" for split={split}" if split else "")
            + ".",
            "Se data/README.md for formatet.",
        )
    return notes


def evaluate_notes(analyser: NoteAnalyser, notes: Iterable[GoldNote]) -> dict[str, Any]:
    notes = list(notes)
    reads = [
        ReadResult(text=n.text, source=f"{n.id}.txt", format="text", encoding="utf-8", warnings=[])
        for n in notes
    ]
    predictions = list(analyser.analyse_many(reads))
    result = score(notes, predictions)
    if analyser.labeller is not None:
        result["labels_bare_items"] = score_bare_items(analyser.labeller, notes)
        learnt = trained_on(analyser.labeller, notes)
        if learnt:
            result["classifier_trained_on"] = learnt
    return result


def trained_on(labeller: ItemLabeller, notes: list[GoldNote]) -> list[str]:
    """The notes the classifier was trained on (by the fingerprint of their text, whatever
    their id or split): their label and theme figures say how well it learnt them, not how it
    reads a new note."""
    learnt = set(getattr(labeller, "trained_on_notes", {}).values())
    return [n.id for n in notes if note_fingerprint(n.text) in learnt]


def score_bare_items(labeller: ItemLabeller, notes: list[GoldNote]) -> dict[str, Any]:
    """The ``classify`` path: gold item texts alone (no section, no note), as on stdin."""
    gold = [i for n in notes for i in n.data.get("items") or []]
    if not gold or not hasattr(labeller, "predict"):
        return {}
    return score_bare(gold, labeller.predict([i["text"] for i in gold]))  # type: ignore[attr-defined]


def score_bare(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    """Labels and themes of gold items read bare against the predictions for them."""
    labels = [p["label"] for p in predicted]
    return {
        "items": len(gold),
        "macro_f1_core": macro_f1([i["label"] for i in gold], labels, CORE_LABELS),
        "macro_f1_all": macro_f1([i["label"] for i in gold], labels, ALL_LABELS),
        "themes_micro": micro_f1_sets(
            [set(i.get("themes") or []) for i in gold], [set(p["themes"]) for p in predicted]
        ),
    }


def score(notes: list[GoldNote], predictions: list[AnalysedNote]) -> dict[str, Any]:
    seg_hit = seg_total = 0
    gold_labels: list[str] = []
    pred_labels: list[str | None] = []
    gold_themes: list[set[str]] = []
    pred_themes: list[set[str]] = []
    q_tp = q_gold = q_pred = 0
    speaker_hits = 0
    pii_found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pii_pred = pii_pred_true = 0
    leaking: list[str] = []
    for gold, pred in zip(notes, predictions):
        g_items = gold.data.get("items") or []
        matches = match_spans(
            [(i["start"], i["end"]) for i in g_items],
            [(i.start, i.end) for i in pred.items],
            ITEM_IOU,
        )
        seg_total += len(g_items)
        seg_hit += len(matches)
        for gi, pi in matches.items():
            gold_labels.append(g_items[gi]["label"])
            pred_labels.append(pred.items[pi].label)
            gold_themes.append(set(g_items[gi].get("themes") or []))
            pred_themes.append(set(pred.items[pi].themes))
        g_quotes = gold.data.get("quotes") or []
        q_matches = match_spans(
            [(q["start"], q["end"]) for q in g_quotes],
            [(q.start, q.end) for q in pred.quotes],
            QUOTE_IOU,
        )
        q_tp += len(q_matches)
        q_gold += len(g_quotes)
        q_pred += len(pred.quotes)
        speaker_hits += sum(
            1 for gi, pi in q_matches.items() if g_quotes[gi]["speaker"] == pred.quotes[pi].speaker
        )
        flags = [(p.start, p.end) for p in pred.pii]
        leaked = False
        for mention in gold.data.get("pii") or []:
            hit = covered(gold.text, (mention["start"], mention["end"]), flags)
            pii_found[mention["type"]][0] += int(hit)
            pii_found[mention["type"]][1] += 1
            leaked |= (not hit) and mention["type"] in DIRECT
        if leaked:
            leaking.append(gold.id)
        gold_spans = [(m["start"], m["end"]) for m in gold.data.get("pii") or []]
        pii_pred += len(flags)
        pii_pred_true += sum(1 for s, e in flags if any(s < ge and gs < e for gs, ge in gold_spans))
    direct = [pii_found[t] for t in pii_found if t in DIRECT]
    quasi = [pii_found[t] for t in pii_found if t not in DIRECT]

    def ratio(pairs: list[list[int]]) -> float | None:
        total = sum(p[1] for p in pairs)
        return round(sum(p[0] for p in pairs) / total, 4) if total else None

    labelled = any(p is not None for p in pred_labels)
    return {
        "notes": len(notes),
        "items": {
            "gold": seg_total,
            "segmentation": round(seg_hit / seg_total, 4) if seg_total else None,
        },
        "labels": {
            "macro_f1_core": macro_f1(gold_labels, pred_labels, CORE_LABELS),
            "macro_f1_all": macro_f1(gold_labels, pred_labels, ALL_LABELS),
            "accuracy": round(
                sum(g == p for g, p in zip(gold_labels, pred_labels)) / len(gold_labels), 4
            )
            if gold_labels
            else None,
            "themes_micro": micro_f1_sets(gold_themes, pred_themes),
        }
        if labelled
        else None,
        "quotes": {
            "gold": q_gold,
            "predicted": q_pred,
            **prf(q_tp, q_pred - q_tp, q_gold - q_tp),
            "speaker_accuracy": round(speaker_hits / q_tp, 4) if q_tp else None,
        },
        "pii": {
            "recall": ratio(list(pii_found.values())),
            "recall_direct": ratio(direct),
            "recall_quasi": ratio(quasi),
            "per_type": {
                t: {"found": v[0], "gold": v[1], "recall": round(v[0] / v[1], 4)}
                for t, v in sorted(pii_found.items())
            },
            "precision": round(pii_pred_true / pii_pred, 4) if pii_pred else None,
            "flags": pii_pred,
            "notes_leaking_direct": leaking,
        }
        if any(p.pii for p in predictions) or pii_pred
        else {
            "per_type": {t: {"gold": v[1]} for t, v in sorted(pii_found.items())},
            "recall": None,
        },
    }
