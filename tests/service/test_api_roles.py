"""Every role against every endpoint.

Site A holds a draft and an approved note; ``referent_b``/``coordinator_b`` belong to site B
and reach for them. Read-only calls share one database per module; calls that change
something get a fresh copy each.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from svc_fakes import FakeAnalyser, make_note
from svc_helpers import approved_note, headers_for, make_client, make_settings

ROLES = ["anonymous", "referent", "coordinator", "policy", "admin", "referent_b", "coordinator_b"]
SITE_A = {"referent", "coordinator"}
SITE_B = {"referent_b", "coordinator_b"}
EVERYONE = set(ROLES) - {"anonymous"}
DRAFTERS_A = SITE_A | {"admin"}
QUERY = {"coordinator", "coordinator_b", "policy", "admin"}
QUERY_A = {"coordinator", "policy", "admin"}
NOTE = make_note(7)


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    allowed: frozenset[str]
    ok: int = 200
    body: Any = None
    mutates: bool = False
    other: dict[str, int] | None = None  # roles with a different, non-403 answer

    def expected(self, role: str) -> int:
        if role == "anonymous" and role not in self.allowed:
            return 401
        if self.other and role in self.other:
            return self.other[role]
        return self.ok if role in self.allowed else 403


def calls() -> list[Call]:
    f = frozenset
    return [
        Call("GET", "/api/auth/me", f(EVERYONE)),
        Call("POST", "/api/auth/logout", f(EVERYONE), 204, mutates=True),
        Call("GET", "/api/sites", f(EVERYONE)),
        Call(
            "POST",
            "/api/sites",
            f({"admin"}),
            201,
            {"name": "ROM Agder", "rom_variant": "rom-ung"},
            True,
        ),
        Call("GET", "/api/sites/{site_a}", f(EVERYONE - SITE_B)),
        Call(
            "PATCH", "/api/sites/{site_a}", f({"admin"}), 200, {"name": "ROM Innlandet Nord"}, True
        ),
        Call("GET", "/api/users", f({"admin"})),
        Call(
            "POST",
            "/api/users",
            f({"admin"}),
            201,
            {
                "username": "ny.referent",
                "password": "et-langt-passord",
                "role": "referent",
                "site_id": 1,
            },
            True,
        ),
        Call("GET", "/api/users/{user}", f({"admin"})),
        Call("PATCH", "/api/users/{user}", f({"admin"}), 200, {"is_active": True}, True),
        Call("POST", "/api/analyse", f(SITE_A | SITE_B | {"admin"}), 200, {"text": NOTE}),
        Call("GET", "/api/drafts", f(SITE_A | SITE_B | {"admin"})),
        Call("POST", "/api/drafts", f(SITE_A | SITE_B), 201, {"text": NOTE}, True, {"admin": 422}),
        Call("POST", "/api/drafts", f(DRAFTERS_A), 201, {"text": NOTE, "site_id": 1}, True),
        Call("GET", "/api/drafts/{draft}", f(DRAFTERS_A)),
        Call(
            "POST",
            "/api/drafts/{draft}/decisions",
            f(DRAFTERS_A),
            200,
            {"items": [{"item": 0, "label": "wish"}]},
            True,
        ),
        Call("POST", "/api/drafts/{draft}/approve", f(DRAFTERS_A), 409, None, True),
        Call("DELETE", "/api/drafts/{draft}", f(DRAFTERS_A), 204, None, True),
        Call("GET", "/api/notes", f(EVERYONE)),
        Call("GET", "/api/notes/{note}", f(EVERYONE - SITE_B)),
        Call("POST", "/api/notes/{note}/review", f(DRAFTERS_A), 409, {"decision": "dismiss"}, True),
        Call("DELETE", "/api/notes/{note}", f({"admin"}), 204, None, True),
        Call("GET", "/api/query/counts", f(QUERY)),
        Call("GET", "/api/query/counts?site_id={site_a}", f(QUERY_A)),
        Call("GET", "/api/query/items?q=ventetid", f(QUERY)),
        Call("GET", "/api/query/items?site_id={site_a}", f(QUERY_A)),
        Call("GET", "/api/query/quotes", f(QUERY)),
        Call("GET", "/api/query/trends", f(QUERY)),
        Call("GET", "/api/exports/items?format=csv", f(QUERY)),
        Call("GET", "/api/exports/quotes?format=xlsx", f(QUERY)),
        Call("GET", "/api/exports/items?format=csv&site_id={site_a}", f(QUERY_A)),
        Call("GET", "/api/reports/half-year?year=2024&half=1&site_id={site_a}", f(QUERY_A)),
        Call(
            "GET", "/api/reports/half-year/download?year=2024&half=1&site_id={site_a}", f(QUERY_A)
        ),
        Call("GET", "/api/audit", f({"admin"})),
        Call("GET", "/api/health", f(EVERYONE | {"anonymous"})),
    ]


CASES = [
    pytest.param(call, role, id=f"{call.method} {call.path} as {role}")
    for call in calls()
    for role in ROLES
]


@pytest.fixture(scope="module")
def matrix_db(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded template plus a draft and an approved note at site A."""
    path = tmp_path_factory.mktemp("matrix") / "matrix.sqlite3"
    shutil.copyfile(sqlite_template, path)
    with make_client(make_settings(f"sqlite:///{path}", path.parent), FakeAnalyser()) as client:
        note = approved_note(client, make_note(1))
        draft = client.post(
            "/api/drafts", json={"text": make_note(2)}, headers=headers_for("referent")
        ).json()
        assert (note["id"], draft["id"]) == (1, 2)
    return path


