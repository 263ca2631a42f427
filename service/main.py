"""The FastAPI application. ``create_app()`` wires settings, database and routers.

At start-up the database is migrated to the newest revision and expired drafts are purged;
while running, the purge repeats every ``ROMNOTAT_PURGE_INTERVAL_HOURS``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from romnotat import __version__
from service.api.errors import GuardMiddleware, document_errors, install_handlers
from service.api.main import api_router
from service.core.config import Settings, get_settings
from service.core.security import DraftCipher
from service.db import migrate
from service.db.session import make_engine, make_session_factory
from service.retention import purge

log = logging.getLogger("romnotat.service")

BODY_OVERHEAD_BYTES = 256 * 1024  # multipart framing and JSON around the note itself

DESCRIPTION = """
Leser læringsnotater fra ROM, flagger personopplysninger for referentens gjennomgang,
merker punktene og lagrer bare godkjente, anonymiserte notater for Voksne for Barns
policyteam. Logg inn med `POST /api/auth/token` og send `Authorization: Bearer <token>`.
"""


def _startup(app: FastAPI) -> None:
    settings: Settings = app.state.settings
    if settings.migrate_on_startup:
        migrate.upgrade(app.state.engine)
    purged = purge(app.state.session_factory, settings)
    if purged:
        log.info("Slettet %d utløpte utkast.", purged)


async def _purge_periodically(app: FastAPI, hours: float) -> None:
    while True:
        await asyncio.sleep(hours * 3600)
        try:
            purged = await run_in_threadpool(purge, app.state.session_factory, app.state.settings)
            if purged:
                log.info("Slettet %d utløpte utkast.", purged)
        except Exception as exc:  # keep the loop alive; never log messages (may hold text)
            log.error("Sletting av utløpte utkast feilet: %s", type(exc).__name__)


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    await run_in_threadpool(_startup, app)
    hours = app.state.settings.purge_interval_hours
    task = asyncio.create_task(_purge_periodically(app, hours)) if hours > 0 else None
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        app.state.engine.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="romnotat",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings.db_url)
    app.state.session_factory = make_session_factory(app.state.engine)
    app.state.cipher = DraftCipher(settings)
    install_handlers(app)
    document_errors(app)
    app.add_middleware(
        GuardMiddleware, max_body_bytes=settings.max_upload_bytes + BODY_OVERHEAD_BYTES
    )
    app.include_router(api_router)
    from service.web import mount

    mount(app)  # the pages: login, the referent's review, the policy team's explorer
    return app
