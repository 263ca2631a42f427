"""Bad input gets the right status, a Norwegian message, and never echoes note text."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from svc_fakes import FakeAnalyser, make_note
from svc_helpers import Db, accept_all, headers_for, make_client, make_settings

REFERENT = headers_for("referent")
SECRET = "HEMMELIG-Kari-Nordmann-47110"


def test_missing_and_bad_credentials_401(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/api/drafts")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "logge inn" in response.json()["detail"]
    response = sqlite_client.get("/api/drafts", headers={"Authorization": "Bearer feil"})
    assert response.status_code == 401
    assert "ugyldig" in response.json()["detail"].lower()
    response = sqlite_client.get("/api/drafts", headers={"Authorization": "Basic abc"})
    assert response.status_code == 401


def test_login(sqlite_client: TestClient) -> None:
    from svc_helpers import PASSWORD

    response = sqlite_client.post(
        "/api/auth/token", data={"username": "referent", "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    token = response.json()["access_token"]
    me = sqlite_client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["role"] == "referent" and me.json()["site_id"] == 1
    response = sqlite_client.post(
        "/api/auth/token", json={"username": "Referent", "password": PASSWORD}
    )
    assert response.status_code == 200
    response = sqlite_client.post(
        "/api/auth/token", data={"username": "referent", "password": "feil-passord"}
    )
    assert response.status_code == 401
    assert response.json()["detail"] == "Feil brukernavn eller passord."
    response = sqlite_client.post(
        "/api/auth/token", data={"username": "finnes-ikke", "password": PASSWORD}
    )
    assert response.status_code == 401
    response = sqlite_client.post("/api/auth/token", json={"username": "referent"})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "password", "message": "mangler"}]
    # log out: the token stops working
    sqlite_client.post("/api/auth/logout", headers={"Authorization": f"Bearer {token}"})
    me = sqlite_client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 401


def test_expired_token_401(sqlite_db: Db, tmp_path: Path, fake: FakeAnalyser) -> None:
    settings = make_settings(sqlite_db.url, tmp_path, access_token_expire_minutes=1)
    with make_client(settings, fake) as client:
        from svc_helpers import PASSWORD

        token = client.post(
            "/api/auth/token", data={"username": "policy", "password": PASSWORD}
        ).json()
        from service.db.session import make_engine

        engine = make_engine(sqlite_db.url)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE api_tokens SET expires_at = '2000-01-01 00:00:00'")
        engine.dispose()
        response = client.get(
            "/api/auth/me", headers={"Authorization": f"Bearer {token['access_token']}"}
        )
        assert response.status_code == 401


def test_wrong_role_403_and_unknown_id_404(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/api/analyse", json={"text": make_note()}, headers=headers_for("policy")
    )
    assert response.status_code == 403
    assert "Bare" in response.json()["detail"]
    response = sqlite_client.get("/api/drafts/999", headers=REFERENT)
    assert response.status_code == 404
    assert response.json()["detail"] == "Utkastet finnes ikke."
    response = sqlite_client.get("/api/notes/999", headers=REFERENT)
    assert response.status_code == 404
    response = sqlite_client.get("/api/finnes-ikke", headers=REFERENT)
    assert response.status_code == 404
    assert response.json()["detail"] == "Fant ikke siden eller ressursen."
    response = sqlite_client.put("/api/drafts", headers=REFERENT)
    assert response.status_code == 405
    assert "Metoden" in response.json()["detail"]


def test_body_over_the_limit_413(sqlite_db: Db, tmp_path: Path, fake: FakeAnalyser) -> None:
    settings = make_settings(sqlite_db.url, tmp_path, max_upload_bytes=2000)
    with make_client(settings, fake) as client:
        note = make_note() + SECRET * 100
        response = client.post("/api/analyse", json={"text": note}, headers=REFERENT)
        assert response.status_code == 413
        assert "for stor" in response.json()["detail"]
        response = client.post(
            "/api/drafts",
            headers=REFERENT,
            files={"file": ("notat.txt", note.encode(), "text/plain")},
        )
        assert response.status_code == 413

        # a streamed body (no Content-Length) is cut off when it runs over the limit,
        # also where FastAPI parses the body itself
        def chunks():  # type: ignore[no-untyped-def]
            for _ in range(300):
                yield b"x" * 1000

        for url in ("/api/analyse", "/api/drafts/1/decisions"):
            response = client.post(
                url, content=chunks(), headers={**REFERENT, "Content-Type": "application/json"}
            )
            assert response.status_code == 413, url
        # a body far over the limit is refused from its Content-Length alone
        response = client.post(
            "/api/analyse",
            content=b"x" * 400_000,
            headers={**REFERENT, "Content-Type": "application/json"},
        )
        assert response.status_code == 413


def test_unsupported_upload_type_415(sqlite_client: TestClient) -> None:
    for name in ("notat.doc", "notat.exe", "bilde.png"):
        response = sqlite_client.post(
            "/api/analyse",
            headers=REFERENT,
            files={"file": (name, b"data", "application/octet-stream")},
        )
        assert response.status_code == 415, name
        assert "støttes ikke" in response.json()["detail"]
    response = sqlite_client.post(
        "/api/analyse", content=b"<note/>", headers={**REFERENT, "Content-Type": "application/xml"}
    )
    assert response.status_code == 415
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    response = sqlite_client.post(
        "/api/analyse", headers=REFERENT, files={"file": ("notat", ole, "application/octet-stream")}
    )
    assert response.status_code == 415


def test_invalid_body_422_names_the_field(sqlite_client: TestClient) -> None:
    response = sqlite_client.post("/api/analyse", json={"tekst": "x"}, headers=REFERENT)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"text", "tekst"}
    assert "«text» mangler" in response.json()["detail"]
    response = sqlite_client.post("/api/analyse", json={"text": 12}, headers=REFERENT)
    assert response.json()["errors"] == [{"field": "text", "message": "må være tekst"}]
    response = sqlite_client.post(
        "/api/analyse", content=b"{nope", headers={**REFERENT, "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    response = sqlite_client.post("/api/analyse", json={"text": "   \n  "}, headers=REFERENT)
    assert response.status_code == 422
    assert "mellomrom" in response.json()["detail"]
    draft = sqlite_client.post("/api/drafts", json={"text": make_note()}, headers=REFERENT).json()
    url = f"/api/drafts/{draft['id']}/decisions"
    response = sqlite_client.post(
        url, json={"decisions": [{"action": "add", "start": 1}]}, headers=REFERENT
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "decisions[0]"
    assert "add" in response.json()["errors"][0]["message"]
    response = sqlite_client.post(
        url, json={"items": [{"item": 99, "label": "wish"}]}, headers=REFERENT
    )
    assert response.status_code == 422 and response.json()["field"] == "items[0].item"
    response = sqlite_client.post(
        url, json={"items": [{"item": 0, "label": "ønske"}]}, headers=REFERENT
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "items[0].label"
    response = sqlite_client.post(
        url, json={"quotes": [{"quote": 5, "speaker": "mor"}]}, headers=REFERENT
    )
    assert response.status_code == 422
    response = sqlite_client.post(
        url,
        headers=REFERENT,
        json={
            "decisions": [
                {"action": "accept", "scope": "entity", "entity": "NAVN 1"},
                {"action": "accept", "start": 0, "end": 3},
            ]
        },
    )
    assert response.status_code == 422 and response.json()["field"] == "decisions[1]"
    response = sqlite_client.get(
        "/api/query/items", params={"limit": 0}, headers=headers_for("policy")
    )
    assert response.status_code == 422
    assert response.json()["errors"][0] == {"field": "limit", "message": "må være minst 1"}
    response = sqlite_client.get(
        "/api/query/counts",
        headers=headers_for("policy"),
        params={"date_from": "2024-05-01", "date_to": "2024-01-01"},
    )
    assert response.status_code == 422 and response.json()["field"] == "date_to"


def test_no_note_text_in_errors_or_logs(
    sqlite_db: Db, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Errors triggered with a distinctive secret in the note: in no body, in no log record."""
    caplog.set_level(logging.DEBUG)
    analyser = FakeAnalyser(fail_on="KRASJ")
    settings = make_settings(sqlite_db.url, tmp_path, max_upload_bytes=4000)
    note = make_note(secret=SECRET)
    bodies: list[str] = []
    with make_client(settings, analyser) as client:

        def call(method: str, url: str, **kwargs: object) -> int:
            response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
            bodies.append(response.text)
            return response.status_code

        assert (
            call("POST", "/api/analyse", json={"text": note + "x" * 5000}, headers=REFERENT) == 413
        )
        assert (
            call("POST", "/api/analyse", json={"text": note, "extra": SECRET}, headers=REFERENT)
            == 422
        )
        assert call("POST", "/api/analyse", json={"text": [note]}, headers=REFERENT) == 422
        assert (
            call(
                "POST", "/api/analyse", json={"text": note, "source": SECRET * 20}, headers=REFERENT
            )
            == 422
        )
        assert (
            call("POST", "/api/analyse", json={"text": note, "site_id": SECRET}, headers=REFERENT)
            == 422
        )
        assert (
            call(
                "POST",
                "/api/analyse",
                content=note.encode(),
                headers={**REFERENT, "Content-Type": "text/plain"},
            )
            == 415
        )
        assert (
            call(
                "POST",
                "/api/analyse",
                content=b'{"text": "' + note.encode(),
                headers={**REFERENT, "Content-Type": "application/json"},
            )
            == 422
        )
        assert call("POST", "/api/analyse", json={"text": note + " KRASJ"}, headers=REFERENT) == 500
        assert call("POST", "/api/drafts", json={"text": note + " KRASJ"}, headers=REFERENT) == 500
        assert (
            call("POST", "/api/analyse", json={"text": note}, headers=headers_for("policy")) == 403
        )
        assert call("POST", "/api/analyse", json={"text": note}) == 401
        response = client.post("/api/drafts", json={"text": note}, headers=REFERENT)
        draft = response.json()
        assert call("POST", f"/api/drafts/{draft['id']}/approve", headers=REFERENT) == 409
        assert (
            call(
                "POST",
                f"/api/drafts/{draft['id']}/decisions",
                headers=REFERENT,
                json={"decisions": [{"action": "accept", "start": 0, "end": 5, "entity": SECRET}]},
            )
            == 422
        )
        assert (
            call(
                "POST",
                f"/api/drafts/{draft['id']}/decisions",
                headers=REFERENT,
                json={"decisions": [{"action": "add", "start": 0, "end": 10**6, "type": "PERSON"}]},
            )
            == 422
        )
        assert call("GET", f"/api/drafts/{draft['id']}", headers=headers_for("referent_b")) == 403
        accept_all(client, draft)
        assert (
            call(
                "POST",
                f"/api/drafts/{draft['id']}/approve",
                headers=REFERENT,
                json={"meeting_date": SECRET},
            )
            == 422
        )
    assert any("AnalyserFailure" in r.getMessage() for r in caplog.records)
    for body in bodies:
        assert SECRET not in body and "Kari" not in body
    for record in caplog.records:
        rendered = record.getMessage() + str(record.exc_info or "") + str(record.args)
        assert SECRET not in rendered, record.name
        assert "Ola Hansen" not in rendered, record.name


def test_norwegian_messages(sqlite_client: TestClient) -> None:
    for url in ("/api/drafts", "/api/notes", "/api/query/counts", "/api/users"):
        response = sqlite_client.get(url)
        assert response.status_code == 401
        detail = response.json()["detail"]
        assert "Du må logge inn" in detail
    response = sqlite_client.get("/api/users", headers=headers_for("policy"))
    assert response.json()["detail"] == "Bare administratorer har tilgang til dette."
