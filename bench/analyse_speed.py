"""Full ``analyse`` against the spaCy-only pass, per-stage cost, and latency per note size.

.venv/bin/python -m bench.analyse_speed

Throughput: the 48 notes in data/notes/*.txt, repeated to about 100,000 words, analysed with
``NoteAnalyser.analyse_many`` (every stage) and parsed with ``nlp.pipe`` of the same pipeline
(the spaCy-only pass) — alternately, in one process, best of ``ROUNDS`` each. The headline is
full / spaCy-only in words per second (target ≥ 0.75).

Stages: the same notes timed stage by stage on the same parsed docs, each stage called as
``NoteAnalyser`` calls it (labels per batch of ``PIPE_BATCH`` notes, personal data per note).

Latency: ``analyse`` of one note at a time (warm) for notes of about 200, 1,000 and 5,000 words,
made by concatenating the notes; ``LATENCY_RUNS`` runs each (target p95 ≤ 250 ms at 1,000).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.common import peak_rss_mib, record
from nlp.analyse import PIPE_BATCH, NoteAnalyser, build_note
from nlp.readers import ReadResult, read_text
from nlp.runtime import get_analyser
from nlp.spacy_pipeline.loader import pipeline_id

NOTES_DIR = Path(__file__).resolve().parents[1] / "data" / "notes"
TARGET_WORDS = 100_000
ROUNDS = 5  # this machine's timings vary by ±5 % between runs; the minimum of 5 is steadier
LATENCY_SIZES = (200, 1_000, 5_000)
LATENCY_RUNS = 30
COMMAND = "python -m bench.analyse_speed"


def note_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(NOTES_DIR.glob("*.txt"))]


def words(text: str) -> int:
    return len(text.split())


def corpus(texts: Sequence[str], target: int = TARGET_WORDS) -> list[str]:
    """The notes repeated (whole rounds) until there are at least ``target`` words."""
    per_round = sum(words(t) for t in texts)
    return list(texts) * max(1, math.ceil(target / per_round))


def sized_note(texts: Sequence[str], target: int) -> str:
    """The notes one after another, cut at the first line end with ``target`` words or more."""
    lines: list[str] = []
    count = 0
    for text in texts:
        for line in (text.rstrip("\n") + "\n").split("\n"):
            lines.append(line)
            count += words(line)
            if count >= target:
                return "\n".join(lines) + "\n"
    return "\n".join(lines) + "\n"


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def throughput(analyser: NoteAnalyser, texts: list[str]) -> dict[str, Any]:
    reads = [read_text(t, source=f"notat-{i}") for i, t in enumerate(texts)]
    n_words = sum(words(t) for t in texts)
    list(analyser.analyse_many(reads[:PIPE_BATCH]))  # warm up every stage
    spacy_s, full_s = [], []
    for _ in range(ROUNDS):  # alternate, so that both see the same machine
        spacy_s.append(_timed(lambda: list(analyser.nlp.pipe(texts, batch_size=PIPE_BATCH))))
        full_s.append(_timed(lambda: list(analyser.analyse_many(reads))))
    spacy_wps, full_wps = n_words / min(spacy_s), n_words / min(full_s)
    return {
        "pipeline": pipeline_id(),
        "analyser": analyser.version,
        "notes": len(texts),
        "words": n_words,
        f"spaCy-only seconds (best of {ROUNDS})": round(min(spacy_s), 2),
        f"full analyse seconds (best of {ROUNDS})": round(min(full_s), 2),
        "spaCy-only words per second": round(spacy_wps),
        "full analyse words per second": round(full_wps),
        "full / spaCy-only (headline)": round(full_wps / spacy_wps, 2),
        "full / spaCy-only per round (lowest, median, highest)": _spread(
            [spacy / full for spacy, full in zip(spacy_s, full_s, strict=True)]
        ),
        "target": "≥ 0.75",
    }


def _spread(ratios: Sequence[float]) -> str:
    ordered = sorted(ratios)
    return ", ".join(f"{r:.2f}" for r in (ordered[0], ordered[len(ordered) // 2], ordered[-1]))


def stages(analyser: NoteAnalyser, texts: list[str]) -> dict[str, Any]:
    """Seconds per stage over the whole corpus, each stage on the previous stage's output."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    reads: list[ReadResult] = [read_text(t) for t in texts]
    timings["reading (read_text)"] = time.perf_counter() - started

    started = time.perf_counter()
    docs = list(analyser.nlp.pipe(texts, batch_size=PIPE_BATCH))
    timings["spaCy (nlp.pipe)"] = time.perf_counter() - started

    started = time.perf_counter()
    notes = [build_note(read, doc)[0] for read, doc in zip(reads, docs)]
    timings["structure + quotes (build_note)"] = time.perf_counter() - started

    labeller, pii = analyser.labeller, analyser.pii
    if labeller is not None:
        started = time.perf_counter()
        for first in range(0, len(notes), PIPE_BATCH):
            batch = notes[first : first + PIPE_BATCH]
            labeller.label_notes(  # type: ignore[attr-defined]
                [(n.items, n.quotes) for n in batch]
            )
        timings["labels + themes (labeller)"] = time.perf_counter() - started
    if pii is not None:
        started = time.perf_counter()
        for note, doc in zip(notes, docs):
            pii.apply(note, doc)
        timings["personal data (pii stage)"] = time.perf_counter() - started

    total = sum(timings.values())
    figures: dict[str, Any] = {}
    for stage, seconds in timings.items():
        figures[f"{stage}: seconds"] = round(seconds, 2)
        figures[f"{stage}: share of all stages"] = f"{seconds / total:.0%}"
    spacy = timings["spaCy (nlp.pipe)"]
    figures["all stages except spaCy, relative to spaCy"] = round((total - spacy) / spacy, 2)
    return figures


def latency(analyser: NoteAnalyser, texts: list[str]) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for size in LATENCY_SIZES:
        text = sized_note(texts, size)
        for _ in range(3):  # warm
            analyser.analyse(read_text(text))
        runs = [_timed(lambda t=text: analyser.analyse(read_text(t))) for _ in range(LATENCY_RUNS)]
        label = f"~{size:,} words ({words(text)})".replace(",", " ")
        figures[f"{label}: p50 ms"] = round(percentile(runs, 50) * 1000)
        figures[f"{label}: p95 ms"] = round(percentile(runs, 95) * 1000)
    figures["runs per size"] = LATENCY_RUNS
    figures["target"] = "p95 ≤ 250 ms at 1 000 words"
    return figures


def main() -> None:
    analyser = get_analyser()
    texts = note_texts()
    big = corpus(texts)
    speed = throughput(analyser, big)
    speed |= stages(analyser, big)
    speed["peak RSS MiB (process)"] = peak_rss_mib()
    record("analyse: full pipeline vs spaCy only (~100k words)", speed, COMMAND)
    print(speed)
    lat = latency(analyser, texts)
    record("analyse: latency per note (warm, one note at a time)", lat, COMMAND)
    print(lat)


if __name__ == "__main__":
    main()
