"""Words per second of the Norwegian spaCy pipeline on NorNE test text (1 process, nlp.pipe).

.venv/bin/python -m bench.pipeline_speed
"""

from __future__ import annotations

from bench.common import best_of, peak_rss_mib, record
from nlp.settings import get_settings
from nlp.spacy_pipeline.loader import load_pipeline, pipeline_id
from nlp.spacy_pipeline.norne import LANGS, load_splits

BATCH = 64


def main() -> None:
    settings = get_settings()
    texts = [s.text for lang in LANGS for s in load_splits(settings.norne_dir, lang).test]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    list(nlp.pipe(texts[:200], batch_size=BATCH))  # warm up
    seconds = best_of(lambda: list(nlp.pipe(texts, batch_size=BATCH)), repeat=3)
    figures = {
        "pipeline": pipeline_id(),
        "components": ", ".join(nlp.pipe_names),
        "sentences": len(texts),
        "words": words,
        "seconds (best of 3)": round(seconds, 2),
        "words per second": round(words / seconds),
        "peak RSS MiB (process)": peak_rss_mib(),
    }
    record("spaCy pipeline on NorNE test text", figures, "python -m bench.pipeline_speed")
    print(figures)


if __name__ == "__main__":
    main()
