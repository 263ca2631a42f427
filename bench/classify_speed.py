"""Time to classify 10,000 items (label + themes) on one core.

.venv/bin/python -m bench.classify_speed
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bench.common import best_of, peak_rss_mib, record
from nlp.classify.data import load_items
from nlp.classify.labeller import load_labeller

N = 10_000


def main() -> None:
    items = load_items()
    texts = [items[i % len(items)].text for i in range(N)]
    labeller = load_labeller()
    labeller.predict(texts[:100])
    seconds = best_of(lambda: labeller.predict(texts), repeat=3)
    figures = {
        "items": N,
        "seconds (best of 3)": round(seconds, 2),
        "items per second": round(N / seconds),
        "peak RSS MiB": peak_rss_mib(),
        "target": "under 5 s",
    }
    record("classify 10,000 items (one core)", figures, "python -m bench.classify_speed")
    print(figures)


if __name__ == "__main__":
    main()
