"""The referent's decisions on flagged personal data, and how they change a note.

A decision accepts or rejects one mention or a whole entity, or adds a span the pipeline missed
(every other occurrence of the same text is flagged too). Applying decisions never changes the
note's text; it changes the flags and re-renders the anonymised texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from nlp.pii.anonymise import anonymise_note
from nlp.schema import AnalysedNote, PiiSpan, PiiType


class Decision(BaseModel):
    """One decision. ``accept``/``reject`` name a mention (start, end) or an entity ("NAVN 1")."""

    action: Literal["accept", "reject", "add"]
    scope: Literal["mention", "entity"] = "mention"
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    entity: str | None = Field(default=None, max_length=40)
    type: PiiType | None = None

    @model_validator(mode="after")
    def _complete(self) -> Decision:
        if self.action == "add" and (self.start is None or self.end is None or self.type is None):
            raise ValueError("add needs start, end and type")
        if self.action != "add" and self.scope == "entity" and not self.entity:
            raise ValueError("an entity decision needs entity")
        if (
            self.action != "add"
            and self.scope == "mention"
            and (self.start is None or self.end is None)
        ):
            raise ValueError("a mention decision needs start and end")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("end must be after start")
        return self


class DecisionError(ValueError):
    """A decision that does not fit the note (unknown flag or entity, span outside the text)."""


def _occurrences(text: str, needle: str) -> list[int]:
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, text)]


def apply_decisions(note: AnalysedNote, decisions: Iterable[Decision]) -> AnalysedNote:
    """A copy of ``note`` with the decisions applied, in order, and anonymised texts redone."""
    note = note.model_copy(deep=True)
    for decision in decisions:
        _apply(note, decision)
    note.pii.sort(key=lambda s: (s.start, s.end))
    return anonymise_note(note)


def _apply(note: AnalysedNote, decision: Decision) -> None:
    text = note.text
    if decision.action == "add":
        assert decision.start is not None and decision.end is not None and decision.type
        if decision.end > len(text) or not text[decision.start : decision.end].strip():
            raise DecisionError("span outside the text or empty")
        needle = text[decision.start : decision.end]
        starts = set(_occurrences(text, needle)) | {decision.start}
        # a span that extends a flag ("Kari" -> "Kari Hansen") keeps that flag's placeholder
        entity = next(
            (
                s.entity
                for s in note.pii
                if s.type == decision.type
                and s.entity
                and s.start < decision.end
                and decision.start < s.end
            ),
            None,
        )
        for start in sorted(starts):
            end = start + len(needle)
            overlapping = [s for s in note.pii if s.start < end and start < s.end]
            for span in overlapping:
                note.pii.remove(span)
            note.pii.append(
                PiiSpan(
                    start=start,
                    end=end,
                    text=needle,
                    type=decision.type,
                    score=1.0,
                    status="accepted",
                    origin="referent",
                    recognizer="referent",
                    entity=entity,
                )
            )
        return
    status = "accepted" if decision.action == "accept" else "rejected"
    if decision.scope == "entity":
        targets = [s for s in note.pii if s.entity == decision.entity]
        if not targets:
            raise DecisionError("unknown entity")
    else:
        targets = [s for s in note.pii if s.start == decision.start and s.end == decision.end]
        if not targets:
            raise DecisionError("no flag at that span")
    for span in targets:
        span.status = status


def pending_count(note: AnalysedNote) -> int:
    return sum(1 for s in note.pii if s.status == "pending")
