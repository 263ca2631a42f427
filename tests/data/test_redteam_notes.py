"""The red-team notes' annotations resolve, and the scorer counts what it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.evaluation.redteam import Mention, RedTeamNote, load_redteam, score_note
from nlp.schema import AnalysedNote, PiiSpan
from nlp.settings import REPO_ROOT


def test_every_annotation_resolves_and_no_trap_overlaps_a_mention() -> None:
    notes = load_redteam(REPO_ROOT / "data" / "pii" / "redteam")
    rounds = [f"{r}{i:02d}" for r in "abcdefhijkmopqrsuvwxyz" for i in range(1, 13)]
    assert [n.id for n in notes] == sorted([f"g{i:02d}" for i in range(1, 7)] + rounds)
    for note in notes:
        # the briefs asked for 15–40 slips of the hard kinds; a name repeated counts each time
        assert 15 <= len(note.mentions) <= 70
        for trap in note.not_pii:
            start = note.text.find(trap)
            assert start >= 0
            while start >= 0:
                end = start + len(trap)
                assert not any(m.start < end and start < m.end for m in note.mentions), note.id
                start = note.text.find(trap, start + 1)


def test_the_score_of_one_note() -> None:
    text = "Kari (14) bor i Hamar. NAV ringte."
    note = RedTeamNote(
        "x",
        REPO_ROOT,
        text,
        (Mention(0, 4, "PERSON"), Mention(6, 8, "AGE"), Mention(16, 21, "LOCATION")),
        ("NAV",),
    )
    flags = [(0, 4, "PERSON"), (16, 19, "LOCATION"), (23, 26, "ORGANIZATION")]
    analysed = AnalysedNote.model_construct(
        text=text,
        pii=[PiiSpan(start=s, end=e, text=text[s:e], type=t, score=0.9) for s, e, t in flags],
    )
    scored = score_note(note, analysed)
    assert (scored["found"], scored["direct_found"], scored["direct"]) == (1, 1, 1)
    assert scored["missed"] == ["AGE@6", "LOCATION@16"]  # "Hamar" only partly flagged
    assert (scored["false_flags"], scored["traps_flagged"]) == (1, 1)


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"x.yaml": "pii: [\n  {text: Kari"}, "cannot be read"),
        ({"x.yaml": "pii:\n  - {text: Kari, type: PERSON}\n"}, "cannot be read"),  # no x.txt
        ({"x.yaml": "- a list\n", "x.txt": "Kari"}, "must be a mapping"),
        ({"x.yaml": "pii:\n  - {text: Ola, type: PERSON}\n", "x.txt": "Kari"}, "does not occur"),
        (
            {"x.yaml": "pii:\n  - {text: Kari, type: PERSON, occurrences: [3]}\n", "x.txt": "Kari"},
            "occurrence",
        ),
        ({"x.yaml": "pii:\n  - {type: PERSON}\n", "x.txt": "Kari"}, "needs a text"),
        # an unquoted date in the traps is read by YAML as a date, not as text
        ({"x.yaml": "pii: []\nnot_pii:\n  - 2024-04-18\n", "x.txt": "2024-04-18"}, "quoted"),
        ({}, "no <id>.yaml"),
    ],
)
def test_a_broken_red_team_folder_is_refused_without_its_text(
    tmp_path: Path, files: dict[str, str], problem: str
) -> None:
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=problem) as raised:
        load_redteam(tmp_path)
    assert "Kari" not in str(raised.value)
