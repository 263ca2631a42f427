"""Is the trained classifier current for the data and code in the repo?"""

from __future__ import annotations

import json
from pathlib import Path

import sklearn

from nlp.classify.data import code_hash, data_hash
from nlp.classify.train import CLASSIFIER_VERSION


def is_current(directory: Path) -> bool:
    try:
        card = json.loads((directory / "card.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        (directory / "classifier.joblib").exists()
        and card.get("training_data_sha256") == data_hash()
        and card.get("code_sha256") == code_hash()
        and card.get("version") == CLASSIFIER_VERSION
        and card.get("sklearn_version") == sklearn.__version__
    )
