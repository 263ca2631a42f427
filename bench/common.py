"""Helpers for benchmarks: timing, peak memory, writing results into bench/RESULTS.md."""

from __future__ import annotations

import json
import platform
import resource
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
RAW = Path(__file__).resolve().parent / "results.json"


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def best_of(fn: Callable[[], Any], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def record(name: str, figures: dict[str, Any], command: str) -> None:
    """Store one benchmark's figures in results.json and re-render RESULTS.md."""
    data: dict[str, Any] = json.loads(RAW.read_text()) if RAW.exists() else {}
    data[name] = {
        "figures": figures,
        "command": command,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
    }
    RAW.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    lines = [
        "# Benchmark results",
        "",
        "Written by the benchmarks in bench/ (`make bench`); each section says the command.",
        "",
    ]
    for key, entry in sorted(data.items()):
        lines += [
            f"## {key}",
            "",
            f"`{entry['command']}` — {entry['measured_at']}, {entry['machine']}",
            "",
            "| figure | value |",
            "|---|---|",
        ]
        lines += [f"| {k} | {v} |" for k, v in entry["figures"].items()]
        lines.append("")
    RESULTS.write_text("\n".join(lines))
