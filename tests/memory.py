"""Checks that a text is no longer held by any object in the process (privacy tests)."""

from __future__ import annotations

import gc


def containers_holding(sentence: str) -> list[type]:
    """The types of garbage-collected objects that refer to a string containing ``sentence``
    (after a full collection)."""
    gc.collect()
    found = []
    for obj in gc.get_objects():
        try:
            referents = gc.get_referents(obj)
        except Exception:  # pragma: no cover - exotic extension objects
            continue
        if any(isinstance(r, str) and r is not sentence and sentence in r for r in referents):
            found.append(type(obj))
    return found
