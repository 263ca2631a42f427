"""`romnotat analyse` refuses bad input with one Norwegian line, exit code 2, and no note text.

Refusals happen while reading, before any model loads: the runs point the model settings at an
empty directory, so reaching the model would print a different message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from nlp.readers import MAX_INPUT_BYTES

REPO = Path(__file__).resolve().parents[2]
ROMNOTAT = Path(sys.executable).with_name("romnotat")  # the installed console script
if not ROMNOTAT.exists():
    ROMNOTAT = REPO / ".venv" / "bin" / "romnotat"
SECRET = "HEMMELIG-Kari-Nordmann-19056"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _env(tmp_path: Path, models: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ROMNOTAT_DEBUG", None)
    if not models:
        env["ROMNOTAT_MODELS_DIR"] = str(tmp_path / "ingen-modeller")
        env["ROMNOTAT_SPACY_MODEL"] = "ingen_modell"
    return env


def run(
    args: list[str], tmp_path: Path, stdin: bytes = b"", models: bool = False
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(ROMNOTAT), *args],
        input=stdin,
        capture_output=True,
        cwd=tmp_path,
        env=_env(tmp_path, models),
        timeout=120,
        check=False,
    )


def _decoded(result: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    return result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")


def assert_refused(result: subprocess.CompletedProcess[bytes], expected: str) -> None:
    stdout, stderr = _decoded(result)
    assert result.returncode == 2, stderr
    assert stdout == ""
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1, f"more than one line on stderr: {stderr!r}"
    assert lines[0].startswith("Feil: ")
    assert expected in lines[0]
    assert "Traceback" not in stderr
    assert "språkmodell" not in stderr, "the refusal came after trying to load a model"
    assert SECRET not in stdout + stderr


def _random_bytes(n: int) -> bytes:
    return bytes((i * 7919 + 13) % 256 for i in range(n))


def _file(name: str, data: bytes) -> Callable[[Path], list[str]]:
    def make(directory: Path) -> list[str]:
        (directory / name).write_bytes(data)
        return ["analyse", name]

    return make


def _directory(directory: Path) -> list[str]:
    (directory / "notater").mkdir()
    (directory / "notater" / "notat.txt").write_text(SECRET)
    return ["analyse", "notater"]


def _too_big(directory: Path) -> list[str]:
    data = SECRET.encode() + b"\n" + b"a" * (MAX_INPUT_BYTES - len(SECRET))
    assert len(data) == MAX_INPUT_BYTES + 1
    (directory / "stort.txt").write_bytes(data)
    return ["analyse", "stort.txt"]


def _good_then_missing(directory: Path) -> list[str]:
    (directory / "god.txt").write_text(f"Utfordringer\n- {SECRET} ventet\n", encoding="utf-8")
    return ["analyse", "god.txt", "borte.md"]


# id: (writes the input into an empty directory and returns the arguments, stdin, message part)
REFUSALS: dict[str, tuple[Callable[[Path], list[str]], bytes, str]] = {
    "empty": (_file("tom.txt", b""), b"", "Filen er tom"),
    "whitespace": (_file("blank.txt", b"  \n\t\r\n  \n"), b"", "bare mellomrom"),
    "binary": (
        _file("binar.txt", b"\x00\x01\x02" + SECRET.encode() + b"\x00\x03\x04\x05\x06"),
        b"",
        "binærfil",
    ),
    "odt": (_file("notat.odt", b"PK\x03\x04" + SECRET.encode()), b"", "Filtypen .odt"),
    "doc": (_file("notat.doc", OLE + SECRET.encode()), b"", "Filtypen .doc"),
    "ole-without-extension": (_file("notat", OLE + SECRET.encode()), b"", "gamle .doc-formatet"),
    "corrupt-docx": (_file("skadet.docx", _random_bytes(400) + SECRET.encode()), b"", "skadet"),
    "missing": (lambda d: ["analyse", "finnes-ikke.txt"], b"", "Fant ikke filen «finnes-ikke.txt»"),
    "directory": (_directory, b"", "«notater» er en mappe"),
    "over-size-limit": (_too_big, b"", "Filen er større enn grensen"),
    "good-then-missing": (_good_then_missing, b"", "Fant ikke filen «borte.md»"),
    "stdin-ole": (lambda d: ["analyse", "-"], OLE + SECRET.encode(), "passordbeskyttet"),
}


@pytest.fixture(scope="module")
def refusals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess]:
    """Every refusal case run once, all at the same time (each run is a fresh interpreter)."""
    running = {}
    for case, (make, stdin, _) in REFUSALS.items():
        directory = tmp_path_factory.mktemp(case)
        args = make(directory)
        process = subprocess.Popen(
            [str(ROMNOTAT), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=directory,
            env=_env(directory, models=False),
        )
        running[case] = (process, args, stdin)
    results = {}
    for case, (process, args, stdin) in running.items():
        stdout, stderr = process.communicate(stdin, timeout=120)
        results[case] = subprocess.CompletedProcess(args, process.returncode, stdout, stderr)
    return results


@pytest.mark.parametrize("case", list(REFUSALS))
def test_bad_input_is_refused(refusals: dict[str, subprocess.CompletedProcess], case: str) -> None:
    assert_refused(refusals[case], REFUSALS[case][2])


def test_size_message_says_how_much_too_big(
    refusals: dict[str, subprocess.CompletedProcess],
) -> None:
    _, stderr = _decoded(refusals["over-size-limit"])
    assert "grensen på 5 MB" in stderr and "1 byte for mye" in stderr, stderr


def test_missing_model_is_one_line_too(tmp_path: Path) -> None:
    note = tmp_path / "notat.txt"
    note.write_text(f"Utfordringer\n- {SECRET} ventet lenge\n", encoding="utf-8")
    result = run(["analyse", str(note)], tmp_path)
    stdout, stderr = _decoded(result)
    assert result.returncode == 2
    assert stderr.startswith("Feil: Fant ingen norsk språkmodell.")
    assert len(stderr.strip().split("\n")) == 1
    assert "Traceback" not in stderr
    assert SECRET not in stdout + stderr


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = run(["--help"], tmp_path)
    stdout, _ = _decoded(result)
    assert result.returncode == 0
    for command in ("analyse", "classify", "eval", "model", "train"):
        assert f" {command} " in stdout


@pytest.mark.slow
@pytest.mark.skipif(
    not (REPO / "models" / "ner" / "pipeline" / "meta.json").exists(),
    reason="needs the built Norwegian pipeline (models/ner/pipeline)",
)
def test_cp1252_file_is_read_with_a_warning(tmp_path: Path) -> None:
    note = tmp_path / "notat.txt"
    note.write_bytes("Utfordringer\n- Lang ventetid på BUP for særlig små barn\n".encode("cp1252"))
    result = run(["analyse", "--json", str(note)], tmp_path, models=True)
    stdout, stderr = _decoded(result)
    assert result.returncode == 0, stderr
    warnings = [line for line in stderr.splitlines() if line.startswith("Advarsel (notat.txt):")]
    assert len(warnings) == 1 and "Windows-1252" in warnings[0]
    assert "Traceback" not in stderr
    assert "særlig" in stdout, "æ, ø and å are read correctly"
