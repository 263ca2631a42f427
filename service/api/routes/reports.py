"""The half-year report per site, as JSON or as a CSV/Excel download."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from service import audit
from service.api.deps import QueryUser, SessionDep, ensure_site
from service.api.errors import invalid, not_found
from service.api.schemas import DbInt
from service.db.models import Site, User
from service.exports import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, csv_stream, xlsx_bytes
from service.reports import half_year_report, report_csv_rows, report_sheets

router = APIRouter(prefix="/api/reports", tags=["rapporter"])

Year = Annotated[int, Query(ge=2000, le=2100)]
Half = Annotated[int, Query(ge=1, le=2, description="1 = januar–juni, 2 = juli–desember")]


def _site(session: Any, user: User, site_id: int | None) -> Site:
    if site_id is None:
        if user.site_id is None:
            raise invalid("site_id", "mangler: oppgi hvilket ROM-sted rapporten gjelder.")
        site_id = user.site_id
    site = session.get(Site, site_id)
    if site is None:
        raise not_found("ROM-stedet")
    ensure_site(user, site.id)
    return site


@router.get("/half-year", summary="Halvårsrapport for et ROM-sted (JSON)")
def half_year(
    user: QueryUser, session: SessionDep, year: Year, half: Half, site_id: DbInt | None = None
) -> dict[str, Any]:
    site = _site(session, user, site_id)
    report = half_year_report(session, site, year, half)
    audit.record(session, user, "report", site_id=site.id, year=year, half=half)
    session.commit()
    return report


@router.get("/half-year/download", summary="Halvårsrapport som CSV eller Excel")
def half_year_download(
    user: QueryUser,
    session: SessionDep,
    year: Year,
    half: Half,
    site_id: DbInt | None = None,
    format: Annotated[Literal["csv", "xlsx"], Query()] = "xlsx",
) -> Response:
    site = _site(session, user, site_id)
    report = half_year_report(session, site, year, half)
    audit.record(session, user, "report", site_id=site.id, year=year, half=half, format=format)
    session.commit()
    filename = f"halvarsrapport-{site.id}-{year}-H{half}-{dt.date.today().isoformat()}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if format == "csv":
        header, rows = report_csv_rows(report)
        return Response(
            b"".join(csv_stream(header, rows)), media_type=CSV_MEDIA_TYPE, headers=headers
        )
    return Response(xlsx_bytes(report_sheets(report)), media_type=XLSX_MEDIA_TYPE, headers=headers)
