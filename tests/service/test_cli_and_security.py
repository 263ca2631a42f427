"""CLI commands (users create, db purge, serve), retention, and the security primitives."""

from __future__ import annotations

import datetime as dt
import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from svc_fakes import FakeAnalyser, make_note
from svc_helpers import (
    PASSWORD,
    Db,
    count_rows,
    headers_for,
    make_client,
    make_settings,
)

from service.core.config import Settings
from service.core.security import (
    DecryptionError,
    DraftCipher,
    hash_password,
    token_hash,
    verify_password,
)
from service.db.session import make_engine
from service.errors import ServiceError

REPO = Path(__file__).resolve().parents[2]
ROMNOTAT = [sys.executable, "-c", "from romnotat.cli import main; main()"]


def _one_line_error(result: Any, needle: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Feil: ") and needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def test_users_create_bootstraps_an_admin_who_can_log_in(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    result = run_cli(
        ["users", "create", "sjef", "--role", "admin", "--password-stdin"],
        url,
        stdin="et-godt-langt-passord\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Opprettet bruker" in result.stdout
    settings = make_settings(url, tmp_path)
    with make_client(settings, FakeAnalyser()) as client:
        token = client.post(
            "/api/auth/token", data={"username": "sjef", "password": "et-godt-langt-passord"}
        ).json()["access_token"]
        admin = {"Authorization": f"Bearer {token}"}
        site = client.post(
            "/api/sites",
            json={"name": "ROM Bergen", "rom_variant": "fosterforeldre"},
            headers=admin,
        )
        assert site.status_code == 201
    result = run_cli(
        [
            "users",
            "create",
            "kari.referent",
            "--role",
            "referent",
            "--site",
            "ROM Bergen",
            "--password-stdin",
        ],
        url,
        stdin="passord-for-kari\n",
    )
    assert result.returncode == 0, result.stderr
    # the password is stored as an argon2 hash
    engine = make_engine(url)
    with engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT password_hash FROM users WHERE username = 'kari.referent'"
        ).scalar_one()
    engine.dispose()
    assert stored.startswith("$argon2id$") and "passord-for-kari" not in stored


