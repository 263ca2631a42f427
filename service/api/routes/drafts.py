"""Drafts under review: save, read, decide on flags, approve, discard.

A draft's raw text and analysis are encrypted at rest; approval keeps only the anonymised
note, items and quotes. Referents and coordinators reach their own site's drafts; admin all.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Request
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from service import audit, drafts
from service.analysers import analyse_read
from service.api.deps import (
    AnalyserDep,
    CipherDep,
    DraftUser,
    SessionDep,
    SettingsDep,
    ensure_site,
)
from service.api.errors import ApiError, invalid, not_found
from service.api.intake import OPENAPI_BODY, read_note
from service.api.routes.notes import note_out
from service.api.schemas import DbInt, DraftOut, DraftSummary, NoteOut
from service.core.config import Settings
from service.core.security import DraftCipher
from service.db.models import Note, Site, User

router = APIRouter(prefix="/api/drafts", tags=["utkast"])


def _summary(note: Note, settings: Settings) -> dict[str, Any]:
    return {
        "id": note.id,
        "site_id": note.site_id,
        "status": note.status,
        "revision": note.revision,
        "pending": note.pending_flags,
        "source_format": note.source_format,
        "pipeline_version": note.pipeline_version,
        "created_by": note.created_by,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
        "expires_at": drafts.expires_at(note, settings),
    }


def _out(note: Note, cipher: DraftCipher, settings: Settings) -> DraftOut:
    return DraftOut(**_summary(note, settings), note=drafts.load_analysis(cipher, note))


def _load(
    session: Session, user: User, draft_id: DbInt, settings: Settings, for_update: bool = False
) -> Note:
    note = session.get(Note, draft_id, with_for_update={"of": Note} if for_update else None)
    if note is None or note.status != "draft":
        raise not_found("Utkastet")
    ensure_site(user, note.site_id)
    if note.content is None or drafts.is_expired(note, settings):
        raise ApiError(410, "Utkastet er utløpt og slettet. Last opp notatet på nytt.")
    return note


def _target_site(session: Session, user: User, site_id: int | None) -> Site:
    if user.role == "admin":
        if site_id is None:
            raise invalid("site_id", "mangler: administratorer må oppgi hvilket ROM-sted.")
        site = session.get(Site, site_id)
        if site is None:
            raise invalid("site_id", "viser til et ROM-sted som ikke finnes.")
        return site
    assert user.site_id is not None
    if site_id is not None:
        ensure_site(user, site_id)
    site = session.get(Site, user.site_id)
    assert site is not None
    return site


@router.post(
    "",
    response_model=DraftOut,
    status_code=201,
    summary="Analyser og lagre et utkast (kryptert)",
    openapi_extra=OPENAPI_BODY,
)
async def create_draft(
    request: Request,
    user: DraftUser,
    session: SessionDep,
    settings: SettingsDep,
    cipher: CipherDep,
    analyser: AnalyserDep,
) -> DraftOut:
    read, site_id = await read_note(request, settings)

    def work() -> DraftOut:
        site = _target_site(session, user, site_id)
        session.commit()  # no transaction (on SQLite: the write lock) held while analysing
        analysis = analyse_read(analyser, read)
        note = drafts.create_draft(session, cipher, user, site, analysis)
        session.commit()
        return DraftOut(**_summary(note, settings), note=analysis)

    return await run_in_threadpool(work)


@router.get("", response_model=list[DraftSummary], summary="List utkast")
def list_drafts(
    user: DraftUser, session: SessionDep, settings: SettingsDep, site_id: DbInt | None = None
) -> list[dict[str, Any]]:
    stmt = select(Note).where(Note.status == "draft").order_by(Note.created_at.desc())
    if user.role != "admin":
        if site_id is not None:
            ensure_site(user, site_id)
        stmt = stmt.where(Note.site_id == user.site_id)
    elif site_id is not None:
        stmt = stmt.where(Note.site_id == site_id)
    return [_summary(n, settings) for n in session.scalars(stmt)]


@router.get("/{draft_id}", response_model=DraftOut, summary="Ett utkast med analysen")
def get_draft(
    draft_id: DbInt, user: DraftUser, session: SessionDep, settings: SettingsDep, cipher: CipherDep
) -> DraftOut:
    note = _load(session, user, draft_id, settings)
    audit.record(session, user, "draft_view", note.id)
    session.commit()
    return _out(note, cipher, settings)


@router.post(
    "/{draft_id}/decisions",
    response_model=DraftOut,
    summary="Avgjør flagg, endre etiketter og talere",
    responses={409: {"description": "Utkastet er endret av en annen"}},
)
def decide(
    draft_id: DbInt,
    body: drafts.ReviewRequest,
    user: DraftUser,
    session: SessionDep,
    settings: SettingsDep,
    cipher: CipherDep,
) -> DraftOut:
    note = _load(session, user, draft_id, settings, for_update=True)
    _check_revision(note, body.revision)
    analysis = drafts.load_analysis(cipher, note)
    try:
        updated = drafts.apply_review(analysis, body)
    except drafts.ReviewError as error:
        raise invalid(error.field, error.message) from None
    drafts.store_analysis(cipher, note, updated)
    audit.record(
        session,
        user,
        "draft_decide",
        note.id,
        decisions=len(body.decisions),
        items=len(body.items),
        quotes=len(body.quotes),
        pending=note.pending_flags,
    )
    session.commit()
    return DraftOut(**_summary(note, settings), note=updated)


def _check_revision(note: Note, revision: int | None) -> None:
    try:
        drafts.check_revision(note, revision)
    except drafts.RevisionConflict as conflict:
        raise ApiError(
            409,
            "Utkastet er endret siden du hentet det. Hent det på nytt og prøv igjen.",
            field="revision",
            revision=conflict.current,
        ) from None


@router.post(
    "/{draft_id}/approve",
    response_model=NoteOut,
    summary="Godkjenn: lagre bare anonymisert notat, slett råteksten",
    responses={409: {"description": "Det finnes flagg som ikke er avgjort"}},
)
def approve(
    draft_id: DbInt,
    user: DraftUser,
    session: SessionDep,
    settings: SettingsDep,
    cipher: CipherDep,
    body: drafts.ApproveRequest | None = Body(default=None),  # noqa: B008
) -> NoteOut:
    body = body or drafts.ApproveRequest()
    note = _load(session, user, draft_id, settings, for_update=True)
    _check_revision(note, body.revision)
    analysis = drafts.load_analysis(cipher, note)
    try:
        drafts.approve_draft(session, note, analysis, user, body)
    except drafts.PendingFlagsError as error:
        raise ApiError(
            409,
            "Notatet kan ikke godkjennes før alle flagg for personopplysninger er avgjort "
            f"({error.pending} gjenstår).",
            pending=error.pending,
        ) from None
    except drafts.ReviewError as error:
        raise invalid(error.field, error.message) from None
    session.commit()
    return note_out(session, note, user)


@router.delete("/{draft_id}", status_code=204, summary="Forkast et utkast")
def discard(draft_id: DbInt, user: DraftUser, session: SessionDep, settings: SettingsDep) -> None:
    note = session.get(Note, draft_id, with_for_update={"of": Note})
    if note is None or note.status != "draft":
        raise not_found("Utkastet")
    ensure_site(user, note.site_id)
    session.delete(note)
    audit.record(session, user, "draft_discard", draft_id)
    session.commit()
