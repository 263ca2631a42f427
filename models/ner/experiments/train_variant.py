"""Train the committed NER config with config overrides and score it (one row of
models/ner/EXPERIMENTS.md).

Run after `make setup` (it reads the built corpus under models/ner/corpus):
    PYTHONPATH=. .venv/bin/python models/ner/experiments/train_variant.py OUT_DIR [key=value ...]
for example `components.tok2vec.model.embed.@architectures=romnotat.GazetteerHashEmbed.v2`.
Values are read as JSON when they parse as JSON, else as strings. Not part of the product build.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import architectures  # noqa: F401  (registers the embeddings; the product's too)
from scoring import corpus_overrides, score_and_save
from thinc.api import Config

from nlp.settings import PipelineSettings
from nlp.spacy_pipeline.build import ner_paths
from nlp.spacy_pipeline.train import train_pipeline


def _value(raw: str) -> object:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def main(out: Path, assignments: list[str]) -> None:
    paths = ner_paths(PipelineSettings())
    overrides: dict[str, object] = corpus_overrides()
    for assignment in assignments:
        key, _, raw = assignment.partition("=")
        overrides[key] = _value(raw)
    config = Config().from_str(paths.config.read_text(), overrides=overrides)
    out.mkdir(parents=True, exist_ok=True)
    result = train_pipeline(config, out / "pipeline", time_budget_s=1500, on_eval=print)
    score_and_save(out, result, overrides=assignments)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
