"""Recognizer configuration: nlp/pii/config/recognizers.yaml, validated by pydantic."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

CONFIG_DIR = Path(__file__).resolve().parent / "config"


class RecognizerConfig(BaseModel):
    """Settings for one recognizer: whether it runs, its base score, its context words."""

    enabled: bool = True
    score: float = Field(default=0.6, ge=0.0, le=1.0)
    context: list[str] = Field(default_factory=list)


class PiiConfig(BaseModel):
    language: str = "nb"
    score_threshold: float = Field(default=0.3, ge=0.0, le=1.0)
    context_window: int = Field(default=5, ge=0, le=20)
    recognizers: dict[str, RecognizerConfig] = Field(default_factory=dict)

    def recognizer(self, name: str) -> RecognizerConfig:
        return self.recognizers.get(name, RecognizerConfig())


@lru_cache(maxsize=4)
def load_config(path: Path = CONFIG_DIR / "recognizers.yaml") -> PiiConfig:
    return PiiConfig.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
