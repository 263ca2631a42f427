"""Settings for the note pipeline, read from the environment (prefix-free names as documented)."""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_path(relative: str, repo: Path = REPO_ROOT) -> Path:
    """``../shared/<relative>`` beside the checkout; for a local clone made elsewhere (``git
    clone /work/main /tmp/x``), the same path beside the repository it was cloned from."""
    beside = repo.parent / "shared" / relative
    if beside.exists():
        return beside
    config = configparser.ConfigParser(strict=False)
    try:
        config.read(repo / ".git" / "config", encoding="utf-8")
        origin = Path(config.get('remote "origin"', "url", fallback="").strip())
    except (configparser.Error, OSError, ValueError):
        return beside
    if origin.is_absolute() and (origin.parent / "shared" / relative).exists():
        return origin.parent / "shared" / relative
    return beside


def default_norne_dir(repo: Path = REPO_ROOT) -> Path:
    return shared_path("data/norne", repo)


class PipelineSettings(BaseSettings):
    """Where models and data live. Every field can be set by an environment variable."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore")

    spacy_model: str = Field(
        default="nb_core_news_sm",
        validation_alias="ROMNOTAT_SPACY_MODEL",
        description="An installed spaCy package to use instead of the project's own pipeline.",
    )
    norne_dir: Path = Field(
        default_factory=default_norne_dir,
        validation_alias="NORNE_DIR",
        description="The NorNE corpus the project's own pipeline is built from.",
    )
    models_dir: Path = Field(
        default=REPO_ROOT / "models",
        validation_alias="ROMNOTAT_MODELS_DIR",
        description="Model configs, cards and built artefacts.",
    )
    ner_build_budget_s: float = Field(
        default=17 * 60,
        validation_alias="ROMNOTAT_NER_BUDGET_S",
        description="Wall-clock budget for training the NER model in `model build`.",
    )
    train_jobs: int = Field(
        default=2,
        ge=1,
        validation_alias="ROMNOTAT_TRAIN_JOBS",
        description="Processes `romnotat train` cross-validates in (capped at the CPU count).",
    )


@lru_cache(maxsize=1)
def get_settings() -> PipelineSettings:
    return PipelineSettings()
