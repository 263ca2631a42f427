"""Log-in for the pages: the API token lives in an HttpOnly cookie.

* ``POST /logg-inn`` checks the form with the same account code as ``POST /api/auth/token``
  and sets the token as an HttpOnly, SameSite=Strict cookie; ``POST /logg-ut`` revokes it.
* ``bearer_or_cookie`` replaces the API's bearer-token dependency (``oauth2_scheme``), so every
  API route also accepts the cookie. A request authenticated by the cookie that changes
  something must carry the ``X-Romnotat`` header, which the pages' scripts send and which a
  form or script on another site cannot send without a CORS pre-flight (the API allows none).
* ``page_user`` is the dependency of every page: the logged-in user, or a redirect to the
  log-in page.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from service import accounts, audit
from service.api.deps import SessionDep, SettingsDep, oauth2_scheme
from service.api.errors import forbidden
from service.db.models import User
from service.web.render import render

COOKIE = "romnotat_token"
CSRF_HEADER = "X-Romnotat"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HOME = {"referent": "/notat/ny", "coordinator": "/notat/ny", "admin": "/notat/ny"}

router = APIRouter(include_in_schema=False)


class LoginRequired(Exception):
    """Raised by ``page_user``; answered with a redirect to the log-in page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


async def bearer_or_cookie(request: Request) -> str | None:
    """The API token: from ``Authorization: Bearer``, else from the pages' cookie."""
    token = await oauth2_scheme(request)
    if token:
        return token
    cookie = request.cookies.get(COOKIE)
    if not cookie:
        return None
    if request.method not in SAFE_METHODS and request.headers.get(CSRF_HEADER) != "1":
        raise forbidden(
            "Forespørselen kom ikke fra romnotats egne sider. Last siden på nytt og prøv igjen."
        )
    return cookie


def home_for(user: User) -> str:
    return HOME.get(user.role, "/utforsk")


def safe_next(value: str | None) -> str | None:
    """A local path to go to after logging in (never another site)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path.startswith(("/api/", "/logg-")):
        return None
    return value


def page_user(request: Request, session: SessionDep) -> User:
    token = request.cookies.get(COOKIE)
    user = accounts.user_for_token(session, token) if token else None
    if user is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target)
    return user


PageUser = Annotated[User, Depends(page_user)]


def login_redirect(request: Request, exc: LoginRequired) -> Response:
    next_path = safe_next(exc.next_path)
    target = "/logg-inn" + (f"?neste={quote(next_path)}" if next_path and next_path != "/" else "")
    response = RedirectResponse(target, status_code=303)
    if request.cookies.get(COOKIE):
        response.delete_cookie(COOKIE, path="/")
    return response


def _same_origin(request: Request) -> bool:
    """Form posts must come from this site (browsers send Origin with every POST)."""
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser, or a very old one; the cookie is SameSite=Strict anyway
    parts = urlsplit(origin)
    hosts = {request.headers.get("host", ""), request.headers.get("x-forwarded-host", "")}
    return parts.scheme in ("http", "https") and parts.netloc in hosts - {""}


def _login_page(
    request: Request,
    *,
    error: str | None = None,
    info: str | None = None,
    username: str = "",
    next_path: str | None = None,
    status: int = 200,
) -> Response:
    return render(
        request,
        "login.html",
        {"error": error, "info": info, "username": username, "next": next_path or ""},
        status=status,
        title="Logg inn",
    )


@router.get("/logg-inn")
def login_form(
    request: Request, session: SessionDep, neste: str | None = None, utlogget: int = 0
) -> Response:
    token = request.cookies.get(COOKIE)
    user = accounts.user_for_token(session, token) if token else None
    if user is not None:
        return RedirectResponse(safe_next(neste) or home_for(user), status_code=303)
    info = None
    if utlogget:
        info = "Du er logget ut."
    elif neste:
        info = "Du må logge inn for å se denne siden."
    return _login_page(request, info=info, next_path=safe_next(neste))


@router.post("/logg-inn")
async def login(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    if not _same_origin(request):
        return _login_page(
            request, error="Innloggingen ble avvist. Last siden på nytt.", status=403
        )
    form = await request.form(max_files=0, max_fields=10)
    username = str(form.get("username") or "").strip()
    password = str(form.get("password") or "")
    next_path = safe_next(str(form.get("neste") or ""))
    if not username or not password:
        return _login_page(
            request,
            error="Fyll inn både brukernavn og passord.",
            username=username[:64],
            next_path=next_path,
            status=422,
        )

    def work() -> tuple[User, str, int] | None:
        user = accounts.authenticate(session, username[:64], password[:1024])
        if user is None:
            audit.record(session, None, "login_failed")
            session.commit()
            return None
        token, _row = accounts.issue_token(session, user, settings)
        audit.record(session, user, "login")
        session.commit()
        return user, token, settings.access_token_expire_minutes * 60

    result = await run_in_threadpool(work)
    if result is None:
        return _login_page(
            request,
            error="Feil brukernavn eller passord.",
            username=username[:64],
            next_path=next_path,
            status=401,
        )
    user, token, max_age = result
    response = RedirectResponse(next_path or home_for(user), status_code=303)
    response.set_cookie(
        COOKIE,
        token,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logg-ut")
def logout(request: Request, session: SessionDep) -> Response:
    response = RedirectResponse("/logg-inn?utlogget=1", status_code=303)
    token = request.cookies.get(COOKIE)
    if token and _same_origin(request):
        user = accounts.user_for_token(session, token)
        accounts.revoke_token(session, token)
        if user is not None:
            audit.record(session, user, "logout")
        session.commit()
    response.delete_cookie(COOKIE, path="/")
    return response
