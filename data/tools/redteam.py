"""Score the personal-data flags on the red-team notes (data/pii/redteam/, see its README).

    .venv/bin/python data/tools/redteam.py [FOLDER] [--notes]

Prints the totals as JSON (mentions found, direct identifiers found, false flags, flagged
traps); with --notes also each note's figures and the type and offset of each missed mention.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from nlp.evaluation.redteam import load_redteam, score_redteam  # noqa: E402
from nlp.runtime import get_analyser  # noqa: E402


def main(argv: list[str]) -> int:
    per_note = "--notes" in argv
    folders = [a for a in argv if not a.startswith("--")]
    folder = Path(folders[0]) if folders else REPO / "data" / "pii" / "redteam"
    if not folder.is_dir():
        print(
            f"Fant ikke mappen {folder}. Oppgi en mappe med <id>.txt og <id>.yaml.", file=sys.stderr
        )
        return 2
    try:
        notes = load_redteam(folder)
    except ValueError as error:
        print(
            f"Kan ikke lese red team-notatene: {error}. Rett filen og prøv igjen.", file=sys.stderr
        )
        return 2
    scores = score_redteam(get_analyser(), notes)
    print(json.dumps(scores if per_note else scores["total"], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
