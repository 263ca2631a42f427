"""Service commands for the ``romnotat`` CLI: serve, db, users, reprocess.

Commands check their arguments and call plain functions. Errors a user can cause raise
``ServiceError`` (one Norwegian line, exit code 2, via ``romnotat.cli.main``). Heavy modules
are imported inside the commands so that ``romnotat analyse`` starts as fast as before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from service.errors import ServiceError

if TYPE_CHECKING:
    from service.core.config import Settings

ROLES = ("referent", "coordinator", "policy", "admin")


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn configuration and connection problems into one Norwegian line (exit 2)."""
    from alembic.util.exc import CommandError
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError:
        raise ServiceError(
            "Får ikke kontakt med databasen.",
            "Sjekk at databasen kjører og at DATABASE_URL er riktig.",
        ) from None
    except CommandError:
        raise ServiceError(
            "Ukjent eller ugyldig migreringsrevisjon.",
            "Bruk for eksempel «head», «-1» eller «base».",
        ) from None


def load_settings() -> Settings:
    from pydantic import ValidationError

    from service.core.config import Settings

    try:
        return Settings()
    except ValidationError as error:
        names = ", ".join(str(e["loc"][0]) for e in error.errors() if e.get("loc"))
        raise ServiceError(
            f"Ugyldig innstilling i miljøet: {names or 'ukjent'}.",
            "Sjekk verdien (tall der det skal være tall).",
        ) from None


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    from service.db.session import make_engine

    return make_engine(settings.db_url)


def prepare_database(settings: Settings) -> int:
    """Migrate to head and purge expired drafts; returns the number of drafts purged."""
    from service.db import migrate
    from service.db.session import make_session_factory
    from service.retention import purge

    engine = _engine(settings)
    try:
        migrate.upgrade(engine)
        return purge(make_session_factory(engine), settings)
    finally:
        engine.dispose()


def serve(
    host: Annotated[str, typer.Option(help="Adressen tjenesten lytter på.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Porten tjenesten lytter på.")] = 8000,
    log_level: Annotated[str, typer.Option(help="debug, info, warning eller error.")] = "info",
) -> None:
    """Start webtjenesten (OpenAPI-dokumentasjon på /docs)."""
    if not 1 <= port <= 65535:
        raise ServiceError("--port må være mellom 1 og 65535.")
    if log_level not in ("debug", "info", "warning", "error"):
        raise ServiceError("--log-level må være debug, info, warning eller error.")
    import uvicorn

    from service.main import create_app

    _check_port_free(host, port)
    settings = load_settings()
    with user_errors():
        prepare_database(settings)
        app = create_app(settings)
    typer.echo(f"romnotat kjører på http://{host}:{port} (dokumentasjon: /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def _check_port_free(host: str, port: int) -> None:
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        raise ServiceError(f"Ukjent adresse «{host}».", "Bruk for eksempel 127.0.0.1.") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError:
            raise ServiceError(
                f"Kan ikke lytte på {host}:{port} (porten er i bruk eller ikke tillatt).",
                "Velg en annen port med --port.",
            ) from None


db_app = typer.Typer(
    help="Databasen: migreringer og sletting av utløpte utkast.", no_args_is_help=True
)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Målrevisjon.")] = "head",
) -> None:
    """Oppgrader databasen (standard: til nyeste revisjon)."""
    from service.db import migrate

    settings = load_settings()
    with user_errors():
        engine = _engine(settings)
        try:
            migrate.upgrade(engine, revision)
            current = migrate.current_revision(engine)
        finally:
            engine.dispose()
    typer.echo(f"Databasen er på revisjon {current}.")


@db_app.command("downgrade", context_settings={"ignore_unknown_options": True})
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Målrevisjon, f.eks. -1 eller base.")],
) -> None:
    """Nedgrader databasen (f.eks. «romnotat db downgrade -1»)."""
    from service.db import migrate

    settings = load_settings()
    with user_errors():
        engine = _engine(settings)
        try:
            migrate.downgrade(engine, revision)
            current = migrate.current_revision(engine)
        finally:
            engine.dispose()
    typer.echo(f"Databasen er på revisjon {current or 'base (tom)'}.")


