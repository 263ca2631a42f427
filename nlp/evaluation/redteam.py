"""Scoring the personal-data flags on the red-team notes (data/pii/redteam/).

Each note is ``<id>.txt`` (the text) and ``<id>.yaml``: ``pii``, a list of ``{text, type}``
whose every exact occurrence in the note is personal data (or only the ``occurrences`` listed,
0-based over all exact matches), and ``not_pii``, strings that must not be flagged. A mention is
found when every letter and digit of it lies inside some flag (``matching.covered``), as
``romnotat eval`` counts recall. A flag that touches no mention is a false flag.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlp.analyse import NoteAnalyser
from nlp.evaluation.matching import covered
from nlp.readers import read_path
from nlp.schema import DIRECT_PII_TYPES, AnalysedNote


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class RedTeamNote:
    id: str
    path: Path
    text: str
    mentions: tuple[Mention, ...]
    not_pii: tuple[str, ...]


def _starts(text: str, needle: str) -> list[int]:
    found, position = [], text.find(needle)
    while position >= 0:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def load_redteam(directory: Path) -> list[RedTeamNote]:
    """The notes of a red-team folder, their mentions resolved to offsets. A note that cannot be
    read raises ``ValueError`` naming its file and what is wrong, never its text."""
    notes = [_load_note(spec_path) for spec_path in sorted(directory.glob("*.yaml"))]
    if not notes:
        raise ValueError(f"{directory}: no <id>.yaml annotations in the folder")
    return notes


def _load_note(spec_path: Path) -> RedTeamNote:
    name = spec_path.name
    path = spec_path.with_suffix(".txt")
    try:
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        # the error's own message may quote the file; only its kind is named
        raise ValueError(
            f"{name}: the note or its annotation cannot be read ({type(error).__name__})"
        ) from None
    if not isinstance(spec, dict) or not isinstance(spec.get("pii") or [], list):
        raise ValueError(f"{name}: the annotation must be a mapping with a list under 'pii'")
    mentions = []
    for k, entry in enumerate(spec.get("pii") or []):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("text"), str)
            or "type" not in entry
        ):
            raise ValueError(f"{name}: pii entry {k} needs a text and a type")
        starts = _starts(text, entry["text"])
        wanted = entry.get("occurrences")
        if wanted is not None:
            if not all(isinstance(i, int) and 0 <= i < len(starts) for i in wanted):
                raise ValueError(
                    f"{name}: pii entry {k} lists an occurrence the note does not have"
                )
            starts = [starts[i] for i in wanted]
        if not starts:
            raise ValueError(f"{name}: pii entry {k} does not occur in the note")
        mentions += [Mention(s, s + len(entry["text"]), entry["type"]) for s in starts]
    traps = spec.get("not_pii") or []
    if not isinstance(traps, list) or not all(isinstance(t, str) and t for t in traps):
        # YAML reads an unquoted 2024-04-18 as a date: the message says where to quote it
        raise ValueError(f"{name}: every 'not_pii' entry must be a quoted string")
    note_id = str(spec.get("id") or spec_path.stem)
    return RedTeamNote(note_id, path, text, tuple(mentions), tuple(traps))


def score_note(note: RedTeamNote, analysed: AnalysedNote) -> dict[str, Any]:
    if analysed.text != note.text:
        raise ValueError(f"{note.id}: the reader changed the text, so the offsets do not hold")
    flags = [(f.start, f.end) for f in analysed.pii]
    found = [m for m in note.mentions if covered(note.text, (m.start, m.end), flags)]
    missed = [m for m in note.mentions if m not in found]
    gold = [False] * len(note.text)
    for m in note.mentions:
        gold[m.start : m.end] = [True] * (m.end - m.start)
    false_flags = [(s, e) for s, e in flags if not any(gold[s:e])]
    traps = sum(
        any(s < start + len(trap) and start < e for s, e in flags)
        for trap in note.not_pii
        for start in _starts(note.text, trap)
    )
    return {
        "id": note.id,
        "mentions": len(note.mentions),
        "found": len(found),
        "direct": sum(m.type in DIRECT_PII_TYPES for m in note.mentions),
        "direct_found": sum(m.type in DIRECT_PII_TYPES for m in found),
        "false_flags": len(false_flags),
        "traps_flagged": traps,
        # types and places only: the note's words stay out of reports
        "missed": [f"{m.type}@{m.start}" for m in missed],
    }


def score_redteam(analyser: NoteAnalyser, notes: Iterable[RedTeamNote]) -> dict[str, Any]:
    """Found mentions (all and direct identifiers), false flags and flagged traps, per note and
    in all."""
    notes = list(notes)
    analysed = analyser.analyse_many([read_path(note.path) for note in notes])
    per_note = [score_note(note, result) for note, result in zip(notes, analysed, strict=True)]
    total = {
        key: sum(n[key] for n in per_note)
        for key in ("mentions", "found", "direct", "direct_found", "false_flags", "traps_flagged")
    }
    total["recall"] = round(total["found"] / max(total["mentions"], 1), 4)
    total["recall_direct"] = round(total["direct_found"] / max(total["direct"], 1), 4)
    return {"total": total, "notes": per_note}
