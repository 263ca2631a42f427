"""End to end with the real Norwegian models (``nlp.runtime.get_analyser()``): slow."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from svc_fakes import make_note
from svc_helpers import Db, headers_for, make_settings

from service.main import create_app
from service.reprocess import reprocess

REPO = Path(__file__).resolve().parents[2]
NER_META = REPO / "models" / "ner" / "pipeline" / "meta.json"
CLASSIFIER_DIR = REPO / "models" / "classifier"


def _models_missing() -> str | None:
    if not NER_META.exists():
        return f"the NER pipeline is not built ({NER_META.relative_to(REPO)} missing)"
    if not any(CLASSIFIER_DIR.glob("*.joblib")):
        return f"the classifier is not trained (no *.joblib in {CLASSIFIER_DIR.relative_to(REPO)})"
    return None


@pytest.mark.slow
def test_flow_with_the_real_analyser(sqlite_db: Db, tmp_path: Path) -> None:
    reason = _models_missing()
    if reason:
        pytest.skip(reason)
    referent, policy = headers_for("referent"), headers_for("policy")
    app = create_app(make_settings(sqlite_db.url, tmp_path))  # no override: the real analyser
    with TestClient(app, raise_server_exceptions=False) as client:
        text = make_note(1)
        response = client.post("/api/analyse", json={"text": text}, headers=referent)
        assert response.status_code == 200, response.text
        analysed = response.json()
        assert analysed["pipeline_version"].startswith("romnotat-")
        assert analysed["items"], "the real parser finds items"
        assert any(s["type"] == "PERSON" for s in analysed["pii"])

        draft = client.post("/api/drafts", json={"text": text}, headers=referent).json()
        entities = sorted({s["entity"] for s in draft["note"]["pii"] if s["entity"]})
        decisions = [{"action": "accept", "scope": "entity", "entity": e} for e in entities]
        decisions += [
            {"action": "accept", "start": s["start"], "end": s["end"]}
            for s in draft["note"]["pii"]
            if not s["entity"]
        ]
        decided = client.post(
            f"/api/drafts/{draft['id']}/decisions", json={"decisions": decisions}, headers=referent
        ).json()
        assert decided["pending"] == 0
        response = client.post(
            f"/api/drafts/{draft['id']}/approve",
            json={"meeting_date": "2024-03-14"},
            headers=referent,
        )
        assert response.status_code == 200, response.text
        note = response.json()
        assert "Hilde Sørbråten" not in note["anonymised_text"]

        assert client.get("/api/query/counts", headers=policy).json()["notes"] == 1
        search = client.get("/api/query/items", params={"q": "ventetid"}, headers=policy)
        assert search.status_code == 200
        export = client.get("/api/exports/items", params={"format": "xlsx"}, headers=policy)
        assert export.status_code == 200
        report = client.get(
            "/api/reports/half-year", params={"year": 2024, "half": 1, "site_id": 1}, headers=policy
        )
        assert report.json()["meeting_count"] == 1

    # the stored note is already at the current version; an older one is redone
    assert reprocess(sqlite_db.url, progress=False).examined == 0
    from service.db.session import make_engine

    engine = make_engine(sqlite_db.url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE notes SET pipeline_version = 'gammel'")
    engine.dispose()
    summary = reprocess(sqlite_db.url, progress=False)
    assert summary.examined == 1 and summary.failed == 0
