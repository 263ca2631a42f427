"""A cached, column-wise view of a parsed note's tokens for the personal-data stage.

The recognizers and presidio's context enhancer look at every token's text, lower-case form,
lemma and offset. Reading those through ``Token`` objects creates a Python object per token per
pass (the biggest cost of the stage); this view reads them once per Doc with ``Doc.to_array``
and plain lists, and recognizers make ``Token`` objects only for the few candidate positions.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, LEMMA, LOWER, ORTH
from spacy.tokens import Doc

_VIEW_KEY = "romnotat.token_view"


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
        columns = doc.to_array([ORTH, LOWER, LEMMA, IDX]).tolist() if len(doc) else []
        texts = [strings[row[0]] for row in columns]
        lowers = [strings[row[1]] for row in columns]
        lemmas = [(strings[row[2]] or text).lower() for row, text in zip(columns, texts)]
        view = TokenView(texts, lowers, lemmas, [row[3] for row in columns])
        doc.user_data[_VIEW_KEY] = view
    return view
