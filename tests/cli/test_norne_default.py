"""Where NorNE is looked for when NORNE_DIR is not set."""

from __future__ import annotations

from pathlib import Path

from nlp.settings import default_norne_dir


def _norne_beside(root: Path) -> Path:
    norne = root / "shared" / "data" / "norne"
    norne.mkdir(parents=True)
    return norne


def test_beside_the_checkout(tmp_path: Path) -> None:
    norne = _norne_beside(tmp_path)
    assert default_norne_dir(tmp_path / "repo") == norne


def test_beside_the_repository_a_local_clone_came_from(tmp_path: Path) -> None:
    norne = _norne_beside(tmp_path / "work")
    clone = tmp_path / "elsewhere" / "fresh"
    (clone / ".git").mkdir(parents=True)
    (clone / ".git" / "config").write_text(
        f'[core]\n\tbare = false\n[remote "origin"]\n\turl = {tmp_path / "work" / "main"}\n',
        encoding="utf-8",
    )
    assert default_norne_dir(clone) == norne


def test_falls_back_to_beside_the_checkout(tmp_path: Path) -> None:
    clone = tmp_path / "fresh"
    (clone / ".git").mkdir(parents=True)
    (clone / ".git" / "config").write_text("not an ini file [[", encoding="utf-8")
    assert default_norne_dir(clone) == tmp_path / "shared" / "data" / "norne"
    assert default_norne_dir(tmp_path / "no-git") == tmp_path / "shared" / "data" / "norne"
