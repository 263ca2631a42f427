"""`romnotat analyse` and `romnotat classify` as a user runs them, on the built models."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from nlp.settings import REPO_ROOT
from tests.e2e.conftest import requires_models

pytestmark = [pytest.mark.slow, requires_models]
ROMNOTAT = [sys.executable, "-m", "romnotat.cli"]
NOTE = """Læringsnotat ROM
Kveldens tema: Overganger
Antall deltakere: 7
ROM-leder: Hilde Sørbråten
Referent: Tor Inge Haugen

Eksempler på utfordringer:
- Sønnen Eirik ventet åtte måneder på time hos BUP Gjøvik.
- Ingen ringte oss etter utskrivning, sa Karis mor.

Hva man ønsker mer av?
- Hvorfor kan ikke NAV bare ha én fast kontaktperson?

Sitater:
- «Vi ble aldri spurt om noe» (mor)

Kontakt Kari på 412 34 567 eller kari.nordmann@example.no.
"""


def run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ROMNOTAT, *args], input=stdin, capture_output=True, text=True, cwd=REPO_ROOT, timeout=300
    )


def test_analyse_json_contract_and_anonymisation(tmp_path: Path) -> None:
    note = tmp_path / "notat.txt"
    note.write_text(NOTE, encoding="utf-8")
    docx = tmp_path / "notat.docx"
    document = Document()
    for line in NOTE.splitlines():
        document.add_paragraph(line)
    document.save(str(docx))
    result = run(["analyse", "--json", str(note), str(docx)])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2, "one JSON object per file"
    for line in lines:
        data = json.loads(line)
        assert {
            "source",
            "text",
            "header",
            "sections",
            "items",
            "quotes",
            "pii",
            "anonymised_text",
        } <= set(data)
        text = data["text"]
        for part in data["items"] + data["quotes"] + data["pii"]:
            assert text[part["start"] : part["end"]] == part["text"]
        assert data["header"]["participants"] == 7
        assert [s["id"] for s in data["sections"] if s["id"] != "header"][:3] == [
            "challenges",
            "want_more",
            "quotes",
        ]
        labels = {i["text"]: i["label"] for i in data["items"]}
        assert labels["Hvorfor kan ikke NAV bare ha én fast kontaktperson?"] == "wish"
        flagged = {p["text"] for p in data["pii"]}
        for secret in (
            "Eirik",
            "Hilde Sørbråten",
            "BUP Gjøvik",
            "412 34 567",
            "kari.nordmann@example.no",
            "Karis",
        ):
            assert secret in flagged
            assert secret not in data["anonymised_text"]
        assert "NAV" not in flagged
        assert "[NAVN" in data["anonymised_text"] and "[TELEFON]" in data["anonymised_text"]
        speakers = {q["text"]: q["speaker"] for q in data["quotes"]}
        assert speakers["Vi ble aldri spurt om noe"] == "forelder"
        assert speakers["Ingen ringte oss etter utskrivning"] == "forelder"  # "sa Karis mor"
        assert all(q["anonymised"] and "Karis" not in q["anonymised"] for q in data["quotes"])


def test_analyse_summary_is_norwegian_and_anonymised(tmp_path: Path) -> None:
    note = tmp_path / "notat.md"
    note.write_text(NOTE, encoding="utf-8")
    result = run(["analyse", str(note)])
    assert result.returncode == 0, result.stderr
    assert "Utfordringer" in result.stdout and "Personopplysninger flagget" in result.stdout
    assert "Eirik" not in result.stdout


def test_analyse_reads_standard_input() -> None:
    result = run(["analyse", "--json", "-"], stdin=NOTE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_classify_contract() -> None:
    items = [
        "Det tok åtte måneder å få time hos BUP.",
        "Vi ønsker oss en fast kontaktperson i NAV.",
        "",
        "Helsesykepleieren fulgte opp hver uke, og det hjalp.",
    ]
    result = run(["classify"], stdin="\n".join(items) + "\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["label"] for r in rows] == ["challenge", "wish", "good_practice"]
    for row in rows:
        assert {"text", "label", "confidence", "themes"} <= set(row)
        assert 0 < row["confidence"] <= 1
