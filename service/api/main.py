"""All API routers in one ``api_router`` (as in the full-stack FastAPI template)."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.routes import (
    analyse,
    audit,
    auth,
    drafts,
    exports,
    notes,
    query,
    reports,
    sites,
    users,
)

api_router = APIRouter()
for _module in (auth, sites, users, analyse, drafts, notes, query, exports, reports, audit):
    api_router.include_router(_module.router)


@api_router.get("/api/health", tags=["drift"], summary="Helsesjekk")
def health() -> dict[str, str]:
    return {"status": "ok"}
