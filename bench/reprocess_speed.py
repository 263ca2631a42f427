"""Batch reprocessing with the real analyser: notes per second with 1 and 2 workers, on SQLite
and on PostgreSQL (127.0.0.1:5432, user postgres), and the peak memory of a worker.

.venv/bin/python -m bench.reprocess_speed [--notes 2000] [--no-postgres]

The corpus: ``--notes`` approved notes made by the note generator of the service tests
(tests/service/svc_fakes.py, ``make_note``) and stored with the service's own functions
(``seed_notes``: draft → accept every flag → approve), once per backend; every run starts from
a copy of it (a copied SQLite file, or ``CREATE DATABASE … TEMPLATE``). Each run is a fresh
``python -m bench.reprocess_speed --run URL WORKERS`` process that calls
``service.reprocess.reprocess`` with the real analyser (the stored notes carry the fake's
version, so every note is due); seconds are wall time including loading the models in each
worker. BLAS/OpenMP threads are set to 1 so that two workers use the machine's two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.common import record

REPO = Path(__file__).resolve().parents[1]
SERVICE_TESTS = REPO / "tests" / "service"
PG_ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
COMMAND = "python -m bench.reprocess_speed"
SINGLE_THREADED = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _service_tests() -> None:
    if str(SERVICE_TESTS) not in sys.path:
        sys.path.insert(0, str(SERVICE_TESTS))


def make_corpus(url: str, n_notes: int) -> float:
    """Migrate, add the test sites and users, and store ``n_notes`` approved notes."""
    _service_tests()
    from svc_fakes import FakeAnalyser, make_note
    from svc_helpers import seed, seed_notes

    started = time.perf_counter()
    seed(url)
    fake = FakeAnalyser()
    for first in range(0, n_notes, 250):  # one transaction per 250 notes
        seed_notes(url, [make_note(i) for i in range(first, min(n_notes, first + 250))], fake)
    return time.perf_counter() - started


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def pg_available() -> bool:
    try:
        _pg("SELECT 1")
    except Exception:
        return False
    return True


def run_once(url: str, workers: int) -> dict[str, Any]:
    """One reprocessing run in a fresh process; its summary and peak memory."""
    env = {**os.environ, **SINGLE_THREADED}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out = subprocess.run(
        [sys.executable, "-m", "bench.reprocess_speed", "--run", url, str(workers)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"reprocess run failed ({out.returncode}): {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(url: str, workers: int) -> None:
    from service.reprocess import reprocess

    started = time.perf_counter()
    summary = reprocess(url, workers=workers, progress=False)
    seconds = time.perf_counter() - started
    # VmHWM, not ru_maxrss: Linux counts into ru_maxrss the memory this process had as a fork
    # of its parent before exec (the parent of ``make bench`` is large). The workers of a
    # multi-worker run are forked from this small process, so their ru_maxrss is their own.
    own = _peak_rss_mib()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "examined": summary.examined,
                "changed": summary.changed,
                "failed": summary.failed,
                "needs_review": summary.needs_review,
                "version": summary.version,
                # one worker runs in this process; with more, the largest worker process
                "worker_peak_rss_mib": round(own if workers <= 1 else children, 1),
                "coordinator_peak_rss_mib": round(own, 1),
            }
        )
    )


def _peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _figures(prefix: str, result: dict[str, Any], n_notes: int) -> dict[str, Any]:
    if result["examined"] != n_notes or result["failed"]:
        raise RuntimeError(f"{prefix}: {result}")
    return {
        f"{prefix}: seconds": round(result["seconds"], 1),
        f"{prefix}: notes per second": round(n_notes / result["seconds"], 1),
        f"{prefix}: peak RSS MiB per worker": result["worker_peak_rss_mib"],
    }


def main(n_notes: int = 2000, postgres: bool = True) -> None:
    figures: dict[str, Any] = {"notes": n_notes}
    with tempfile.TemporaryDirectory(prefix="romnotat-bench-") as tmp:
        template = Path(tmp) / "corpus.sqlite3"
        figures["making the SQLite corpus: seconds"] = round(
            make_corpus(f"sqlite:///{template}", n_notes), 1
        )
        for workers in (1, 2):
            copy = Path(tmp) / f"run-{workers}.sqlite3"
            shutil.copyfile(template, copy)
            result = run_once(f"sqlite:///{copy}", workers)
            figures |= _figures(f"SQLite, {workers} worker(s)", result, n_notes)
            figures["pipeline version"] = result["version"]
            figures["notes sent to review by the audit"] = result["needs_review"]
            print(figures, flush=True)
    if postgres and pg_available():
        name = f"romnotat_bench_{uuid.uuid4().hex[:8]}"
        runs: list[str] = []
        try:
            _pg(f'CREATE DATABASE "{name}"')
            figures["making the PostgreSQL corpus: seconds"] = round(
                make_corpus(PG_URL.format(name=name), n_notes), 1
            )
            for workers in (1, 2):
                run = f"{name}_w{workers}"
                runs.append(run)
                _pg(f'CREATE DATABASE "{run}" TEMPLATE "{name}"')
                result = run_once(PG_URL.format(name=run), workers)
                figures |= _figures(f"PostgreSQL, {workers} worker(s)", result, n_notes)
                print(figures, flush=True)
        finally:
            for db in [*runs, name]:
                _pg(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    else:
        figures["PostgreSQL"] = "not measured (no server on 127.0.0.1:5432)"
    figures["target"] = "≥ 20 notes/s with 2 workers"
    record(f"reprocess {n_notes} approved notes (real analyser)", figures, COMMAND)
    print(figures)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--run", nargs=2, metavar=("URL", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        _child(args.run[0], int(args.run[1]))
    else:
        main(args.notes, postgres=not args.no_postgres)
