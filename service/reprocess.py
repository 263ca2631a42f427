"""Batch: rerun items, themes, quotes and a residual personal-data audit over stored notes.

Each approved (or needs-review) note whose ``pipeline_version`` differs from the current
analyser's is analysed again *from its anonymised text*, and its new items and quotes are
written in ONE transaction stamped with the new version. A note is done when its stored
version equals the current one, so the job is safe to kill at any moment and to rerun.

The audit flags every PII span the analyser finds in the anonymised text that is not inside a
[PLACEHOLDER] (and is not a term the referent kept on purpose); such notes get status
``needs_review`` with the findings (type and offsets, no text) stored for the reviewer.

Work sharing:
* PostgreSQL: each worker, on any machine, takes the next note with
  ``SELECT … FOR UPDATE SKIP LOCKED`` and holds the row lock until its transaction commits.
* SQLite: a worker claims a note with one atomic ``UPDATE … RETURNING`` of ``claimed_by`` and
  ``claim_expires_at``; claims of dead local processes and expired claims are taken over.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import multiprocessing as mp
import os
import queue as queue_module
import re
import secrets
import socket
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session
from tqdm import tqdm

from nlp.errors import RomnotatError
from nlp.schema import AnalysedNote
from service import audit
from service.analysers import Analyser, load_analyser
from service.db.models import ItemTheme, Note, NoteItem, NoteQuote, QuoteTheme, utcnow
from service.db.session import make_engine, make_session_factory
from service.errors import ServiceError

log = logging.getLogger("romnotat.service.reprocess")

ELIGIBLE_STATUSES = ("approved", "needs_review")


@functools.lru_cache(maxsize=1)
def placeholder_re() -> re.Pattern[str]:
    """Matches the placeholders ``nlp.pii.anonymise`` writes, e.g. [NAVN 2] or [TELEFON].

    Imported lazily: the coordinating process of a multi-worker run never needs presidio."""
    from nlp.pii.anonymise import PLACEHOLDER

    names = "|".join(re.escape(v) for v in PLACEHOLDER.values())
    return re.compile(r"\[(?:" + names + r")(?: \d+)?\]")


# ---- the residual audit -----------------------------------------------------------------


def residual_pii(analysis: AnalysedNote, kept_terms: list[str] | None = None) -> list[dict]:
    """PII spans in an anonymised text that are not inside a placeholder: type and offsets."""
    pattern = placeholder_re()
    regions = [(m.start(), m.end()) for m in pattern.finditer(analysis.text)]
    kept = {t.casefold() for t in kept_terms or []}
    findings = []
    for span in analysis.pii:
        if any(start <= span.start and span.end <= end for start, end in regions):
            continue
        surface = analysis.text[span.start : span.end]
        if not surface.strip() or pattern.fullmatch(surface.strip()):
            continue
        if surface.casefold() in kept:
            continue
        findings.append(
            {"type": span.type, "start": span.start, "end": span.end, "score": span.score}
        )
    return findings


# ---- one note ---------------------------------------------------------------------------


@dataclass
class Summary:
    version: str = ""
    dry_run: bool = False
    examined: int = 0
    changed: int = 0
    unchanged: int = 0
    needs_review: int = 0
    failed: int = 0
    items_before: int = 0
    items_after: int = 0
    labels_changed: int = 0
    themes_changed: int = 0
    quotes_before: int = 0
    quotes_after: int = 0
    speakers_changed: int = 0
    failed_ids: list[int] = field(default_factory=list)
    review_ids: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, change: dict[str, Any]) -> None:
        self.examined += 1
        if change.get("failed"):
            self.failed += 1
            self.failed_ids.append(change["note_id"])
            return
        for key in (
            "items_before",
            "items_after",
            "labels_changed",
            "themes_changed",
            "quotes_before",
            "quotes_after",
            "speakers_changed",
        ):
            setattr(self, key, getattr(self, key) + change[key])
        if change["findings"]:
            self.needs_review += 1
            self.review_ids.append(change["note_id"])
        if change["changed"]:
            self.changed += 1
        else:
            self.unchanged += 1

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        verb = "ville blitt" if self.dry_run else "ble"
        out = [
            f"Pipeline-versjon: {self.version}",
            f"Notater gått gjennom: {self.examined} på {self.seconds:.1f} s"
            + (" (prøvekjøring, ingenting lagret)" if self.dry_run else ""),
            f"  endret: {self.changed}, uendret: {self.unchanged}, feilet: {self.failed}",
            f"  punkter: {self.items_before} → {self.items_after}; "
            f"etiketter endret: {self.labels_changed}; temaer endret: {self.themes_changed}",
            f"  sitater: {self.quotes_before} → {self.quotes_after}; "
            f"talere endret: {self.speakers_changed}",
            f"  personopplysninger funnet, {verb} satt til ny gjennomgang: {self.needs_review}",
        ]
        if self.review_ids:
            out.append("  notater til ny gjennomgang: " + _ids(self.review_ids))
        if self.failed_ids:
            out.append("  notater som feilet: " + _ids(self.failed_ids))
        return out


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in sorted(ids)[:50])
    return shown + (f" … (+{len(ids) - 50})" if len(ids) > 50 else "")


@dataclass
class Stored:
    """What is stored for a note now: enough to compare with a new analysis."""

    note_id: int
    kept_terms: list[str] | None
    items: list[tuple[str, str, str | None, tuple[str, ...]]]  # text, section, label, themes
    quotes: list[tuple[str, str]]  # text, speaker


def load_stored(session: Session, note_id: int, kept_terms: list[str] | None) -> Stored:
    items = session.execute(
        select(NoteItem.id, NoteItem.text, NoteItem.section, NoteItem.label)
        .where(NoteItem.note_id == note_id)
        .order_by(NoteItem.position)
    ).all()
    themes: dict[int, list[str]] = {}
    for item_id, theme in session.execute(
        select(ItemTheme.item_id, ItemTheme.theme)
        .join(NoteItem, NoteItem.id == ItemTheme.item_id)
        .where(NoteItem.note_id == note_id)
    ):
        themes.setdefault(item_id, []).append(theme)
    quotes = session.execute(
        select(NoteQuote.text, NoteQuote.speaker)
        .where(NoteQuote.note_id == note_id)
        .order_by(NoteQuote.position)
    ).all()
    return Stored(
        note_id=note_id,
        kept_terms=kept_terms,
        items=[(t, s, lab, tuple(sorted(themes.get(i, [])))) for i, t, s, lab in items],
        quotes=[(t, sp) for t, sp in quotes],
    )


def compare(stored: Stored, analysis: AnalysedNote, findings: list[dict]) -> dict[str, Any]:
    """What the new analysis changes, matched by item/quote text (counts only)."""
    old_items = {(text, section): (label, themes) for text, section, label, themes in stored.items}
    new_items = {
        (i.text, i.section): (i.label, tuple(sorted(set(i.themes)))) for i in analysis.items
    }
    labels = sum(1 for k, v in new_items.items() if k in old_items and old_items[k][0] != v[0])
    themes = sum(1 for k, v in new_items.items() if k in old_items and old_items[k][1] != v[1])
    old_quotes = dict(stored.quotes)
    speakers = sum(
        1 for q in analysis.quotes if q.text in old_quotes and old_quotes[q.text] != q.speaker
    )
    same_sets = set(old_items) == set(new_items) and set(old_quotes) == {
        q.text for q in analysis.quotes
    }
    return {
        "note_id": stored.note_id,
        "items_before": len(stored.items),
        "items_after": len(analysis.items),
        "labels_changed": labels,
        "themes_changed": themes,
        "quotes_before": len(stored.quotes),
        "quotes_after": len(analysis.quotes),
        "speakers_changed": speakers,
        "findings": len(findings),
        "changed": not (same_sets and labels == 0 and themes == 0 and speakers == 0),
    }


def write_results(
    session: Session, stored: Stored, analysis: AnalysedNote, version: str
) -> dict[str, Any]:
    """Replace the note's items and quotes and stamp the version, in the caller's (single)
    transaction. Plain bulk statements: no ORM unit of work for thousands of rows."""
    findings = residual_pii(analysis, stored.kept_terms)
    change = compare(stored, analysis, findings)
    note_id = stored.note_id
    bulk = {"synchronize_session": False}
    session.execute(delete(NoteItem).where(NoteItem.note_id == note_id), execution_options=bulk)
    session.execute(delete(NoteQuote).where(NoteQuote.note_id == note_id), execution_options=bulk)
    if analysis.items:
        item_ids = session.scalars(
            insert(NoteItem).returning(NoteItem.id, sort_by_parameter_order=True),
            [
                {
                    "note_id": note_id,
                    "position": position,
                    "section": item.section,
                    "label": item.label,
                    "confidence": item.confidence,
                    "text": item.text,
                    "start_offset": item.start,
                    "end_offset": item.end,
                    "pipeline_version": version,
                }
                for position, item in enumerate(analysis.items)
            ],
        ).all()
        rows = [
            {"item_id": item_id, "theme": theme}
            for item_id, item in zip(item_ids, analysis.items)
            for theme in sorted(set(item.themes))
        ]
        if rows:
            session.execute(insert(ItemTheme), rows)
    if analysis.quotes:
        quote_ids = session.scalars(
            insert(NoteQuote).returning(NoteQuote.id, sort_by_parameter_order=True),
            [
                {
                    "note_id": note_id,
                    "position": position,
                    "section": quote.section,
                    "speaker": quote.speaker,
                    "text": quote.text,
                    "pipeline_version": version,
                }
                for position, quote in enumerate(analysis.quotes)
            ],
        ).all()
        rows = [
            {"quote_id": quote_id, "theme": theme}
            for quote_id, quote in zip(quote_ids, analysis.quotes)
            for theme in sorted(set(quote.themes))
        ]
        if rows:
            session.execute(insert(QuoteTheme), rows)
    values: dict[str, Any] = {
        "pipeline_version": version,
        "reprocessed_at": utcnow(),
        "claimed_by": None,
        "claim_expires_at": None,
    }
    if findings:
        values |= {"status": "needs_review", "audit_findings": findings}
    session.execute(update(Note).where(Note.id == note_id).values(**values), execution_options=bulk)
    audit.record(
        session,
        None,
        "reprocess",
        note_id,
        version=version,
        items=len(analysis.items),
        quotes=len(analysis.quotes),
        findings=len(findings),
    )
    return change


# ---- claiming ---------------------------------------------------------------------------


def _eligible(version: str, since: dt.datetime | None) -> list[Any]:
    conds: list[Any] = [Note.status.in_(ELIGIBLE_STATUSES), Note.pipeline_version != version]
    if since is not None:
        conds.append(Note.approved_at >= since)
    return conds


def count_pending(engine: Engine, version: str, since: dt.datetime | None) -> int:
    from sqlalchemy import func

    with make_session_factory(engine)() as session:
        return session.scalar(select(func.count(Note.id)).where(*_eligible(version, since))) or 0


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (killed, not yet reaped) is dead for our purposes
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except (OSError, IndexError):
        return True


def worker_tag() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def release_dead_claims(session: Session, tag: str) -> int:
    """Free claims held by processes on this host that no longer run."""
    host = tag.split(":", 1)[0]
    released = 0
    claims = session.scalars(
        select(Note.claimed_by).where(Note.claimed_by.is_not(None)).distinct()
    ).all()
    for claim in claims:
        owner_host, _, rest = claim.partition(":")
        pid_text = rest.split(":", 1)[0]
        if owner_host != host or not pid_text.isdigit() or claim == tag:
            continue
        pid = int(pid_text)
        if pid == os.getpid() or not _pid_alive(pid):
            result = session.execute(
                update(Note)
                .where(Note.claimed_by == claim)
                .values(claimed_by=None, claim_expires_at=None)
            )
            released += result.rowcount or 0
    return released


def claim_next_sqlite(
    session: Session,
    tag: str,
    version: str,
    since: dt.datetime | None,
    claim_seconds: int,
    skip: set[int],
) -> tuple[int, str] | None:
    """Atomically claim the next unclaimed (or expired) note: (id, anonymised text) or None."""
    now = utcnow()
    candidate = (
        select(Note.id)
        .where(
            *_eligible(version, since),
            (Note.claimed_by.is_(None)) | (Note.claim_expires_at < now),
        )
        .order_by(Note.id)
        .limit(1)
    )
    if skip:
        candidate = candidate.where(Note.id.not_in(skip))
    row = session.execute(
        update(Note)
        .where(Note.id == candidate.scalar_subquery())
        .values(claimed_by=tag, claim_expires_at=now + dt.timedelta(seconds=claim_seconds))
        .returning(Note.id, Note.anonymised_text)
        .execution_options(synchronize_session=False)
    ).first()
    return None if row is None else (row[0], row[1] or "")


# ---- the worker loop --------------------------------------------------------------------

Report = Callable[[dict[str, Any]], None]


def _analyse(analyser: Analyser, note_id: int, text: str) -> AnalysedNote | None:
    try:
        return analyser.analyse_text(text, source=f"notat-{note_id}")
    except Exception as exc:  # one bad note must not stop the batch; never log the message
        log.error("Analysen av notat %d feilet: %s", note_id, type(exc).__name__)
        return None


def run_worker(
    engine: Engine,
    analyser: Analyser,
    report: Report,
    *,
    since: dt.datetime | None = None,
    claim_seconds: int = 600,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Process notes until none is left for this version."""
    version = analyser.version
    factory = make_session_factory(engine)
    failed: set[int] = set()
    if engine.dialect.name == "postgresql":
        while not should_stop():
            with factory() as session, session.begin():
                stmt = (
                    select(Note.id, Note.anonymised_text, Note.kept_terms)
                    .where(*_eligible(version, since))
                    .order_by(Note.id)
                    .limit(1)
                    .with_for_update(skip_locked=True)
                )
                if failed:
                    stmt = stmt.where(Note.id.not_in(failed))
                row = session.execute(stmt).first()
                if row is None:
                    return
                note_id, text, kept_terms = row
                analysis = _analyse(analyser, note_id, text or "")
                if analysis is None:
                    failed.add(note_id)
                    report({"note_id": note_id, "failed": True})
                    continue
                stored = load_stored(session, note_id, kept_terms)
                change = write_results(session, stored, analysis, version)
            report(change)
        return
    tag = worker_tag()
    with factory() as session, session.begin():
        release_dead_claims(session, tag)
    while not should_stop():
        with factory() as session:
            with session.begin():
                claimed = claim_next_sqlite(session, tag, version, since, claim_seconds, failed)
            if claimed is None:
                return
            note_id, text = claimed
            analysis = _analyse(analyser, note_id, text)
            if analysis is None:
                failed.add(note_id)
                report({"note_id": note_id, "failed": True})
                continue
            with session.begin():
                current = session.execute(
                    select(Note.claimed_by, Note.pipeline_version, Note.kept_terms).where(
                        Note.id == note_id
                    )
                ).first()
                if current is None or current[0] != tag or current[1] == version:
                    continue  # deleted, taken over after our claim expired, or already done
                stored = load_stored(session, note_id, current[2])
                change = write_results(session, stored, analysis, version)
        report(change)


