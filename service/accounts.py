"""Sites, users and API tokens: plain functions shared by the API and the CLI."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service import audit
from service.core.config import Settings
from service.core.security import (
    hash_password,
    new_token,
    password_needs_rehash,
    token_hash,
    verify_password,
)
from service.db.models import (
    ROLES,
    ROM_VARIANTS,
    SITE_ROLES,
    ApiToken,
    Site,
    User,
    utcnow,
)

USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{1,62}[a-z0-9]")
MIN_PASSWORD = 10


class AccountError(ValueError):
    """A request that breaks an account rule; ``field`` names the offending field."""

    def __init__(self, field: str, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.status = status


def check_username(username: str) -> str:
    username = username.strip().lower()
    if not USERNAME.fullmatch(username):
        raise AccountError(
            "username",
            "Brukernavnet må ha 3–64 tegn: små bokstaver a–z, sifre og . _ @ -.",
        )
    return username


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError("password", f"Passordet må ha minst {MIN_PASSWORD} tegn.")


def check_role_site(role: str, site: Site | None) -> None:
    if role not in ROLES:
        raise AccountError("role", "Ukjent rolle. Gyldige roller: " + ", ".join(ROLES) + ".")
    if role in SITE_ROLES and site is None:
        raise AccountError("site_id", "Referenter og koordinatorer må knyttes til et ROM-sted.")
    if role not in SITE_ROLES and site is not None:
        raise AccountError("site_id", "Bare referenter og koordinatorer knyttes til et ROM-sted.")


def create_site(session: Session, actor: User | None, name: str, rom_variant: str) -> Site:
    name = " ".join(name.split())
    if not name:
        raise AccountError("name", "Navnet på ROM-stedet kan ikke være tomt.")
    if rom_variant not in ROM_VARIANTS:
        raise AccountError("rom_variant", "Ukjent ROM-variant.")
    if session.scalar(select(Site).where(Site.name == name)) is not None:
        raise AccountError("name", "Det finnes allerede et ROM-sted med dette navnet.", 409)
    site = Site(name=name, rom_variant=rom_variant)
    session.add(site)
    session.flush()
    audit.record(session, actor, "site_create", site_id=site.id)
    return site


def find_site(session: Session, ref: str | int) -> Site | None:
    """A site by id or by exact name."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        site = session.get(Site, int(ref))
        if site is not None:
            return site
    return session.scalar(select(Site).where(Site.name == str(ref)))


def create_user(
    session: Session,
    actor: User | None,
    username: str,
    password: str,
    role: str,
    site: Site | None,
) -> User:
    username = check_username(username)
    check_password(password)
    check_role_site(role, site)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise AccountError("username", "Brukernavnet er allerede i bruk.", 409)
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role,
        site_id=site.id if site else None,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "user_create", target_user_id=user.id, role=role)
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with these credentials, or None (same time for unknown users)."""
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if not verify_password(user.password_hash if user else None, password):
        return None
    if user is None or not user.is_active:
        return None
    if password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def issue_token(session: Session, user: User, settings: Settings) -> tuple[str, ApiToken]:
    token = new_token()
    row = ApiToken(
        user_id=user.id,
        token_hash=token_hash(token),
        expires_at=utcnow() + dt.timedelta(minutes=settings.access_token_expire_minutes),
    )
    session.add(row)
    session.flush()
    return token, row


def user_for_token(session: Session, token: str) -> User | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    if row is None or row.expires_at <= utcnow() or not row.user.is_active:
        return None
    return row.user


def revoke_token(session: Session, token: str) -> None:
    session.execute(delete(ApiToken).where(ApiToken.token_hash == token_hash(token)))


def purge_expired_tokens(session: Session, now: dt.datetime | None = None) -> int:
    result = session.execute(delete(ApiToken).where(ApiToken.expires_at <= (now or utcnow())))
    return result.rowcount or 0
