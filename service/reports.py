"""The half-year report a coordinator owes Voksne for Barn each June and December."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from service.db.models import Note, NoteItem, Site

DEVELOPMENT_SECTIONS = ("takeaways", "commitments")


def period(year: int, half: int) -> tuple[dt.date, dt.date]:
    if half == 1:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    return dt.date(year, 7, 1), dt.date(year, 12, 31)


def half_year_report(session: Session, site: Site, year: int, half: int) -> dict[str, Any]:
    """Meetings with date and theme, head counts, themes, service development and
    system-level points, from the site's approved notes in the half-year."""
    start, end = period(year, half)
    notes = list(
        session.scalars(
            select(Note)
            .where(
                Note.site_id == site.id,
                Note.status == "approved",
                Note.meeting_date >= start,
                Note.meeting_date <= end,
            )
            .options(selectinload(Note.items).selectinload(NoteItem.theme_rows))
            .order_by(Note.meeting_date, Note.id)
        )
    )
    meetings = [
        {
            "note_id": n.id,
            "date": n.meeting_date,
            "theme": n.theme,
            "total": n.total,
            "professionals": n.professionals,
            "participants": n.participants,
            "services": n.services,
        }
        for n in notes
    ]

    def total(key: str) -> int:
        return sum(m[key] or 0 for m in meetings)

    themes: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    system_level: list[dict[str, Any]] = []
    development: list[dict[str, Any]] = []
    for note in notes:
        for item in note.items:
            themes.update(item.themes)
            labels[item.label or "(uten etikett)"] += 1
            point = {
                "note_id": note.id,
                "date": note.meeting_date,
                "section": item.section,
                "label": item.label,
                "themes": item.themes,
                "text": item.text,
            }
            if item.section == "system_level":
                system_level.append(point)
            elif item.section in DEVELOPMENT_SECTIONS:
                development.append(point)
    return {
        "site": {"id": site.id, "name": site.name, "rom_variant": site.rom_variant},
        "year": year,
        "half": half,
        "period": {"start": start, "end": end},
        "meeting_count": len(meetings),
        "meetings": meetings,
        "totals": {
            "total": total("total"),
            "professionals": total("professionals"),
            "participants": total("participants"),
            "services": total("services"),
        },
        "themes": [
            {"theme": t, "items": c}
            for t, c in sorted(themes.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "labels": dict(sorted(labels.items())),
        "service_development": development,
        "system_level": system_level,
    }


def report_sheets(report: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The report as tables: summary, meetings, themes, system level, service development."""
    site = report["site"]
    summary = [
        ["ROM-sted", site["name"]],
        ["ROM-variant", site["rom_variant"]],
        ["Periode", f"{report['period']['start']} – {report['period']['end']}"],
        ["Antall møter", report["meeting_count"]],
        ["Antall totalt", report["totals"]["total"]],
        ["Antall fagpersoner", report["totals"]["professionals"]],
        ["Antall deltakere", report["totals"]["participants"]],
        ["Antall representerte tjenester", report["totals"]["services"]],
    ]
    meetings = [
        [
            m["date"],
            m["theme"],
            m["total"],
            m["professionals"],
            m["participants"],
            m["services"],
            m["note_id"],
        ]
        for m in report["meetings"]
    ]
    themes = [[t["theme"], t["items"]] for t in report["themes"]]

    def points(key: str) -> list[list[Any]]:
        return [
            [p["date"], p["section"], p["label"], ";".join(p["themes"]), p["text"], p["note_id"]]
            for p in report[key]
        ]

    point_header = ["dato", "seksjon", "etikett", "temaer", "tekst", "notat_id"]
    return [
        ("Sammendrag", ["felt", "verdi"], summary),
        (
            "Møter",
            [
                "dato",
                "tema",
                "antall_totalt",
                "antall_fagpersoner",
                "antall_deltakere",
                "antall_tjenester",
                "notat_id",
            ],
            meetings,
        ),
        ("Temaer", ["tema", "antall_punkter"], themes),
        ("Systemnivå", point_header, points("system_level")),
        ("Tjenesteutvikling", point_header, points("service_development")),
    ]


def report_csv_rows(report: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """The report as one long table: a ``del`` column says which part each row belongs to."""
    header = [
        "del",
        "felt_eller_dato",
        "tekst_eller_verdi",
        "antall_totalt",
        "antall_fagpersoner",
        "antall_deltakere",
        "antall_tjenester",
        "notat_id",
    ]
    rows: list[list[Any]] = []
    for sheet_title, _header, sheet_rows in report_sheets(report):
        for r in sheet_rows:
            if sheet_title == "Sammendrag":
                rows.append([sheet_title, r[0], r[1], None, None, None, None, None])
            elif sheet_title == "Møter":
                rows.append([sheet_title, r[0], r[1], r[2], r[3], r[4], r[5], r[6]])
            elif sheet_title == "Temaer":
                rows.append([sheet_title, r[0], r[1], None, None, None, None, None])
            else:
                rows.append([sheet_title, r[0], r[4], None, None, None, None, r[5]])
    return header, rows
