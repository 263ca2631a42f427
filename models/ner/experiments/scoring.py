"""What the NER experiment scripts in this folder share: the corpus paths they fill in and what
they report (dev and test F of the trained pipeline)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import spacy

from nlp.settings import PipelineSettings
from nlp.spacy_pipeline.build import GAZETTEER_DIR, ner_paths
from nlp.spacy_pipeline.evaluate import evaluate_norne
from nlp.spacy_pipeline.train import TrainResult


def corpus_overrides() -> dict[str, object]:
    """The config paths every experiment fills in: the built corpus and the gazetteers."""
    corpus = ner_paths(PipelineSettings()).corpus
    return {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "paths.gazetteers": str(GAZETTEER_DIR),
    }


def score_and_save(out: Path, result: TrainResult, **extra: Any) -> dict[str, Any]:
    """Score ``out/pipeline`` on NorNE dev and test, print the summary and write result.json."""
    settings = PipelineSettings()
    scores = evaluate_norne(
        spacy.load(out / "pipeline"),
        settings.norne_dir,
        ner_paths(settings).corpus,
        splits=("dev", "test"),
    )
    summary = {
        **extra,
        "train_s": round(result.seconds, 1),
        "steps": result.steps,
        "best_step": result.best_step,
        "best_dev_combined": round(result.best_dev_f, 4),
        "nob_dev": scores["nob"]["dev"]["f"],
        "nob_test": scores["nob"]["test"]["f"],
        "per_test": scores["nob"]["test"]["per_type"]["PER"]["f"],
        "nno_test": scores["nno"]["test"]["f"],
        "nob_test_per_type": {
            label: s["f"] for label, s in scores["nob"]["test"]["per_type"].items()
        },
    }
    print(json.dumps(summary))
    (out / "result.json").write_text(json.dumps(summary, indent=1))
    return summary
