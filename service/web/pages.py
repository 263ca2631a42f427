"""The pages: new note, review of a draft, policy explorer; and the Norwegian error pages."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from nlp.readers import EXTENSIONS
from service import drafts
from service.api.deps import ROLE_NAMES, SessionDep, SettingsDep
from service.db.models import Note, Site, User
from service.web.auth import PageUser, home_for
from service.web.render import render

router = APIRouter(include_in_schema=False)

DRAFT_ROLES = ("referent", "coordinator", "admin")
QUERY_ROLES = ("coordinator", "policy", "admin")
UPLOAD_TYPES = (".docx", ".txt", ".md")  # what the page offers; the API also reads the others


def error_page(
    request: Request, status: int, heading: str, message: str, user: User | None = None
) -> Response:
    return render(
        request,
        "error.html",
        {"status": status, "heading": heading, "message": message},
        status=status,
        title=heading,
        user=user,
    )


def forbidden_page(request: Request, user: User | None, message: str) -> Response:
    return error_page(request, 403, "Ingen tilgang", message, user)


def _role_refusal(request: Request, user: User, roles: tuple[str, ...]) -> Response | None:
    if user.role in roles:
        return None
    allowed = ", ".join(ROLE_NAMES[r] for r in roles[:-1]) + " og " + ROLE_NAMES[roles[-1]]
    return forbidden_page(request, user, f"Bare {allowed} har tilgang til denne siden.")


def _sites_for(session: SessionDep, user: User) -> list[Site]:
    stmt = select(Site).order_by(Site.name)
    if user.role in ("referent", "coordinator"):
        stmt = stmt.where(Site.id == user.site_id)
    return list(session.scalars(stmt))


@router.get("/")
def home(user: PageUser) -> Response:
    return RedirectResponse(home_for(user), status_code=303)


@router.get("/notat/ny")
def new_note(request: Request, user: PageUser, session: SessionDep) -> Response:
    if refusal := _role_refusal(request, user, DRAFT_ROLES):
        return refusal
    return render(
        request,
        "review.html",
        {
            "mode": "new",
            "draft_id": None,
            "sites": _sites_for(session, user) if user.role == "admin" else [],
            "accept": ",".join(UPLOAD_TYPES),
            "all_types": ", ".join(sorted(EXTENSIONS)),
            "active": "review",
        },
        title="Nytt notat",
        user=user,
    )


@router.get("/utkast/{draft_id}")
def review_draft(
    draft_id: int, request: Request, user: PageUser, session: SessionDep, settings: SettingsDep
) -> Response:
    if refusal := _role_refusal(request, user, DRAFT_ROLES):
        return refusal
    note = session.get(Note, draft_id)
    if note is None or note.status != "draft":
        return error_page(
            request,
            404,
            "Fant ikke utkastet",
            "Utkastet finnes ikke. Det kan allerede være godkjent eller forkastet.",
            user,
        )
    if user.role != "admin" and note.site_id != user.site_id:
        return forbidden_page(
            request,
            user,
            "Du har bare tilgang til ditt eget ROM-sted. Utkastet tilhører et annet ROM-sted.",
        )
    if note.content is None or drafts.is_expired(note, settings):
        return error_page(
            request,
            410,
            "Utkastet er slettet",
            "Utkastet er utløpt og slettet. Last opp notatet på nytt.",
            user,
        )
    return render(
        request,
        "review.html",
        {
            "mode": "draft",
            "draft_id": draft_id,
            "sites": [],
            "accept": "",
            "all_types": "",
            "active": "review",
        },
        title=f"Gjennomgang av utkast {draft_id}",
        user=user,
    )


@router.get("/utforsk")
def explore(request: Request, user: PageUser, session: SessionDep) -> Response:
    if refusal := _role_refusal(request, user, QUERY_ROLES):
        return refusal
    today = dt.date.today()
    return render(
        request,
        "explore.html",
        {
            "sites": _sites_for(session, user),
            "site_locked": user.role == "coordinator",
            "years": list(range(today.year, today.year - 8, -1)),
            "current_half": 1 if today.month <= 6 else 2,
            "active": "explore",
        },
        title="Utforsk notatene",
        user=user,
    )