@db_app.command("purge")
def db_purge() -> None:
    """Slett utkast (råtekst og analyse) som er eldre enn DRAFT_RETENTION_DAYS."""
    from service.db.session import make_session_factory
    from service.retention import purge

    settings = load_settings()
    with user_errors():
        engine = _engine(settings)
        try:
            count = purge(make_session_factory(engine), settings)
        finally:
            engine.dispose()
    typer.echo(f"Slettet {count} utløpte utkast (eldre enn {settings.draft_retention_days} dager).")


users_app = typer.Typer(help="Brukere.", no_args_is_help=True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ServiceError("Fant ikke noe passord på standard input.")
        return password
    if not sys.stdin.isatty():
        raise ServiceError(
            "Oppgi passordet med --password-stdin når kommandoen ikke kjøres i en terminal."
        )
    return typer.prompt("Passord", hide_input=True, confirmation_prompt=True)


@users_app.command("create")
def users_create(
    username: Annotated[str, typer.Argument(help="Brukernavn (små bokstaver, sifre, . _ @ -).")],
    role: Annotated[str, typer.Option(help="referent, coordinator, policy eller admin.")],
    site: Annotated[
        str | None, typer.Option(help="ROM-stedets id eller navn (referent og koordinator).")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Les passordet fra standard input.")
    ] = False,
) -> None:
    """Opprett en bruker, f.eks. den første administratoren."""
    if role not in ROLES:
        raise ServiceError(f"Ukjent rolle «{role}». Gyldige roller: {', '.join(ROLES)}.")
    if role in ("referent", "coordinator") and not site:
        raise ServiceError("Referenter og koordinatorer må knyttes til et ROM-sted med --site.")
    if role in ("policy", "admin") and site:
        raise ServiceError("Bare referenter og koordinatorer knyttes til et ROM-sted.")
    password = _read_password(password_stdin)
    from service.accounts import AccountError, create_user, find_site
    from service.db.session import make_session_factory

    settings = load_settings()
    with user_errors():
        prepare_database(settings)
        engine = _engine(settings)
        try:
            with make_session_factory(engine)() as session, session.begin():
                site_row = find_site(session, site) if site else None
                if site and site_row is None:
                    raise ServiceError(
                        f"Fant ikke ROM-stedet «{site}».", "Opprett det først (POST /api/sites)."
                    )
                try:
                    user = create_user(session, None, username, password, role, site_row)
                except AccountError as error:
                    raise ServiceError(error.message) from None
                user_id = user.id
        finally:
            engine.dispose()
    typer.echo(f"Opprettet bruker {user_id} «{username}» med rollen {role}.")


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ServiceError(f"{option} må være en dato på formen ÅÅÅÅ-MM-DD.") from None


def reprocess(
    workers: Annotated[int, typer.Option(help="Antall arbeidsprosesser.")] = 1,
    since: Annotated[
        str | None, typer.Option(help="Bare notater godkjent denne datoen eller senere.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Vis hva som ville endret seg; lagre ingenting.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Sammendraget som JSON.")] = False,
    analyser: Annotated[str | None, typer.Option("--analyser", hidden=True)] = None,
) -> None:
    """Kjør punkter, temaer, sitater og personopplysningskontroll på nytt for lagrede,
    anonymiserte notater med gjeldende analyse. Trygt å avbryte og kjøre igjen."""
    if not 1 <= workers <= 64:
        raise ServiceError("--workers må være mellom 1 og 64.")
    since_date = _parse_date(since, "--since")
    from service.reprocess import reprocess as run

    settings = load_settings()
    with user_errors():
        prepare_database(settings)
        summary = run(
            settings.db_url,
            analyser_spec=analyser,
            workers=workers,
            since=since_date,
            dry_run=dry_run,
            claim_seconds=settings.reprocess_claim_seconds,
        )
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        for line in summary.lines():
            typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the service commands to the ``romnotat`` CLI."""
    app.command("serve")(serve)
    app.add_typer(db_app, name="db")
    app.add_typer(users_app, name="users")
    app.command("reprocess")(reprocess)
