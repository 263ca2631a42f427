"""Explore approved notes: counts by theme × label, full-text search, half-year trends.

Coordinators see their own site; policy and admin every site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from nlp.schema import Label, SectionId, Speaker
from service.api.deps import QueryUser, SessionDep, site_scope
from service.api.errors import invalid
from service.api.schemas import Counts, DbInt, ItemPage, QuotePage, Trends
from service.db.models import RomVariant, User
from service.queries import NoteFilter, PartFilter, search, theme_label_counts, theme_trends

router = APIRouter(prefix="/api/query", tags=["utforsk"])

ThemeParam = Annotated[str | None, Query(max_length=64, pattern=r"^[a-z0-9-]+$")]


@dataclass
class NoteParams:
    site_id: DbInt | None = None
    rom_variant: RomVariant | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def note_filter(user: User, params: NoteParams) -> NoteFilter:
    if params.date_from and params.date_to and params.date_from > params.date_to:
        raise invalid("date_to", "må være samme dag som eller etter date_from.")
    return NoteFilter(
        site_ids=site_scope(user, params.site_id),
        rom_variant=params.rom_variant,
        date_from=params.date_from,
        date_to=params.date_to,
    )


NoteParamsDep = Annotated[NoteParams, Depends()]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[DbInt, Query(ge=0)]
Q = Annotated[str | None, Query(max_length=200, description="Fritekstsøk")]


@router.get("/counts", response_model=Counts, summary="Antall punkter per tema × etikett")
def counts(user: QueryUser, session: SessionDep, params: NoteParamsDep) -> dict[str, Any]:
    return theme_label_counts(session, note_filter(user, params))


@router.get("/items", response_model=ItemPage, summary="Søk i punkter")
def items(
    user: QueryUser,
    session: SessionDep,
    params: NoteParamsDep,
    q: Q = None,
    label: Label | None = None,
    theme: ThemeParam = None,
    section: SectionId | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    parts = PartFilter(q=q, label=label, theme=theme, section=section)
    total, results = search(session, "items", note_filter(user, params), parts, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "results": results}


@router.get("/quotes", response_model=QuotePage, summary="Søk i sitater")
def quotes(
    user: QueryUser,
    session: SessionDep,
    params: NoteParamsDep,
    q: Q = None,
    speaker: Speaker | None = None,
    theme: ThemeParam = None,
    section: SectionId | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    parts = PartFilter(q=q, speaker=speaker, theme=theme, section=section)
    total, results = search(session, "quotes", note_filter(user, params), parts, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "results": results}


@router.get("/trends", response_model=Trends, summary="Temaer per halvår")
def trends(
    user: QueryUser, session: SessionDep, params: NoteParamsDep, theme: ThemeParam = None
) -> dict[str, Any]:
    return theme_trends(session, note_filter(user, params), theme)
