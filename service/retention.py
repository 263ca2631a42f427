"""Retention: drafts (raw text under review) are purged after DRAFT_RETENTION_DAYS.

Kept free of the analysis stack so that start-up and ``romnotat db purge`` stay light.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from service import audit
from service.accounts import purge_expired_tokens
from service.core.config import Settings
from service.db.models import DraftContent, Note, utcnow


def purge_expired_drafts(
    session: Session, settings: Settings, now: dt.datetime | None = None
) -> int:
    """Delete drafts (raw text and analysis included) older than the retention period.

    Also deletes any encrypted content left beside a note that is no longer a draft.
    Returns the number of drafts purged; the caller commits.
    """
    now = now or utcnow()
    cutoff = now - dt.timedelta(days=settings.draft_retention_days)
    ids = list(
        session.scalars(select(Note.id).where(Note.status == "draft", Note.created_at <= cutoff))
    )
    if ids:
        session.execute(delete(DraftContent).where(DraftContent.note_id.in_(ids)))
        session.execute(delete(Note).where(Note.id.in_(ids)))
        for note_id in ids:
            audit.record(session, None, "draft_purge", note_id)
    stray = select(Note.id).where(Note.status != "draft")
    session.execute(delete(DraftContent).where(DraftContent.note_id.in_(stray)))
    return len(ids)


def purge(session_factory: sessionmaker[Session], settings: Settings) -> int:
    """Purge expired drafts and tokens in one transaction; returns the drafts purged."""
    with session_factory() as session, session.begin():
        count = purge_expired_drafts(session, settings)
        purge_expired_tokens(session)
    return count