@pytest.mark.parametrize(
    ("args", "stdin", "needle"),
    [
        (
            ["users", "create", "x1y", "--role", "sjef", "--password-stdin"],
            "p" * 12,
            "Ukjent rolle",
        ),
        (
            ["users", "create", "x1y", "--role", "referent", "--password-stdin"],
            "p" * 12,
            "må knyttes til et ROM-sted",
        ),
        (
            ["users", "create", "x1y", "--role", "admin", "--site", "1", "--password-stdin"],
            "p" * 12,
            "Bare referenter og koordinatorer",
        ),
        (
            ["users", "create", "x1y", "--role", "referent", "--site", "Oslo", "--password-stdin"],
            "p" * 12,
            "Fant ikke ROM-stedet",
        ),
        (
            ["users", "create", "x1y", "--role", "admin", "--password-stdin"],
            "kort",
            "minst 10 tegn",
        ),
        (
            ["users", "create", "Ugyldig Navn", "--role", "admin", "--password-stdin"],
            "p" * 12,
            "Brukernavnet",
        ),
        (["users", "create", "x1y", "--role", "admin"], "", "--password-stdin"),
    ],
)
def test_users_create_errors(
    args: list[str], stdin: str, needle: str, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    _one_line_error(run_cli(args, url, stdin=stdin + "\n" if stdin else ""), needle)


def test_bad_setting_is_one_line(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = run_cli(["db", "purge"], url, DRAFT_RETENTION_DAYS="fjorten")
    _one_line_error(result, "DRAFT_RETENTION_DAYS")


def test_drafts_are_purged_after_the_retention_period(
    sqlite_db: Db, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    settings = make_settings(sqlite_db.url, tmp_path)
    with make_client(settings, FakeAnalyser()) as client:
        old = client.post(
            "/api/drafts", json={"text": make_note(1)}, headers=headers_for("referent")
        ).json()
        new = client.post(
            "/api/drafts", json={"text": make_note(2)}, headers=headers_for("referent")
        ).json()
    engine = make_engine(sqlite_db.url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE notes SET created_at = '2020-01-01 00:00:00' WHERE id = ?", (old["id"],)
        )
    engine.dispose()
    # an expired draft is gone for the referent even before the purge runs
    settings_no_purge = make_settings(sqlite_db.url, tmp_path)
    app_client = make_client(settings_no_purge, FakeAnalyser())
    response = app_client.get(f"/api/drafts/{old['id']}", headers=headers_for("referent"))
    assert response.status_code == 410
    assert "utløpt" in response.json()["detail"]
    # `romnotat db purge` deletes it, raw text and analysis included
    result = run_cli(["db", "purge"], sqlite_db.url)
    assert result.returncode == 0, result.stderr
    assert "Slettet 1 utløpte utkast" in result.stdout
    assert count_rows(sqlite_db.url, "SELECT count(*) FROM notes") == 1
    assert count_rows(sqlite_db.url, "SELECT count(*) FROM draft_contents") == 1
    assert (
        count_rows(sqlite_db.url, "SELECT count(*) FROM audit_events WHERE action = 'draft_purge'")
        == 1
    )
    # and the purge also runs at start-up
    engine = make_engine(sqlite_db.url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE notes SET created_at = '2020-01-01 00:00:00' WHERE id = ?", (new["id"],)
        )
    engine.dispose()
    with make_client(settings, FakeAnalyser()):
        pass
    assert count_rows(sqlite_db.url, "SELECT count(*) FROM draft_contents") == 0


def test_secret_key_file_is_made_once_with_0600(tmp_path: Path) -> None:
    settings = Settings(var_dir=tmp_path / "var", database_url="", secret_key=None)
    cipher = DraftCipher(settings)
    key_file = tmp_path / "var" / "secret.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    token = cipher.encrypt("Kari Nordmann")
    assert b"Kari" not in token
    assert DraftCipher(settings).decrypt(token) == "Kari Nordmann"  # same key next time
    key_file.chmod(0o644)
    DraftCipher(settings)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_key_rotation_and_wrong_key(tmp_path: Path) -> None:
    from cryptography.fernet import Fernet

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    token = DraftCipher(Settings(var_dir=tmp_path, secret_key=old)).encrypt("tekst")
    rotated = DraftCipher(Settings(var_dir=tmp_path, secret_key=f"{new},{old}"))
    assert rotated.decrypt(token) == "tekst"
    with pytest.raises(DecryptionError):
        DraftCipher(Settings(var_dir=tmp_path, secret_key=new)).decrypt(token)
    with pytest.raises(ServiceError, match="gyldig Fernet-nøkkel"):
        DraftCipher(Settings(var_dir=tmp_path, secret_key="ikke-en-nøkkel"))
    with pytest.raises(ServiceError, match="ROMNOTAT_SECRET_KEY må settes"):
        DraftCipher(Settings(var_dir=tmp_path, database_url="postgresql://x@y/z"))


def test_passwords_and_tokens_are_stored_hashed(sqlite_db: Db, tmp_path: Path) -> None:
    hashed = hash_password("et-passord-12")
    assert verify_password(hashed, "et-passord-12")
    assert not verify_password(hashed, "feil")
    assert not verify_password(None, "et-passord-12")
    with make_client(make_settings(sqlite_db.url, tmp_path), FakeAnalyser()) as client:
        token = client.post(
            "/api/auth/token", data={"username": "admin", "password": PASSWORD}
        ).json()
    engine = make_engine(sqlite_db.url)
    with engine.connect() as conn:
        hashes = [r[0] for r in conn.exec_driver_sql("SELECT token_hash FROM api_tokens")]
        expires = conn.exec_driver_sql(
            "SELECT expires_at FROM api_tokens ORDER BY id DESC LIMIT 1"
        ).scalar_one()
    engine.dispose()
    assert token["access_token"] not in hashes
    assert token_hash(token["access_token"]) in hashes
    lifetime = dt.datetime.fromisoformat(str(expires)) - dt.datetime.now(dt.UTC).replace(
        tzinfo=None
    )
    assert dt.timedelta(hours=11) < lifetime <= dt.timedelta(hours=12)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_migrates_and_serves_docs(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    url = f"sqlite:///{tmp_path / 'served.sqlite3'}"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROMNOTAT_")}
    env.update(DATABASE_URL=url, ROMNOTAT_VAR_DIR=str(tmp_path / "var"))
    proc = subprocess.Popen(
        [*ROMNOTAT, "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert health.json() == {"status": "ok"}
        docs = httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5)
        assert docs.status_code == 200 and "swagger" in docs.text.lower()
        schema = httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        assert "/api/drafts/{draft_id}/approve" in schema["paths"]
        assert (
            "multipart/form-data"
            in schema["paths"]["/api/analyse"]["post"]["requestBody"]["content"]
        )
        assert count_rows(url, "SELECT count(*) FROM alembic_version") == 1
        key = tmp_path / "var" / "secret.key"
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        _one_line_error(run_cli(["serve", "--port", str(port)], url), "Kan ikke lytte")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    result = run_cli(["serve", "--port", "0"], url)
    _one_line_error(result, "--port")
