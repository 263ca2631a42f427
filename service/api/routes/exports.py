"""Exports of items or quotes to CSV or Excel: one row per item/quote, note attributes as
columns. Coordinators export their own site; policy and admin any."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse

from nlp.schema import Label, SectionId, Speaker
from service import audit
from service.api.deps import QueryUser, SessionDep
from service.api.routes.query import NoteParamsDep, Q, ThemeParam, note_filter
from service.exports import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, csv_stream, xlsx_bytes
from service.queries import PartFilter, export_rows

router = APIRouter(prefix="/api/exports", tags=["eksport"])

Format = Annotated[Literal["csv", "xlsx"], Query(description="csv eller xlsx")]


def _download(kind: str, fmt: str, header: list[str], rows: list[list[Any]]) -> Response:
    stamp = dt.date.today().isoformat()
    filename = f"romnotat-{kind}-{stamp}.{fmt}"
    disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "csv":
        return StreamingResponse(
            csv_stream(header, rows),
            media_type=CSV_MEDIA_TYPE,
            headers=disposition,
        )
    sheet = "Punkter" if kind == "items" else "Sitater"
    return Response(
        xlsx_bytes([(sheet, header, rows)]),
        media_type=XLSX_MEDIA_TYPE,
        headers=disposition,
    )


@router.get("/items", summary="Eksporter punkter (CSV/Excel)")
def export_items(
    user: QueryUser,
    session: SessionDep,
    params: NoteParamsDep,
    format: Format = "csv",
    q: Q = None,
    label: Label | None = None,
    theme: ThemeParam = None,
    section: SectionId | None = None,
) -> Response:
    flt = note_filter(user, params)
    header, rows = export_rows(
        session, "items", flt, PartFilter(q=q, label=label, theme=theme, section=section)
    )
    materialised = list(rows)  # read inside the request's session, before it closes
    audit.record(session, user, "export", kind="items", format=format, rows=len(materialised))
    session.commit()
    return _download("punkter", format, header, materialised)


@router.get("/quotes", summary="Eksporter sitater (CSV/Excel)")
def export_quotes(
    user: QueryUser,
    session: SessionDep,
    params: NoteParamsDep,
    format: Format = "csv",
    q: Q = None,
    speaker: Speaker | None = None,
    theme: ThemeParam = None,
    section: SectionId | None = None,
) -> Response:
    flt = note_filter(user, params)
    header, rows = export_rows(
        session, "quotes", flt, PartFilter(q=q, speaker=speaker, theme=theme, section=section)
    )
    materialised = list(rows)
    audit.record(session, user, "export", kind="quotes", format=format, rows=len(materialised))
    session.commit()
    return _download("sitater", format, header, materialised)
