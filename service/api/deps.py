"""Dependencies: settings, database session, analyser, current user and access rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from service.accounts import user_for_token
from service.analysers import Analyser, default_analyser
from service.api.errors import forbidden, unauthorized
from service.core.config import Settings
from service.core.security import DraftCipher
from service.db.models import Note, User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_db(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


def get_cipher(request: Request) -> DraftCipher:
    return request.app.state.cipher


def get_analyser() -> Analyser:
    """The process-wide analyser (models loaded once); tests override this dependency."""
    return default_analyser()


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_db)]
CipherDep = Annotated[DraftCipher, Depends(get_cipher)]
AnalyserDep = Annotated[Analyser, Depends(get_analyser)]
TokenDep = Annotated[str | None, Depends(oauth2_scheme)]


def get_current_user(session: SessionDep, token: TokenDep) -> User:
    if not token:
        raise unauthorized("Du må logge inn (Authorization: Bearer <token>).")
    user = user_for_token(session, token)
    if user is None:
        raise unauthorized("Innloggingen er ugyldig eller utløpt. Logg inn på nytt.")
    # End the lookup's transaction (the user stays loaded: expire_on_commit is off). On SQLite
    # every transaction holds the write lock (BEGIN IMMEDIATE), and one left open here was held
    # through the whole request, including seconds of analysis: every other request waited.
    session.commit()
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]

ROLE_NAMES = {
    "referent": "referenter",
    "coordinator": "koordinatorer",
    "policy": "policyteamet",
    "admin": "administratorer",
}


def require_roles(*roles: str) -> Callable[[User], User]:
    allowed = ", ".join(ROLE_NAMES[r] for r in roles)

    def check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise forbidden(f"Bare {allowed} har tilgang til dette.")
        return user

    return check


def ensure_site(user: User, site_id: int) -> None:
    """Referents and coordinators reach only their own site; policy and admin every site."""
    if user.role in ("referent", "coordinator") and user.site_id != site_id:
        raise forbidden("Du har bare tilgang til ditt eget ROM-sted.")


def ensure_note_visible(user: User, note: Note) -> None:
    ensure_site(user, note.site_id)
    if user.role == "policy" and note.status != "approved":
        raise forbidden("Notatet er ikke godkjent og er ikke tilgjengelig for policyteamet.")


def site_scope(user: User, requested: int | None) -> list[int] | None:
    """Which sites a query covers: the user's own for site roles, else the requested one/all."""
    if user.role in ("referent", "coordinator"):
        assert user.site_id is not None
        if requested is not None and requested != user.site_id:
            raise forbidden("Du har bare tilgang til ditt eget ROM-sted.")
        return [user.site_id]
    return None if requested is None else [requested]


DraftUser = Annotated[User, Depends(require_roles("referent", "coordinator", "admin"))]
QueryUser = Annotated[User, Depends(require_roles("coordinator", "policy", "admin"))]
AdminUser = Annotated[User, Depends(require_roles("admin"))]
