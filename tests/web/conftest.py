"""Fixtures for the browser tests: the app (with the pages mounted) served by uvicorn on
127.0.0.1, and Debian's Chromium driven by Playwright.

The app is made as in the service tests (``create_app`` with their settings, a fake analyser
as the ``get_analyser`` override, a SQLite database seeded by their ``seed``: sites A and B, one
user per role plus a referent and coordinator at site B, all with the same password), and
``service.web.mount`` is called on it. One server and one browser serve the whole module;
every test gets a fresh browser context (its own cookies).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

SERVICE_TESTS = Path(__file__).resolve().parents[1] / "service"
sys.path.insert(0, str(SERVICE_TESTS))

import svc_helpers as svc  # noqa: E402
from svc_fakes import FakeAnalyser  # noqa: E402

from nlp.schema import PiiSpan  # noqa: E402
from service.api.deps import get_analyser  # noqa: E402
from service.main import create_app  # noqa: E402
from service.web import mount  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

_SCHOOL = re.compile(r"(?<!\w)[A-ZÆØÅ][\wæøå-]+ (?:skole|ungdomsskole|barnehage)(?!\w)")


class WebFakeAnalyser(FakeAnalyser):
    """The service tests' fake analyser, which also flags named schools and kindergartens."""

    def _pii(self, text: str) -> list[PiiSpan]:
        spans = super()._pii(text)
        for m in _SCHOOL.finditer(text):
            if any(s.start < m.end() and m.start() < s.end for s in spans):
                continue
            spans.append(
                PiiSpan(
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    type="ORGANIZATION",
                    score=0.72,
                    recognizer="fake",
                )
            )
        spans.sort(key=lambda s: (s.start, s.end))
        return spans


@dataclass
class Server:
    base_url: str
    db_url: str
    password: str = svc.PASSWORD

    def api(self, who: str) -> httpx.Client:
        """An API client with a seeded user's bearer token."""
        return httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {svc.token_for(who)}"},
            timeout=10,
        )

    def approved_note(self, text: str, who: str = "referent") -> dict[str, Any]:
        """Draft → accept every flag → approve, through the API; the approved note."""
        with self.api(who) as client:
            response = client.post("/api/drafts", json={"text": text})
            assert response.status_code == 201, response.text
            draft = response.json()
            entities = sorted({s["entity"] for s in draft["note"]["pii"]})
            decisions = [{"action": "accept", "scope": "entity", "entity": e} for e in entities]
            response = client.post(
                f"/api/drafts/{draft['id']}/decisions", json={"decisions": decisions}
            )
            assert response.status_code == 200, response.text
            response = client.post(f"/api/drafts/{draft['id']}/approve")
            assert response.status_code == 200, response.text
            return response.json()

    def draft(self, text: str, who: str = "referent") -> dict[str, Any]:
        with self.api(who) as client:
            response = client.post("/api/drafts", json={"text": text})
            assert response.status_code == 201, response.text
            return response.json()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not os.access(CHROMIUM, os.X_OK):
        message = (
            f"{CHROMIUM} mangler; installer Debians chromium (make chromium) for å kjøre "
            "nettlesertestene."
        )
        if os.environ.get("CI"):
            pytest.fail(message + " CI er satt, så dette er en feil.", pytrace=False)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("web")
    db_path = tmp / "romnotat.sqlite3"
    shutil.copyfile(svc_template(tmp_path_factory), db_path)
    url = f"sqlite:///{db_path}"
    app = create_app(svc.make_settings(url, tmp))
    analyser = WebFakeAnalyser()
    app.dependency_overrides[get_analyser] = lambda: analyser
    mount(app)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn startet ikke")
        time.sleep(0.02)
    try:
        yield Server(base_url=f"http://127.0.0.1:{port}", db_url=url)
    finally:
        uv.should_exit = True
        thread.join(timeout=10)
        sock.close()


def svc_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded SQLite file made with the service tests' ``seed``."""
    path = tmp_path_factory.mktemp("web-template") / "template.sqlite3"
    svc.seed(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(browser: Any, server: Server) -> Iterator[Callable[..., Any]]:
    """Opens pages in fresh browser contexts (own cookies); closes them after the test."""
    contexts: list[Any] = []

    def make(viewport: dict[str, int] | None = None) -> Any:
        context = browser.new_context(
            base_url=server.base_url,
            viewport=viewport or DESKTOP,
            locale="nb-NO",
            accept_downloads=True,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: make.errors.append(str(error)))  # type: ignore[attr-defined]
        return page

    make.errors = []  # type: ignore[attr-defined]  # uncaught script errors on any page
    yield make
    for context in contexts:
        context.close()


def _log_in(page: Any, username: str, start: str = "/", password: str = svc.PASSWORD) -> None:
    """Log in through the page's form (opening ``start``, which redirects there)."""
    page.goto(start)
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(lambda url: "/logg-inn" not in url)


@pytest.fixture
def log_in() -> Callable[..., None]:
    return _log_in


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
