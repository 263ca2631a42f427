"""The rows the item models take: ``{"text", "section"}``, optionally ``"note"`` (which note the
item comes from, for the theme tagger's note context) and ``"quote"`` (a quote, not an item)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Row = dict[str, Any]


def texts_of(rows: Sequence[Row]) -> list[str]:
    return [str(r["text"]) for r in rows]
