"""Log in (username + password → opaque bearer token), who am I, log out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from service import accounts, audit
from service.api.deps import CurrentUser, SessionDep, SettingsDep, TokenDep
from service.api.errors import unauthorized, unsupported
from service.api.schemas import LoginRequest, Token, UserOut

router = APIRouter(prefix="/api/auth", tags=["innlogging"])

_LOGIN_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["username", "password"],
                    "properties": {
                        "username": {"type": "string"},
                        "password": {"type": "string", "format": "password"},
                    },
                }
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/LoginRequest"}},
        },
    }
}


async def _credentials(request: Request) -> LoginRequest:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if media == "application/json":
            return LoginRequest.model_validate_json(await request.body())
        if media in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.form(max_files=0, max_fields=10)
            return LoginRequest.model_validate(
                {k: form.get(k) for k in ("username", "password") if form.get(k) is not None}
            )
    except ValidationError as error:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in error.errors(include_input=False)]
        ) from None
    raise unsupported("Send brukernavn og passord som skjema eller JSON.")


@router.post(
    "/token",
    response_model=Token,
    summary="Logg inn",
    openapi_extra=_LOGIN_BODY,
    responses={401: {"description": "Feil brukernavn eller passord"}},
)
async def login(request: Request, session: SessionDep, settings: SettingsDep) -> Token:
    credentials = await _credentials(request)

    def work() -> Token | None:
        user = accounts.authenticate(session, credentials.username, credentials.password)
        if user is None:
            audit.record(session, None, "login_failed")
            session.commit()
            return None
        token, row = accounts.issue_token(session, user, settings)
        audit.record(session, user, "login")
        session.commit()
        return Token(access_token=token, expires_at=row.expires_at)

    result = await run_in_threadpool(work)
    if result is None:
        raise unauthorized("Feil brukernavn eller passord.")
    return result


@router.get("/me", response_model=UserOut, summary="Hvem er jeg")
def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)


@router.post("/logout", status_code=204, summary="Logg ut (trekk tilbake tokenet)")
def logout(user: CurrentUser, session: SessionDep, token: TokenDep) -> None:
    assert token is not None
    accounts.revoke_token(session, token)
    audit.record(session, user, "logout")
    session.commit()
