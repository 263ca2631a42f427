"""A spaCy Doc for the entity recognizers without the trained model: a blank Norwegian pipeline
with a sentencizer, and NER spans set by hand where a test needs them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span


@pytest.fixture(scope="session")
def blank_nb() -> Language:
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def make_doc(blank_nb: Language) -> Callable[..., Doc]:
    def make(text: str, ents: list[tuple[str, str]] | None = None) -> Doc:
        doc = blank_nb(text)
        spans = []
        for surface, label in ents or []:
            start = text.index(surface)
            span = doc.char_span(start, start + len(surface), label=label)
            assert span is not None, surface
            spans.append(span)
        doc.ents = [Span(doc, s.start, s.end, label=s.label_) for s in spans]
        return doc

    return make
