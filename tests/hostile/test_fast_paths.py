"""The speed-ups of issue #8 give exactly what the plain code gives.

(The pattern-recognizer shortcuts and the attribution search are checked in
test_hostile_pii.py and test_hostile_structure.py.)
"""

from __future__ import annotations

import re

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from nlp.analyse import NoteAnalyser, build_note, sentence_spans
from nlp.classify.keyword_hits import _NON_WORD, KeywordHits
from nlp.classify.rows import texts_of
from nlp.pii.engine import DocNlpEngine, IndexedContextEnhancer
from nlp.pii.stage import _mentions
from nlp.readers import read_text
from nlp.settings import REPO_ROOT
from nlp.structure.quotes import (
    _SPEAKER_RE,
    _SPEECH_VERB_WORD,
    SPEAKER_WORDS,
    SPEECH_BEFORE,
    SPEECH_VERB,
    word_alternation,
)
from nlp.structure.sections import SECTION_PATTERNS, match_section, normalise_heading
from tests.e2e.conftest import requires_models

_SENTENCIZER = spacy.blank("nb")
_SENTENCIZER.add_pipe("sentencizer")
NOTES = [p.read_text(encoding="utf-8") for p in sorted((REPO_ROOT / "data/notes").glob("*.txt"))]


class _Token(str):
    """What the enhancer needs of a token: its length."""


@settings(max_examples=300, deadline=None)
@given(
    gaps=st.lists(st.tuples(st.integers(0, 3), st.integers(1, 6)), min_size=1, max_size=30),
    start=st.integers(0, 250),
)
def test_token_lookup_by_bisection_equals_presidios_scan(
    gaps: list[tuple[int, int]], start: int
) -> None:
    indices, tokens, position = [], [], 0
    for gap, length in gaps:  # ordered, non-empty, non-overlapping tokens
        position += gap
        indices.append(position)
        tokens.append(_Token("x" * length))
        position += length
    try:
        expected: int | None = LemmaContextAwareEnhancer._find_index_of_match_token(
            "w", start, tokens, indices
        )
    except ValueError:
        expected = None
    try:
        found: int | None = IndexedContextEnhancer._find_index_of_match_token(
            "w", start, tokens, indices
        )
    except ValueError as error:
        assert "w" not in str(error)  # never the matched text
        found = None
    assert found == expected


KEYWORDS = {
    "a": ["ventetid", "vente", "i helgene", "x", "ny saksbehandler", "ventetid"],
    "b": ["skole", "skolen", "barnehage", "nav", "n", "å"],
    "c": ["kontaktperson", "fast kontakt", "-", "kontakt person"],
}


WORDS = [
    "ventetid", "Vente", "i", "helgene", "ny", "Saksbehandler", "skolen", "NAV", "nav-kontoret",
    "x", "å", "fast", "kontakt", "person", " ", "  ", ",", "!", "\n", "barnehagen",
    "kontaktpersonen", "n", "æøå",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join), max_size=8))
def test_keyword_hits_equal_the_plain_count(texts: list[str]) -> None:
    hits = KeywordHits(KEYWORDS).fit([])
    rows = [{"text": t, "section": None} for t in texts]
    plain = np.zeros((len(rows), len(hits.stems_)))
    for i, text in enumerate(texts_of(rows)):
        padded = " " + _NON_WORD.sub(" ", text.lower()) + " "
        for j, stems in enumerate(hits.stems_):
            plain[i, j] = min(3, sum(padded.count(stem) for stem in stems))
    assert (hits.transform(rows).toarray() == plain).all()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Hun", "og", "sa", "-PRON-", "be", "NAV", ":", "a:b", "«", "...", "Tlf:"]),
        max_size=30,
    )
)
def test_cached_keywords_equal_presidios(lemmas: list[str]) -> None:
    import spacy

    engine = DocNlpEngine(spacy.blank("nb"))
    for _ in range(2):  # the second pass reads every lemma from the cache
        assert engine.keywords(lemmas) == NlpArtifacts.set_keywords(engine, lemmas, "nb")


@pytest.fixture(scope="module")
def analyser() -> NoteAnalyser:
    from nlp.runtime import get_analyser

    return get_analyser()


@pytest.mark.slow
@requires_models
def test_batched_labels_equal_labels_per_note(analyser: NoteAnalyser) -> None:
    """analyse_many labels a batch of notes in one call; the result is the same per note."""
    batch = [n.model_dump() for n in analyser.analyse_many(read_text(t) for t in NOTES[:20])]
    labeller = analyser.labeller
    assert labeller is not None
    for text, batched in zip(NOTES[:20], batch):
        read = read_text(text)
        doc = analyser.nlp(read.text)
        note, _structure = build_note(read, doc)
        labeller.label_notes([(note.items, note.quotes)])  # type: ignore[attr-defined]
        assert [i.model_dump() for i in note.items] == [
            {**i, "anonymised": None} for i in batched["items"]
        ]
        assert [q.themes for q in note.quotes] == [q["themes"] for q in batched["quotes"]]


