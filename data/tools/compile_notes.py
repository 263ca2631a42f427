"""Compile the authored notes in data/notes/src/*.yaml into data/notes/<id>.txt + <id>.json.

Authors write the note text once and name every annotation by its exact text; this script finds
the offsets, so that annotations stay correct when a note is edited. See data/README.md.

    python data/tools/compile_notes.py            # compile all
    python data/tools/compile_notes.py --check    # fail if a compiled file is out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

NOTES_DIR = Path(__file__).resolve().parent.parent / "notes"
PII_TYPES = {  # nlp.schema.PiiType (this tool runs without the project installed)
    "PERSON",
    "LOCATION",
    "ADDRESS",
    "ORGANIZATION",
    "FNR",
    "PHONE",
    "EMAIL",
    "HANDLE",
    "DATE",
    "AGE",
}
LABELS = {"challenge", "good_practice", "wish", "other"}
SPEAKERS = {"deltaker", "fagperson", "pårørende", "ungdom", "forelder", "ukjent"}
META = ("id", "split", "variant", "style", "language", "format")


class AnnotationError(ValueError):
    pass


def _occurrences(text: str, needle: str, whole_word: bool) -> list[int]:
    pattern = re.escape(needle)
    if whole_word:
        pattern = rf"(?<![\w]){pattern}(?![\w])"
    return [m.start() for m in re.finditer(pattern, text)]


def _pick(text: str, spec: dict[str, Any], whole_word: bool, default_all: bool) -> list[int]:
    needle = spec["text"]
    found = _occurrences(text, needle, whole_word)
    if not found:
        raise AnnotationError(f"not found in text: {needle!r}")
    wanted = spec.get("occurrences")
    if wanted is None:
        wanted = list(range(len(found))) if default_all else [spec.get("occurrence", 0)]
    try:
        return [found[i] for i in wanted]
    except IndexError as exc:
        raise AnnotationError(
            f"{needle!r}: asked for occurrence {wanted}, found {len(found)}"
        ) from exc


def compile_note(source: dict[str, Any]) -> dict[str, Any]:
    text: str = source["text"]
    out: dict[str, Any] = {key: source.get(key) for key in META}
    out["text"] = text
    pii = []
    for spec in source.get("pii") or []:
        if spec["type"] not in PII_TYPES:
            raise AnnotationError(f"unknown PII type {spec['type']!r}")
        for start in _pick(text, spec, whole_word=True, default_all=True):
            pii.append(
                {
                    "start": start,
                    "end": start + len(spec["text"]),
                    "type": spec["type"],
                    "text": spec["text"],
                }
            )
    items = []
    for spec in source.get("items") or []:
        if spec["label"] not in LABELS:
            raise AnnotationError(f"unknown label {spec['label']!r}")
        (start,) = _pick(text, spec, whole_word=False, default_all=False)
        items.append(
            {
                "start": start,
                "end": start + len(spec["text"]),
                "text": spec["text"],
                "label": spec["label"],
                "themes": list(spec.get("themes") or []),
            }
        )
    quotes = []
    for spec in source.get("quotes") or []:
        if spec["speaker"] not in SPEAKERS:
            raise AnnotationError(f"unknown speaker {spec['speaker']!r}")
        (start,) = _pick(text, spec, whole_word=False, default_all=False)
        quotes.append(
            {
                "start": start,
                "end": start + len(spec["text"]),
                "text": spec["text"],
                "speaker": spec["speaker"],
            }
        )
    out["pii"] = sorted(pii, key=lambda s: (s["start"], s["end"]))
    out["items"] = sorted(items, key=lambda s: s["start"])
    out["quotes"] = sorted(quotes, key=lambda s: s["start"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that outputs are current")
    args = parser.parse_args(argv)
    stale, failed = [], 0
    for src in sorted((NOTES_DIR / "src").glob("*.yaml")):
        try:
            source = yaml.safe_load(src.read_text(encoding="utf-8"))
            note = compile_note(source)
        except (AnnotationError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
            print(f"{src.name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        txt_path = NOTES_DIR / f"{note['id']}.txt"
        json_path = NOTES_DIR / f"{note['id']}.json"
        encoded = json.dumps(note, ensure_ascii=False, indent=1) + "\n"
        if args.check:
            if not json_path.exists() or json_path.read_text(encoding="utf-8") != encoded:
                stale.append(src.name)
            continue
        txt_path.write_bytes(note["text"].encode("utf-8"))
        json_path.write_text(encoded, encoding="utf-8")
    if stale:
        print("out of date, run data/tools/compile_notes.py: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
