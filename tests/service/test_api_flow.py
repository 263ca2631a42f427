"""The whole referent → policy flow, on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from svc_fakes import make_note
from svc_helpers import Db, accept_all, approved_note, count_rows, headers_for

REFERENT = headers_for("referent")
POLICY = headers_for("policy")
COORDINATOR = headers_for("coordinator")


def test_whole_flow(client: TestClient, db: Db) -> None:
    text = make_note(1, date="14.03.2024")

    # analyse: nothing stored
    response = client.post("/api/analyse", json={"text": text}, headers=REFERENT)
    assert response.status_code == 200, response.text
    analysed = response.json()
    assert analysed["pipeline_version"] == "fake-1"
    assert {s["type"] for s in analysed["pii"]} >= {"PERSON", "LOCATION", "PHONE"}
    assert count_rows(db.url, "SELECT count(*) FROM notes") == 0

    # save a draft: the raw text is stored only encrypted
    response = client.post("/api/drafts", json={"text": text}, headers=REFERENT)
    assert response.status_code == 201, response.text
    draft = response.json()
    assert draft["status"] == "draft" and draft["pending"] == len(analysed["pii"])
    assert count_rows(db.url, "SELECT count(*) FROM draft_contents") == 1
    raw = _raw_draft_bytes(db.url)
    assert b"Ola Hansen" not in raw and b"Tor Inge" not in raw

    # read it back
    response = client.get(f"/api/drafts/{draft['id']}", headers=REFERENT)
    assert response.status_code == 200
    assert response.json()["note"]["text"] == text

    # approving with pending flags is refused, with the count
    response = client.post(f"/api/drafts/{draft['id']}/approve", headers=REFERENT)
    assert response.status_code == 409
    assert response.json()["pending"] == draft["pending"]
    assert str(draft["pending"]) in response.json()["detail"]

    # decide: reject the place (kept as written), accept everything else,
    # relabel an item and fix a quote's speaker
    pii = draft["note"]["pii"]
    place = next(s for s in pii if s["type"] == "LOCATION")
    others = sorted({s["entity"] for s in pii if s["type"] != "LOCATION"})
    decisions = [{"action": "reject", "start": place["start"], "end": place["end"]}]
    decisions += [{"action": "accept", "scope": "entity", "entity": e} for e in others]
    body = {
        "decisions": decisions,
        "items": [{"item": 0, "label": "wish", "themes": ["tilgjengelighet"]}],
        "quotes": [{"quote": 1, "speaker": "deltaker"}],
        "revision": draft["revision"],
    }
    response = client.post(f"/api/drafts/{draft['id']}/decisions", json=body, headers=REFERENT)
    assert response.status_code == 200, response.text
    decided = response.json()
    assert decided["pending"] == 0
    assert decided["revision"] == draft["revision"] + 1
    assert decided["note"]["items"][0]["label"] == "wish"
    assert decided["note"]["quotes"][1]["speaker"] == "deltaker"

    # a stale revision is refused
    response = client.post(
        f"/api/drafts/{draft['id']}/decisions",
        json={"revision": draft["revision"]},
        headers=REFERENT,
    )
    assert response.status_code == 409

    # approve: only anonymised text is kept, the raw text and analysis are deleted
    response = client.post(f"/api/drafts/{draft['id']}/approve", headers=REFERENT)
    assert response.status_code == 200, response.text
    note = response.json()
    assert note["status"] == "approved"
    assert note["meeting_date"] == "2024-03-14"
    assert note["theme"] == "Overgangen fra barnehage til skole"
    assert (note["total"], note["professionals"], note["participants"], note["services"]) == (
        13,
        6,
        8,
        4,
    )
    assert "Ola Hansen" not in note["anonymised_text"]
    assert "[NAVN" in note["anonymised_text"] and "[TELEFON]" in note["anonymised_text"]
    assert place["text"] in note["anonymised_text"]  # rejected: left as written
    assert count_rows(db.url, "SELECT count(*) FROM draft_contents") == 0
    for item in note["items"]:
        assert "Ola Hansen" not in item["text"]
        assert note["anonymised_text"][item["start"] : item["end"]] == item["text"]
    assert note["items"][0]["label"] == "wish" and note["items"][0]["confidence"] is None
    assert note["quotes"][1]["speaker"] == "deltaker"
    response = client.get(f"/api/drafts/{draft['id']}", headers=REFERENT)
    assert response.status_code == 404

    # a second note from site A and one from site B
    approved_note(client, make_note(2, date="02.09.2024"))
    approved_note(client, make_note(3, date="05.10.2023"), who="referent_b")

    # policy: counts by theme × label, with filters
    response = client.get("/api/query/counts", headers=POLICY)
    assert response.status_code == 200
    counts = response.json()
    assert counts["notes"] == 3
    assert counts["matrix"]["parorende"]["challenge"] == 3
    response = client.get("/api/query/counts", params={"site_id": 1}, headers=POLICY)
    assert response.json()["notes"] == 2
    response = client.get(
        "/api/query/counts",
        headers=POLICY,
        params={"rom_variant": "barnevern", "date_from": "2023-01-01"},
    )
    assert response.json()["notes"] == 1
    response = client.get(
        "/api/query/counts",
        headers=POLICY,
        params={"date_from": "2024-06-01", "date_to": "2024-12-31"},
    )
    assert response.json()["notes"] == 1

    # full-text search with source and pagination
    response = client.get("/api/query/items", params={"q": "ventetid", "limit": 4}, headers=POLICY)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == 6 and len(page["results"]) == 4  # "ventetid" and "ventetiden"
    hit = page["results"][0]
    assert "ventetid" in hit["text"].lower()
    assert set(hit["source"]) >= {"site", "meeting_date", "rom_variant", "note_id"}
    assert hit["section"] == "challenges"
    response = client.get(
        "/api/query/items", headers=POLICY, params={"q": "ventetid", "limit": 4, "offset": 4}
    )
    assert len(response.json()["results"]) == 2
    response = client.get(
        "/api/query/items", headers=POLICY, params={"q": "ventetid BUP", "section": "system_level"}
    )
    assert response.json()["total"] == 3
    response = client.get(
        "/api/query/items",
        headers=POLICY,
        params={"label": "good_practice", "theme": "skole-barnehage"},
    )
    assert response.json()["total"] == 3
    response = client.get("/api/query/quotes", params={"q": "lytte"}, headers=POLICY)
    assert response.json()["total"] == 3
    assert response.json()["results"][0]["source"]["site"]

    # trends per half-year
    response = client.get("/api/query/trends", headers=POLICY)
    periods = {p["period"]: p for p in response.json()["periods"]}
    assert set(periods) == {"2023-H2", "2024-H1", "2024-H2"}
    assert periods["2024-H1"]["notes"] == 1 and periods["2024-H1"]["themes"]["parorende"] >= 1

    # exports
    response = client.get("/api/exports/items", params={"format": "csv"}, headers=POLICY)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3 * len(note["items"])
    assert {"site", "meeting_date", "rom_variant", "label", "themes", "text"} <= set(rows[0])
    assert all("Ola Hansen" not in r["text"] for r in rows)
    response = client.get("/api/exports/quotes", params={"format": "xlsx"}, headers=POLICY)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "speaker" in header and "site" in header
    assert sheet.max_row == 1 + 6

    # the half-year report, as JSON and as downloads
    response = client.get(
        "/api/reports/half-year", params={"year": 2024, "half": 1}, headers=COORDINATOR
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["meeting_count"] == 1
    assert report["meetings"][0]["date"] == "2024-03-14"
    assert report["totals"]["professionals"] == 6
    assert [p["text"] for p in report["system_level"]] == [
        "Pårørende må få en fast kontaktperson i kommunen.",
        "Ventetiden i BUP må ned.",
    ]
    response = client.get(
        "/api/reports/half-year/download",
        headers=POLICY,
        params={"year": 2024, "half": 1, "site_id": 1, "format": "xlsx"},
    )
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert {"Sammendrag", "Møter", "Temaer", "Systemnivå"} <= set(workbook.sheetnames)
    response = client.get(
        "/api/reports/half-year/download",
        headers=POLICY,
        params={"year": 2024, "half": 1, "site_id": 1, "format": "csv"},
    )
    assert "Systemnivå" in response.content.decode("utf-8-sig")

    # the audit log names actions and notes, never text
    response = client.get(
        "/api/audit", params={"note_id": note["id"]}, headers=headers_for("admin")
    )
    actions = [e["action"] for e in response.json()]
    assert {"draft_create", "draft_decide", "draft_approve"} <= set(actions)
    assert "Ola" not in response.text


def _raw_draft_bytes(url: str) -> bytes:
    from service.db.session import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT raw_text, analysis FROM draft_contents").one()
            return bytes(row[0]) + bytes(row[1])
    finally:
        engine.dispose()


def test_upload_docx_and_text(client: TestClient) -> None:
    from docx import Document

    document = Document()
    for line in make_note(4).split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    response = client.post(
        "/api/analyse",
        files={"file": ("notat.docx", buffer.getvalue(), "application/octet-stream")},
        headers=REFERENT,
    )
    assert response.status_code == 200, response.text
    assert response.json()["format"] == "docx"
    assert response.json()["header"]["total"] == 16
    response = client.post(
        "/api/drafts",
        files={"file": ("notat.md", make_note(5).encode(), "text/markdown")},
        headers=REFERENT,
    )
    assert response.status_code == 201, response.text
    assert response.json()["source_format"] == "markdown"


def test_approve_needs_a_meeting_date(client: TestClient) -> None:
    text = make_note(1).replace("Dato: 14.03.2024\n", "")
    response = client.post("/api/drafts", json={"text": text}, headers=REFERENT)
    draft = accept_all(client, response.json())
    response = client.post(f"/api/drafts/{draft['id']}/approve", headers=REFERENT)
    assert response.status_code == 422
    assert response.json()["field"] == "meeting_date"
    response = client.post(
        f"/api/drafts/{draft['id']}/approve", json={"meeting_date": "2024-05-02"}, headers=REFERENT
    )
    assert response.status_code == 200
    assert response.json()["meeting_date"] == "2024-05-02"
