"""The loaded pipeline's tokenizer splits markdown's strike-through marks off a word."""

from __future__ import annotations

import spacy

from nlp.spacy_pipeline.loader import _split_markup


def test_strike_through_marks_split_off_the_words_they_wrap() -> None:
    nlp = _split_markup(spacy.blank("nb"))
    words = [t.text for t in nlp("- ~~Liv Bjørk Nilsen,~~ fostermor. ~~Lykke~~ kom.")]
    assert words[:7] == ["-", "~~", "Liv", "Bjørk", "Nilsen", ",", "~~"]
    assert "Lykke" in words
    # underscores for emphasis too, but not inside a user name
    assert [t.text for t in nlp("_Tuppen_ bor på __biri__, snap liv_i_lia")] == [
        "_", "Tuppen", "_", "bor", "på", "__", "biri", "__", ",", "snap", "liv_i_lia",
    ]  # fmt: skip
    # other text is split as before
    assert [t.text for t in nlp("Hun ble innlagt 12.03.24, sa mor.")] == [
        t.text for t in spacy.blank("nb")("Hun ble innlagt 12.03.24, sa mor.")
    ]
