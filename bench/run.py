"""Run every benchmark in one process run, so that ratios are measured side by side."""

from __future__ import annotations

from bench import classify_speed, pipeline_speed


def main() -> None:
    pipeline_speed.main()
    classify_speed.main()


if __name__ == "__main__":
    main()
