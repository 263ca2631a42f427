"""The one place every stage gets its Norwegian spaCy pipeline from (loaded once per process).

Order: an installed spaCy package named by ROMNOTAT_SPACY_MODEL (e.g. ``nb_core_news_sm``), else
the project's own pipeline built from NorNE under models/ner/pipeline. Nothing is downloaded.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import spacy
from spacy.language import Language

import nlp.spacy_pipeline.features  # noqa: F401  (the own pipeline's registered layers)
from nlp.errors import ModelUnavailableError
from nlp.settings import PipelineSettings, get_settings
from nlp.spacy_pipeline.build import ner_paths, read_card

_lock = threading.Lock()


def _split_markup(nlp: Language) -> Language:
    """Markdown's strike-through marks and underscores for emphasis ("~~Liv Bjørk Nilsen,~~",
    "_Tuppen_") split off a word as the other marks do, so the name inside is a word of its own
    (an underscore inside a word, "liv_i_lia", stays)."""
    tokenizer = nlp.tokenizer
    prefix, suffix = tokenizer.prefix_search, tokenizer.suffix_search
    if prefix is not None:
        tokenizer.prefix_search = re.compile("^~~|^_+(?=\\w)|" + prefix.__self__.pattern).search
    if suffix is not None:
        tokenizer.suffix_search = re.compile("~~$|(?<=\\w)_+$|" + suffix.__self__.pattern).search
    return nlp


def _load(settings: PipelineSettings) -> Language:
    if settings.spacy_model and spacy.util.is_package(settings.spacy_model):
        return _split_markup(spacy.load(settings.spacy_model))
    path = ner_paths(settings).pipeline
    if (path / "meta.json").exists():
        return _split_markup(spacy.load(path))
    raise ModelUnavailableError(
        "Fant ingen norsk språkmodell.",
        "Kjør `make setup` (eller `romnotat model build`) for å bygge den fra NorNE, eller "
        f"installer spaCy-pakken {settings.spacy_model} og sett ROMNOTAT_SPACY_MODEL.",
    )


@lru_cache(maxsize=1)
def _cached() -> Language:
    return _load(get_settings())


def load_pipeline() -> Language:
    """The shared pipeline; thread-safe first load."""
    with _lock:
        return _cached()


def pipeline_id() -> str:
    """Name and version of the active spaCy pipeline, with its card's data hash when built here."""
    nlp = load_pipeline()
    meta = nlp.meta
    ident = f"{meta.get('lang', 'nb')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
    card = read_card(ner_paths(get_settings()).pipeline / "card.json")
    if card and not spacy.util.is_package(get_settings().spacy_model):
        ident += f"+{card['data_sha256'][:8]}"
    return ident
