"""Build the project's own Norwegian pipeline from NorNE and record its model card.

The build is skipped when the artefact's card carries the same data, config and gazetteer hashes
and spaCy version: ``make setup`` calls this on every run and only the first one trains.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import spacy
from thinc.api import Config
from tqdm import tqdm

import nlp.spacy_pipeline.features  # noqa: F401  (registers the gazetteer embedding)
from nlp.errors import ModelUnavailableError
from nlp.settings import REPO_ROOT, PipelineSettings
from nlp.spacy_pipeline.corpus import build_corpus
from nlp.spacy_pipeline.evaluate import evaluate_norne
from nlp.spacy_pipeline.features import COMMON_WORDS_FILE, GAZETTEER_FILES
from nlp.spacy_pipeline.norne import hash_files, source_files
from nlp.spacy_pipeline.train import train_pipeline

PIPELINE_NAME = "romnotat_nb_norne"
PIPELINE_VERSION = "1.1.0"
CONFIG_NAME = "nb_norne.cfg"
GAZETTEER_DIR = REPO_ROOT / "data" / "gazetteers"


@dataclass(frozen=True)
class NerPaths:
    root: Path

    @property
    def config(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def pipeline(self) -> Path:
        return self.root / "pipeline"

    @property
    def corpus(self) -> Path:
        return self.root / "corpus"

    @property
    def card(self) -> Path:
        """The committed copy of the card of the last build."""
        return self.root / "card.json"


def ner_paths(settings: PipelineSettings) -> NerPaths:
    return NerPaths(settings.models_dir / "ner")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def input_hashes(settings: PipelineSettings) -> dict[str, str]:
    paths = ner_paths(settings)
    if not settings.norne_dir.is_dir():
        raise ModelUnavailableError(
            f"Fant ikke NorNE-korpuset i {settings.norne_dir}.",
            "Sett NORNE_DIR til mappen med NorNE (se ../shared/data/norne/SOURCE.md), eller "
            "installer en spaCy-pakke for norsk og sett ROMNOTAT_SPACY_MODEL.",
        )
    gazetteers = [GAZETTEER_DIR / name for name in (*GAZETTEER_FILES, COMMON_WORDS_FILE)]
    return {
        "data_sha256": hash_files(source_files(settings.norne_dir)),
        "config_sha256": _sha256(paths.config.read_bytes()),
        "gazetteer_sha256": hash_files(p for p in gazetteers if p.exists()),
        "spacy_version": spacy.__version__,
    }


def read_card(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_current(settings: PipelineSettings) -> bool:
    paths = ner_paths(settings)
    card = read_card(paths.pipeline / "card.json")
    if card is None or not (paths.pipeline / "meta.json").exists():
        return False
    hashes = input_hashes(settings)
    return all(card.get(key) == value for key, value in hashes.items())


def build(settings: PipelineSettings, *, force: bool = False) -> dict[str, Any]:
    """Train, evaluate and write the pipeline plus its card. Returns the card."""
    paths = ner_paths(settings)
    if not force and is_current(settings):
        card = read_card(paths.pipeline / "card.json")
        assert card is not None
        return {**card, "skipped": True}
    hashes = input_hashes(settings)
    started = time.monotonic()
    counts = build_corpus(settings.norne_dir, paths.corpus)
    config = Config().from_disk(
        paths.config,
        overrides={
            "paths.train": str(paths.corpus / "train.spacy"),
            "paths.dev": str(paths.corpus / "dev.spacy"),
            "paths.gazetteers": str(GAZETTEER_DIR),
        },
    )
    budget = settings.ner_build_budget_s
    with tqdm(total=int(budget), unit="s", desc="Trener NER", disable=None) as bar:

        def progress(entry: dict[str, Any]) -> None:
            if bar.disable:  # not a terminal (CI, make in a pipe): one plain line per evaluation
                print(
                    f"NER-trening: steg {entry['step']}, {entry['seconds']:.0f} s, "
                    f"beste dev F {entry['best_dev_f']:.3f}",
                    file=sys.stderr,
                    flush=True,
                )
                return
            bar.n = min(int(entry["seconds"]), int(budget))
            bar.set_postfix(step=entry["step"], dev_f=f"{entry['best_dev_f']:.3f}")
            bar.refresh()

        result = train_pipeline(config, paths.pipeline, time_budget_s=budget, on_eval=progress)
    nlp = spacy.load(paths.pipeline)
    scores = evaluate_norne(nlp, settings.norne_dir, paths.corpus, splits=("dev", "test"))
    card = {
        "name": PIPELINE_NAME,
        "version": PIPELINE_VERSION,
        **hashes,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_seconds": round(time.monotonic() - started, 1),
        "train_seconds": round(result.seconds, 1),
        "train_steps": result.steps,
        "best_step": result.best_step,
        "best_dev_f_combined": round(result.best_dev_f, 4),
        "corpus": counts,
        "scores": scores,
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "pipeline": nlp.pipe_names,
    }
    nlp.meta.update(
        {
            "name": "romnotat_norne",
            "version": PIPELINE_VERSION,
            "description": "romnotat's Norwegian pipeline trained on NorNE",
        }
    )
    nlp.to_disk(paths.pipeline)
    encoded = json.dumps(card, indent=2, ensure_ascii=False) + "\n"
    (paths.pipeline / "card.json").write_text(encoded, encoding="utf-8")
    paths.card.write_text(encoded, encoding="utf-8")
    return card
