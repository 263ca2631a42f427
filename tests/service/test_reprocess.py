"""Batch reprocessing: versions, the residual personal-data audit, work sharing, kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from svc_fakes import NAMES, FakeAnalyser, fake_v2, make_note
from svc_helpers import (
    Db,
    clone_notes,
    count_rows,
    headers_for,
    make_client,
    make_settings,
    seed_notes,
)

from service.db.session import make_engine
from service.reprocess import reprocess, residual_pii, run_worker

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ROMNOTAT = [sys.executable, "-c", "from romnotat.cli import main; main()"]


def _env(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROMNOTAT_")}
    env.update(DATABASE_URL=url, PYTHONPATH=os.pathsep.join([str(HERE), str(REPO)]), **extra)
    return env


def _versions(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT pipeline_version, count(*) FROM notes GROUP BY pipeline_version"
            ).all()
    finally:
        engine.dispose()
    return {v: n for v, n in rows}


def _check_all_done(url: str, n_notes: int, version: str = "fake-2") -> None:
    """Every note at the new version exactly once, with every item/quote from that version."""
    assert _versions(url) == {version: n_notes}
    mixed = count_rows(
        url,
        "SELECT count(*) FROM (SELECT note_id FROM items GROUP BY note_id "
        "HAVING count(DISTINCT pipeline_version) > 1 OR min(pipeline_version) != :v) x",
        v=version,
    )
    assert mixed == 0
    assert (
        count_rows(url, "SELECT count(*) FROM quotes WHERE pipeline_version != :v", v=version) == 0
    )
    # exactly one committed reprocess per note, never two
    assert (
        count_rows(
            url,
            "SELECT count(*) FROM (SELECT note_id FROM audit_events WHERE action = 'reprocess' "
            "GROUP BY note_id HAVING count(*) != 1) x",
        )
        == 0
    )
    assert (
        count_rows(
            url, "SELECT count(DISTINCT note_id) FROM audit_events WHERE action = 'reprocess'"
        )
        == n_notes
    )
    # no half-written note: every note has its full set of items and quotes
    assert count_rows(url, "SELECT count(*) FROM items") == 10 * n_notes
    assert count_rows(url, "SELECT count(*) FROM quotes") == 2 * n_notes
    assert count_rows(url, "SELECT count(*) FROM notes WHERE claimed_by IS NOT NULL") == 0


def test_reprocess_in_process(db: Db) -> None:
    seed_notes(db.url, [make_note(i) for i in range(6)], FakeAnalyser())
    summary = reprocess(db.url, analyser_spec="svc_fakes:fake_v2", progress=False)
    assert summary.version == "fake-2"
    assert (summary.examined, summary.changed, summary.failed) == (6, 6, 0)
    assert summary.items_before == summary.items_after == 60
    assert summary.labels_changed == 6  # the system-level "fast kontaktperson" item → wish
    assert summary.needs_review == 0
    _check_all_done(db.url, 6)
    again = reprocess(db.url, analyser_spec="svc_fakes:fake_v2", progress=False)
    assert again.examined == 0
    # items now index the stored anonymised text
    engine = make_engine(db.url)
    with engine.connect() as conn:
        text = conn.exec_driver_sql("SELECT anonymised_text FROM notes WHERE id = 1").scalar()
        rows = conn.exec_driver_sql(
            "SELECT text, start_offset, end_offset FROM items WHERE note_id = 1"
        ).all()
    engine.dispose()
    assert all(text[s:e] == t for t, s, e in rows)


def test_dry_run_writes_nothing(db: Db) -> None:
    seed_notes(db.url, [make_note(i) for i in range(3)], FakeAnalyser())
    summary = reprocess(db.url, analyser_spec="svc_fakes:fake_v2", dry_run=True, progress=False)
    assert summary.examined == 3 and summary.labels_changed == 3
    assert _versions(db.url) == {"fake-1": 3}
    assert count_rows(db.url, "SELECT count(*) FROM audit_events WHERE action='reprocess'") == 0
    assert "ville blitt" in "\n".join(summary.lines())


def test_residual_audit_sends_note_back_for_review(db: Db, tmp_path: Path) -> None:
    """v1 missed a name (not in its list); the v2 audit finds it → needs_review, not silently
    changed; a name the referent kept on purpose is not flagged again."""
    blind = FakeAnalyser("fake-1", names=[n for n in NAMES if n != "Sofie Berg"])
    [missed] = seed_notes(db.url, [make_note(1, extra_intro="Sofie Berg var også med.")], blind)
    kept_text = make_note(2)
    seed_notes(db.url, [make_note(3)], FakeAnalyser())
    with make_client(make_settings(db.url, tmp_path), FakeAnalyser()) as client:
        referent = headers_for("referent")
        draft = client.post("/api/drafts", json={"text": kept_text}, headers=referent).json()
        keep = next(s for s in draft["note"]["pii"] if s["text"] == "Hilde Sørbråten")
        others = sorted({s["entity"] for s in draft["note"]["pii"]} - {keep["entity"]})
        decisions = [{"action": "reject", "scope": "entity", "entity": keep["entity"]}]
        decisions += [{"action": "accept", "scope": "entity", "entity": e} for e in others]
        client.post(
            f"/api/drafts/{draft['id']}/decisions", json={"decisions": decisions}, headers=referent
        )
        kept = client.post(f"/api/drafts/{draft['id']}/approve", headers=referent).json()
        assert "Hilde Sørbråten" in kept["anonymised_text"]

        summary = reprocess(db.url, analyser_spec="svc_fakes:fake_v2", progress=False)
        assert summary.needs_review == 1 and summary.review_ids == [missed]

        note = client.get(f"/api/notes/{missed}", headers=referent).json()
        assert note["status"] == "needs_review"
        [finding] = note["audit_findings"]
        assert finding["type"] == "PERSON"
        assert note["anonymised_text"][finding["start"] : finding["end"]] == "Sofie Berg"
        assert "Sofie Berg" in note["anonymised_text"]  # not silently changed
        assert client.get(f"/api/notes/{kept['id']}", headers=referent).json()["status"] == (
            "approved"
        )
        # policy no longer sees it
        policy = client.get("/api/notes", headers=headers_for("policy")).json()
        assert missed not in [n["id"] for n in policy["results"]]
        # the reviewer redacts the finding
        response = client.post(
            f"/api/notes/{missed}/review", json={"decision": "redact"}, headers=referent
        )
        assert response.status_code == 200, response.text
        reviewed = response.json()
        assert reviewed["status"] == "approved" and reviewed["audit_findings"] is None
        assert "Sofie Berg" not in reviewed["anonymised_text"]
        assert "[NAVN]" in reviewed["anonymised_text"]
        for item in reviewed["items"]:
            if item["start"] is not None:
                assert reviewed["anonymised_text"][item["start"] : item["end"]] == item["text"]


def test_residual_pii_ignores_placeholders() -> None:
    analyser = FakeAnalyser(names=["NAVN", "Kari"])
    analysis = analyser.analyse_text("[NAVN 1] møtte Kari i [STED 2].\n")
    findings = residual_pii(analysis)
    assert [(f["type"], analysis.text[f["start"] : f["end"]]) for f in findings] == [
        ("PERSON", "Kari")
    ]
    assert residual_pii(analysis, kept_terms=["kari"]) == []


def test_failing_note_is_reported_and_skipped(db: Db) -> None:
    seed_notes(
        db.url,
        [make_note(i, extra_intro="KRASJ" if i == 1 else "") for i in range(3)],
        FakeAnalyser(),
    )
    summary = reprocess(db.url, analyser_spec="svc_fakes:failing_v2", progress=False)
    assert (summary.examined, summary.failed, summary.failed_ids) == (3, 1, [2])
    assert _versions(db.url) == {"fake-2": 2, "fake-1": 1}


@pytest.mark.postgres
def test_postgres_workers_share_work_with_skip_locked(pg_template: str) -> None:
    """Four concurrent workers (threads with their own connections, as on several machines)
    split the notes with FOR UPDATE SKIP LOCKED; each note is processed exactly once."""
    from svc_helpers import pg_create, pg_drop

    name = f"{pg_template}_sk"
    url = pg_create(name, pg_template)
    try:
        seed_notes(url, [make_note(i) for i in range(40)], FakeAnalyser())
        done: list[int] = []
        lock = threading.Lock()

        def work() -> None:
            engine = make_engine(url)
            analyser = FakeAnalyser("fake-2", delay=0.005, extra_wish_words=("skriftlig",))

            def report(change: dict) -> None:
                with lock:
                    done.append(change["note_id"])

            try:
                run_worker(engine, analyser, report)
            finally:
                engine.dispose()

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert sorted(done) == sorted(set(done)) and len(done) == 40
        _check_all_done(url, 40)
    finally:
        pg_drop(name)


def _run_cli(args: list[str], env: dict[str, str], **kwargs):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [*ROMNOTAT, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=300, **kwargs
    )


def test_kill_minus_nine_and_rerun(db: Db) -> None:
    """200 approved notes; `romnotat reprocess --workers 2` is SIGKILLed mid-way (the whole
    process group: coordinator and workers), then rerun: every note processed exactly once at
    the new version, none half-written, no claim left behind."""
    n = 200
    [first] = seed_notes(db.url, [make_note(0)], FakeAnalyser())
    clone_notes(db.url, first, n - 1)
    env = _env(db.url, ROMNOTAT_FAKE_DELAY="0.005")
    args = ["reprocess", "--analyser", "svc_fakes:fake_v2", "--json"]
    proc = subprocess.Popen(
        [*ROMNOTAT, *args, "--workers", "2"],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if _versions(db.url).get("fake-2", 0) >= 25:
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    partial = _versions(db.url)
    assert 0 < partial.get("fake-2", 0) < n, partial
    # (whether a dead worker still held a claim depends on where the kill landed; the rerun
    # below must finish the work either way)
    result = _run_cli([*args, "--workers", "1"], env)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["examined"] == n - partial["fake-2"]
    assert summary["failed"] == 0
    _check_all_done(db.url, n)


def test_reprocess_cli_errors(sqlite_db: Db, run_cli: Any) -> None:
    for args, needle in [
        (["reprocess", "--since", "2024-13-01"], "--since må være en dato"),
        (["reprocess", "--workers", "0"], "--workers må være mellom"),
        (["reprocess", "--analyser", "finnes.ikke:noe"], "Fant ikke analysatoren"),
    ]:
        result = run_cli(args, sqlite_db.url)
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and needle in lines[0], result.stderr
        assert lines[0].startswith("Feil: ")
    result = run_cli(
        ["reprocess", "--since", "2024-01-01", "--analyser", "svc_fakes:fake_v2"], sqlite_db.url
    )
    assert result.returncode == 0, result.stderr
    assert "Notater gått gjennom: 0" in result.stdout
    assert fake_v2().version == "fake-2"
