"""Alembic migrations: empty → head → one step down, on SQLite and PostgreSQL, through the
CLI (`romnotat db upgrade` / `romnotat db downgrade -1`); head matches the models."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from service.db import migrate
from service.db.models import Base
from service.db.session import make_engine

FTS_TABLES = ("items_fts", "quotes_fts")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    make: Callable[[], str] = request.getfixturevalue("pg_database")
    return make()


@pytest.fixture
def db_cli(run_cli: Callable[..., Any]) -> Callable[[list[str], str], Any]:
    """`romnotat db …` through the CLI's entry point (in-process)."""
    return lambda args, url: run_cli(["db", *args], url)


def _fulltext(url: str) -> bool:
    engine = make_engine(url)
    try:
        inspector = inspect(engine)
        if engine.dialect.name == "sqlite":
            return all(t in inspector.get_table_names() for t in FTS_TABLES)
        names = {i["name"] for i in inspector.get_indexes("items")}
        names |= {i["name"] for i in inspector.get_indexes("quotes")}
        return {"ix_items_text_fts", "ix_quotes_text_fts"} <= names
    finally:
        engine.dispose()


def _fulltext_diff(entry: object) -> bool:
    """Full-text objects live only in migration 0002, not in the models."""
    if not isinstance(entry, tuple):
        return False
    name = getattr(entry[1], "name", "")
    return (entry[0] == "remove_table" and "_fts" in name) or (
        entry[0] == "remove_index" and name.endswith("_text_fts")
    )


def test_upgrade_from_empty_to_head_and_down_one_step(empty_url: str, db_cli: Any) -> None:
    result = db_cli(["upgrade"], empty_url)
    assert result.returncode == 0, result.stderr
    assert "0002_fulltext" in result.stdout
    engine = make_engine(empty_url)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        tables = set(inspect(engine).get_table_names())
        assert {
            "sites",
            "users",
            "api_tokens",
            "notes",
            "draft_contents",
            "items",
            "quotes",
            "item_themes",
            "quote_themes",
            "audit_events",
        } <= tables
        # the migrated schema is exactly what the models describe
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = [d for d in compare_metadata(context, Base.metadata) if not _fulltext_diff(d)]
        assert diff == []
    finally:
        engine.dispose()
    assert _fulltext(empty_url)

    result = db_cli(["downgrade", "-1"], empty_url)
    assert result.returncode == 0, result.stderr
    assert "0001_initial" in result.stdout
    assert not _fulltext(empty_url)
    engine = make_engine(empty_url)
    try:
        assert migrate.current_revision(engine) == "0001_initial"
        assert "notes" in inspect(engine).get_table_names()
    finally:
        engine.dispose()

    # and back up again; upgrading twice is a no-op
    for _ in range(2):
        result = db_cli(["upgrade"], empty_url)
        assert result.returncode == 0, result.stderr
    assert _fulltext(empty_url)


def test_bad_revision_is_one_norwegian_line(tmp_path: Path, db_cli: Any) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    result = db_cli(["downgrade", "-5"], url)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Feil: Ukjent eller ugyldig"), result.stderr


def test_unreachable_database_is_one_norwegian_line(db_cli: Any) -> None:
    result = db_cli(["upgrade"], "postgresql://postgres@127.0.0.1:1/ingen")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "Feil: Får ikke kontakt med databasen. "
        "Sjekk at databasen kjører og at DATABASE_URL er riktig."
    ], result.stderr
    result = db_cli(["upgrade"], "mysql://x@y/z")
    assert result.returncode == 2 and "PostgreSQL eller SQLite" in result.stderr
