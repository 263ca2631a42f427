"""Time-bounded training on spaCy's own training API.

``spacy.training.loop.train`` stops on patience or a step count only; the build has a wall-clock
budget, so this drives the same generator (``train_while_improving``) and stops when the budget
is spent, keeping the best checkpoint (with averaged weights) by dev score.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.schemas import ConfigSchemaTraining
from spacy.training.initialize import init_nlp
from spacy.training.loop import (
    create_evaluation_callback,
    create_train_batches,
    train_while_improving,
)
from spacy.util import registry, resolve_dot_names
from thinc.api import Config, fix_random_seed


@dataclass
class TrainResult:
    best_dev_f: float = 0.0
    best_step: int = 0
    steps: int = 0
    seconds: float = 0.0
    history: list[dict[str, Any]] = field(default_factory=list)


ProgressFn = Callable[[dict[str, Any]], None]


def train_pipeline(
    config: Config,
    output_dir: Path,
    *,
    time_budget_s: float,
    on_eval: ProgressFn | None = None,
) -> TrainResult:
    """Initialise and train ``config``; the best checkpoint ends up in ``output_dir``."""
    started = time.monotonic()
    nlp = init_nlp(config)
    interpolated = nlp.config.interpolate()
    seed = interpolated["training"]["seed"]
    if seed is not None:
        fix_random_seed(seed)
    T = registry.resolve(interpolated["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(interpolated, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    steps = train_while_improving(
        nlp,
        optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"],
        accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"],
        max_steps=T["max_steps"],
        eval_frequency=T["eval_frequency"],
        exclude=T["frozen_components"],
        annotating_components=T["annotating_components"],
        before_update=T["before_update"],
    )
    result = TrainResult()
    tmp_dir = output_dir.with_name(output_dir.name + ".partial")
    if tmp_dir.exists():
        shutil.rmtree(tmp_dir)
    for _batch, info, is_best in steps:
        result.steps = info["step"]
        if is_best is None:
            if time.monotonic() - started > time_budget_s:
                break
            continue
        entry = {
            "step": info["step"],
            "epoch": info["epoch"],
            "dev_f": float(info["score"]),
            "seconds": round(time.monotonic() - started, 1),
        }
        result.history.append(entry)
        if is_best:
            result.best_dev_f, result.best_step = entry["dev_f"], entry["step"]
            _save(nlp, optimizer, tmp_dir)
        if on_eval:
            on_eval({**entry, "best_dev_f": result.best_dev_f})
        if time.monotonic() - started > time_budget_s:
            break
    if not tmp_dir.exists():  # no evaluation happened: keep what we have
        _save(nlp, optimizer, tmp_dir)
    if output_dir.exists():
        shutil.rmtree(output_dir)
    tmp_dir.rename(output_dir)
    result.seconds = time.monotonic() - started
    return result


def _save(nlp: Language, optimizer: Any, path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    with nlp.use_params(optimizer.averages):
        nlp.to_disk(path)
