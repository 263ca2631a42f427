"""Fixtures for the service tests.

Every test gets a fresh database cloned from a migrated, seeded template: a copied SQLite
file, or on PostgreSQL a ``CREATE DATABASE … TEMPLATE`` of a uniquely named template
database that this session creates and drops. Seeded: two sites (A, B), one user per role
(plus a referent and coordinator at site B) with known bearer tokens (see svc_helpers).

PostgreSQL tests are marked ``postgres``; they run whenever 127.0.0.1:5432 answers, are
skipped with a reason when it does not, and fail loudly instead when CI is set.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))

from svc_fakes import FakeAnalyser
from svc_helpers import (
    RUN_ID,
    CliResult,
    Db,
    _pg_admin,
    make_client,
    make_settings,
    next_db_name,
    pg_create,
    pg_drop,
    seed,
)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    seed(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_available() -> None:
    try:
        with _pg_admin() as conn:
            conn.execute("SELECT 1")
    except Exception as error:
        message = (
            "PostgreSQL på 127.0.0.1:5432 (bruker postgres, trust) svarer ikke "
            f"({type(error).__name__}); PostgreSQL-testene kan ikke kjøres."
        )
        if os.environ.get("CI"):
            pytest.fail(message + " CI er satt, så dette er en feil.", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def pg_template(pg_available: None) -> Iterator[str]:
    name = f"romnotat_t_{RUN_ID}_tpl"
    url = pg_create(name)
    try:
        seed(url)
        yield name
    finally:
        pg_drop(name)


@pytest.fixture
def pg_database(pg_available: None) -> Iterator[Callable[[], str]]:
    """Makes empty, uniquely named databases; drops them after the test."""
    made: list[str] = []

    def make() -> str:
        name = next_db_name()
        made.append(name)
        return pg_create(name)

    yield make
    for name in made:
        pg_drop(name)


def _fresh_db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Db]:
    if backend == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "romnotat.sqlite3"
        shutil.copyfile(template, path)
        for suffix in ("-wal", "-shm"):
            if Path(f"{template}{suffix}").exists():
                shutil.copyfile(f"{template}{suffix}", f"{path}{suffix}")
        yield Db("sqlite", f"sqlite:///{path}")
        return
    template = request.getfixturevalue("pg_template")
    name = next_db_name()
    url = pg_create(name, template)
    try:
        yield Db("postgres", url)
    finally:
        pg_drop(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Db]:
    """A fresh seeded database, on SQLite and on PostgreSQL."""
    yield from _fresh_db(request, request.param, tmp_path)


@pytest.fixture
def sqlite_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Db]:
    """A fresh seeded SQLite database (for tests whose logic does not depend on the backend)."""
    yield from _fresh_db(request, "sqlite", tmp_path)


@pytest.fixture
def fake() -> FakeAnalyser:
    return FakeAnalyser()


@pytest.fixture
def client(db: Db, tmp_path: Path, fake: FakeAnalyser) -> Iterator[TestClient]:
    with make_client(make_settings(db.url, tmp_path), fake) as c:
        yield c


@pytest.fixture
def sqlite_client(sqlite_db: Db, tmp_path: Path, fake: FakeAnalyser) -> Iterator[TestClient]:
    with make_client(make_settings(sqlite_db.url, tmp_path), fake) as c:
        yield c


@pytest.fixture
def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Callable[..., CliResult]:
    """Run ``romnotat`` in-process through ``romnotat.cli.main`` (as the console script does):
    exit code, stdout and stderr. Environment: DATABASE_URL and extra variables given."""
    from romnotat.cli import main

    def run(args: list[str], url: str, stdin: str = "", **env: str) -> CliResult:
        with monkeypatch.context() as patch:
            for name in [k for k in os.environ if k.startswith("ROMNOTAT_")]:
                patch.delenv(name)
            patch.setenv("DATABASE_URL", url)
            patch.setenv("ROMNOTAT_VAR_DIR", str(tmp_path / "var"))
            for name, value in env.items():
                patch.setenv(name, value)
            patch.setattr(sys, "argv", ["romnotat", *args])
            patch.setattr(sys, "stdin", io.StringIO(stdin))
            capsys.readouterr()
            try:
                main()
                code = 0
            except SystemExit as exit_:
                code = (
                    exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
                )
            out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run
