"""Score a spaCy pipeline's named entities on the NorNE dev and test splits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from nlp.spacy_pipeline.corpus import write_docbin
from nlp.spacy_pipeline.norne import LANGS, load_splits


def _round(value: float) -> float:
    return round(float(value), 4)


def score_examples(nlp: Language, golds: list[Doc], batch_size: int = 256) -> dict[str, Any]:
    """P/R/F overall and per entity type, on gold tokenisation."""
    predicted = (
        Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
        for g in golds
    )
    docs = list(nlp.pipe(predicted, batch_size=batch_size))
    examples = [Example(doc, gold) for doc, gold in zip(docs, golds)]
    scores = Scorer.score_spans(examples, "ents")
    per_type = {
        label: {"p": _round(v["p"]), "r": _round(v["r"]), "f": _round(v["f"])}
        for label, v in sorted((scores.get("ents_per_type") or {}).items())
    }
    return {
        "p": _round(scores["ents_p"] or 0.0),
        "r": _round(scores["ents_r"] or 0.0),
        "f": _round(scores["ents_f"] or 0.0),
        "per_type": per_type,
        "sentences": len(golds),
    }


def load_gold(path: Path, nlp: Language) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def evaluate_norne(
    nlp: Language,
    norne_dir: Path,
    corpus_dir: Path | None = None,
    splits: tuple[str, ...] = ("test",),
) -> dict[str, Any]:
    """Scores keyed by language ("nob", "nno"), then split when more than one split is asked."""
    results: dict[str, Any] = {}
    for lang in LANGS:
        per_split: dict[str, Any] = {}
        for split in splits:
            path = corpus_dir / f"{lang}-{split}.spacy" if corpus_dir else None
            if path is None or not path.exists():
                sentences = getattr(load_splits(norne_dir, lang), split)
                path = (corpus_dir or Path("/tmp")) / f"{lang}-{split}.spacy"
                write_docbin(path, sentences, nlp.vocab)
            per_split[split] = score_examples(nlp, load_gold(path, nlp))
        results[lang] = per_split[splits[0]] if len(splits) == 1 else per_split
    return results
