"""Error responses in Norwegian bokmål that never contain note text, and the request guard.

* ``ApiError`` carries a status, a Norwegian message and optional extra fields.
* Validation errors become 422 naming the field(s); the offending input is never echoed.
* ``document_errors`` makes the OpenAPI schema describe those 422 bodies as they are.
* ``GuardMiddleware`` refuses bodies over the limit (413) and turns any unhandled exception
  into a 500 whose log record has the exception type and stack frames but not its message
  (messages can quote note text).
"""

from __future__ import annotations

import json
import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nlp.errors import InputError, ModelUnavailableError
from service.core.security import DecryptionError

log = logging.getLogger("romnotat.service.api")


class ApiError(Exception):
    def __init__(
        self, status: int, message: str, *, field: str | None = None, **extra: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.extra = extra
        self.headers: dict[str, str] | None = None


def unauthorized(message: str = "Du må logge inn.") -> ApiError:
    error = ApiError(401, message)
    error.headers = {"WWW-Authenticate": "Bearer"}
    return error


def forbidden(message: str = "Du har ikke tilgang til dette.") -> ApiError:
    return ApiError(403, message)


def not_found(what: str = "Ressursen") -> ApiError:
    return ApiError(404, f"{what} finnes ikke.")


def too_large(limit: int) -> ApiError:
    return ApiError(413, f"Forespørselen er for stor. Grensen er {_size(limit)}.")


def unsupported(message: str) -> ApiError:
    return ApiError(415, message)


def invalid(field: str, message: str) -> ApiError:
    return ApiError(422, f"Ugyldig forespørsel: «{field}» {_lower_first(message)}", field=field)


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:] if message else message


def _size(n_bytes: int) -> str:
    mib = 1024 * 1024
    if n_bytes >= mib:
        return f"{n_bytes / mib:.1f}".replace(".", ",").removesuffix(",0") + " MB"
    if n_bytes >= 1024:
        return f"{n_bytes // 1024} kB"
    return f"{n_bytes} byte"


_DEFAULT_DETAILS = {
    400: "Ugyldig forespørsel.",
    401: "Du må logge inn.",
    403: "Du har ikke tilgang til dette.",
    404: "Fant ikke siden eller ressursen.",
    405: "Metoden er ikke tillatt for denne adressen.",
    406: "Kan ikke levere svaret i formatet som ble bedt om.",
    409: "Forespørselen er i konflikt med dataenes tilstand.",
    413: "Forespørselen er for stor.",
    415: "Innholdstypen støttes ikke.",
    422: "Ugyldig forespørsel.",
    429: "For mange forespørsler. Vent litt og prøv igjen.",
    500: "En uventet feil oppsto. Ingenting er lagret.",
    503: "Tjenesten er ikke tilgjengelig akkurat nå.",
}

_MESSAGES = {
    "missing": "mangler",
    "string_type": "må være tekst",
    "int_type": "må være et heltall",
    "int_parsing": "må være et heltall",
    "int_from_float": "må være et heltall",
    "float_type": "må være et tall",
    "float_parsing": "må være et tall",
    "bool_type": "må være sann eller usann",
    "bool_parsing": "må være sann eller usann",
    "date_type": "må være en dato (ÅÅÅÅ-MM-DD)",
    "date_parsing": "må være en dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "må være en dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_inexact": "må være en dato (ÅÅÅÅ-MM-DD)",
    "json_invalid": "er ikke gyldig JSON",
    "json_type": "er ikke gyldig JSON",
    "model_type": "må være et objekt",
    "model_attributes_type": "må være et objekt",
    "dict_type": "må være et objekt",
    "list_type": "må være en liste",
    "extra_forbidden": "er ikke et kjent felt",
    "string_pattern_mismatch": "har ugyldig format",
    "string_too_short": "er for kort",
    "too_short": "har for få elementer",
    "too_long": "har for mange elementer",
    "union_tag_invalid": "har en ugyldig type",
}
_VALUE_ERRORS = {
    "add needs start, end and type": "«add» trenger start, end og type",
    "an entity decision needs entity": "en avgjørelse for en hel enhet trenger entity",
    "a mention decision needs start and end": "en avgjørelse for ett treff trenger start og end",
    "end must be after start": "end må komme etter start",
}


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind in ("literal_error", "enum") and "expected" in ctx:
        return f"har en ugyldig verdi (gyldige verdier: {ctx['expected']})"
    if kind == "string_too_long" and "max_length" in ctx:
        return f"er for lang (høyst {ctx['max_length']} tegn)"
    if kind in ("greater_than_equal", "greater_than") and ctx:
        return f"må være minst {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than") and ctx:
        return f"må være høyst {ctx.get('le', ctx.get('lt'))}"
    if kind == "value_error":
        raw = str(ctx.get("error", ""))
        for english, norwegian in _VALUE_ERRORS.items():
            if english in raw:
                return norwegian
    return "har en ugyldig verdi"


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "form"):
        parts = parts[1:]
    if not parts:
        return "body"
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            # pydantic names union/function branches in loc; keep only field names
            if "[" in str(part) or str(part).startswith("function-"):
                continue
            out += ("." if out else "") + str(part)
    return out or "body"


def validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    seen: dict[str, str] = {}
    for error in errors:
        field = _field(error.get("loc", ()))
        seen.setdefault(field, _message(error))
    return [{"field": f, "message": m} for f, m in seen.items()]


def _json(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content=body, headers=headers)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        body: dict[str, Any] = {"detail": exc.message}
        if exc.field:
            body["field"] = exc.field
        body.update(exc.extra)
        return _json(exc.status, body, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = validation_errors(list(exc.errors()))
        parts = "; ".join(f"«{e['field']}» {e['message']}" for e in errors[:5])
        return _json(422, {"detail": f"Ugyldig forespørsel: {parts}.", "errors": errors})

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Only the framework raises these (unknown route, wrong method, broken form data);
        # the service's own errors are ApiError. Their English details are replaced.
        if isinstance(exc.__cause__, BodyTooLarge):  # a streamed body ran over the limit
            return _json(413, {"detail": _DEFAULT_DETAILS[413]})
        detail = _DEFAULT_DETAILS.get(exc.status_code, "Forespørselen kunne ikke behandles.")
        return _json(exc.status_code, {"detail": detail}, getattr(exc, "headers", None))

    @app.exception_handler(InputError)
    async def _input(_request: Request, exc: InputError) -> JSONResponse:
        return _json(422, {"detail": str(exc)})

    @app.exception_handler(ModelUnavailableError)
    async def _model(_request: Request, exc: ModelUnavailableError) -> JSONResponse:
        log.error("Analysen er ikke tilgjengelig: språkmodellen mangler.")
        return _json(503, {"detail": "Analysen er ikke tilgjengelig: " + str(exc)})

    @app.exception_handler(DecryptionError)
    async def _decrypt(_request: Request, _exc: DecryptionError) -> JSONResponse:
        log.error("Et utkast kunne ikke dekrypteres med nøkkelen som er satt opp.")
        return _json(
            500,
            {
                "detail": "Utkastet kan ikke leses med krypteringsnøkkelen som er satt opp. "
                "Kontakt administrator."
            },
        )


# What every error response is: "detail" always; "field" for one bad field; "errors" (one per
# field) for a request that fails validation; other fields where an error says so (e.g.
# "pending", "revision").
ERROR_SCHEMA: dict[str, Any] = {
    "title": "Feil",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "title": "Detail"},
        "field": {"type": "string", "title": "Field"},
        "errors": {
            "type": "array",
            "title": "Errors",
            "items": {"$ref": "#/components/schemas/ValidationError"},
        },
    },
}
FIELD_ERROR_SCHEMA: dict[str, Any] = {
    "title": "ValidationError",
    "type": "object",
    "required": ["field", "message"],
    "properties": {
        "field": {"type": "string", "title": "Field"},
        "message": {"type": "string", "title": "Message"},
    },
}


def document_errors(app: FastAPI) -> None:
    """Make the schema show the 422 body the handlers send. FastAPI documents every 422 as its
    own ``HTTPValidationError`` (``detail``: a list of pydantic errors), which this service
    never sends (its ``detail`` is a Norwegian sentence and the fields are in ``errors``)."""
    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = default_openapi()
            schemas = schema.get("components", {}).get("schemas", {})
            if "HTTPValidationError" in schemas:
                schemas["HTTPValidationError"] = ERROR_SCHEMA
                schemas["ValidationError"] = FIELD_ERROR_SCHEMA
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


class BodyTooLarge(Exception):
    pass


class GuardMiddleware:
    """Caps request bodies and answers unhandled exceptions with a safe 500."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > limit:
                    await _send_json(send, 413, {"detail": too_large(limit).message})
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_json(send, 413, {"detail": too_large(limit).message})
        except Exception as exc:
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error(
                "Uventet feil ved %s %s: %s (meldingen er utelatt fordi den kan inneholde "
                "notattekst)\n%s",
                scope.get("method"),
                scope.get("path"),
                type(exc).__name__,
                frames,
            )
            if not started:
                await _send_json(send, 500, {"detail": _DEFAULT_DETAILS[500]})


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
