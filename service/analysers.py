"""What the service needs from an analyser, and how batch jobs pick one."""

from __future__ import annotations

import importlib
import threading
from typing import Protocol, runtime_checkable

from nlp.readers import ReadResult
from nlp.schema import AnalysedNote
from service.errors import ServiceError


@runtime_checkable
class Analyser(Protocol):
    """The part of ``nlp.analyse.NoteAnalyser`` the service uses."""

    version: str

    def analyse(self, read: ReadResult) -> AnalysedNote: ...

    def analyse_text(self, text: str, source: str = "<paste>") -> AnalysedNote: ...


_lock = threading.Lock()


def analyse_read(analyser: Analyser, read: ReadResult) -> AnalysedNote:
    """Analyse one note; the web app's worker threads take turns (spaCy pipelines are not
    documented as thread-safe, and the work is CPU-bound anyway)."""
    with _lock:
        return analyser.analyse(read)


def default_analyser() -> Analyser:
    from nlp.runtime import get_analyser

    return get_analyser()


def load_analyser(spec: str | None) -> Analyser:
    """``None`` → the process-wide analyser; ``"module:callable"`` → ``callable()``.

    The spec form exists for batch jobs and tests (a hidden CLI option); the web app always
    takes its analyser from the ``get_analyser`` dependency.
    """
    if not spec:
        return default_analyser()
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ServiceError("--analyser må ha formen modul:funksjon.")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError):
        raise ServiceError("Fant ikke analysatoren som --analyser peker på.") from None
    analyser = factory()
    if not isinstance(analyser, Analyser):
        raise ServiceError("--analyser må gi et objekt med version, analyse og analyse_text.")
    return analyser