IDS = {"site_a": 1, "note": 1, "draft": 2, "user": 3}


@pytest.fixture(scope="module")
def shared_client(
    matrix_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("shared") / "shared.sqlite3"
    shutil.copyfile(matrix_db, path)
    with make_client(make_settings(f"sqlite:///{path}", path.parent), FakeAnalyser()) as c:
        yield c


@pytest.mark.parametrize(("call", "role"), CASES)
def test_role_matrix(
    call: Call, role: str, matrix_db: Path, shared_client: TestClient, tmp_path: Path
) -> None:
    headers = {} if role == "anonymous" else headers_for(role)
    path = call.path.format(**IDS)
    kwargs: dict[str, Any] = {"headers": headers}
    if call.body is not None:
        kwargs["json"] = call.body
    if call.mutates:
        copy = tmp_path / "db.sqlite3"
        shutil.copyfile(matrix_db, copy)
        with make_client(make_settings(f"sqlite:///{copy}", tmp_path), FakeAnalyser()) as c:
            response = c.request(call.method, path, **kwargs)
    else:
        response = shared_client.request(call.method, path, **kwargs)
    assert response.status_code == call.expected(role), response.text
    if response.status_code == 403:
        assert response.json()["detail"]


def test_matrix_covers_every_endpoint(shared_client: TestClient) -> None:
    schema = shared_client.get("/openapi.json").json()
    routes = {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    }
    assert len(routes) > 25
    routes.discard(("POST", "/api/auth/token"))  # the public login, tested on its own
    covered = set()
    for call in calls():
        template = call.path.split("?")[0]
        for name in IDS:
            template = template.replace(
                "{" + name + "}",
                "{"
                + {"site_a": "site_id", "note": "note_id", "draft": "draft_id", "user": "user_id"}[
                    name
                ]
                + "}",
            )
        covered.add((call.method, template))
    assert routes - covered == set()


def test_referent_reaching_for_another_sites_draft_and_note(shared_client: TestClient) -> None:
    other = headers_for("referent_b")
    for path in ("/api/drafts/2", "/api/notes/1", "/api/sites/1"):
        response = shared_client.get(path, headers=other)
        assert response.status_code == 403
        assert response.json()["detail"] == "Du har bare tilgang til ditt eget ROM-sted."
    listing = shared_client.get("/api/drafts", headers=other).json()
    assert listing == []
    notes = shared_client.get("/api/notes", headers=other).json()
    assert notes["total"] == 0
    response = shared_client.get("/api/drafts", params={"site_id": 1}, headers=other)
    assert response.status_code == 403
    response = shared_client.get(
        "/api/query/items", params={"site_id": 1}, headers=headers_for("coordinator_b")
    )
    assert response.status_code == 403
    own = shared_client.get("/api/query/items", headers=headers_for("coordinator_b")).json()
    assert own["total"] == 0
    response = shared_client.post("/api/drafts", json={"text": NOTE, "site_id": 1}, headers=other)
    assert response.status_code == 403


def test_policy_sees_only_approved_notes(shared_client: TestClient) -> None:
    policy = headers_for("policy")
    listing = shared_client.get("/api/notes", headers=policy).json()
    assert [n["status"] for n in listing["results"]] == ["approved"]
    response = shared_client.get("/api/notes", params={"status": "needs_review"}, headers=policy)
    assert response.status_code == 403
    response = shared_client.get("/api/drafts/2", headers=policy)
    assert response.status_code == 403
