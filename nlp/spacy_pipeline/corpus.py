"""Turn NorNE sentences into spaCy DocBin files for training and evaluation."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from nlp.spacy_pipeline.norne import LANGS, Sentence, load_splits


def to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    doc = Doc(vocab, words=list(sentence.words), spaces=list(sentence.spaces))
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in sentence.entities()]
    return doc


def write_docbin(path: Path, sentences: Iterable[Sentence], vocab: Vocab) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    count = 0
    for sentence in sentences:
        docbin.add(to_doc(vocab, sentence))
        count += 1
    docbin.to_disk(path)
    return count


def build_corpus(norne_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write train.spacy (bokmål + nynorsk), dev.spacy (both) and per-language dev/test files."""
    vocab = Vocab()
    counts: dict[str, int] = {}
    train: list[Sentence] = []
    dev: list[Sentence] = []
    for lang in LANGS:
        splits = load_splits(norne_dir, lang)
        train += splits.train
        dev += splits.dev
        counts[f"{lang}_train"] = len(splits.train)
        counts[f"{lang}_dev"] = write_docbin(out_dir / f"{lang}-dev.spacy", splits.dev, vocab)
        counts[f"{lang}_test"] = write_docbin(out_dir / f"{lang}-test.spacy", splits.test, vocab)
    counts["train"] = write_docbin(out_dir / "train.spacy", train, vocab)
    counts["dev"] = write_docbin(out_dir / "dev.spacy", dev, vocab)
    return counts
