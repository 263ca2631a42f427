"""Approved notes (and notes the personal-data audit sent back for review)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from nlp.pii.anonymise import PLACEHOLDER
from service import audit
from service.api.deps import (
    AdminUser,
    CurrentUser,
    DraftUser,
    SessionDep,
    ensure_note_visible,
    ensure_site,
    site_scope,
)
from service.api.errors import ApiError, not_found
from service.api.schemas import DbInt, NoteOut, NoteReview, NoteSummary, Page
from service.db.models import Note, RomVariant, User, utcnow
from service.drafts import locate_in_order
from service.queries import NoteFilter

router = APIRouter(prefix="/api/notes", tags=["notater"])


def summary(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "site_id": note.site_id,
        "site": note.site.name,
        "rom_variant": note.rom_variant,
        "status": note.status,
        "meeting_date": note.meeting_date,
        "theme": note.theme,
        "total": note.total,
        "professionals": note.professionals,
        "participants": note.participants,
        "services": note.services,
        "pipeline_version": note.pipeline_version,
        "approved_at": note.approved_at,
    }


def note_out(session: Session, note: Note, user: User) -> NoteOut:
    session.refresh(note)
    return NoteOut(
        **summary(note),
        anonymised_text=note.anonymised_text,
        items=[
            {
                "id": i.id,
                "position": i.position,
                "section": i.section,
                "label": i.label,
                "confidence": i.confidence,
                "themes": i.themes,
                "text": i.text,
                "start": i.start_offset,
                "end": i.end_offset,
                "pipeline_version": i.pipeline_version,
            }
            for i in note.items
        ],
        quotes=[
            {
                "id": q.id,
                "position": q.position,
                "section": q.section,
                "speaker": q.speaker,
                "themes": q.themes,
                "text": q.text,
                "pipeline_version": q.pipeline_version,
            }
            for q in note.quotes
        ],
        audit_findings=note.audit_findings if user.role != "policy" else None,
    )


class NotePage(Page):
    results: list[NoteSummary]


@router.get("", response_model=NotePage, summary="List notater")
def list_notes(
    user: CurrentUser,
    session: SessionDep,
    site_id: DbInt | None = None,
    status: Literal["approved", "needs_review"] | None = None,
    rom_variant: RomVariant | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: Annotated[DbInt, Query(ge=0)] = 0,
) -> dict[str, Any]:
    statuses: tuple[str, ...] = (
        ("approved",) if user.role == "policy" else ("approved", "needs_review")
    )
    if status is not None:
        if status not in statuses:
            raise ApiError(403, "Policyteamet ser bare godkjente notater.", field="status")
        statuses = (status,)
    flt = NoteFilter(
        site_ids=site_scope(user, site_id),
        rom_variant=rom_variant,
        date_from=date_from,
        date_to=date_to,
        statuses=statuses,
    )
    where = and_(*flt.conditions())
    total = session.scalar(select(func.count(Note.id)).where(where)) or 0
    rows = session.scalars(
        select(Note)
        .where(where)
        .order_by(Note.meeting_date.desc(), Note.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return {"total": total, "limit": limit, "offset": offset, "results": [summary(n) for n in rows]}


def _load(session: Session, user: User, note_id: DbInt) -> Note:
    note = session.get(Note, note_id)
    if note is None or note.status == "draft":
        raise not_found("Notatet")
    ensure_note_visible(user, note)
    return note


@router.get("/{note_id}", response_model=NoteOut, summary="Ett notat med punkter og sitater")
def get_note(note_id: DbInt, user: CurrentUser, session: SessionDep) -> NoteOut:
    note = _load(session, user, note_id)
    return note_out(session, note, user)


_PLACEHOLDER = re.compile(
    r"\[(?:" + "|".join(re.escape(v) for v in PLACEHOLDER.values()) + r")(?: \d+)?\]"
)


def redact(note: Note) -> int:
    """Replace the audit's findings in the note, its items and quotes with placeholders."""
    text = note.anonymised_text or ""
    findings = sorted(note.audit_findings or [], key=lambda f: f["start"], reverse=True)
    surfaces: list[tuple[str, str]] = []
    for finding in findings:
        start, end = int(finding["start"]), int(finding["end"])
        if not (0 <= start < end <= len(text)):
            continue
        label = f"[{PLACEHOLDER.get(finding['type'], 'PERSONOPPLYSNING')}]"
        surfaces.append((text[start:end], label))
        text = text[:start] + label + text[end:]
    note.anonymised_text = text
    surfaces.sort(key=lambda s: -len(s[0]))
    for part in [*note.items, *note.quotes]:
        for surface, label in surfaces:
            if surface.strip():
                part.text = part.text.replace(surface, label)
    located = locate_in_order(text, [i.text for i in sorted(note.items, key=lambda i: i.position)])
    for item, (start, end) in zip(sorted(note.items, key=lambda i: i.position), located):
        item.start_offset, item.end_offset = start, end
    return len(surfaces)


@router.post(
    "/{note_id}/review",
    response_model=NoteOut,
    summary="Avslutt ny gjennomgang: sladd funnene eller avvis dem",
)
def review_note(note_id: DbInt, body: NoteReview, user: DraftUser, session: SessionDep) -> NoteOut:
    note = session.get(Note, note_id, with_for_update={"of": Note})
    if note is None or note.status == "draft":
        raise not_found("Notatet")
    ensure_site(user, note.site_id)
    if note.status != "needs_review":
        raise ApiError(409, "Notatet venter ikke på ny gjennomgang.")
    redacted = redact(note) if body.decision == "redact" else 0
    note.status = "approved"
    note.audit_findings = None
    note.updated_at = utcnow()
    audit.record(session, user, f"note_review_{body.decision}", note.id, redacted=redacted)
    session.commit()
    return note_out(session, note, user)


@router.delete("/{note_id}", status_code=204, summary="Slett et notat (admin)")
def delete_note(note_id: DbInt, admin: AdminUser, session: SessionDep) -> None:
    note = session.get(Note, note_id)
    if note is None or note.status == "draft":
        raise not_found("Notatet")
    session.delete(note)
    audit.record(session, admin, "note_delete", note_id)
    session.commit()
