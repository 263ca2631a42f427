"""Templates and the headers every page gets."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from romnotat import __version__
from service.web.labels import ROLES, page_config

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")

# Pages show note text: no third-party anything, no caching, no framing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _json_script(value: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block (safe against ``</script>``)."""
    text = json.dumps(value, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


templates.env.filters["json_script"] = _json_script


@lru_cache(maxsize=1)
def static_version() -> str:
    """A short hash of the static files, so browsers fetch them anew after a change."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(STATIC_DIR.glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
    title: str = "",
    user: Any = None,
) -> Response:
    values = {
        "title": title,
        "user": user,
        "role_name": ROLES.get(user.role, user.role) if user is not None else "",
        "version": __version__,
        "config": page_config(),
        "static_version": static_version(),
    }
    values.update(context or {})
    return templates.TemplateResponse(
        request, name, values, status_code=status, headers=SECURITY_HEADERS
    )
