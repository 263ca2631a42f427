"""Views of a parsed note computed once per Doc for the personal-data stage: its text, its
lines with their header facts, where allow-listed names occur, and a column-wise view of its
tokens. They live in ``doc.user_data``, so they go when the Doc goes: nothing here keeps a
note's text after its analysis.

The recognizers and presidio's context enhancer look at every token's text, lower-case form,
lemma and offset. Reading those through ``Token`` objects creates a Python object per token per
pass (the biggest cost of the stage); this view reads them once per Doc with ``Doc.to_array``
and plain lists, and recognizers make ``Token`` objects only for the few candidate positions.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, LEMMA, LOWER, ORTH
from spacy.tokens import Doc

from nlp.pii.lexicon import allowlisted_spans
from nlp.structure.header import FactLine, parse_fact_line
from nlp.structure.lines import Line, split_lines

_VIEW_KEY = "romnotat.token_view"
_TEXT_KEY = "romnotat.doc_text"
_LINES_KEY = "romnotat.lines"
_ALLOWED_KEY = "romnotat.allowed_spans"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it from every token on each access,
    which made the recognizers quadratic in the note's length. A Doc's text never changes
    (retokenising keeps it), so the cached string is always equal to ``doc.text``."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def share_doc_text(doc: Doc, text: str) -> None:
    """Let ``doc_text`` answer ``text``, the string ``doc`` was parsed from (spaCy keeps every
    character, so it equals ``doc.text``), instead of joining the tokens again. A ``text``
    whose length or ends do not match the parse is ignored."""
    if _TEXT_KEY in doc.user_data or not len(doc):
        return
    first, last = doc[0], doc[-1]
    if (
        len(text) == last.idx + len(last.text_with_ws)
        and text.startswith(first.text_with_ws)
        and text.endswith(last.text_with_ws)
    ):
        doc.user_data[_TEXT_KEY] = text


@dataclass(frozen=True)
class TokenView:
    texts: list[str]
    lowers: list[str]
    lemmas: list[str]
    starts: list[int]

    def __len__(self) -> int:
        return len(self.texts)


def token_view(doc: Doc) -> TokenView:
    """The view of ``doc``, built on first use and kept in ``doc.user_data``."""
    view = doc.user_data.get(_VIEW_KEY)
    if view is None:
        strings = doc.vocab.strings
        # column by column: ``.T.tolist()`` is ten times faster than a list of rows here
        orths, lowers, lemmas, starts = (
            doc.to_array([ORTH, LOWER, LEMMA, IDX]).T.tolist() if len(doc) else ([], [], [], [])
        )
        texts = [strings[h] for h in orths]
        view = TokenView(
            texts,
            [strings[h] for h in lowers],
            [(strings[h] or text).lower() for h, text in zip(lemmas, texts)],
            starts,
        )
        doc.user_data[_VIEW_KEY] = view
    return view


def line_facts(doc: Doc) -> list[tuple[Line, FactLine | None]]:
    """Every line of the note's text with its header fact (or None), found once per Doc: the
    person recognizer and the stage's header rules both read them."""
    lines = doc.user_data.get(_LINES_KEY)
    if lines is None:
        lines = [(line, parse_fact_line(line)) for line in split_lines(doc_text(doc))]
        doc.user_data[_LINES_KEY] = lines
    return lines


def allowed_spans(doc: Doc) -> tuple[tuple[int, int], ...]:
    """Where allow-listed names occur in the note, found once per Doc: the person, place and
    institution recognizers all ask."""
    spans = doc.user_data.get(_ALLOWED_KEY)
    if spans is None:
        spans = allowlisted_spans(doc_text(doc))
        doc.user_data[_ALLOWED_KEY] = spans
    return spans
