"""Helpers shared by the service tests: seeded data, databases, clients, flow shortcuts.

(Kept out of conftest.py so that test modules import them by a name no other test directory
uses.)
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import text
from svc_fakes import make_note

from service.api.deps import get_analyser
from service.core.config import Settings
from service.core.security import hash_password, token_hash
from service.db import migrate
from service.db.models import ApiToken, Site, User, utcnow
from service.db.session import make_engine, make_session_factory
from service.main import create_app

SECRET_KEY = Fernet.generate_key().decode()
PASSWORD = "passord-for-testing-1"
PG_ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
RUN_ID = uuid.uuid4().hex[:10]
USERS = {  # name: (role, site key)
    "admin": ("admin", None),
    "policy": ("policy", None),
    "referent": ("referent", "A"),
    "coordinator": ("coordinator", "A"),
    "referent_b": ("referent", "B"),
    "coordinator_b": ("coordinator", "B"),
}
SITES = {"A": ("ROM Innlandet", "psykisk-helse-rus"), "B": ("ROM Vestfold", "barnevern")}


def token_for(name: str) -> str:
    return f"test-token-{name}"


def headers_for(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(name)}"}


def seed(url: str) -> dict[str, Any]:
    """Migrate and add the sites, users and tokens every test starts with."""
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        with make_session_factory(engine)() as session, session.begin():
            sites = {
                key: Site(name=name, rom_variant=variant) for key, (name, variant) in SITES.items()
            }
            session.add_all(sites.values())
            session.flush()
            password_hash = hash_password(PASSWORD)
            for name, (role, site_key) in USERS.items():
                user = User(
                    username=name,
                    password_hash=password_hash,
                    role=role,
                    site_id=sites[site_key].id if site_key else None,
                )
                session.add(user)
                session.flush()
                session.add(
                    ApiToken(
                        user_id=user.id,
                        token_hash=token_hash(token_for(name)),
                        expires_at=utcnow() + dt.timedelta(days=365),
                    )
                )
    finally:
        engine.dispose()  # SQLite: closing the last connection checkpoints the WAL
    return {"site_a": 1, "site_b": 2}


def _pg_admin() -> Any:
    import psycopg

    return psycopg.connect(PG_ADMIN_DSN, autocommit=True)


def pg_create(name: str, template: str | None = None) -> str:
    with _pg_admin() as conn:
        suffix = f" TEMPLATE {template}" if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{suffix}')
        # test databases only: commits need not wait for the disk (atomicity is unchanged)
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    return PG_URL.format(name=name)


def pg_drop(name: str) -> None:
    with _pg_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_counter = iter(range(1_000_000))


def next_db_name() -> str:
    """A database name unique to this test run."""
    return f"romnotat_t_{RUN_ID}_{next(_counter)}"


@dataclass
class Db:
    backend: str
    url: str


def make_settings(url: str, var_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "var_dir": var_dir,
        "database_url": url,
        "secret_key": SECRET_KEY,
        "migrate_on_startup": False,
        "purge_interval_hours": 0,
    }
    values.update(overrides)
    return Settings(**values)


def make_client(settings: Settings, analyser: Any) -> TestClient:
    app = create_app(settings)
    app.dependency_overrides[get_analyser] = lambda: analyser
    return TestClient(app, raise_server_exceptions=False)


def accept_all(client: TestClient, draft: dict[str, Any], who: str = "referent") -> dict:
    entities = sorted({s["entity"] for s in draft["note"]["pii"] if s["status"] == "pending"})
    decisions = [{"action": "accept", "scope": "entity", "entity": e} for e in entities]
    response = client.post(
        f"/api/drafts/{draft['id']}/decisions",
        json={"decisions": decisions},
        headers=headers_for(who),
    )
    assert response.status_code == 200, response.text
    return response.json()


def approved_note(
    client: TestClient, text: str | None = None, who: str = "referent", **approve: Any
) -> dict[str, Any]:
    """Analyse → draft → accept every flag → approve; the approved note."""
    response = client.post(
        "/api/drafts", json={"text": text or make_note()}, headers=headers_for(who)
    )
    assert response.status_code == 201, response.text
    draft = accept_all(client, response.json(), who)
    response = client.post(
        f"/api/drafts/{draft['id']}/approve", json=approve or None, headers=headers_for(who)
    )
    assert response.status_code == 200, response.text
    return response.json()


def count_rows(url: str, sql: str, **params: Any) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar_one())
    finally:
        engine.dispose()


def seed_notes(url: str, texts: list[str], analyser: Any, who: str = "referent") -> list[int]:
    """Approved notes made with the service's own functions (no HTTP): fast bulk corpora."""
    from nlp.pii.decisions import Decision, apply_decisions
    from service.core.security import DraftCipher
    from service.drafts import ApproveRequest, approve_draft, create_draft

    settings = make_settings(url, Path("/nonexistent"))
    cipher = DraftCipher(settings)
    engine = make_engine(url)
    ids = []
    try:
        with make_session_factory(engine)() as session, session.begin():
            user = session.query(User).filter_by(username=who).one()
            site = session.get(Site, user.site_id)
            for text_ in texts:
                analysis = analyser.analyse_text(text_)
                entities = sorted({s.entity for s in analysis.pii if s.entity})
                decided = apply_decisions(
                    analysis,
                    [Decision(action="accept", scope="entity", entity=e) for e in entities],
                )
                note = create_draft(session, cipher, user, site, analysis)
                approve_draft(session, note, decided, user, ApproveRequest())
                ids.append(note.id)
    finally:
        engine.dispose()
    return ids


def clone_notes(url: str, note_id: int, copies: int) -> None:
    """``copies`` more approved notes like ``note_id`` (same text, items, quotes, themes), made
    with plain SQL: a large corpus in a second."""
    from sqlalchemy import insert, select

    from service.db.models import ItemTheme, Note, NoteItem, NoteQuote, QuoteTheme

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            note = conn.execute(select(Note.__table__).where(Note.id == note_id)).mappings().one()
            items = (
                conn.execute(select(NoteItem.__table__).where(NoteItem.note_id == note_id))
                .mappings()
                .all()
            )
            quotes = (
                conn.execute(select(NoteQuote.__table__).where(NoteQuote.note_id == note_id))
                .mappings()
                .all()
            )
            item_themes = conn.execute(select(ItemTheme.__table__)).mappings().all()
            quote_themes = conn.execute(select(QuoteTheme.__table__)).mappings().all()
            themes_of = {}
            for row in item_themes:
                themes_of.setdefault(("i", row["item_id"]), []).append(row["theme"])
            for row in quote_themes:
                themes_of.setdefault(("q", row["quote_id"]), []).append(row["theme"])
            for _ in range(copies):
                new_id = conn.execute(
                    insert(Note.__table__)
                    .values({k: v for k, v in note.items() if k != "id"})
                    .returning(Note.__table__.c.id)
                ).scalar_one()
                for kind, table, theme_table, key, rows in (
                    ("i", NoteItem.__table__, ItemTheme.__table__, "item_id", items),
                    ("q", NoteQuote.__table__, QuoteTheme.__table__, "quote_id", quotes),
                ):
                    for row in rows:
                        values = {k: v for k, v in row.items() if k != "id"} | {"note_id": new_id}
                        part_id = conn.execute(
                            insert(table).values(values).returning(table.c.id)
                        ).scalar_one()
                        themes = themes_of.get((kind, row["id"]), [])
                        if themes:
                            conn.execute(
                                insert(theme_table), [{key: part_id, "theme": t} for t in themes]
                            )
    finally:
        engine.dispose()


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str
