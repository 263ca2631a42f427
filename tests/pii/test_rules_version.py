"""The personal-data rules' version names every file the rules read."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.pii.rules_version import PII_VERSION, RULE_FILES, pii_version, rules_hash


def _rule_file(folder: str, pattern: str) -> str:
    """A file the pattern takes: "rule.py" for "**/*.py", the file itself for "loader.py"."""
    return "rule" + pattern.rsplit("*", 1)[1] if "*" in pattern else pattern


def _tree(root: Path) -> None:
    for folder, pattern in RULE_FILES:
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / _rule_file(folder, pattern)).write_text(folder, encoding="utf-8")


@pytest.mark.parametrize(("folder", "pattern"), RULE_FILES)
def test_a_change_to_any_rule_file_changes_the_hash(
    tmp_path: Path, folder: str, pattern: str
) -> None:
    _tree(tmp_path)
    before = rules_hash.__wrapped__(tmp_path)
    changed = tmp_path / folder / _rule_file(folder, pattern)
    changed.write_text("changed", encoding="utf-8")
    assert rules_hash.__wrapped__(tmp_path) != before


def test_other_files_do_not_change_the_hash(tmp_path: Path) -> None:
    _tree(tmp_path)
    before = rules_hash.__wrapped__(tmp_path)
    (tmp_path / "data" / "pii" / "notes.md").write_text("not a rule", encoding="utf-8")
    assert rules_hash.__wrapped__(tmp_path) == before


def test_the_version_names_the_hand_version_and_the_repository_rules() -> None:
    assert pii_version() == f"pii-{PII_VERSION}+{rules_hash()[:8]}"
