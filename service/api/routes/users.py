"""Users (admin only): create, list, read, change password or deactivate."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import delete, select

from service import accounts, audit
from service.api.deps import AdminUser, SessionDep
from service.api.errors import ApiError, not_found
from service.api.schemas import DbInt, UserCreate, UserOut, UserUpdate
from service.core.security import hash_password
from service.db.models import ApiToken, Site, User

router = APIRouter(prefix="/api/users", tags=["brukere"])


@router.get("", response_model=list[UserOut], summary="List brukere")
def list_users(_admin: AdminUser, session: SessionDep) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


@router.post("", response_model=UserOut, status_code=201, summary="Opprett bruker")
def create_user(body: UserCreate, admin: AdminUser, session: SessionDep) -> User:
    site = None
    if body.site_id is not None:
        site = session.get(Site, body.site_id)
        if site is None:
            raise ApiError(422, "ROM-stedet finnes ikke.", field="site_id")
    try:
        user = accounts.create_user(session, admin, body.username, body.password, body.role, site)
    except accounts.AccountError as error:
        raise ApiError(error.status, error.message, field=error.field) from None
    session.commit()
    return user


@router.get("/{user_id}", response_model=UserOut, summary="Én bruker")
def get_user(user_id: DbInt, _admin: AdminUser, session: SessionDep) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise not_found("Brukeren")
    return user


@router.patch("/{user_id}", response_model=UserOut, summary="Endre passord eller deaktiver")
def update_user(user_id: DbInt, body: UserUpdate, admin: AdminUser, session: SessionDep) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise not_found("Brukeren")
    if body.password is not None:
        try:
            accounts.check_password(body.password)
        except accounts.AccountError as error:
            raise ApiError(error.status, error.message, field=error.field) from None
        user.password_hash = hash_password(body.password)
        session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    if body.is_active is not None:
        if not body.is_active and user.id == admin.id:
            raise ApiError(409, "Du kan ikke deaktivere deg selv.", field="is_active")
        user.is_active = body.is_active
        if not body.is_active:
            session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    audit.record(session, admin, "user_update", target_user_id=user.id)
    session.commit()
    return user
