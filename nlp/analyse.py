"""Analyse notes: one spaCy parse per note feeds structure, quotes, labels and personal data.

``NoteAnalyser`` loads every model once; ``analyse_many`` batches the parse with ``nlp.pipe``.
Stages that need a trained artefact are plugged in through small protocols so that the
structure can be used (and tested) on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from nlp.readers import ReadResult, read_text
from nlp.schema import AnalysedNote, Item, Quote
from nlp.structure.parser import QUOTE_MARK, Structure, parse_structure
from nlp.structure.quotes import find_quotes

PIPE_BATCH = 16


class ItemLabeller(Protocol):
    """Fills label, confidence, uncertain, themes and theme scores of items (in place)."""

    version: str

    def label_items(self, items: Sequence[Item], doc: Doc | None = None) -> None: ...

    def tag_quotes(self, quotes: Sequence[Quote]) -> None: ...

    # optional: ``label_notes([(items, quotes), ...])`` labels the items and quotes of several
    # notes at once, each read with its own note (``NoteAnalyser`` uses it when present)


class PiiStage(Protocol):
    """Finds personal data in the parsed note and fills pii + anonymised texts (in place)."""

    version: str

    def apply(self, note: AnalysedNote, doc: Doc) -> None: ...


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """``[(s.start_char, s.end_char) for s in doc.sents]``, read from arrays instead of making
    a ``Span`` per sentence (a sentence starts at token 0 and at every token marked 1)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc.text))]
    if not len(doc):
        return []
    starts, idx, length = doc.to_array([SENT_START, IDX, LENGTH]).T.tolist()
    firsts = [0, *(i for i in range(1, len(starts)) if starts[i] == 1)]
    lasts = [first - 1 for first in firsts[1:]] + [len(starts) - 1]
    return [(idx[a], idx[b] + length[b]) for a, b in zip(firsts, lasts, strict=True)]


def build_note(read: ReadResult, doc: Doc) -> tuple[AnalysedNote, Structure]:
    """Structure, items and quotes of one parsed note (no models beyond the parse)."""
    text = read.text
    structure = parse_structure(text, sentence_spans(doc))
    items = [
        Item(start=i.start, end=i.end, text=text[i.start : i.end], section=i.section)
        for i in structure.items
    ]  # type: ignore[arg-type]
    quote_lines = [
        (i.start, i.end)
        for i in structure.items
        if i.section == "quotes" and (i.bullet or QUOTE_MARK.search(text[i.start : i.end]))
    ]
    # the evening's theme in quote marks is a title, not words someone said
    themes = [
        (f.value_start, f.value_start + len(f.value)) for f in structure.facts if f.field == "theme"
    ]
    quotes = []
    for q in find_quotes(text, quote_lines):
        if any(a <= q.start < b for a, b in themes):
            continue
        section = next((s.id for s in structure.sections if s.start <= q.start < s.end), "unknown")
        quotes.append(
            Quote(
                start=q.start,
                end=q.end,
                text=text[q.start : q.end],
                speaker=q.speaker,
                section=section,
            )
        )  # type: ignore[arg-type]
    note = AnalysedNote(
        source=read.source,
        format=read.format,
        text=text,
        warnings=list(read.warnings),
        header=structure.header,
        sections=structure.sections,
        items=items,
        quotes=quotes,
    )
    return note, structure


class NoteAnalyser:
    """Everything ``romnotat analyse`` does, with models loaded once."""

    def __init__(
        self,
        nlp: Language,
        labeller: ItemLabeller | None = None,
        pii: PiiStage | None = None,
        spacy_id: str = "",
    ) -> None:
        self.nlp = nlp
        self.labeller = labeller
        self.pii = pii
        self.version = "+".join(
            part
            for part in (
                f"romnotat-{_package_version()}",
                spacy_id,
                getattr(labeller, "version", ""),
                getattr(pii, "version", ""),
            )
            if part
        )

    def analyse_many(self, reads: Iterable[ReadResult]) -> Iterator[AnalysedNote]:
        """Notes in order, ``PIPE_BATCH`` at a time: one ``nlp.pipe`` parse for all of them and
        one classifier call per batch (the labeller's cost is mostly per call)."""
        reads = list(reads)
        docs = self.nlp.pipe((r.text for r in reads), batch_size=PIPE_BATCH)
        for first in range(0, len(reads), PIPE_BATCH):
            batch = [(read, next(docs)) for read in reads[first : first + PIPE_BATCH]]
            yield from self._finish_batch(batch)

    def analyse(self, read: ReadResult) -> AnalysedNote:
        return self._finish_batch([(read, self.nlp(read.text))])[0]

    def analyse_text(self, text: str, source: str = "<paste>") -> AnalysedNote:
        return self.analyse(read_text(text, source=source))

    def _finish_batch(self, batch: Sequence[tuple[ReadResult, Doc]]) -> list[AnalysedNote]:
        notes = [build_note(read, doc)[0] for read, doc in batch]
        if self.labeller is not None:
            label_notes = getattr(self.labeller, "label_notes", None)
            if label_notes is not None:
                label_notes([(note.items, note.quotes) for note in notes])
            else:
                for note, (_read, doc) in zip(notes, batch):
                    self.labeller.label_items(note.items, doc)
                    self.labeller.tag_quotes(note.quotes)
        for note, (_read, doc) in zip(notes, batch):
            if self.pii is not None:
                self.pii.apply(note, doc)
            note.pipeline_version = self.version
        return notes


def _package_version() -> str:
    from romnotat import __version__

    return __version__
