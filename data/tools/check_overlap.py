"""Find copied text in labelled items: six-word runs shared with VfB's seed documents, and
near-duplicate items.

    .venv/bin/python data/tools/check_overlap.py [--notes] [ITEMS.jsonl ...]
    .venv/bin/python data/tools/check_overlap.py --train-notes

Without files it checks data/items/. With ``--notes`` it also reports items close to an item
or quote of the annotated evaluation notes in data/notes/ (the dev and test splits; a shared
five-word run, or ``NEAR_NOTE`` of their content-word stems in common): a new batch must not
teach the classifier the notes it is measured on. ``--train-notes`` checks the items and quotes
of the notes written for training (split train) the same way, and their items against
data/items/ for near duplicates. (Batches before session 11 were not checked against the notes;
about one item in ten of them comes that close, so the check is for new batches.)

Items must not copy the seeds (../shared/seeds, used for understanding only): no run of six
words may occur in both. A new item must not be a rewording of another: two items whose
three-word runs overlap by ``NEAR_DUPLICATE`` or more (Jaccard) are reported. Common phrases
("at det ikke var min feil") may recur between items, so six-word runs are only checked against
the seeds. Exits 1 when anything is found.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from nlp.settings import shared_path  # noqa: E402

RUN = 6
NEAR_DUPLICATE = 0.55
NOTE_RUN = 5
NEAR_NOTE = 0.35
EVALUATION_SPLITS = ("dev", "test")  # the annotated notes something is measured on
NOTES_DIR = REPO / "data" / "notes"
_WORD = re.compile(r"[^\W_]+")


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    """The runs of ``n`` consecutive words of ``text``, lower-cased (punctuation ignored)."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def seed_runs(seeds_dir: Path) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for path in sorted(seeds_dir.glob("*.txt")):
        found |= runs(path.read_text(encoding="utf-8", errors="replace"))
    return found


def read_items(paths: Iterable[Path]) -> list[tuple[str, str]]:
    items = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                items.append((row["id"], row["text"]))
    return items


def copied_from_seeds(
    items: Sequence[tuple[str, str]], seeds: set[tuple[str, ...]]
) -> list[tuple[str, str]]:
    """``(id, run)`` for every six-word run an item shares with the seeds."""
    return [(item_id, " ".join(run)) for item_id, text in items for run in runs(text) & seeds]


def near_duplicates(
    items: Sequence[tuple[str, str]], threshold: float = NEAR_DUPLICATE
) -> list[tuple[str, str, float]]:
    """``(id, id, jaccard)`` for item pairs whose three-word runs overlap by ``threshold``."""
    shingles = [runs(text, 3) or {tuple(_WORD.findall(text.lower()))} for _, text in items]
    by_shingle: dict[tuple[str, ...], list[int]] = {}
    for k, found in enumerate(shingles):
        for shingle in found:
            by_shingle.setdefault(shingle, []).append(k)
    pairs = {(a, b) for ks in by_shingle.values() for a in ks for b in ks if a < b}
    found_pairs = []
    for a, b in sorted(pairs):
        jaccard = len(shingles[a] & shingles[b]) / len(shingles[a] | shingles[b])
        if jaccard >= threshold:
            found_pairs.append((items[a][0], items[b][0], round(jaccard, 2)))
    return found_pairs


def stems(text: str) -> set[str]:
    """The content words of ``text`` (four letters or more), cut to their first six letters."""
    return {w[:6] for w in _WORD.findall(text.lower()) if len(w) >= 4}


def _notes(notes_dir: Path, splits: Sequence[str]) -> list[tuple[str, dict]]:
    found = []
    for path in sorted(notes_dir.glob("*.json")):
        note = json.loads(path.read_text(encoding="utf-8"))
        if note.get("split") in splits:
            found.append((str(note.get("id", path.stem)), note))
    return found


def note_texts(notes_dir: Path, splits: Sequence[str] = EVALUATION_SPLITS) -> list[tuple[str, str]]:
    """``(note id, text)`` of every item and quote of the annotated notes of ``splits``."""
    return [
        (note_id, span["text"])
        for note_id, note in _notes(notes_dir, splits)
        for span in [*note.get("items", []), *note.get("quotes", [])]
    ]


