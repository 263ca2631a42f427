"""The referent's review flow: save a draft, decide on flags, approve, purge.

A draft's raw text and its analysis (which quotes the raw text) are stored Fernet-encrypted in
``draft_contents`` and deleted on approval; the ``notes`` row of a draft holds no text. On
approval only anonymised text, items and quotes are stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import delete
from sqlalchemy.orm import Session

from nlp.pii.anonymise import anonymise_note, anonymise_text, placeholder
from nlp.pii.decisions import Decision, DecisionError, apply_decisions, pending_count
from nlp.schema import AnalysedNote, Label, Speaker
from service import audit
from service.core.config import Settings
from service.core.security import DraftCipher
from service.db.models import (
    DraftContent,
    ItemTheme,
    Note,
    NoteItem,
    NoteQuote,
    QuoteTheme,
    Site,
    User,
    utcnow,
)

ThemeId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]


class ReviewError(ValueError):
    """A review request that does not fit the draft; ``field`` names where."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class PendingFlagsError(Exception):
    def __init__(self, pending: int) -> None:
        super().__init__(pending)
        self.pending = pending


class RevisionConflict(Exception):
    def __init__(self, current: int) -> None:
        super().__init__(current)
        self.current = current


class ItemEdit(BaseModel):
    """Relabel an item (and optionally replace its themes); ``item`` is its index."""

    model_config = ConfigDict(extra="forbid")
    item: int = Field(ge=0)
    label: Label | None = None
    themes: list[ThemeId] | None = Field(default=None, max_length=20)


class QuoteEdit(BaseModel):
    """Fix a quote's speaker; ``quote`` is its index."""

    model_config = ConfigDict(extra="forbid")
    quote: int = Field(ge=0)
    speaker: Speaker


class ReviewRequest(BaseModel):
    """Decisions on flagged personal data, item relabels and quote speaker fixes, in that order.

    ``revision`` (optional) is the draft revision the referent was looking at; a stale one is
    refused with 409 so that two reviewers cannot overwrite each other's decisions.
    """

    model_config = ConfigDict(extra="forbid")
    decisions: list[Decision] = Field(default_factory=list, max_length=5000)
    items: list[ItemEdit] = Field(default_factory=list, max_length=5000)
    quotes: list[QuoteEdit] = Field(default_factory=list, max_length=5000)
    revision: int | None = Field(default=None, ge=0)


class ApproveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    meeting_date: dt.date | None = None
    theme: str | None = Field(default=None, max_length=500)
    revision: int | None = Field(default=None, ge=0)


# ---- analysis storage -------------------------------------------------------------------


def expires_at(note: Note, settings: Settings) -> dt.datetime:
    return note.created_at + dt.timedelta(days=settings.draft_retention_days)


def is_expired(note: Note, settings: Settings, now: dt.datetime | None = None) -> bool:
    return expires_at(note, settings) <= (now or utcnow())


def create_draft(
    session: Session,
    cipher: DraftCipher,
    user: User,
    site: Site,
    analysis: AnalysedNote,
) -> Note:
    note = Note(
        site_id=site.id,
        rom_variant=site.rom_variant,
        status="draft",
        pipeline_version=analysis.pipeline_version,
        source_format=analysis.format,
        pending_flags=pending_count(analysis),
        created_by=user.id,
    )
    note.content = DraftContent(
        raw_text=cipher.encrypt(analysis.text),
        analysis=cipher.encrypt(analysis.model_dump_json()),
    )
    session.add(note)
    session.flush()
    audit.record(session, user, "draft_create", note.id, flags=len(analysis.pii))
    return note


def load_analysis(cipher: DraftCipher, note: Note) -> AnalysedNote:
    assert note.content is not None
    return AnalysedNote.model_validate_json(cipher.decrypt(note.content.analysis))


def store_analysis(cipher: DraftCipher, note: Note, analysis: AnalysedNote) -> None:
    assert note.content is not None
    note.content.analysis = cipher.encrypt(analysis.model_dump_json())
    note.pending_flags = pending_count(analysis)
    note.revision += 1
    note.updated_at = utcnow()


def check_revision(note: Note, revision: int | None) -> None:
    if revision is not None and revision != note.revision:
        raise RevisionConflict(note.revision)


# ---- review -----------------------------------------------------------------------------


def _apply_decisions(note: AnalysedNote, decisions: Sequence[Decision]) -> AnalysedNote:
    try:
        return apply_decisions(note, decisions)
    except DecisionError:
        pass
    probe = note  # find the first decision that does not fit, to name it
    for index, decision in enumerate(decisions):
        try:
            probe = apply_decisions(probe, [decision])
        except DecisionError:
            raise ReviewError(
                f"decisions[{index}]",
                "Avgjørelsen passer ikke til notatet: ukjent flagg eller enhet, "
                "eller et utsnitt utenfor teksten.",
            ) from None
    raise ReviewError("decisions", "Avgjørelsene passer ikke til notatet.")  # pragma: no cover


