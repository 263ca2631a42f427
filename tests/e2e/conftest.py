"""End-to-end tests need the built models (make setup); they skip with a reason otherwise."""

from __future__ import annotations

import pytest

from nlp.settings import get_settings


def models_ready() -> bool:
    models = get_settings().models_dir
    return (models / "ner" / "pipeline" / "meta.json").exists() and (
        models / "classifier" / "classifier.joblib"
    ).exists()


requires_models = pytest.mark.skipif(not models_ready(), reason="run `make setup` first")
