"""ROM sites. Site roles see their own site; policy and admin see all; admin creates."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from service import accounts, audit
from service.api.deps import AdminUser, CurrentUser, SessionDep, ensure_site
from service.api.errors import ApiError, not_found
from service.api.schemas import DbInt, SiteCreate, SiteOut, SiteUpdate
from service.db.models import Site

router = APIRouter(prefix="/api/sites", tags=["ROM-steder"])


@router.get("", response_model=list[SiteOut], summary="List ROM-steder")
def list_sites(user: CurrentUser, session: SessionDep) -> list[Site]:
    stmt = select(Site).order_by(Site.name)
    if user.role in ("referent", "coordinator"):
        stmt = stmt.where(Site.id == user.site_id)
    return list(session.scalars(stmt))


@router.post("", response_model=SiteOut, status_code=201, summary="Opprett ROM-sted")
def create_site(body: SiteCreate, user: AdminUser, session: SessionDep) -> Site:
    try:
        site = accounts.create_site(session, user, body.name, body.rom_variant)
    except accounts.AccountError as error:
        raise ApiError(error.status, error.message, field=error.field) from None
    session.commit()
    return site


@router.get("/{site_id}", response_model=SiteOut, summary="Ett ROM-sted")
def get_site(site_id: DbInt, user: CurrentUser, session: SessionDep) -> Site:
    site = session.get(Site, site_id)
    if site is None:
        raise not_found("ROM-stedet")
    ensure_site(user, site.id)
    return site


@router.patch("/{site_id}", response_model=SiteOut, summary="Endre ROM-sted")
def update_site(site_id: DbInt, body: SiteUpdate, user: AdminUser, session: SessionDep) -> Site:
    site = session.get(Site, site_id)
    if site is None:
        raise not_found("ROM-stedet")
    if body.name is not None:
        name = " ".join(body.name.split())
        clash = session.scalar(select(Site).where(Site.name == name, Site.id != site.id))
        if clash is not None:
            raise ApiError(409, "Det finnes allerede et ROM-sted med dette navnet.", field="name")
        site.name = name
    if body.rom_variant is not None:
        site.rom_variant = body.rom_variant  # applies to notes saved from now on
    audit.record(session, user, "site_update", site_id=site.id)
    session.commit()
    return site
