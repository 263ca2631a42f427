"""Train the item label classifier and the theme tagger; cross-validate grouped by source note.

``romnotat train`` calls :func:`train_and_save`. Fixed seeds make the artefacts reproducible.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
import yaml
from joblib import Parallel, delayed
from sklearn.ensemble import VotingClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.model_selection import GroupKFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MultiLabelBinarizer

from nlp.classify.baselines import heading_baseline, keyword_baseline
from nlp.classify.calibration import (
    apply_temperature,
    expected_calibration_error,
    fit_temperature,
)
from nlp.classify.data import (
    NOTE_BATCHES,
    THEMES_FILE,
    TRAINING_NOTE_SPLITS,
    LabelledItem,
    code_hash,
    data_hash,
    load_training_items,
    training_note_fingerprints,
)
from nlp.classify.models import (
    LABEL_CANDIDATES,
    VOTE_MEMBERS,
    share_vectorisers,
    theme_classifier,
    theme_features,
)
from nlp.classify.theme_choice import chosen_themes
from nlp.evaluation.matching import macro_f1, micro_f1_sets
from nlp.schema import LABELS
from nlp.settings import get_settings

CLASSIFIER_VERSION = "1.11.0"
THEMES = "themes"  # the theme tagger's task among the label candidates' (out_of_fold_tasks)
BARE_LABELS = "labels without heading"  # the kept label model's fit on the text alone
CORE = ("challenge", "good_practice", "wish")
FOLDS = 5


def load_theme_keywords(path: Path = THEMES_FILE) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {tid: list(spec.get("keywords") or []) for tid, spec in data["themes"].items()}


Fold = tuple[np.ndarray, np.ndarray]


def _folds(items: Sequence[LabelledItem]) -> list[Fold]:
    groups = [i.note for i in items]
    return list(GroupKFold(n_splits=FOLDS).split(np.zeros(len(items)), groups=groups))


def _jobs() -> int:
    return max(1, min(get_settings().train_jobs, os.cpu_count() or 1))


@dataclass
class OutOfFold:
    """Out-of-fold probabilities, their class order, the seconds the folds took (summed over
    the folds, in the worker processes), the out-of-fold probabilities of each member of a soft
    vote (``members``, by member name) and, when asked for, the probabilities of the same
    held-out rows without their note and a model fitted on all rows."""

    proba: np.ndarray
    classes: np.ndarray
    seconds: float
    proba_bare: np.ndarray | None = None
    model: Any = None
    members: dict[str, np.ndarray] = field(default_factory=dict)


def out_of_fold(
    make: Callable[[], Any],
    x: np.ndarray,
    y: np.ndarray,
    folds: Sequence[Fold],
    bare: bool = False,
    fit_all: bool = False,
) -> OutOfFold:
    """Out-of-fold ``predict_proba`` of a fresh ``make()`` per fold (see
    :func:`out_of_fold_many`)."""
    return out_of_fold_many({"": make}, x, y, folds, bare, fit_all)[""]


def out_of_fold_many(
    makes: Mapping[str, Callable[[], Any]],
    x: np.ndarray,
    y: np.ndarray,
    folds: Sequence[Fold],
    bare: bool = False,
    fit_all: bool = False,
) -> dict[str, OutOfFold]:
    """Out-of-fold ``predict_proba`` of a fresh ``make()`` per fold for each named ``make``, on
    the same rows (see :func:`out_of_fold_tasks`)."""
    return out_of_fold_tasks({n: CvTask(m, x, y, folds, bare, fit_all) for n, m in makes.items()})


@dataclass(frozen=True)
class CvTask:
    """One model to cross-validate: ``make()`` fitted per fold on ``x``/``y``. With ``bare``,
    also the held-out rows' probabilities without their note (as ``romnotat classify`` sees bare
    items); with ``fit_all``, also ``make()`` fitted on every row (with no ``folds``, only
    that)."""

    make: Callable[[], Any]
    x: np.ndarray
    y: np.ndarray
    folds: Sequence[Fold]
    bare: bool = False
    fit_all: bool = False


def out_of_fold_tasks(tasks: Mapping[str, CvTask]) -> dict[str, OutOfFold]:
    """Every fold of every task in one process pool: five folds of one model on two processes
    would leave a slot idle, and the tasks need not wait for each other. The fits on all rows
    go first, then the folds in the order of ``tasks`` (put the heaviest first, so that short
    jobs fill the pool's tail). Fixed seeds: the result does not depend on the number of
    processes, to rounding."""
    jobs = [
        delayed(_fit_all)(name, task.make, task.x, task.y)
        for name, task in tasks.items()
        if task.fit_all
    ]
    jobs.extend(
        delayed(_fit_fold)(name, task.make, task.x, task.y, train, test, task.bare)
        for name, task in tasks.items()
        for train, test in task.folds
    )
    done = Parallel(n_jobs=_jobs())(jobs)
    return {
        name: _gather([d for d in done if d.name == name], len(task.x))
        for name, task in tasks.items()
    }


@dataclass
class _Fold:
    """What one fold's job sends back from its worker."""

    name: str
    test_idx: np.ndarray
    proba: np.ndarray
    classes: np.ndarray
    proba_bare: np.ndarray | None
    members: dict[str, np.ndarray]
    seconds: float


@dataclass
class _Fitted:
    """A model fitted on every row, sent back from its worker."""

    name: str
    model: Any


def _gather(done: Sequence[_Fold | _Fitted], rows: int) -> OutOfFold:
    folds = [d for d in done if isinstance(d, _Fold)]
    model = next((d.model for d in done if isinstance(d, _Fitted)), None)
    if not folds:  # a task that only fits on all rows (``CvTask.folds`` empty)
        return OutOfFold(np.zeros((rows, 0)), np.array([]), 0.0, model=model)
    classes = folds[0].classes
    if any(not np.array_equal(f.classes, classes) for f in folds):
        raise ValueError("a cross-validation fold lacks a class; every fold needs every label")
    proba = np.zeros((rows, len(classes)))
    proba_bare = np.zeros_like(proba) if folds[0].proba_bare is not None else None
    members = {name: np.zeros_like(proba) for name in folds[0].members}
    for fold in folds:
        proba[fold.test_idx] = fold.proba
        if proba_bare is not None:
            proba_bare[fold.test_idx] = fold.proba_bare
        for name, member_proba in fold.members.items():
            members[name][fold.test_idx] = member_proba
    seconds = round(sum(f.seconds for f in folds), 1)
    return OutOfFold(proba, classes, seconds, proba_bare, model, members)


def _fit_all(name: str, make: Callable[[], Any], x: np.ndarray, y: np.ndarray) -> _Fitted:
    return _Fitted(name, make().fit(x, y))


def _fit_fold(
    name: str,
    make: Callable[[], Any],
    x: np.ndarray,
    y: np.ndarray,
    train_idx: np.ndarray,
    test_idx: np.ndarray,
    bare: bool,
) -> _Fold:
    started = time.monotonic()
    model = make().fit(x[train_idx], y[train_idx])
    proba = model.predict_proba(x[test_idx])
    proba_bare = model.predict_proba(without_notes(x[test_idx])) if bare else None
    members = vote_members_proba(model, x[test_idx])
    seconds = time.monotonic() - started
    return _Fold(name, test_idx, proba, model.classes_, proba_bare, members, seconds)


def vote_members_proba(model: Any, x: np.ndarray) -> dict[str, np.ndarray]:
    """Each member's own probabilities when ``model`` is a pipeline ending in a soft vote (in
    the vote's class order), else nothing: a candidate that is a member of another candidate's
    vote is scored from it rather than fitted again (``VOTE_MEMBERS``)."""
    vote = model.steps[-1][1] if isinstance(model, Pipeline) else None
    if not isinstance(vote, VotingClassifier) or vote.voting != "soft":
        return {}
    features = model[:-1].transform(x)
    return {name: est.predict_proba(features) for name, est in vote.named_estimators_.items()}


def without_notes(rows: Sequence[dict[str, Any]]) -> np.ndarray:
    return np.array([{**r, "note": None} for r in rows], dtype=object)


def rows_of(items: Sequence[LabelledItem], with_section: bool) -> np.ndarray:
    """Model rows: the text, the heading (or none) and the note each item comes from (the
    theme tagger reads the note's other items; grouped CV keeps a note in one fold)."""
    return np.array(
        [
            {"text": i.text, "section": i.section if with_section else None, "note": i.note}
            for i in items
        ],
        dtype=object,
    )


def cross_validate_labels(
    items: Sequence[LabelledItem],
    with_section: bool = False,
    only: Sequence[str] | None = None,
    fit_all: bool = False,
) -> dict[str, Any]:
    """Grouped CV of the candidates; returns scores and the out-of-fold probabilities (with
    ``fit_all``, also each candidate fitted on all items, as ``_model``).

    ``with_section=False`` scores items without their heading (the section is blanked).
    """
    tasks, read_off = label_tasks(items, with_section, only, fit_all)
    return score_labels(items, out_of_fold_tasks(tasks), read_off)


def label_tasks(
    items: Sequence[LabelledItem],
    with_section: bool = False,
    only: Sequence[str] | None = None,
    fit_all: bool = False,
) -> tuple[dict[str, CvTask], dict[str, tuple[str, str]]]:
    """The label candidates to cross-validate, and the ones read off another candidate's vote
    (candidate -> (vote, member))."""
    texts = rows_of(items, with_section)
    labels = np.array([i.label for i in items])
    wanted = [n for n in LABEL_CANDIDATES if only is None or n in only]
    # a member of a wanted candidate's vote is read off that vote (unless its own model is kept)
    read_off = {
        n: VOTE_MEMBERS[n]
        for n in wanted
        if n in VOTE_MEMBERS and VOTE_MEMBERS[n][0] in wanted and not fit_all
    }
    folds = _folds(items)
    tasks = {
        n: CvTask(LABEL_CANDIDATES[n], texts, labels, folds, fit_all=fit_all)
        for n in wanted
        if n not in read_off
    }
    return tasks, read_off


def score_labels(
    items: Sequence[LabelledItem],
    oofs: Mapping[str, OutOfFold],
    read_off: Mapping[str, tuple[str, str]],
) -> dict[str, Any]:
    """Scores of the candidates in ``oofs`` and of those ``read_off`` their votes, in the order
    of ``LABEL_CANDIDATES``."""
    labels = np.array([i.label for i in items])
    oofs = dict(oofs)
    for name, (vote, member) in read_off.items():
        oofs[name] = OutOfFold(oofs[vote].members[member], oofs[vote].classes, 0.0)
    results: dict[str, Any] = {}
    for name in [n for n in LABEL_CANDIDATES if n in oofs]:
        oof = oofs[name]
        proba, classes = oof.proba, oof.classes
        predicted = np.asarray(classes, dtype=object)[proba.argmax(axis=1)]
        confidence = proba.max(axis=1)
        results[name] = {
            "macro_f1_core": macro_f1(labels, predicted, CORE),
            "macro_f1_all": macro_f1(labels, predicted, LABELS),
            "accuracy": round(float(np.mean(predicted == labels)), 4),
            "seconds": oof.seconds,
            "_predicted": predicted,
            "_confidence": confidence,
            "_proba": proba,
            "_classes": np.asarray(classes),
            "_model": oof.model,
        }
    return results


def calibrate(scored: Mapping[str, Any], labels: np.ndarray) -> dict[str, float]:
    """Temperature and ``uncertain`` threshold from one candidate's out-of-fold scores (as
    :func:`score_labels` returns them), with the calibration error before and after."""
    correct = scored["_predicted"] == labels
    truth = np.searchsorted(scored["_classes"], labels)
    temperature = fit_temperature(scored["_proba"], truth)
    confidence = apply_temperature(scored["_proba"], temperature).max(axis=1)
    threshold = choose_threshold(correct, confidence)
    return {
        "temperature": temperature,
        "ece_before": expected_calibration_error(scored["_confidence"], correct),
        "ece_after": expected_calibration_error(confidence, correct),
        "uncertain_below": threshold,
        "uncertain_share_cv": round(float((confidence < threshold).mean()), 3),
    }


def choose_threshold(correct: np.ndarray, confidence: np.ndarray, target: float = 0.6) -> float:
    """The confidence below which out-of-fold predictions are right less than ``target`` of the
    time. Accuracy is smoothed by isotonic regression on the confidence (more confident, not less
    often right), so one small lucky bin cannot hide the uncertain band below it. Items under the
    threshold are marked ``uncertain`` for the referent to check."""
    if len(confidence) == 0:
        return 0.0
    smooth = IsotonicRegression(increasing=True, out_of_bounds="clip")
    fitted = smooth.fit_transform(confidence, correct.astype(float))
    below = confidence[fitted < target]
    if len(below) == 0:
        return 0.0
    return round(float(np.ceil(below.max() * 40) / 40), 3)  # up to the next 0.025


def cross_validate_themes(
    items: Sequence[LabelledItem], keywords: dict[str, list[str]]
) -> dict[str, Any]:
    """Grouped CV of the theme tagger, each item read in its note (as ``analyse`` reads it) and
    bare (as ``romnotat classify`` reads it); a threshold per theme for each, chosen on the
    out-of-fold scores."""
    oof = out_of_fold_tasks({THEMES: theme_task(items, keywords)})[THEMES]
    return score_themes(items, keywords, oof)


def theme_targets(items: Sequence[LabelledItem], themes: Sequence[str]) -> np.ndarray:
    """The items' themes as a 0/1 matrix, one column per theme in ``themes`` order."""
    return MultiLabelBinarizer(classes=list(themes)).fit_transform([set(i.themes) for i in items])


def theme_task(items: Sequence[LabelledItem], keywords: dict[str, list[str]]) -> CvTask:
    """The theme tagger's cross-validation, read in the note and bare, and its fit on all items."""
    y = theme_targets(items, sorted(keywords))
    texts = rows_of(items, with_section=True)
    make = partial(_theme_model, keywords)
    return CvTask(make, texts, y, _folds(items), bare=True, fit_all=True)


def score_themes(
    items: Sequence[LabelledItem], keywords: dict[str, list[str]], oof: OutOfFold
) -> dict[str, Any]:
    """Thresholds per theme and the micro-F1 they give, in the note and bare."""
    themes = sorted(keywords)
    y = theme_targets(items, themes)
    scores, scores_bare = oof.proba, oof.proba_bare
    assert scores_bare is not None
    gold = [set(i.themes) for i in items]
    thresholds = best_thresholds(scores, y, themes)
    thresholds_bare = best_thresholds(scores_bare, y, themes)
    predicted = apply_thresholds(scores, themes, thresholds)
    return {
        "micro": micro_f1_sets(gold, predicted),
        "micro_bare_items": micro_f1_sets(
            gold, apply_thresholds(scores_bare, themes, thresholds_bare)
        ),
        "thresholds": thresholds,
        "thresholds_bare_items": thresholds_bare,
        "note": "thresholds chosen on the same out-of-fold scores they are reported on",
        "_predicted": predicted,
        "_model": oof.model,
    }


def best_thresholds(scores: np.ndarray, y: np.ndarray, themes: Sequence[str]) -> dict[str, float]:
    """Per theme, the score cut (0.2 to 0.8 in steps of 0.025) with the best F1."""
    thresholds = {}
    for j, theme in enumerate(themes):
        best_t, best_f = 0.5, -1.0
        for t in np.linspace(0.2, 0.8, 25):
            tp = float(((scores[:, j] >= t) & (y[:, j] == 1)).sum())
            fp = float(((scores[:, j] >= t) & (y[:, j] == 0)).sum())
            fn = float(((scores[:, j] < t) & (y[:, j] == 1)).sum())
            f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f > best_f:
                best_t, best_f = float(t), f
        thresholds[theme] = round(best_t, 3)
    return thresholds


def apply_thresholds(
    scores: np.ndarray, themes: Sequence[str], thresholds: dict[str, float]
) -> list[set[str]]:
    """The themes each row of ``scores`` gets, as the labeller chooses them."""
    cuts = [thresholds[t] for t in themes]
    return [set(chosen_themes(row, themes, cuts)) for row in scores.tolist()]


def figures_by_batch(
    items: Sequence[LabelledItem], labels: np.ndarray, themes: Sequence[set[str]]
) -> dict[str, dict[str, Any]]:
    """The out-of-fold label macro-F1 (no heading) and theme micro-F1 of each writing batch."""
    out: dict[str, dict[str, Any]] = {}
    for batch in sorted({i.batch for i in items}):
        idx = [k for k, i in enumerate(items) if i.batch == batch]
        gold = [items[k].label for k in idx]
        out[batch] = {
            "items": len(idx),
            "label_macro_f1_core": macro_f1(gold, [labels[k] for k in idx], CORE),
            "theme_micro_f1": micro_f1_sets(
                [set(items[k].themes) for k in idx], [themes[k] for k in idx]
            )["f"],
        }
    return out


def _theme_model(keywords: dict[str, list[str]]) -> Pipeline:
    return Pipeline(
        [
            ("features", theme_features(keywords)),
            ("clf", OneVsRestClassifier(theme_classifier(), n_jobs=1)),
        ]
    )


def fit_item_models(
    items: Sequence[LabelledItem], keywords: dict[str, list[str]], candidate: str
) -> dict[str, Any]:
    """The three models of a bundle fitted on ``items`` without cross-validation (for
    :mod:`nlp.evaluation.notes_cv`): the label ``candidate`` with headings and without, and
    the theme tagger."""
    labels = np.array([i.label for i in items])
    make = LABEL_CANDIDATES[candidate]
    done = out_of_fold_tasks(
        {
            THEMES: CvTask(
                partial(_theme_model, keywords),
                rows_of(items, True),
                theme_targets(items, sorted(keywords)),
                [],
                fit_all=True,
            ),
            candidate: CvTask(make, rows_of(items, True), labels, [], fit_all=True),
            BARE_LABELS: CvTask(make, rows_of(items, False), labels, [], fit_all=True),
        }
    )
    models = {
        "label_model": done[candidate].model,
        "label_model_bare": done[BARE_LABELS].model,
        "theme_model": done[THEMES].model,
    }
    share_vectorisers(*models.values())
    return models


def train_and_save(out_dir: Path) -> dict[str, Any]:
    started = time.monotonic()
    items = load_training_items()
    if len(items) < 50:
        raise ValueError("too few labelled items in data/items/")
    from_notes = [i for i in items if i.batch in NOTE_BATCHES.values()]
    keywords = load_theme_keywords()
    # the theme tagger (the longest jobs) and the candidates without headings, in one pool
    tasks, read_off = label_tasks(items, with_section=False)
    oofs = out_of_fold_tasks({THEMES: theme_task(items, keywords), **tasks})
    themes_cv = score_themes(items, keywords, oofs.pop(THEMES))
    cv = score_labels(items, oofs, read_off)
    best = max(cv, key=lambda n: (cv[n]["macro_f1_core"], cv[n]["macro_f1_all"]))
    # the models kept are fitted on all items in the same process pool as the last CV runs: the
    # best candidate with headings, and without them for items whose heading is not known
    labels = np.array([i.label for i in items])
    heading_tasks, _ = label_tasks(items, with_section=True, only=[best], fit_all=True)
    bare_task = CvTask(LABEL_CANDIDATES[best], rows_of(items, False), labels, [], fit_all=True)
    oofs_heading = out_of_fold_tasks({**heading_tasks, BARE_LABELS: bare_task})
    label_model_bare = oofs_heading.pop(BARE_LABELS).model
    cv_heading = score_labels(items, oofs_heading, {})[best]
    calibration = calibrate(cv_heading, labels)
    calibration_bare = calibrate(cv[best], labels)
    label_model = cv_heading["_model"]
    theme_model = themes_cv["_model"]
    # one word transform per batch, not three
    share_vectorisers(label_model, label_model_bare, theme_model)
    card = {
        "name": "romnotat_item_classifier",
        "version": CLASSIFIER_VERSION,
        "training_data_sha256": data_hash(),
        "code_sha256": code_hash(),
        "items": len(items),
        "notes": len({i.note for i in items}),
        "annotated_note_items": {
            "splits": list(TRAINING_NOTE_SPLITS),
            "notes": len({i.note for i in from_notes}),
            "items": len(from_notes),
            "by_split": {
                split: {
                    "notes": len({i.note for i in from_notes if i.batch == batch}),
                    "items": sum(i.batch == batch for i in from_notes),
                }
                for split, batch in NOTE_BATCHES.items()
            },
            "why": (
                "the gold items of the annotated dev notes and of the notes written for training "
                "(split train) in data/notes/ are trained on beside data/items/: whole notes, "
                "written and tagged as the notes are; the test notes never are. by_batch.dev_notes "
                "and by_batch.train_notes are their grouped out-of-fold figures"
            ),
        },
        "label_counts": {lbl: int((labels == lbl).sum()) for lbl in LABELS},
        "nynorsk_share": round(sum(i.lang == "nn" for i in items) / len(items), 3),
        "sklearn_version": sklearn.__version__,
        "python": platform.python_version(),
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cv": {
            "folds": FOLDS,
            "grouped_by": "source note",
            "candidates_input": "item text only (section blanked)",
            "selected_with_heading_input": "item text + section it was written under",
            "seconds": (
                "fitting and predicting, summed over the folds (0: read off the vote the "
                "candidate is a member of, see VOTE_MEMBERS)"
            ),
        },
        "candidates": {
            n: {k: v for k, v in r.items() if not k.startswith("_")} for n, r in cv.items()
        },
        "selected": best,
        "selected_with_heading": {k: v for k, v in cv_heading.items() if not k.startswith("_")},
        "label_models": (
            "the selected candidate fitted twice on all items: with the headings, for items "
            "read under a known heading, and on the text alone (the candidates' input), for "
            "items whose heading is not known (romnotat classify, notes without headings)"
        ),
        "calibration": {
            "method": "temperature scaling on the out-of-fold probabilities",
            "with_heading": calibration,
            "without_heading": calibration_bare,
        },
        "uncertain_below": calibration["uncertain_below"],
        "uncertain_share_cv": calibration["uncertain_share_cv"],
        "themes": {k: v for k, v in themes_cv.items() if not k.startswith("_")},
        "by_batch": figures_by_batch(items, cv[best]["_predicted"], themes_cv["_predicted"]),
        "baselines": {
            "heading_only": heading_baseline(items),
            "keyword_rule": keyword_baseline(items),
        },
        "train_seconds": round(time.monotonic() - started, 1),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    bundle = {
        "label_model": label_model,
        "label_model_bare": label_model_bare,
        "theme_model": theme_model,
        "themes": sorted(keywords),  # the tagger's columns (MultiLabelBinarizer order)
        "theme_thresholds": themes_cv["thresholds"],
        "theme_thresholds_bare": themes_cv["thresholds_bare_items"],
        "uncertain_below": calibration["uncertain_below"],
        "label_temperature": calibration["temperature"],
        "uncertain_below_bare": calibration_bare["uncertain_below"],
        "label_temperature_bare": calibration_bare["temperature"],
        "version": CLASSIFIER_VERSION,
        "candidate": best,
        "trained_on_notes": training_note_fingerprints(),
        "training_data_sha256": card["training_data_sha256"],
        "code_sha256": card["code_sha256"],
    }
    tmp = out_dir / "classifier.joblib.partial"
    joblib.dump(bundle, tmp)  # uncompressed: 1.6 times the size, loads in 0.4 of the time
    tmp.replace(out_dir / "classifier.joblib")
    (out_dir / "card.json").write_text(
        json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return card
