"""Deriving NorNE's train split and reading its entities."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from nlp.settings import get_settings
from nlp.spacy_pipeline.features import (
    COMMON,
    FIRST,
    LAST,
    PLACE,
    load_gazetteer_table,
    token_class,
)
from nlp.spacy_pipeline.norne import Sentence, load_splits

NORNE = get_settings().norne_dir


@pytest.mark.skipif(not NORNE.is_dir(), reason="NorNE is not available")
def test_bokmaal_train_split_has_no_dev_or_test_sentences() -> None:
    splits = load_splits(NORNE, "nob")
    held_out = {s.words for s in splits.dev} | {s.words for s in splits.test}
    assert 15_500 <= len(splits.train) <= 15_700
    assert not any(s.words in held_out for s in splits.train)
    assert not any(s.words[-1] == "|" for s in splits.train if len(s.words) > 1)


def test_bio_tags_become_spans() -> None:
    sentence = Sentence(
        ("Kari", "Nordmann", "bor", "i", "Oslo", "."),
        (True, True, True, True, False, False),
        ("B-PER", "I-PER", "O", "O", "B-GPE_LOC", "O"),
    )
    assert sentence.entities() == [(0, 2, "PER"), (4, 5, "GPE_LOC")]
    assert sentence.text == "Kari Nordmann bor i Oslo."


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Kari", FIRST),
        ("Karis", FIRST),
        ("Anne-Lise", FIRST),
        ("Hansen", LAST),
        ("Gjøvik", PLACE),
        ("bord", 0),
    ],
)
def test_gazetteer_classes(token: str, expected: int) -> None:
    table = {"Kari": FIRST, "Anne": FIRST, "Lise": FIRST, "Hansen": LAST, "Gjøvik": PLACE}
    assert token_class(token, table) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Kari", FIRST),  # a name that is not a common word
        ("Per", FIRST | COMMON),  # "per" is a common word: the model needs context
        ("Bord", COMMON),  # a common word at a sentence start
        ("bord", COMMON),
        ("Statoil", 0),  # capitalised, in no list and not common: likely a name
    ],
)
def test_common_word_bit_reads_the_lower_case_form(token: str, expected: int) -> None:
    gazetteers = {"first_names.txt": "Kari\nPer\n", "common_words.txt": "per\nbord\n"}
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in gazetteers.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        with_common = load_gazetteer_table(Path(tmp), common_words=True)
        without = load_gazetteer_table(Path(tmp))
    assert token_class(token, with_common) == expected
    assert token_class(token, without) == expected & ~COMMON  # the product's v1 is unchanged
