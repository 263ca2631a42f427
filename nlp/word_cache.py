"""A bounded per-word memo for the hot paths that work word by word (character n-grams, theme
keywords, presidio's context keywords, the person and place recognizers' word checks): words
repeat, so each is worked out once.

It holds single words, not sentences, and starts over when full, so memory stays bounded in a
long-running service.
"""

from __future__ import annotations

from typing import TypeVar

WORD_CACHE_LIMIT = 200_000
V = TypeVar("V")


def remember(cache: dict[str, V], word: str, value: V) -> V:
    """Store ``value`` for ``word`` (emptying a full cache first) and return it."""
    if len(cache) >= WORD_CACHE_LIMIT:
        cache.clear()
    cache[word] = value
    return value
