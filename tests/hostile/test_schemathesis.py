"""Schemathesis against the service's own OpenAPI schema: generated requests to every
operation, authenticated as an admin, with the fake analyser of tests/service. Checked: no 5xx
and responses that conform to the documented schemas.

The app runs on a seeded SQLite database (sites, one user per role, three approved notes) that
is restored before each operation, so that a generated DELETE, logout or deactivation cannot
starve the operations after it. Examples per operation are bounded (``EXAMPLES``).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))

from svc_fakes import FakeAnalyser, make_note
from svc_helpers import headers_for, make_settings, seed, seed_notes

from service.api.deps import get_analyser
from service.main import create_app

EXAMPLES = 20

WORK_DIR = Path(tempfile.mkdtemp(prefix="romnotat-schemathesis-"))
TEMPLATE = WORK_DIR / "template.sqlite3"
DATABASE = WORK_DIR / "romnotat.sqlite3"
seed(f"sqlite:///{TEMPLATE}")
seed_notes(f"sqlite:///{TEMPLATE}", [make_note(i) for i in range(3)], FakeAnalyser())
shutil.copyfile(TEMPLATE, DATABASE)

APP = create_app(make_settings(f"sqlite:///{DATABASE}", WORK_DIR))
FAKE = FakeAnalyser()
APP.dependency_overrides[get_analyser] = lambda: FAKE
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _remove_work_dir() -> Iterator[None]:
    yield
    APP.state.engine.dispose()
    shutil.rmtree(WORK_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_database() -> None:
    """Every operation starts from the seeded database (closed connections, copied file)."""
    APP.state.engine.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(TEMPLATE, DATABASE)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors_and_documented_responses(case: schemathesis.Case) -> None:
    case.call_and_validate(
        headers=headers_for("admin"),
        checks=[not_a_server_error, response_schema_conformance],
    )
