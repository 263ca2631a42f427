"""The typed result of analysing one note. Every offset indexes ``AnalysedNote.text``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SectionId = Literal[
    "header",
    "intro_participant",
    "intro_professional",
    "challenges",
    "good_practice",
    "want_more",
    "needs_from_services",
    "tips",
    "quotes",
    "takeaways",
    "sharing",
    "commitments",
    "system_level",
    "unknown",
]
Label = Literal["challenge", "good_practice", "wish", "other"]
Speaker = Literal["deltaker", "fagperson", "pårørende", "ungdom", "forelder", "ukjent"]
PiiType = Literal[
    "PERSON",
    "LOCATION",
    "ADDRESS",
    "ORGANIZATION",
    "FNR",
    "PHONE",
    "EMAIL",
    "HANDLE",
    "DATE",
    "AGE",
]
# the types that name a person outright; the others identify only together (quasi-identifiers)
DIRECT_PII_TYPES = frozenset({"PERSON", "FNR", "PHONE", "EMAIL", "HANDLE", "ADDRESS"})
SECTION_IDS: tuple[str, ...] = SectionId.__args__  # type: ignore[attr-defined]
LABELS: tuple[str, ...] = Label.__args__  # type: ignore[attr-defined]


class TextSpan(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class HeaderFacts(BaseModel):
    """Meeting facts from the note's header; None where the note does not say."""

    theme: str | None = None
    date: str | None = None
    place: str | None = None
    total: int | None = None
    professionals: int | None = None
    participants: int | None = None
    services: list[str] = Field(default_factory=list)
    rom_leader: str | None = None
    co_leader: str | None = None
    referent: str | None = None


class Section(BaseModel):
    id: SectionId
    heading: str | None = None
    heading_start: int | None = None
    start: int
    end: int


class Item(TextSpan):
    section: SectionId = "unknown"
    label: Label | None = None
    confidence: float | None = None
    uncertain: bool = False
    themes: list[str] = Field(default_factory=list)
    theme_scores: dict[str, float] = Field(default_factory=dict)
    anonymised: str | None = None


class Quote(TextSpan):
    speaker: Speaker = "ukjent"
    section: SectionId = "unknown"
    themes: list[str] = Field(default_factory=list)
    anonymised: str | None = None


FlagStatus = Literal["pending", "accepted", "rejected"]


class PiiSpan(TextSpan):
    """One flagged mention. ``entity`` groups every mention of one person, place, number...

    ``entity`` is the placeholder the mention becomes, e.g. "NAVN 1"; ``status`` is the referent's
    decision; ``origin`` is "model" for found spans and "referent" for spans the referent added.
    """

    type: PiiType
    score: float
    entity: str | None = None
    recognizer: str | None = None
    status: FlagStatus = "pending"
    origin: Literal["model", "referent"] = "model"


class AnalysedNote(BaseModel):
    source: str
    format: str = "text"
    text: str
    warnings: list[str] = Field(default_factory=list)
    header: HeaderFacts = Field(default_factory=HeaderFacts)
    sections: list[Section] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    pii: list[PiiSpan] = Field(default_factory=list)
    anonymised_text: str | None = None
    pipeline_version: str = ""
