"""Analyse a note without storing anything."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from nlp.schema import AnalysedNote
from service.analysers import analyse_read
from service.api.deps import AnalyserDep, DraftUser, SettingsDep
from service.api.intake import OPENAPI_BODY, read_note

router = APIRouter(prefix="/api", tags=["analyse"])


@router.post(
    "/analyse",
    response_model=AnalysedNote,
    summary="Analyser et notat (lagrer ingenting)",
    openapi_extra=OPENAPI_BODY,
    responses={
        413: {"description": "For stort"},
        415: {"description": "Filtypen støttes ikke"},
        422: {"description": "Ugyldig eller uleselig notat"},
    },
)
async def analyse(
    request: Request, _user: DraftUser, settings: SettingsDep, analyser: AnalyserDep
) -> AnalysedNote:
    read, _site_id = await read_note(request, settings)
    return await run_in_threadpool(analyse_read, analyser, read)
