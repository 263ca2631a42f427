"""Read a note from a request: JSON ``{"text": ...}`` or a multipart upload (``file``).

Size, type and content are checked here so that the status codes are right: too large 413,
unsupported type 415, unreadable or invalid 422. Nothing from the note reaches a message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from nlp.readers import EXTENSIONS, InputError, ReadResult, limits, read_bytes, read_text
from nlp.readers.docx import OLE_SIGNATURE
from service.api.errors import ApiError, invalid, too_large, unsupported
from service.api.schemas import MAX_DB_INT, AnalyseRequest
from service.core.config import Settings

_TYPES = ", ".join(sorted(EXTENSIONS))
UNSUPPORTED_TYPE = f"Filtypen støttes ikke. Last opp en av disse: {_TYPES}."
UNSUPPORTED_CONTENT = (
    'Innholdstypen støttes ikke. Send JSON {"text": ...} eller last opp en fil som '
    "multipart/form-data med feltet «file»."
)

OPENAPI_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/AnalyseRequest"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "site_id": {"type": "integer"},
                    },
                }
            },
        },
    }
}


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


_SIZE_REFUSALS = ("Filen er for stor", "Teksten er for lang")


def _input_error(error: InputError, data: bytes | None = None) -> ApiError:
    if data is not None and data.startswith(OLE_SIGNATURE):
        return unsupported(str(error))
    if error.message.startswith(_SIZE_REFUSALS):
        return ApiError(413, str(error))
    return ApiError(422, str(error))


def _check_text(text: str, settings: Settings) -> None:
    if len(text.encode("utf-8")) > settings.max_upload_bytes:
        raise too_large(settings.max_upload_bytes)
    if len(text) > limits.MAX_TEXT_CHARS:
        raise ApiError(
            413, f"Teksten er for lang (over {limits.MAX_TEXT_CHARS:,} tegn).".replace(",", " ")
        )


async def read_note(request: Request, settings: Settings) -> tuple[ReadResult, int | None]:
    """The note in the request, and the ``site_id`` it names (if any)."""
    media = _media_type(request)
    if media == "application/json":
        body = await request.body()
        try:
            parsed = AnalyseRequest.model_validate_json(body)
        except ValidationError as error:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in error.errors(include_input=False)]
            ) from None
        _check_text(parsed.text, settings)
        try:
            return read_text(parsed.text, source=parsed.source or "<paste>"), parsed.site_id
        except InputError as error:
            raise _input_error(error) from None
    if media == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise invalid("file", "mangler: last opp notatet i feltet «file».")
        site_raw = form.get("site_id")
        site_id: int | None = None
        if isinstance(site_raw, str) and site_raw.strip():
            # isdecimal, not isdigit: int() refuses digits such as "²" (a 500 before)
            if not site_raw.strip().isdecimal():
                raise invalid("site_id", "må være et heltall.")
            site_id = int(site_raw)
            if site_id > MAX_DB_INT:
                raise invalid("site_id", f"må være høyst {MAX_DB_INT}.")
        name = upload.filename or ""
        suffix = Path(name).suffix.lower()
        if suffix and suffix not in EXTENSIONS:
            raise unsupported(UNSUPPORTED_TYPE)
        data = await upload.read(settings.max_upload_bytes + 1)
        await upload.close()
        if len(data) > settings.max_upload_bytes:
            raise too_large(settings.max_upload_bytes)
        if len(data) > limits.MAX_INPUT_BYTES:
            raise too_large(limits.MAX_INPUT_BYTES)
        try:
            return read_bytes(data, filename=name or None), site_id
        except InputError as error:
            raise _input_error(error, data) from None
    raise unsupported(UNSUPPORTED_CONTENT)