def dry_run_worker(
    engine: Engine,
    analyser: Analyser,
    report: Report,
    *,
    since: dt.datetime | None,
    worker: int = 0,
    workers: int = 1,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Analyse and compare without writing anything (notes split by id between workers)."""
    version = analyser.version
    with make_session_factory(engine)() as session:
        ids = [
            i
            for i in session.scalars(
                select(Note.id).where(*_eligible(version, since)).order_by(Note.id)
            )
            if i % workers == worker
        ]
        for note_id in ids:
            if should_stop():
                return
            row = session.execute(
                select(Note.anonymised_text, Note.kept_terms).where(Note.id == note_id)
            ).first()
            if row is None:
                continue
            analysis = _analyse(analyser, note_id, row[0] or "")
            if analysis is None:
                report({"note_id": note_id, "failed": True})
                continue
            stored = load_stored(session, note_id, row[1])
            report(compare(stored, analysis, residual_pii(analysis, row[1])))
            session.rollback()


# ---- processes --------------------------------------------------------------------------


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the coordinating process dies (kill -9)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _child(
    url: str,
    spec: str | None,
    worker: int,
    workers: int,
    parent: int,
    messages: Any,
    since: dt.datetime | None,
    dry_run: bool,
    claim_seconds: int,
) -> None:
    _die_with_parent()
    if os.getppid() != parent:
        return
    engine = make_engine(url)
    try:
        analyser = load_analyser(spec)
        messages.put(("version", analyser.version))

        def stop() -> bool:
            return os.getppid() != parent

        def report(change: dict[str, Any]) -> None:
            messages.put(("note", change))

        if dry_run:
            dry_run_worker(
                engine,
                analyser,
                report,
                since=since,
                worker=worker,
                workers=workers,
                should_stop=stop,
            )
        else:
            run_worker(
                engine, analyser, report, since=since, claim_seconds=claim_seconds, should_stop=stop
            )
    except RomnotatError as exc:  # a user's error: its message is Norwegian and text-free
        messages.put(("error", str(exc)))
    except Exception as exc:
        messages.put(("error", f"en arbeidsprosess feilet ({type(exc).__name__})"))
    finally:
        engine.dispose()
        messages.put(("exit", worker))


def reprocess(
    url: str,
    *,
    analyser_spec: str | None = None,
    workers: int = 1,
    since: dt.date | None = None,
    dry_run: bool = False,
    claim_seconds: int = 600,
    progress: bool | None = None,
) -> Summary:
    """Run the batch; ``progress=None`` shows a tqdm bar only on a terminal."""
    started = time.monotonic()
    since_at = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC) if since is not None else None
    summary = Summary(dry_run=dry_run)
    engine = make_engine(url)
    try:
        if workers <= 1:
            analyser = load_analyser(analyser_spec)
            summary.version = analyser.version
            total = count_pending(engine, analyser.version, since_at)
            with tqdm(
                total=total, disable=_disable(progress), unit="notat", desc="Reprosesserer"
            ) as bar:

                def report(change: dict[str, Any]) -> None:
                    summary.add(change)
                    bar.update(1)

                if dry_run:
                    dry_run_worker(engine, analyser, report, since=since_at)
                else:
                    run_worker(
                        engine, analyser, report, since=since_at, claim_seconds=claim_seconds
                    )
        else:
            _run_processes(
                engine,
                url,
                analyser_spec,
                workers,
                since_at,
                dry_run,
                claim_seconds,
                progress,
                summary,
            )
    finally:
        engine.dispose()
    summary.seconds = time.monotonic() - started
    return summary


def _disable(progress: bool | None) -> bool | None:
    return None if progress is None else not progress


def _run_processes(
    engine: Engine,
    url: str,
    spec: str | None,
    workers: int,
    since: dt.datetime | None,
    dry_run: bool,
    claim_seconds: int,
    progress: bool | None,
    summary: Summary,
) -> None:
    ctx = mp.get_context("spawn")
    messages = ctx.Queue()
    procs = [
        ctx.Process(
            target=_child,
            args=(url, spec, w, workers, os.getpid(), messages, since, dry_run, claim_seconds),
            daemon=True,
        )
        for w in range(workers)
    ]
    for p in procs:
        p.start()
    errors: list[str] = []
    exited: set[int] = set()
    bar = tqdm(total=None, disable=_disable(progress), unit="notat", desc="Reprosesserer")
    try:
        while len(exited) < workers:
            try:
                kind, payload = messages.get(timeout=1.0)
            except queue_module.Empty:
                if not any(p.is_alive() for p in procs) and messages.empty():
                    break
                continue
            if kind == "version" and not summary.version:
                summary.version = payload
                bar.total = count_pending(engine, payload, since)
                bar.refresh()
            elif kind == "note":
                summary.add(payload)
                bar.update(1)
            elif kind == "error":
                errors.append(payload)
            elif kind == "exit":
                exited.add(payload)
    finally:
        bar.close()
        for p in procs:
            p.join(timeout=30)
    if errors:
        raise ServiceError(errors[0])
    lost = [w for w, p in enumerate(procs) if w not in exited]
    if lost:
        codes = ", ".join(str(procs[w].exitcode) for w in lost)
        raise ServiceError(
            f"{len(lost)} arbeidsprosess(er) stoppet uventet (kode {codes}).",
            "Kjør kommandoen på nytt: ferdige notater hoppes over.",
        )
