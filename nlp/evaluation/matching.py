"""Span matching and scores shared by the note evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class HasSpan(Protocol):
    start: int
    end: int


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match_spans(
    gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]], threshold: float
) -> dict[int, int]:
    """Greedy one-to-one matching by IoU: gold index -> predicted index."""
    pairs = sorted(
        (
            (iou(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if g[0] < p[1] and p[0] < g[1]
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches: dict[int, int] = {}
    for score, gi, pi in pairs:
        if score < threshold or gi in used_gold or pi in used_pred:
            continue
        matches[gi] = pi
        used_gold.add(gi)
        used_pred.add(pi)
    return matches


def prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4)}


def macro_f1(gold: Sequence[str], predicted: Sequence[str | None], labels: Sequence[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        scores.append(prf(tp, fp, fn)["f"])
    return round(sum(scores) / len(scores), 4) if scores else 0.0


def micro_f1_sets(gold: Sequence[set[str]], predicted: Sequence[set[str]]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in zip(gold, predicted))
    fp = sum(len(p - g) for g, p in zip(gold, predicted))
    fn = sum(len(g - p) for g, p in zip(gold, predicted))
    return prf(tp, fp, fn)


def covered(text: str, span: tuple[int, int], flags: Sequence[tuple[int, int]]) -> bool:
    """True when every letter and digit of ``span`` lies inside some flag."""
    for i in range(span[0], span[1]):
        if text[i].isalnum() and not any(s <= i < e for s, e in flags):
            return False
    return True
