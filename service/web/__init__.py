"""The web pages: server-rendered Jinja2 templates with a little vanilla JavaScript.

``mount(app)`` adds the pages, ``/static`` and the cookie log-in to an app from
``service.main.create_app``:

* ``/logg-inn`` (GET form, POST sets an HttpOnly cookie with an API token), ``/logg-ut``;
* ``/notat/ny`` and ``/utkast/{id}``: the referent's review of a note;
* ``/utforsk``: the policy team's explorer.

The pages' scripts call the JSON API with the cookie: ``mount`` overrides the API's bearer
dependency with one that also reads the cookie (see ``service.web.auth``). Every page without
a valid cookie redirects to ``/logg-inn``; errors on pages are shown as Norwegian HTML pages,
while ``/api/…`` keeps its JSON errors.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.api.deps import oauth2_scheme
from service.web import auth, pages
from service.web.render import STATIC_DIR

__all__ = ["mount"]

_PAGE_ERRORS = {
    404: ("Fant ikke siden", "Siden finnes ikke. Sjekk adressen, eller gå til forsiden."),
    405: ("Ikke tillatt", "Denne handlingen er ikke tillatt for denne adressen."),
}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path in ("/docs", "/redoc", "/openapi.json"):
        return False
    return "text/html" in request.headers.get("accept", "")


def mount(app: FastAPI) -> None:
    """Add the pages, ``/static`` and cookie log-in to ``app`` (after ``create_app``'s set-up;
    a second call on the same app does nothing)."""
    if getattr(app.state, "web_mounted", False):
        return
    app.state.web_mounted = True
    app.dependency_overrides[oauth2_scheme] = auth.bearer_or_cookie
    app.include_router(auth.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(auth.LoginRequired, auth.login_redirect)  # type: ignore[arg-type]

    previous = app.exception_handlers.get(StarletteHTTPException, http_exception_handler)

    async def page_or_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if _wants_html(request):
            heading, message = _PAGE_ERRORS.get(
                exc.status_code, ("Noe gikk galt", "Forespørselen kunne ikke behandles.")
            )
            return pages.error_page(request, exc.status_code, heading, message)
        return await previous(request, exc)  # type: ignore[misc,no-any-return]

    app.add_exception_handler(StarletteHTTPException, page_or_api_error)