def _match_section_pattern_by_pattern(text: str) -> str | None:
    """What ``match_section`` did before its one combined search."""
    norm = normalise_heading(text)
    if not norm:
        return None
    best: tuple[int, int, str] | None = None
    for rank, (sid, patterns) in enumerate(SECTION_PATTERNS):
        for pattern in patterns:
            found = re.search(pattern, norm)
            if found and (best is None or (found.start(), rank) < best[:2]):
                best = (found.start(), rank, sid)
    return best[2] if best else None


HEADING_WORDS = sorted(
    {w for _sid, patterns in SECTION_PATTERNS for p in patterns for w in re.findall(r"\w+", p)}
    | {"ønsker", "mer", "av", "innledning", "deltaker", "fra", "og", "Ola", "1.", ":", "?"}
)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(HEADING_WORDS) | st.text(max_size=6), max_size=10))
def test_one_section_search_equals_the_search_per_pattern(words: list[str]) -> None:
    heading = " ".join(words)
    assert match_section(heading) == _match_section_pattern_by_pattern(heading)


def test_one_section_search_on_every_line_of_the_notes() -> None:
    lines = {line for text in NOTES for line in text.splitlines()}
    for line in lines:
        assert match_section(line) == _match_section_pattern_by_pattern(line)


_PLAIN_SPEECH_BEFORE = re.compile(
    r"\b" + SPEECH_VERB + r"\b|\bkalte\b|\bkalla\b|\bbeskrev\b", re.IGNORECASE
)
_GUARDED_AND_PLAIN = [
    (SPEECH_BEFORE, _PLAIN_SPEECH_BEFORE),
    (_SPEECH_VERB_WORD, re.compile(r"\b" + SPEECH_VERB + r"\b", re.IGNORECASE)),
    *[
        (guarded, re.compile(r"\b(?:" + words + r")", re.IGNORECASE))
        for (_role, guarded), (_same, words) in zip(_SPEAKER_RE, SPEAKER_WORDS, strict=True)
    ],
]
QUOTE_WORDS = [
    "sa",
    "Sa",
    "SIER",
    "kalte",
    "sak",
    "mor",
    "Mora",
    "far",
    "14-åring",
    "ungdommen",
    "İ",
    "ſa",
    "K",
    "fagperson",
    "la til",
    "  ",
    ".",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(QUOTE_WORDS) | st.text(max_size=4), max_size=20))
def test_guarded_word_alternations_equal_the_plain_ones(parts: list[str]) -> None:
    text = "".join(parts)
    for guarded, plain in _GUARDED_AND_PLAIN:
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_guarded_word_alternations_on_the_notes() -> None:
    for text in NOTES:
        for guarded, plain in _GUARDED_AND_PLAIN:
            assert [m.span() for m in guarded.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]


def test_a_word_alternation_must_be_plain_words() -> None:
    with pytest.raises(ValueError, match="plain word"):
        word_alternation("sa|(?:x|y)")


@settings(max_examples=400, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(
            ["Kari", "Karis", "Kari's", "Kari’s", "-", " ", "\n", "x", "s", "é", "_", "7"]
        )
    ),
    needle=st.sampled_from(["Kari", "Kari Hansen", "a", "Ka"]),
)
def test_spread_mentions_equal_finditer(parts: list[str], needle: str) -> None:
    text = "".join(parts)
    pattern = re.compile(r"(?<![\w-])" + re.escape(needle) + r"(?:s|'s|’s)?(?![\w-])")
    assert list(_mentions(needle, text)) == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    around=st.lists(
        st.sampled_from(["Mor", "mobilnummer", "SA", "", "ß", "İ", "ǅ", "a\0b", "rm"]), max_size=8
    ),
    context=st.lists(
        st.sampled_from(["mor", "Mobil", "sa", "ss", "i", "ǆ", "nr", "", "\0", "r\0m", "rm"]),
        max_size=5,
    ),
    mode=st.sampled_from(["substring", "whole_word"]),
)
def test_supportive_context_word_equals_presidios(
    around: list[str], context: list[str], mode: str
) -> None:
    assert IndexedContextEnhancer._find_supportive_word_in_context(
        around, context, mode
    ) == LemmaContextAwareEnhancer._find_supportive_word_in_context(around, context, mode)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from(["Hei.", " ", "\n", "Kari sa", "!", "«ja»", "  \n\n", "x"])).map(
        "".join
    )
)
def test_sentence_spans_equal_the_sentences_spacy_gives(text: str) -> None:
    doc = _SENTENCIZER(text)
    assert sentence_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]


@pytest.mark.slow
@requires_models
def test_sentence_spans_on_the_notes(analyser: NoteAnalyser) -> None:
    for doc in analyser.nlp.pipe(NOTES):
        assert sentence_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]
