"""Find copied text in labelled items: six-word runs shared with VfB's seed documents, and
near-duplicate items.

    .venv/bin/python data/tools/check_overlap.py [ITEMS.jsonl ...]

Without arguments it checks data/items/. Items must not copy the seeds (../shared/seeds, used
for understanding only): no run of six words may occur in both. A new item must not be a
rewording of another: two items whose three-word runs overlap by ``NEAR_DUPLICATE`` or more
(Jaccard) are reported. Common phrases ("at det ikke var min feil") may recur between items, so
six-word runs are only checked against the seeds. Exits 1 when anything is found.
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


def main(argv: Sequence[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((REPO / "data" / "items").glob("*.jsonl"))
    seeds_dir = shared_path("seeds")
    if not seeds_dir.is_dir():
        print(f"seed documents not found at {seeds_dir}", file=sys.stderr)
        return 2
    items = read_items(paths)
    copied = copied_from_seeds(items, seed_runs(seeds_dir))
    duplicates = near_duplicates(items)
    for item_id, run in copied:
        print(f"{item_id} shares with the seeds: {run!r}")
    for a, b, jaccard in duplicates:
        print(f"{a} and {b} are near duplicates (Jaccard {jaccard})")
    print(
        f"{len(items)} items: {len(copied)} six-word runs from the seeds, "
        f"{len(duplicates)} near-duplicate pairs",
        file=sys.stderr,
    )
    return 1 if copied or duplicates else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
