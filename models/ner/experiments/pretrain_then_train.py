"""Experiment P (models/ner/EXPERIMENTS.md): pretrain the tok2vec on the NorNE train text with
spaCy's characters objective, then train the committed config from those weights and score it.

Run after `make setup` (it reads the built corpus under models/ner/corpus):
    PYTHONPATH=. .venv/bin/python models/ner/experiments/pretrain_then_train.py EPOCHS OUT_DIR
Not part of the product build.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import architectures  # noqa: F401  (registers the embeddings; the product's too)
from scoring import corpus_overrides, score_and_save
from spacy.training.pretrain import pretrain
from spacy.util import load_model_from_config
from thinc.api import Config

from nlp.settings import PipelineSettings
from nlp.spacy_pipeline.build import ner_paths
from nlp.spacy_pipeline.train import train_pipeline

PRETRAINING = """
[corpora.pretrain]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[pretraining]
max_epochs = %d
dropout = 0.2
n_save_every = null
n_save_epoch = null
component = "tok2vec"
layer = ""
corpus = "corpora.pretrain"

[pretraining.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 3000
discard_oversize = false
tolerance = 0.2
get_length = null

[pretraining.objective]
@architectures = "spacy.PretrainCharacters.v1"
maxout_pieces = 3
hidden_size = 300
n_characters = 4

[pretraining.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 1e-8
learn_rate = 0.001
"""


def main(epochs: int, out: Path) -> None:
    settings = PipelineSettings()
    paths = ner_paths(settings)
    text = paths.config.read_text().replace("[pretraining]\n", "") + PRETRAINING % epochs
    overrides: dict[str, object] = corpus_overrides()
    config = Config().from_str(text, overrides=overrides)
    config = load_model_from_config(config, auto_fill=True, validate=False).config
    (out / "pre").mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    pretrain(config, out / "pre", silent=False)
    pretrain_s = time.monotonic() - started
    weights = out / "pre" / f"model{epochs - 1}.bin"
    config = Config().from_str(text, overrides={**overrides, "paths.init_tok2vec": str(weights)})
    result = train_pipeline(config, out / "pipeline", time_budget_s=1000, on_eval=print)
    score_and_save(out, result, pretrain_s=round(pretrain_s, 1))


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
