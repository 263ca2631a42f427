"""The labelled items in data/items/*.jsonl (format in data/README.md)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from nlp.schema import LABELS
from nlp.settings import REPO_ROOT

ITEMS_DIR = REPO_ROOT / "data" / "items"
THEMES_FILE = REPO_ROOT / "data" / "themes" / "themes.yaml"
BATCHES_FILE = "batches.yaml"


@dataclass(frozen=True)
class LabelledItem:
    id: str
    note: str
    text: str
    section: str | None
    label: str
    themes: tuple[str, ...]
    lang: str
    batch: str = ""  # the writing batch of its file (data/items/batches.yaml)


def item_files(directory: Path = ITEMS_DIR) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def load_batches(directory: Path = ITEMS_DIR) -> dict[str, str]:
    """Item file stem -> the batch it was written in (``batches.yaml``: batch -> file stems)."""
    path = directory / BATCHES_FILE
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path.name}: not valid YAML") from exc
    if not isinstance(data, dict) or not all(
        isinstance(stems, list) and all(isinstance(s, str) for s in stems)
        for stems in data.values()
    ):
        raise ValueError(f"{path.name}: write one line per batch, `name: [set_a, set_b]`")
    return {stem: str(batch) for batch, stems in data.items() for stem in stems}


def load_items(directory: Path = ITEMS_DIR) -> list[LabelledItem]:
    items = []
    batches = load_batches(directory)
    for path in item_files(directory):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{path.name}:{number}: not JSON") from exc
            if row["label"] not in LABELS:
                raise ValueError(f"{path.name}:{number}: unknown label {row['label']!r}")
            items.append(
                LabelledItem(
                    id=row["id"],
                    note=row["note"],
                    text=row["text"],
                    section=row.get("section"),
                    label=row["label"],
                    themes=tuple(row.get("themes") or ()),
                    lang=row.get("lang", "nb"),
                    batch=batches.get(path.stem, path.stem),
                )
            )
    return items


def code_hash() -> str:
    """SHA-256 of the classifier's code: a change to features or models makes artefacts stale."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()


def data_hash(directory: Path = ITEMS_DIR) -> str:
    digest = hashlib.sha256()
    # the batches only group the card's figures, but a regrouping must show in a new card too
    for path in [*item_files(directory), directory / BATCHES_FILE, THEMES_FILE]:
        if path.exists():
            digest.update(path.name.encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()
