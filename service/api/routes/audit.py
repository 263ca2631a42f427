"""The audit log (admin only): who did what to which note, when. It holds no note text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select

from service.api.deps import AdminUser, SessionDep
from service.api.schemas import AuditOut, DbInt
from service.db.models import AuditEvent

router = APIRouter(prefix="/api/audit", tags=["revisjonslogg"])


@router.get("", response_model=list[AuditOut], summary="Revisjonsloggen")
def audit_log(
    _admin: AdminUser,
    session: SessionDep,
    note_id: DbInt | None = None,
    action: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[DbInt, Query(ge=0)] = 0,
) -> list[AuditEvent]:
    stmt = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit).offset(offset)
    if note_id is not None:
        stmt = stmt.where(AuditEvent.note_id == note_id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    return list(session.scalars(stmt))
