"""Cross-validation over the annotated notes the classifier trains on (the dev notes).

``romnotat eval`` on a note the classifier learnt from measures how well it learnt it. This
module measures the dev notes as new notes instead: the notes are split into ``folds`` groups,
and for each group the three item models are fitted on data/items/, the notes written for
training (split train) and the other groups' notes,
then read that group's notes through ``analyse`` (its items in their note) and bare (the gold
item texts alone, as ``romnotat classify`` reads them). The thresholds, temperatures and
``uncertain`` cuts are the trained artefact's. Maintainers use it to decide on a change of the
training data or the models (``data/tools/notes_cv.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tqdm import tqdm

from nlp.analyse import NoteAnalyser
from nlp.classify.data import LabelledItem, load_items, load_note_items, note_group
from nlp.classify.labeller import Labeller
from nlp.classify.train import fit_item_models, load_theme_keywords
from nlp.errors import ModelUnavailableError
from nlp.evaluation.notes import GoldNote, score, score_bare
from nlp.readers import ReadResult

FOLDS = 6


def note_folds(notes: Sequence[GoldNote], folds: int = FOLDS) -> list[list[str]]:
    """Note ids in ``folds`` groups, every ``folds``-th note by id (each group gets notes of
    every style, which the ids interleave)."""
    ids = sorted(n.id for n in notes)
    return [ids[k::folds] for k in range(min(folds, len(ids)))]


def cross_validate_notes(
    analyser: NoteAnalyser,
    bundle: dict[str, Any],
    notes: Sequence[GoldNote],
    folds: int = FOLDS,
    items: Sequence[LabelledItem] | None = None,
) -> dict[str, Any]:
    """``romnotat eval``'s label and theme figures for ``notes``, each note read by models that
    never saw it. ``items`` replaces data/items/ (a smaller set, for tests)."""
    notes = list(notes)
    reads = [
        ReadResult(text=n.text, source=f"{n.id}.txt", format="text", encoding="utf-8", warnings=[])
        for n in notes
    ]
    predictions = list(analyser.analyse_many(reads))  # structure, quotes and personal data
    training = [*(load_items() if items is None else items), *load_note_items()]
    keywords = load_theme_keywords()
    by_id = {n.id: k for k, n in enumerate(notes)}
    gold_bare: list[dict[str, Any]] = []
    bare: list[dict[str, Any]] = []
    for group in tqdm(note_folds(notes, folds), desc="folder", disable=None):
        held_out = {note_group(note_id) for note_id in group}
        models = fit_item_models(
            [i for i in training if i.note not in held_out], keywords, bundle_candidate(bundle)
        )
        labeller = Labeller({**bundle, **models})
        parts = [(predictions[by_id[i]].items, predictions[by_id[i]].quotes) for i in group]
        labeller.label_notes(parts)
        gold = [g for i in group for g in notes[by_id[i]].data.get("items") or []]
        gold_bare.extend(gold)
        bare.extend(labeller.predict([g["text"] for g in gold]))
    result = score(notes, predictions)
    return {
        "notes": len(notes),
        "folds": min(folds, len(notes)),
        "labels": result["labels"],
        "labels_bare_items": {"items": len(gold_bare), **score_bare(gold_bare, bare)},
    }


def bundle_candidate(bundle: dict[str, Any]) -> str:
    """The label candidate the artefact kept (the name of its pipeline)."""
    if "candidate" not in bundle:
        raise ModelUnavailableError(
            "Klassifisereren er trent av en eldre versjon.",
            "Kjør `romnotat train` for å trene den på nytt.",
        )
    return str(bundle["candidate"])
