"""Read NorNE and derive its train / dev / test splits.

SOURCE.md of the NorNE copy: the UD dev and test files are given; the train split is every
sentence of the NDT files whose token sequence is neither a dev nor a test sentence. NDT ends
about a thousand headline sentences with a ``|`` token that UD leaves out; it is stripped before
matching, or dev and test sentences would leak into train.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

LANGS = ("nob", "nno")
UD_PREFIX = {"nob": "no_bokmaal", "nno": "no_nynorsk"}
ENTITY_LABELS = ("PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV", "MISC")

_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "»", "%"}
_NO_SPACE_AFTER = {"(", "[", "{", "«"}


@dataclass(frozen=True)
class Sentence:
    """One NorNE sentence: tokens, whether each is followed by a space, and BIO tags."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces))

    def entities(self) -> list[tuple[int, int, str]]:
        """Token spans (start, end, label) from the BIO tags."""
        spans: list[tuple[int, int, str]] = []
        start: int | None = None
        label = ""
        for i, tag in enumerate((*self.tags, "O")):
            if start is not None and not (tag.startswith("I-") and tag[2:] == label):
                spans.append((start, i, label))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, label = i, tag[2:]
        return spans


def _name_tag(misc: str) -> str:
    for part in misc.split("|"):
        if part.startswith("name="):
            return part[5:]
    return "O"


def _guess_spaces(words: list[str]) -> list[bool]:
    """NDT has no spacing information: put spaces where a typesetter would."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(
            nxt is not None and nxt not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER
        )
    return spaces


def _blocks(path: Path) -> Iterator[list[list[str]]]:
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield rows
                rows = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue  # multiword ranges and empty nodes
                rows.append(cols)
    if rows:
        yield rows


def read_ud(path: Path) -> list[Sentence]:
    sentences = []
    for rows in _blocks(path):
        words = [r[1] for r in rows]
        spaces = ["SpaceAfter=No" not in r[9] for r in rows]
        spaces[-1] = False
        sentences.append(
            Sentence(tuple(words), tuple(spaces), tuple(_name_tag(r[9]) for r in rows))
        )
    return sentences


def read_ndt(paths: Iterable[Path]) -> list[Sentence]:
    sentences = []
    for path in paths:
        for rows in _blocks(path):
            if len(rows) > 1 and rows[-1][1] == "|":
                rows = rows[:-1]
            words = [r[1] for r in rows]
            tags = tuple(_name_tag(r[-1]) for r in rows)
            sentences.append(Sentence(tuple(words), tuple(_guess_spaces(words)), tags))
    return sentences


@dataclass(frozen=True)
class Splits:
    train: list[Sentence]
    dev: list[Sentence]
    test: list[Sentence]


def ud_path(norne_dir: Path, lang: str, split: str) -> Path:
    return norne_dir / "ud" / lang / f"{UD_PREFIX[lang]}-ud-{split}.conllu"


def ndt_files(norne_dir: Path, lang: str) -> list[Path]:
    return sorted((norne_dir / "ndt" / lang).glob("*.conll"))


def load_splits(norne_dir: Path, lang: str) -> Splits:
    """The train split is NDT minus every sentence that UD puts in dev or test."""
    dev = read_ud(ud_path(norne_dir, lang, "dev"))
    test = read_ud(ud_path(norne_dir, lang, "test"))
    held_out = {s.words for s in dev} | {s.words for s in test}
    train = [s for s in read_ndt(ndt_files(norne_dir, lang)) if s.words not in held_out]
    return Splits(train=train, dev=dev, test=test)


def source_files(norne_dir: Path) -> list[Path]:
    files: list[Path] = []
    for lang in LANGS:
        files += ndt_files(norne_dir, lang)
        files += [ud_path(norne_dir, lang, split) for split in ("dev", "test")]
    return files


def hash_files(paths: Iterable[Path]) -> str:
    """A stable SHA-256 over file names and contents."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: (p.parent.name, p.name)):
        digest.update(f"{path.parent.name}/{path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
