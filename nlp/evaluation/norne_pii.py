"""Recall of the whole personal-data stack on NorNE's PER entities (bokmål test split).

Each test sentence goes through the same parse + recognizers + merging as a note; a PER entity
counts as found when flags cover every letter and digit of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nlp.analyse import NoteAnalyser
from nlp.evaluation.matching import covered
from nlp.readers import ReadResult
from nlp.spacy_pipeline.norne import load_splits


def per_recall(analyser: NoteAnalyser, norne_dir: Path, lang: str = "nob") -> dict[str, Any]:
    sentences = load_splits(norne_dir, lang).test
    reads = [
        ReadResult(text=s.text, source=f"norne-{i}", format="text", encoding=None, warnings=[])
        for i, s in enumerate(sentences)
    ]
    found = total = 0
    for sentence, note in zip(sentences, analyser.analyse_many(reads)):
        offsets = []
        pos = 0
        for word, space in zip(sentence.words, sentence.spaces):
            offsets.append(pos)
            pos += len(word) + (1 if space else 0)
        flags = [(p.start, p.end) for p in note.pii]
        for start, end, label in sentence.entities():
            if label != "PER":
                continue
            span = (offsets[start], offsets[end - 1] + len(sentence.words[end - 1]))
            total += 1
            found += covered(note.text, span, flags)
    return {
        "lang": lang,
        "per_entities": total,
        "found": found,
        "recall": round(found / total, 4) if total else None,
    }
