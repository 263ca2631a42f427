"""Which themes an item gets from the tagger's scores: those at or above their theme's cut, best
first, at most three (data/README.md: zero to three theme ids per item)."""

from __future__ import annotations

from collections.abc import Sequence

MAX_THEMES = 3


def chosen_themes(
    scores: Sequence[float], themes: Sequence[str], cuts: Sequence[float]
) -> list[str]:
    """The themes whose score reaches its cut, highest score first, at most ``MAX_THEMES``."""
    passed = [(s, t) for t, s, cut in zip(themes, scores, cuts) if s >= cut]
    passed.sort(key=lambda pair: -pair[0])
    return [t for _, t in passed[:MAX_THEMES]]
