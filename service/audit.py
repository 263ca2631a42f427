"""The audit log: who did what to which note, when. Callers pass ids and counts, never text."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from service.db.models import AuditEvent, User

_ALLOWED_DETAIL_TYPES = (int, float, bool, type(None))


def record(
    session: Session,
    user: User | None,
    action: str,
    note_id: int | None = None,
    **details: Any,
) -> AuditEvent:
    """Add an audit event to the session (committed with the caller's transaction).

    ``details`` may hold numbers, booleans and short identifiers (role names, versions,
    formats); strings longer than 80 characters are refused so that note text cannot slip in.
    """
    for key, value in details.items():
        if isinstance(value, str):
            if len(value) > 255:
                raise ValueError(f"audit detail {key!r} is too long to be an identifier")
        elif isinstance(value, list | tuple):
            if not all(isinstance(v, int) for v in value):
                raise ValueError(f"audit detail {key!r} must be a list of ids")
        elif not isinstance(value, _ALLOWED_DETAIL_TYPES):
            raise ValueError(f"audit detail {key!r} has an unsupported type")
    event = AuditEvent(
        user_id=user.id if user is not None else None,
        username=user.username if user is not None else None,
        action=action,
        note_id=note_id,
        details={k: list(v) if isinstance(v, tuple) else v for k, v in details.items()} or None,
    )
    session.add(event)
    return event