def train_note_spans(notes_dir: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The items (``<note>#<k>``) and quotes (``<note>#q<k>``) of the notes written for
    training."""
    items, quotes = [], []
    for note_id, note in _notes(notes_dir, ("train",)):
        items += [(f"{note_id}#{k}", s["text"]) for k, s in enumerate(note.get("items", []))]
        quotes += [(f"{note_id}#q{k}", s["text"]) for k, s in enumerate(note.get("quotes", []))]
    return items, quotes


def check_train_notes(
    notes_dir: Path, items_dir: Path, seeds: set[tuple[str, ...]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str, float]], list[tuple[str, str]]]:
    """Seed runs, near duplicates of data/items/ or of each other, and closeness to an
    evaluation note, for the items and quotes of the notes written for training (a quote is
    only checked against the seeds and the notes: it repeats a part of its item)."""
    items, quotes = train_note_spans(notes_dir)
    own = {item_id for item_id, _ in items}
    pairs = near_duplicates([*items, *read_items(sorted(items_dir.glob("*.jsonl")))])
    return (
        copied_from_seeds([*items, *quotes], seeds),
        [pair for pair in pairs if pair[0] in own or pair[1] in own],
        near_annotated_notes([*items, *quotes], note_texts(notes_dir)),
    )


def near_annotated_notes(
    items: Sequence[tuple[str, str]],
    notes: Sequence[tuple[str, str]],
    threshold: float = NEAR_NOTE,
) -> list[tuple[str, str]]:
    """``(item id, note id)`` for items that share a five-word run with an annotated note's
    item or quote, or whose content-word stems overlap one's by ``threshold`` (Jaccard)."""
    refs = [(note_id, runs(text, NOTE_RUN), stems(text)) for note_id, text in notes]
    found = []
    for item_id, text in items:
        own_runs, own_stems = runs(text, NOTE_RUN), stems(text)
        for note_id, note_runs, note_stems in refs:
            union = own_stems | note_stems
            close = bool(union) and len(own_stems & note_stems) / len(union) >= threshold
            if own_runs & note_runs or close:
                found.append((item_id, note_id))
                break
    return found


def main(argv: Sequence[str]) -> int:
    with_notes = "--notes" in argv
    train_notes = "--train-notes" in argv
    argv = [a for a in argv if a not in ("--notes", "--train-notes")]
    unknown = [a for a in argv if a.startswith("-") or not Path(a).is_file()]
    problem = (
        f"not an option or an item file: {', '.join(unknown)}"
        if unknown
        else "--train-notes takes no other option or file"
        if train_notes and (argv or with_notes)
        else ""
    )
    if problem:
        print(
            f"{problem} (usage: check_overlap.py [--notes] [ITEMS.jsonl ...] | --train-notes)",
            file=sys.stderr,
        )
        return 2
    items_dir = REPO / "data" / "items"
    seeds_dir = shared_path("seeds")
    if not seeds_dir.is_dir():
        print(f"seed documents not found at {seeds_dir}", file=sys.stderr)
        return 2
    if train_notes:
        copied, duplicates, near = check_train_notes(NOTES_DIR, items_dir, seed_runs(seeds_dir))
        report(copied, duplicates, near)
        print(
            f"notes written for training: {len(copied)} six-word runs from the seeds, "
            f"{len(duplicates)} near-duplicate pairs, {len(near)} close to the evaluation notes",
            file=sys.stderr,
        )
        return 1 if copied or duplicates or near else 0
    items = read_items([Path(a) for a in argv] or sorted(items_dir.glob("*.jsonl")))
    copied = copied_from_seeds(items, seed_runs(seeds_dir))
    duplicates = near_duplicates(items)
    near = near_annotated_notes(items, note_texts(NOTES_DIR)) if with_notes else []
    report(copied, duplicates, near)
    print(
        f"{len(items)} items: {len(copied)} six-word runs from the seeds, "
        f"{len(duplicates)} near-duplicate pairs"
        + (f", {len(near)} close to the annotated notes" if with_notes else ""),
        file=sys.stderr,
    )
    return 1 if copied or duplicates or near else 0


def report(
    copied: list[tuple[str, str]],
    duplicates: list[tuple[str, str, float]],
    near: list[tuple[str, str]],
) -> None:
    for item_id, run in copied:
        print(f"{item_id} shares with the seeds: {run!r}")
    for a, b, jaccard in duplicates:
        print(f"{a} and {b} are near duplicates (Jaccard {jaccard})")
    for item_id, note_id in near:
        print(f"{item_id} is close to an item or quote of annotated note {note_id}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
