"""Name and place lists in data/gazetteers/ (sources and licences in its SOURCE.md)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from nlp.settings import REPO_ROOT

GAZETTEER_DIR = REPO_ROOT / "data" / "gazetteers"


def read_list(path: Path) -> list[str]:
    """Entries of a list file: one per line, '#' starts a comment line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=16)
def word_set(*names: str, directory: Path = GAZETTEER_DIR) -> frozenset[str]:
    words: set[str] = set()
    for name in names:
        path = directory / name
        if path.exists():
            words.update(read_list(path))
    return frozenset(words)


def first_names() -> frozenset[str]:
    return word_set("first_names.txt")


def surnames() -> frozenset[str]:
    return word_set("last_names.txt")


def places() -> frozenset[str]:
    return word_set("municipalities.txt", "places.txt", "world_places.txt")


def postal_places() -> frozenset[str]:
    """Norway's postal places (towns and villages the other place lists lack: "Bryne")."""
    return word_set("postal_places.txt")


def neighbourhoods() -> frozenset[str]:
    """Districts and neighbourhoods of the largest towns ("Tøyen", "Loddefjord")."""
    return word_set("neighbourhoods.txt")