def apply_review(note: AnalysedNote, request: ReviewRequest) -> AnalysedNote:
    """A copy of ``note`` with decisions, relabels and speaker fixes applied."""
    for index, edit in enumerate(request.items):
        if edit.item >= len(note.items):
            raise ReviewError(
                f"items[{index}].item", "Det finnes ikke noe punkt med dette nummeret."
            )
        if edit.label is None and edit.themes is None:
            raise ReviewError(f"items[{index}]", "Oppgi label eller themes.")
    for index, edit in enumerate(request.quotes):
        if edit.quote >= len(note.quotes):
            raise ReviewError(
                f"quotes[{index}].quote", "Det finnes ikke noe sitat med dette nummeret."
            )
    result = (
        _apply_decisions(note, request.decisions)
        if request.decisions
        else note.model_copy(deep=True)
    )
    for edit in request.items:
        item = result.items[edit.item]
        if edit.label is not None:
            item.label = edit.label
            item.confidence = None  # set by a person
            item.uncertain = False
        if edit.themes is not None:
            item.themes = sorted(set(edit.themes))
            item.theme_scores = {}
    for edit in request.quotes:
        result.quotes[edit.quote].speaker = edit.speaker
    return result


# ---- approval ---------------------------------------------------------------------------

_MONTHS = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "des": 12,
}  # fmt: skip
_NUMERIC = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2,4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WORDS = re.compile(r"(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})", re.IGNORECASE)


def parse_meeting_date(value: str | None) -> dt.date | None:
    """A date written as 14.03.2024, 14.3.24, 2024-03-14 or 14. mars 2024; else None."""
    if not value:
        return None
    try:
        if m := _ISO.search(value):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC.search(value):
            year = int(m[3])
            year += 2000 if year < 100 else 0
            return dt.date(year, int(m[2]), int(m[1]))
        if (m := _WORDS.search(value)) and m[2].lower() in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        return None
    return None


def anonymise_fragment(note: AnalysedNote, fragment: str) -> str:
    """``fragment`` (e.g. the header's theme) with the note's flagged data replaced."""
    start = note.text.find(fragment)
    if start >= 0:
        return anonymise_text(fragment, note.pii, start)
    result = fragment
    for span in sorted(note.pii, key=lambda s: -len(s.text)):
        if span.status != "rejected" and span.text.strip():
            result = result.replace(span.text, placeholder(span))
    return result


def locate_in_order(haystack: str, needles: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Offsets of each needle in ``haystack``, searched in order from a moving cursor."""
    cursor = 0
    found: list[tuple[int | None, int | None]] = []
    for needle in needles:
        at = haystack.find(needle, cursor) if needle else -1
        if at < 0:
            at = haystack.find(needle) if needle else -1
        if at < 0:
            found.append((None, None))
        else:
            found.append((at, at + len(needle)))
            cursor = at + len(needle)
    return found


def approve_draft(
    session: Session,
    note: Note,
    analysis: AnalysedNote,
    user: User,
    request: ApproveRequest,
) -> Note:
    """Store the anonymised note, items and quotes; delete the raw text and analysis."""
    pending = pending_count(analysis)
    if pending:
        raise PendingFlagsError(pending)
    final = anonymise_note(analysis.model_copy(deep=True))
    meeting_date = request.meeting_date or parse_meeting_date(final.header.date)
    if meeting_date is None:
        raise ReviewError(
            "meeting_date",
            "Fant ingen møtedato i notatet. Oppgi meeting_date (ÅÅÅÅ-MM-DD) ved godkjenning.",
        )
    theme = request.theme if request.theme is not None else final.header.theme
    anonymised = final.anonymised_text or ""
    note.status = "approved"
    note.meeting_date = meeting_date
    note.theme = anonymise_fragment(final, theme.strip()) if theme and theme.strip() else None
    note.total = final.header.total
    note.professionals = final.header.professionals
    note.participants = final.header.participants
    note.services = len(final.header.services) if final.header.services else None
    note.anonymised_text = anonymised
    note.pipeline_version = final.pipeline_version
    note.pending_flags = 0
    note.kept_terms = sorted({s.text for s in final.pii if s.status == "rejected"}) or None
    note.approved_by = user.id
    note.approved_at = utcnow()
    note.updated_at = note.approved_at
    note.revision += 1
    item_texts = [
        i.anonymised if i.anonymised is not None else anonymise_text(i.text, final.pii, i.start)
        for i in final.items
    ]
    order = sorted(range(len(final.items)), key=lambda k: final.items[k].start)
    located = dict(zip(order, locate_in_order(anonymised, [item_texts[k] for k in order])))
    note.items = [
        NoteItem(
            position=position,
            section=item.section,
            label=item.label,
            confidence=item.confidence,
            text=item_texts[position],
            start_offset=located[position][0],
            end_offset=located[position][1],
            pipeline_version=final.pipeline_version,
            theme_rows=[ItemTheme(theme=t) for t in sorted(set(item.themes))],
        )
        for position, item in enumerate(final.items)
    ]
    note.quotes = [
        NoteQuote(
            position=position,
            section=quote.section,
            speaker=quote.speaker,
            text=(
                quote.anonymised
                if quote.anonymised is not None
                else anonymise_text(quote.text, final.pii, quote.start)
            ),
            pipeline_version=final.pipeline_version,
            theme_rows=[QuoteTheme(theme=t) for t in sorted(set(quote.themes))],
        )
        for position, quote in enumerate(final.quotes)
    ]
    note.content = None  # delete-orphan: the raw text and analysis go in this transaction
    session.flush()
    session.execute(delete(DraftContent).where(DraftContent.note_id == note.id))
    audit.record(
        session,
        user,
        "draft_approve",
        note.id,
        items=len(note.items),
        quotes=len(note.quotes),
        flags=len(final.pii),
    )
    return note
