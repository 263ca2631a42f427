"""The labelled items: data/items/*.jsonl and the items of the annotated dev and train notes in
data/notes/ (formats in data/README.md)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from nlp.schema import LABELS
from nlp.settings import REPO_ROOT
from nlp.structure.parser import ItemSpan, parse_structure

ITEMS_DIR = REPO_ROOT / "data" / "items"
NOTES_DIR = REPO_ROOT / "data" / "notes"
THEMES_FILE = REPO_ROOT / "data" / "themes" / "themes.yaml"
BATCHES_FILE = "batches.yaml"
# the annotated notes whose items are trained on, each split with its batch in the card's figures
# per batch: the dev notes (also measured as new notes by data/tools/notes_cv.py) and the notes
# written for training only; the test notes are only ever measured
NOTE_BATCHES = {"dev": "dev_notes", "train": "train_notes"}
TRAINING_NOTE_SPLITS = tuple(NOTE_BATCHES)
CODE_DIRS = ("classify", "structure")  # the structure parser gives the notes' items their heading


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


def training_note_files(
    directory: Path = NOTES_DIR, splits: tuple[str, ...] = TRAINING_NOTE_SPLITS
) -> list[tuple[Path, dict[str, Any]]]:
    """The compiled annotated notes (``<id>.json``) of ``splits``, with their content."""
    out = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"{path.name}: not JSON") from exc
        if isinstance(data, dict) and data.get("split") in splits:
            if not isinstance(data.get("text"), str):
                raise ValueError(f"{path.name}: no text; run data/tools/compile_notes.py")
            out.append((path, data))
    return out


def load_note_items(
    directory: Path = NOTES_DIR, splits: tuple[str, ...] = TRAINING_NOTE_SPLITS
) -> list[LabelledItem]:
    """The gold items of the annotated notes of ``splits``, each under the heading the structure
    parser finds for it (as ``analyse`` reads it; ``None`` where the note has none)."""
    items = []
    for path, data in training_note_files(directory, splits):
        note_id = str(data.get("id") or path.stem)
        spans = parse_structure(data["text"]).items
        for number, gold in enumerate(data.get("items") or []):
            try:
                item = _note_item(gold, f"{note_id}#{number}", note_group(note_id), spans)
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(
                    f"{path.name}: item {number} lacks text, offsets or a known label; "
                    "run data/tools/compile_notes.py"
                ) from exc
            batch = NOTE_BATCHES.get(data["split"], f"{data['split']}_notes")
            items.append(replace(item, lang=data.get("language", "nb"), batch=batch))
    return items


def note_group(note_id: str) -> str:
    """The ``note`` an annotated note's items carry (cross-validation keeps it in one fold)."""
    return f"note-{note_id}"


def _note_item(
    gold: dict[str, Any], item_id: str, note: str, spans: list[ItemSpan]
) -> LabelledItem:
    if gold["label"] not in LABELS:
        raise ValueError("unknown label")
    return LabelledItem(
        id=item_id,  # `<note>#<k>`, as data/agreement/ names them
        note=note,
        text=str(gold["text"]),
        section=_heading_of(int(gold["start"]), int(gold["end"]), spans),
        label=gold["label"],
        themes=tuple(gold.get("themes") or ()),
        lang="nb",
    )


def _heading_of(start: int, end: int, spans: list[ItemSpan]) -> str | None:
    """The section of the parsed item that overlaps ``start:end`` most."""
    overlap, section = max(
        ((min(end, s.end) - max(start, s.start), s.section) for s in spans), default=(0, None)
    )
    return section if overlap > 0 and section != "unknown" else None


def note_fingerprint(text: str) -> str:
    """What names an annotated note the classifier learnt from (``romnotat eval`` says so)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def training_note_fingerprints(directory: Path = NOTES_DIR) -> dict[str, str]:
    """Note id -> fingerprint of the text of every annotated note trained on."""
    return {
        str(data.get("id") or path.stem): note_fingerprint(data["text"])
        for path, data in training_note_files(directory)
    }


def load_training_items() -> list[LabelledItem]:
    """Everything ``romnotat train`` learns from: data/items/ and the dev and train notes' items."""
    return [*load_items(), *load_note_items()]


def code_hash() -> str:
    """SHA-256 of the classifier's code (and of the structure parser, which gives the notes'
    items their heading): a change to features or models makes artefacts stale."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for folder in CODE_DIRS:
        for path in sorted((package / folder).glob("*.py")):
            name = path.name if folder == "classify" else f"{folder}/{path.name}"
            digest.update(name.encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()


def data_hash(directory: Path = ITEMS_DIR, notes: Path = NOTES_DIR) -> str:
    digest = hashlib.sha256()
    # the batches only group the card's figures, but a regrouping must show in a new card too
    for path in [*item_files(directory), directory / BATCHES_FILE, THEMES_FILE]:
        if path.exists():
            digest.update(path.name.encode() + b"\n" + path.read_bytes())
    for path, _ in training_note_files(notes):
        digest.update(f"notes/{path.name}".encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()
