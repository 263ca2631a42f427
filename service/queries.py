"""Policy queries over approved notes: counts, full-text search, trends and export rows.

Full-text search uses ``to_tsvector('norwegian', text)`` (GIN-indexed) on PostgreSQL and the
FTS5 tables ``items_fts``/``quotes_fts`` on SQLite; both are created by migration 0002.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    column,
    distinct,
    extract,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session

from service.db.models import ItemTheme, Note, NoteItem, NoteQuote, QuoteTheme, Site

_NORWEGIAN = literal_column("'norwegian'::regconfig")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class NoteFilter:
    """Which approved notes a query covers. ``site_ids`` None means every site."""

    site_ids: list[int] | None = None
    rom_variant: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    statuses: tuple[str, ...] = ("approved",)

    def conditions(self) -> list[ColumnElement[bool]]:
        conds: list[ColumnElement[bool]] = [Note.status.in_(self.statuses)]
        if self.site_ids is not None:
            conds.append(Note.site_id.in_(self.site_ids))
        if self.rom_variant:
            conds.append(Note.rom_variant == self.rom_variant)
        if self.date_from:
            conds.append(Note.meeting_date >= self.date_from)
        if self.date_to:
            conds.append(Note.meeting_date <= self.date_to)
        return conds


@dataclass
class PartFilter:
    """Filters on items or quotes themselves."""

    q: str | None = None
    label: str | None = None
    theme: str | None = None
    section: str | None = None
    speaker: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def fts5_query(q: str) -> str | None:
    """A safe FTS5 expression: every word quoted, as a prefix, all required."""
    words = _WORD.findall(q)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:32])


def _fts_condition(session: Session, kind: str, q: str) -> ColumnElement[bool]:
    model = NoteItem if kind == "items" else NoteQuote
    if session.get_bind().dialect.name == "postgresql":
        vector = func.to_tsvector(_NORWEGIAN, model.text)
        return vector.op("@@")(func.websearch_to_tsquery(_NORWEGIAN, q))
    expression = fts5_query(q)
    if expression is None:
        return literal_column("1") == literal_column("0")
    matches = (
        text(f"SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH :fts_q")
        .bindparams(fts_q=expression)
        .columns(column("rowid", Integer))
    )
    return model.id.in_(matches)


def _part_conditions(session: Session, kind: str, parts: PartFilter) -> list[ColumnElement[bool]]:
    model = NoteItem if kind == "items" else NoteQuote
    themes = ItemTheme if kind == "items" else QuoteTheme
    owner = ItemTheme.item_id if kind == "items" else QuoteTheme.quote_id
    conds: list[ColumnElement[bool]] = []
    if parts.q and parts.q.strip():
        conds.append(_fts_condition(session, kind, parts.q.strip()))
    if parts.theme:
        conds.append(
            model.id.in_(select(owner).where(themes.theme == parts.theme))  # type: ignore[attr-defined]
        )
    if parts.section:
        conds.append(model.section == parts.section)
    if kind == "items" and parts.label:
        conds.append(NoteItem.label == parts.label)
    if kind == "quotes" and parts.speaker:
        conds.append(NoteQuote.speaker == parts.speaker)
    return conds


def _source(note: Note, site: Site) -> dict[str, Any]:
    return {
        "note_id": note.id,
        "site_id": site.id,
        "site": site.name,
        "rom_variant": note.rom_variant,
        "meeting_date": note.meeting_date,
        "meeting_theme": note.theme,
    }


def search(
    session: Session,
    kind: str,
    notes: NoteFilter,
    parts: PartFilter,
    limit: int,
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    """Items or quotes matching the filters, newest meetings first, with their source."""
    model = NoteItem if kind == "items" else NoteQuote
    conds = [*notes.conditions(), *_part_conditions(session, kind, parts)]
    base = (
        select(model, Note, Site)
        .join(Note, model.note_id == Note.id)
        .join(Site, Note.site_id == Site.id)
        .where(and_(*conds))
    )
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.execute(
        base.order_by(Note.meeting_date.desc(), Note.id.desc(), model.position)
        .limit(limit)
        .offset(offset)
    ).all()
    results = []
    for part, note, site in rows:
        entry: dict[str, Any] = {
            "id": part.id,
            "text": part.text,
            "section": part.section,
            "themes": part.themes,
            "source": _source(note, site),
        }
        if kind == "items":
            entry |= {"label": part.label, "confidence": part.confidence}
        else:
            entry |= {"speaker": part.speaker}
        results.append(entry)
    return total, results


def theme_label_counts(session: Session, notes: NoteFilter) -> dict[str, Any]:
    """Item counts by theme × label; items without a theme count under theme None."""
    stmt = (
        select(ItemTheme.theme, NoteItem.label, func.count(NoteItem.id))
        .select_from(NoteItem)
        .join(Note, NoteItem.note_id == Note.id)
        .outerjoin(ItemTheme, ItemTheme.item_id == NoteItem.id)
        .where(and_(*notes.conditions()))
        .group_by(ItemTheme.theme, NoteItem.label)
    )
    rows = [
        {"theme": theme, "label": label, "count": count}
        for theme, label, count in session.execute(stmt)
    ]
    rows.sort(key=lambda r: (r["theme"] is None, r["theme"] or "", r["label"] or ""))
    matrix: dict[str, dict[str, int]] = {}
    for r in rows:
        cell = matrix.setdefault(r["theme"] or "(uten tema)", {})
        cell[r["label"] or "(uten etikett)"] = r["count"]
    note_count = session.scalar(select(func.count(Note.id)).where(and_(*notes.conditions())))
    item_count = session.scalar(
        select(func.count(NoteItem.id))
        .join(Note, NoteItem.note_id == Note.id)
        .where(and_(*notes.conditions()))
    )
    return {"notes": note_count or 0, "items": item_count or 0, "counts": rows, "matrix": matrix}


def _half(date_col: Any) -> Any:
    return case((extract("month", date_col) <= 6, 1), else_=2)


def theme_trends(session: Session, notes: NoteFilter, theme: str | None = None) -> dict[str, Any]:
    """Per half-year: approved notes, items, and items per theme."""
    year = extract("year", Note.meeting_date)
    half = _half(Note.meeting_date)
    conds = [*notes.conditions(), Note.meeting_date.is_not(None)]
    per_period: dict[tuple[int, int], dict[str, Any]] = {}
    note_rows = session.execute(
        select(year, half, func.count(distinct(Note.id)), func.count(NoteItem.id))
        .select_from(Note)
        .outerjoin(NoteItem, NoteItem.note_id == Note.id)
        .where(and_(*conds))
        .group_by(year, half)
    )
    for y, h, n_notes, n_items in note_rows:
        per_period[(int(y), int(h))] = {
            "period": f"{int(y)}-H{int(h)}",
            "notes": n_notes,
            "items": n_items,
            "themes": {},
        }
    theme_stmt = (
        select(year, half, ItemTheme.theme, func.count(NoteItem.id))
        .select_from(NoteItem)
        .join(Note, NoteItem.note_id == Note.id)
        .join(ItemTheme, ItemTheme.item_id == NoteItem.id)
        .where(and_(*conds))
        .group_by(year, half, ItemTheme.theme)
    )
    if theme:
        theme_stmt = theme_stmt.where(ItemTheme.theme == theme)
    for y, h, name, count in session.execute(theme_stmt):
        per_period[(int(y), int(h))]["themes"][name] = count
    periods = [per_period[k] for k in sorted(per_period)]
    for p in periods:
        p["themes"] = dict(sorted(p["themes"].items(), key=lambda kv: (-kv[1], kv[0])))
    return {"periods": periods}


EXPORT_NOTE_COLUMNS = [
    "note_id",
    "site",
    "rom_variant",
    "meeting_date",
    "meeting_theme",
    "total",
    "professionals",
    "participants",
    "services",
    "pipeline_version",
]


def export_rows(
    session: Session, kind: str, notes: NoteFilter, parts: PartFilter
) -> tuple[list[str], Iterator[list[Any]]]:
    """Header and rows: one row per item or quote, note attributes as columns."""
    model = NoteItem if kind == "items" else NoteQuote
    own = (
        ["position", "section", "label", "confidence", "themes", "text"]
        if kind == "items"
        else ["position", "section", "speaker", "themes", "text"]
    )
    stmt: Select[Any] = (
        select(model, Note, Site)
        .join(Note, model.note_id == Note.id)
        .join(Site, Note.site_id == Site.id)
        .where(and_(*notes.conditions(), *_part_conditions(session, kind, parts)))
        .order_by(Note.meeting_date, Note.id, model.position)
        .execution_options(yield_per=500)
    )

    def rows() -> Iterator[list[Any]]:
        for part, note, site in session.execute(stmt):
            head = [
                note.id,
                site.name,
                note.rom_variant,
                note.meeting_date,
                note.theme,
                note.total,
                note.professionals,
                note.participants,
                note.services,
                note.pipeline_version,
            ]
            tail: list[Any] = [part.position, part.section]
            if kind == "items":
                tail += [part.label, part.confidence]
            else:
                tail += [part.speaker]
            tail += [";".join(part.themes), part.text]
            yield head + tail

    return EXPORT_NOTE_COLUMNS + own, rows()
