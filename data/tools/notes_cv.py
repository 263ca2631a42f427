"""The annotated dev notes, which the classifier trains on, read as new notes (grouped
cross-validation).

    .venv/bin/python data/tools/notes_cv.py [--folds 6]

`romnotat eval data/notes --split dev` reads the dev notes with a classifier that learnt from
them. This tool fits the item models once per fold of the dev notes, without that fold's notes
(and always with the notes written for training, split train), and prints the figures of
`romnotat eval` (labels and themes through `analyse`, and on the bare item texts) as JSON. It
takes two to three minutes on two cores. Use it, not `romnotat eval`, to decide on a change of
data/items/, data/notes/ (dev and train) or the item models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from nlp.classify.data import NOTES_DIR  # noqa: E402
from nlp.classify.labeller import classifier_dir  # noqa: E402
from nlp.errors import RomnotatError  # noqa: E402
from nlp.evaluation.notes import load_gold  # noqa: E402
from nlp.evaluation.notes_cv import FOLDS, cross_validate_notes  # noqa: E402

USAGE = "usage: notes_cv.py [--folds K]   (K >= 2)"


def parse_folds(argv: list[str]) -> int:
    if not argv:
        return FOLDS
    if len(argv) == 2 and argv[0] == "--folds" and argv[1].isdigit() and int(argv[1]) >= 2:
        return int(argv[1])
    print(USAGE, file=sys.stderr)
    raise SystemExit(2)


def main(argv: list[str]) -> None:
    folds = parse_folds(argv)
    import joblib

    from nlp.runtime import get_analyser

    path = classifier_dir() / "classifier.joblib"
    if not path.exists():
        raise SystemExit("no trained classifier: run `make setup` or `romnotat train` first")
    try:
        notes = load_gold(NOTES_DIR, "dev")
        result = cross_validate_notes(get_analyser(), joblib.load(path), notes, folds)
    except (RomnotatError, ValueError) as error:  # messages name files, never note text
        raise SystemExit(str(error)) from None
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
