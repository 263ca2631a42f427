"""A bounded load test of the web service with the real analyser, on loopback only.

.venv/bin/python -m bench.load [--requests 400] [--clients 20] [--time-limit 300]

Starts ``uvicorn service.main:create_app`` on 127.0.0.1 (a free port) with a temporary SQLite
database and key, seeds a site and users with the service's own account functions, logs in
through the API, approves a few notes so that the policy queries have data, warms the models with
one analysis, and then lets ``--clients`` concurrent httpx clients send ``--requests`` requests
in all (or as many as fit in ``--time-limit`` seconds), mixing ``POST /api/analyse`` (30 %),
``POST /api/drafts`` (30 %), ``GET /api/query/counts`` (20 %) and ``GET /api/query/items?q=…``
(20 %). Counted: errors (any status other than the expected one; no 5xx allowed), latency
p50/p95 per kind, and lost writes: every draft the service confirmed (201) must be readable
afterwards with the text that was sent.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.common import record

REPO = Path(__file__).resolve().parents[1]
NOTES_DIR = REPO / "data" / "notes"
COMMAND = "python -m bench.load"
MIX = ["analyse", "draft", "counts", "items", "analyse", "draft", "items", "counts", "analyse"]
MIX += ["draft"]  # 3 analyse, 3 draft, 2 counts, 2 items in every 10
EXPECTED = {"analyse": 200, "draft": 201, "counts": 200, "items": 200}
SEARCH_WORDS = ["ventetid", "informasjon", "samarbeid", "skole", "NAV", "pårørende", "plan"]
PASSWORD = secrets.token_urlsafe(16)


@dataclass
class Outcome:
    kind: str
    status: int  # 0: no response (timeout or connection error)
    seconds: float
    error: str = ""


@dataclass
class Run:
    outcomes: list[Outcome] = field(default_factory=list)
    drafts: dict[int, str] = field(default_factory=dict)  # confirmed draft id -> text sent
    seconds: float = 0.0
    not_sent: int = 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed_accounts(url: str) -> dict[str, str]:
    """Migrate and add one site, two referents and a policy user (username -> role)."""
    from service import accounts
    from service.db import migrate
    from service.db.session import make_engine, make_session_factory

    engine = make_engine(url)
    users = {"referent-a": "referent", "referent-b": "referent", "policy-a": "policy"}
    try:
        migrate.upgrade(engine)
        with make_session_factory(engine)() as session, session.begin():
            site = accounts.create_site(session, None, "ROM Lasttest", "psykisk-helse-rus")
            for username, role in users.items():
                accounts.create_user(
                    session, None, username, PASSWORD, role, site if role == "referent" else None
                )
    finally:
        engine.dispose()
    return users


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", "service.main:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_healthy(base: str, server: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped (exit code {server.returncode})")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the server did not answer /api/health in time")


def peak_rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def login(client: httpx.Client, username: str) -> dict[str, str]:
    response = client.post("/api/auth/token", json={"username": username, "password": PASSWORD})
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def approve_notes(client: httpx.Client, headers: dict[str, str], texts: list[str]) -> None:
    """Draft → accept every flag → approve, through the API (data for the policy queries)."""
    for text in texts:
        draft = client.post("/api/drafts", json={"text": text}, headers=headers)
        draft.raise_for_status()
        body = draft.json()
        entities = sorted({s["entity"] for s in body["note"]["pii"] if s["status"] == "pending"})
        decisions = [{"action": "accept", "scope": "entity", "entity": e} for e in entities]
        client.post(
            f"/api/drafts/{body['id']}/decisions", json={"decisions": decisions}, headers=headers
        ).raise_for_status()
        client.post(
            f"/api/drafts/{body['id']}/approve",
            json={"meeting_date": "2024-03-14"},  # for notes whose header has no date
            headers=headers,
        ).raise_for_status()


async def load(
    base: str,
    tokens: dict[str, dict[str, str]],
    texts: list[str],
    n_requests: int,
    n_clients: int,
    time_limit: float,
) -> Run:
    run = Run()
    counter = iter(range(n_requests))
    started = time.perf_counter()
    deadline = started + time_limit
    referents = [tokens["referent-a"], tokens["referent-b"]]

    async def one(client: httpx.AsyncClient, i: int) -> None:
        kind = MIX[i % len(MIX)]
        text = texts[i % len(texts)]
        began = time.perf_counter()
        try:
            if kind == "analyse":
                r = await client.post("/api/analyse", json={"text": text}, headers=referents[i % 2])
            elif kind == "draft":
                r = await client.post("/api/drafts", json={"text": text}, headers=referents[i % 2])
                if r.status_code == 201:
                    run.drafts[r.json()["id"]] = text
            elif kind == "counts":
                r = await client.get("/api/query/counts", headers=tokens["policy-a"])
            else:
                word = SEARCH_WORDS[i % len(SEARCH_WORDS)]
                r = await client.get(
                    "/api/query/items", params={"q": word}, headers=tokens["policy-a"]
                )
            status, error = r.status_code, ""
        except httpx.HTTPError as exc:
            status, error = 0, type(exc).__name__
        run.outcomes.append(Outcome(kind, status, time.perf_counter() - began, error))

    async def worker(client: httpx.AsyncClient) -> None:
        for i in counter:
            if time.perf_counter() > deadline:
                run.not_sent += 1
                continue
            await one(client, i)

    limits = httpx.Limits(max_connections=n_clients, max_keepalive_connections=n_clients)
    timeout = httpx.Timeout(max(time_limit, 60.0))
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        await asyncio.gather(*(worker(client) for _ in range(n_clients)))
    run.seconds = time.perf_counter() - started
    return run


def check_drafts(client: httpx.Client, headers: dict[str, dict[str, str]], run: Run) -> int:
    """Confirmed drafts that cannot be read back with the text that was sent."""
    lost = 0
    for draft_id, text in run.drafts.items():
        found = False
        for who in ("referent-a", "referent-b"):
            r = client.get(f"/api/drafts/{draft_id}", headers=headers[who])
            if r.status_code == 200 and r.json()["note"]["text"] == text:
                found = True
                break
        lost += not found
    return lost


def figures_of(run: Run, lost: int, n_clients: int) -> dict[str, Any]:
    done = run.outcomes
    figures: dict[str, Any] = {
        "clients": n_clients,
        "requests sent": len(done),
        "not sent (time limit)": run.not_sent,
        "seconds": round(run.seconds, 1),
        "requests per second": round(len(done) / run.seconds, 1) if run.seconds else 0,
        "5xx responses": sum(1 for o in done if o.status >= 500),
        "errors (unexpected status or no response)": sum(
            1 for o in done if o.status != EXPECTED[o.kind]
        ),
    }
    all_seconds = [o.seconds for o in done]
    if all_seconds:
        figures["all: p50 ms"] = round(percentile(all_seconds, 50) * 1000)
        figures["all: p95 ms"] = round(percentile(all_seconds, 95) * 1000)
    for kind in ("analyse", "draft", "counts", "items"):
        mine = [o for o in done if o.kind == kind]
        if not mine:
            continue
        seconds = [o.seconds for o in mine]
        bad = sorted({o.status for o in mine if o.status != EXPECTED[kind]})
        figures[f"{kind}: requests / errors"] = (
            f"{len(mine)} / {sum(1 for o in mine if o.status != EXPECTED[kind])}"
            + (f" (status {', '.join(map(str, bad))})" if bad else "")
        )
        figures[f"{kind}: p50 / p95 ms"] = (
            f"{round(percentile(seconds, 50) * 1000)} / {round(percentile(seconds, 95) * 1000)}"
        )
    figures["drafts confirmed (201)"] = len(run.drafts)
    figures["lost writes (confirmed draft not readable with its text)"] = lost
    return figures


def main(n_requests: int = 400, n_clients: int = 20, time_limit: float = 300) -> dict[str, Any]:
    from cryptography.fernet import Fernet

    texts = [p.read_text(encoding="utf-8") for p in sorted(NOTES_DIR.glob("*.txt"))]
    with tempfile.TemporaryDirectory(prefix="romnotat-load-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'romnotat.sqlite3'}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("ROMNOTAT_")}
        env |= {
            "DATABASE_URL": url,
            "ROMNOTAT_VAR_DIR": tmp,
            "ROMNOTAT_SECRET_KEY": Fernet.generate_key().decode(),
            "ROMNOTAT_PURGE_INTERVAL_HOURS": "0",
            "PYTHONPATH": str(REPO),
        }
        users = seed_accounts(url)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(env, port, Path(tmp) / "server.log")
        try:
            wait_healthy(base, server)
            with httpx.Client(base_url=base, timeout=120) as client:
                tokens = {u: login(client, u) for u in users}
                started = time.perf_counter()
                client.post(
                    "/api/analyse", json={"text": texts[0]}, headers=tokens["referent-a"]
                ).raise_for_status()  # loads the models
                warm_up = time.perf_counter() - started
                approve_notes(client, tokens["referent-a"], texts[:4])
                run = asyncio.run(load(base, tokens, texts, n_requests, n_clients, time_limit))
                lost = check_drafts(client, tokens, run)
            figures = figures_of(run, lost, n_clients)
            figures["first analysis (loads the models): seconds"] = round(warm_up, 1)
            figures["server peak RSS MiB"] = peak_rss_mib(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log_text = (Path(tmp) / "server.log").read_text(errors="replace")
    figures["server log lines with Traceback"] = log_text.count("Traceback")
    figures["targets"] = "no 5xx, no lost writes"
    record(f"web service under load ({n_clients} clients, {n_requests} requests)", figures, COMMAND)
    print(figures)
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--time-limit", type=float, default=300)
    args = parser.parse_args()
    main(args.requests, args.clients, args.time_limit)
