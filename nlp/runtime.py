"""The process-wide analyser: every model loaded once, shared by the CLI, the service and batch."""

from __future__ import annotations

import threading
from functools import lru_cache

from nlp.analyse import ItemLabeller, NoteAnalyser, PiiStage
from nlp.spacy_pipeline.loader import load_pipeline, pipeline_id

_lock = threading.Lock()


def _labeller() -> ItemLabeller | None:
    try:
        from nlp.classify.labeller import load_labeller
    except ImportError:
        return None
    return load_labeller()


def _pii() -> PiiStage | None:
    try:
        from nlp.pii.stage import load_pii_stage
    except ImportError:
        return None
    return load_pii_stage(load_pipeline())


@lru_cache(maxsize=1)
def _analyser() -> NoteAnalyser:
    nlp = load_pipeline()
    return NoteAnalyser(nlp, labeller=_labeller(), pii=_pii(), spacy_id=pipeline_id())


def get_analyser() -> NoteAnalyser:
    with _lock:
        return _analyser()
