"""Run every benchmark, one after the other; ratios inside a benchmark are measured side by side.

.venv/bin/python -m bench.run   (also ``make bench``)
"""

from __future__ import annotations

from bench import analyse_speed, classify_speed, load, pipeline_speed, reprocess_speed


def main() -> None:
    pipeline_speed.main()
    classify_speed.main()
    analyse_speed.main()
    reprocess_speed.main()
    load.main()


if __name__ == "__main__":
    main()
