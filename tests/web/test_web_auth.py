"""The pages' log-in and the API's cookie rules, without a browser (fast)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import svc_helpers as svc
from fastapi.testclient import TestClient

from service.main import create_app
from service.web import mount
from service.web.auth import COOKIE, safe_next


@pytest.fixture
def web_client(tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'romnotat.sqlite3'}"
    svc.seed(url)
    app = create_app(svc.make_settings(url, tmp_path))
    mount(app)
    mount(app)  # idempotent: create_app may call it too
    with TestClient(app, base_url="http://romnotat.test", follow_redirects=False) as client:
        yield client


def _log_in(client: TestClient, who: str = "referent", **headers: str) -> str:
    response = client.post(
        "/logg-inn",
        data={"username": who, "password": svc.PASSWORD},
        headers={"origin": "http://romnotat.test", **headers},
    )
    assert response.status_code == 303, response.text
    return response.headers["set-cookie"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/utforsk?q=skole", "/utforsk?q=skole"),
        ("/utkast/3", "/utkast/3"),
        ("//evil.example/", None),
        ("https://evil.example/", None),
        ("/\\evil.example", None),
        ("/api/drafts", None),
        ("/logg-ut", None),
        ("utforsk", None),
        (None, None),
    ],
)
def test_next_is_always_a_local_page(value: str | None, expected: str | None) -> None:
    assert safe_next(value) == expected


def test_login_sets_an_httponly_strict_cookie(web_client: TestClient) -> None:
    cookie = _log_in(web_client)
    assert cookie.startswith(f"{COOKIE}=")
    lowered = cookie.lower()
    assert "httponly" in lowered and "samesite=strict" in lowered and "path=/" in lowered
    assert web_client.get("/api/auth/me").json()["username"] == "referent"
    page = web_client.get("/notat/ny")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"


def test_login_from_another_site_is_refused(web_client: TestClient) -> None:
    response = web_client.post(
        "/logg-inn",
        data={"username": "referent", "password": svc.PASSWORD},
        headers={"origin": "https://evil.example"},
    )
    assert response.status_code == 403
    assert COOKIE not in response.headers.get("set-cookie", "")
    assert "Innloggingen ble avvist" in response.text


def test_wrong_password_and_empty_fields(web_client: TestClient) -> None:
    response = web_client.post(
        "/logg-inn", data={"username": "referent", "password": "feil"}, headers={}
    )
    assert response.status_code == 401
    assert "Feil brukernavn eller passord." in response.text
    assert 'value="referent"' in response.text  # the username is kept, the password is not
    response = web_client.post("/logg-inn", data={"username": "", "password": ""})
    assert response.status_code == 422
    assert "Fyll inn både brukernavn og passord." in response.text


def test_cookie_writes_need_the_pages_header(web_client: TestClient) -> None:
    _log_in(web_client)
    body = {"text": "Dato: 01.02.2024\nKari Nordmann var der."}
    refused = web_client.post("/api/drafts", json=body)
    assert refused.status_code == 403
    assert "romnotats egne sider" in refused.json()["detail"]
    # (the analyser is not overridden here, so only the refusal is checked)
    assert web_client.get("/api/drafts").status_code == 200  # reading needs no header


def test_logout_revokes_the_token(web_client: TestClient) -> None:
    _log_in(web_client, "policy")
    token = web_client.cookies.get(COOKIE)
    assert token
    response = web_client.post("/logg-ut", headers={"origin": "http://romnotat.test"})
    assert response.status_code == 303 and response.headers["location"] == "/logg-inn?utlogget=1"
    response = web_client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_pages_redirect_to_login_and_errors_are_norwegian_html(web_client: TestClient) -> None:
    for path in ("/", "/notat/ny", "/utkast/1", "/utforsk"):
        response = web_client.get(path)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/logg-inn")
    page = web_client.get("/finnes-ikke", headers={"accept": "text/html"})
    assert page.status_code == 404 and "Fant ikke siden" in page.text
    api = web_client.get("/api/finnes-ikke", headers={"accept": "text/html"})
    assert api.status_code == 404 and api.json()["detail"]  # the API keeps its JSON errors
