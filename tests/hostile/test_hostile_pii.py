"""Hostile text for the personal-data recognizers and the anonymiser.

* every recognizer returns spans inside the text (start < end) of its own type, never raises;
* the scanning shortcuts of the pattern recognizers (PREFILTERS, LINE_BOUND, STARTS) give
  exactly the matches of a plain ``finditer``, on the notes and on random text;
* the anonymised text never contains the text of a non-rejected flag (≥ 3 characters, not part
  of a placeholder), whatever the text, the spans, their statuses and the offset.
"""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.analyse import NoteAnalyser
from nlp.pii.anonymise import PLACEHOLDER, anonymise_text, assign_entities
from nlp.pii.recognizers.pattern_base import NbPatternRecognizer
from nlp.pii.recognizers.spacy_base import DocRecognizer
from nlp.pii.registry import RECOGNIZERS
from nlp.schema import PiiSpan
from nlp.settings import REPO_ROOT
from tests.e2e.conftest import requires_models

PATTERN_RECOGNIZERS = {
    name: cls for name, cls in RECOGNIZERS.items() if issubclass(cls, NbPatternRecognizer)
}
DOC_RECOGNIZERS = {name: cls for name, cls in RECOGNIZERS.items() if issubclass(cls, DocRecognizer)}
NOTES = [p.read_text(encoding="utf-8") for p in sorted((REPO_ROOT / "data/notes").glob("*.txt"))]
REDTEAM = [
    p.read_text(encoding="utf-8") for p in sorted((REPO_ROOT / "data/pii/redteam").glob("*.txt"))
]

PIECES = [
    " ", " ", "\n", "\t", "\u00a0", "\u202f", ".", ",", ":", "-", "–", "/", "(", ")", "+", "@",
    " @ ", "(at)", "[at]", "{alfakrøll}", "kari", "Kari", ".no", "kommune", "0", "1", "12",
    "19", "2024", "20", "912 34 567", "+47", "01019912345", "14.", "3.5.", "mars", "MARS",
    "desember", "des", "mandag", "den", "år", "åra", "årene", "ÅRENE", "40-", "gammel", "gml.",
    "seksten", "tjuefem", "Tjue", "fire", "ﬁre", "ſeks", "ß", "\u212a", "\u212b", "İ", "åring",
    "-åringen", "årig", "gutt", "Storgata", " 5B", "2815", "Gjøvik", "N-", "født", "i fjor",
    "«", "»", "\u202e", "ﬀ", "ﬆ", "\u0345", "ẚ", "(AT)", "(\u212arøllalfa)", "[ KRØLLALFA ]",
    "kari.hansen@kommune.no", "1999-01-05", "5-1-99", "Storgata 5-7", "parkveien 3", "TJUE",
    "sytti", "Seksti", "trettiåtte", "trenger", "tjueß", "femti5", "søtten", "ÅTTE", "Ni",
]  # fmt: skip
hostile_text = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)


@pytest.fixture(scope="module")
def blank_nb() -> spacy.language.Language:
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    return nlp


def _check_results(results: list, text: str, entity: str) -> None:
    for result in results:
        assert 0 <= result.start < result.end <= len(text), result
        assert result.entity_type == entity
        assert 0 < result.score <= 1


@pytest.mark.parametrize("name", list(PATTERN_RECOGNIZERS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(hostile_text, st.text(max_size=200)))
def test_pattern_recognizer_spans_lie_in_the_text(name: str, text: str) -> None:
    recognizer = PATTERN_RECOGNIZERS[name]()
    _check_results(recognizer.analyze(text, None), text, recognizer.ENTITY)


def _shortcut_matches_equal_finditer(recognizer: NbPatternRecognizer, text: str) -> None:
    for name, pattern in recognizer.PATTERNS.items():
        if name in recognizer.LINE_FILTERS:
            continue  # scans fewer lines on purpose: checked on what ``find`` yields below
        fast = [m.span() for m in recognizer.iter_matches(name, text)]
        assert fast == [m.span() for m in pattern.finditer(text)], name


def _line_filters_keep_what_find_finds(recognizer: NbPatternRecognizer, text: str) -> None:
    unfiltered = type(recognizer)(recognizer.config)
    unfiltered.LINE_FILTERS = {}  # type: ignore[misc]  # this instance scans every line
    assert list(recognizer.find(text)) == list(unfiltered.find(text))


LINE_FILTERED = [name for name, cls in PATTERN_RECOGNIZERS.items() if cls.LINE_FILTERS]
# hostile pieces that make the filtered patterns' matches and the words their rules look for
FILTER_PIECES = [
    *PIECES, "snap: ", "Snapchat", "insta", "konto", "_", "kari_99", "liv.lia", "ola2009",
    "søsken", "Barn", "barna", " og ", "7", "ni", "tvillinger", "år",
]  # fmt: skip


def test_some_pattern_recognizer_filters_lines() -> None:
    assert LINE_FILTERED  # the two tests below check something


@pytest.mark.parametrize("name", LINE_FILTERED)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(FILTER_PIECES), max_size=40).map("".join))
def test_line_filters_change_nothing_find_yields(name: str, text: str) -> None:
    _line_filters_keep_what_find_finds(PATTERN_RECOGNIZERS[name](), text)


@pytest.mark.parametrize("name", LINE_FILTERED)
def test_line_filters_change_nothing_find_yields_on_the_notes(name: str) -> None:
    recognizer = PATTERN_RECOGNIZERS[name]()
    for text in NOTES + REDTEAM:
        _line_filters_keep_what_find_finds(recognizer, text)


@pytest.mark.parametrize("name", list(PATTERN_RECOGNIZERS))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text)
def test_scanning_shortcuts_find_exactly_what_finditer_finds(name: str, text: str) -> None:
    _shortcut_matches_equal_finditer(PATTERN_RECOGNIZERS[name](), text)


@pytest.mark.parametrize("name", list(PATTERN_RECOGNIZERS))
def test_scanning_shortcuts_on_the_notes(name: str) -> None:
    recognizer = PATTERN_RECOGNIZERS[name]()
    for text in NOTES:
        _shortcut_matches_equal_finditer(recognizer, text)


@pytest.mark.parametrize("name", list(DOC_RECOGNIZERS))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(hostile_text, st.text(max_size=200)))
def test_doc_recognizer_spans_lie_in_the_text(
    name: str, text: str, blank_nb: spacy.language.Language
) -> None:
    recognizer = DOC_RECOGNIZERS[name]()
    doc = blank_nb(text)
    _check_results(recognizer.find(doc), text, recognizer.ENTITY)


# ---- the anonymiser ---------------------------------------------------------------------

FILLER = st.text(alphabet=st.sampled_from(list("abc æøå.,\n-«»[]0123")), max_size=12)
SECRET = st.text(alphabet=st.sampled_from(list("KLMNQXZÆØÅ")), min_size=1, max_size=8)


@st.composite
def flagged_text(draw: st.DrawFn) -> tuple[str, list[PiiSpan]]:
    """Filler and secrets (letters the filler never has), every secret flagged."""
    text, spans = draw(FILLER), []
    for _ in range(draw(st.integers(0, 6))):
        secret = draw(SECRET)
        start = len(text)
        text += secret
        spans.append(
            PiiSpan(
                start=start,
                end=start + len(secret),
                text=secret,
                type=draw(st.sampled_from(sorted(PLACEHOLDER))),
                score=0.9,
                status=draw(st.sampled_from(["pending", "accepted", "rejected"])),
            )
        )
        text += draw(FILLER.filter(bool))
    return text, spans


def _in_placeholder(fragment: str) -> bool:
    return any(fragment in f"[{label}" or fragment in label for label in PLACEHOLDER.values())


def _leaks(output: str, spans: list[PiiSpan], visible: list[str]) -> list[str]:
    return [
        s.text
        for s in spans
        if s.status != "rejected"
        and len(s.text) >= 3
        and not _in_placeholder(s.text)
        and s.text in output
        and not any(s.text in v for v in visible)  # also written, unflagged or rejected
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=flagged_text(), numbered=st.booleans())
def test_anonymised_text_never_contains_a_non_rejected_flag(
    case: tuple[str, list[PiiSpan]], numbered: bool
) -> None:
    text, spans = case
    if numbered:
        assign_entities(spans)
    output = anonymise_text(text, spans)
    rejected = [s.text for s in spans if s.status == "rejected"]
    assert _leaks(output, spans, rejected) == []
    for span in rejected:
        assert span in output


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=flagged_text(), cut=st.tuples(st.integers(0, 200), st.integers(0, 200)))
def test_anonymised_part_never_contains_a_non_rejected_flag(
    case: tuple[str, list[PiiSpan]], cut: tuple[int, int]
) -> None:
    """An item or quote: a part of the note, with flags that may cross its edges."""
    text, spans = case
    start, end = sorted(c % (len(text) + 1) for c in cut)
    part = text[start:end]
    output = anonymise_text(part, spans, start)
    inside = [
        s.model_copy(update={"text": text[max(s.start, start) : min(s.end, end)]})
        for s in spans
        if s.start < end and s.end > start
    ]
    rejected = [s.text for s in inside if s.status == "rejected"]
    assert _leaks(output, inside, rejected) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(alphabet=st.characters(exclude_characters="[]"), max_size=60),
    raw=st.lists(
        st.tuples(
            st.integers(0, 70),
            st.integers(0, 70),
            st.sampled_from(sorted(PLACEHOLDER)),
            st.sampled_from(["pending", "accepted", "rejected"]),
        ),
        max_size=6,
    ),
    offset=st.integers(0, 30),
)
def test_every_flagged_character_is_replaced_even_when_flags_overlap(
    text: str, raw: list[tuple[int, int, str, str]], offset: int
) -> None:
    """Flags may overlap (a referent's own flag over a model's) and reach past the part: no
    character under a non-rejected flag survives, every other character does, in order."""
    spans = [
        PiiSpan(
            start=offset + min(a, b),
            end=offset + max(a, b),
            text="x",
            type=kind,
            score=0.9,
            status=status,
        )
        for a, b, kind, status in raw
        if a != b
    ]
    assign_entities(spans)
    output = anonymise_text(text, spans, offset)
    hidden = {
        i for s in spans if s.status != "rejected" for i in range(s.start - offset, s.end - offset)
    }
    kept = "".join(c for i, c in enumerate(text) if i not in hidden)
    assert re.sub(r"\[[^\[\]]*\]", "", output) == kept


# ---- the whole analysis on hostile text (built models) ------------------------------------

HOSTILE_NOTES = {
    "right-to-left and bidi controls": (
        "Læringsnotat\n\u202eUtfordringer:\u202c\n- مرحبا Kari Nordmann ventet\u2067 på BUP.\n"
        "- שלום «Jeg ble ikke hørt» sa mor\u200f.\n"
    ),
    "zero-width and combining characters": (
        "Utfordringer:\n- Ka\u200bri Nord\u0301mann (16 år) ringte 912\u200b34\u200b567.\n"
        "- Ole\ufeff bor i Storgata 5, 2815 Gjøvik.\n"
    ),
    "control characters": (
        "Utfordringer:\n- Kari\x0b Nordmann ventet\x1f lenge\x07 på svar fra NAV i Gjøvik.\n"
        "- Ingen ringte tilbake etter utskrivning, og ingen visste om kriseplanen.\n"
    ),
    "ligatures and full-case letters": "Utfordringer:\n- ﬁre år gammel gutt, ſeks uker, İlker ß.\n",
    "one long line": ("Kari Nordmann sa «vi ble ikke hørt» til NAV i Gjøvik. " * 400).strip(),
    "emoji and symbols": "Sitater:\n- «Vi 😀 ble sett 👍🏽» – mor 👩‍👧\n- ✓ Takk ❤\n",
}


@pytest.fixture(scope="module")
def analyser() -> NoteAnalyser:
    from nlp.runtime import get_analyser

    return get_analyser()


@pytest.mark.slow
@requires_models
@pytest.mark.parametrize("name", list(HOSTILE_NOTES))
def test_analysis_of_hostile_notes_keeps_its_offsets(name: str, analyser: NoteAnalyser) -> None:
    text = HOSTILE_NOTES[name]
    note = analyser.analyse_text(text)
    assert note.text == text
    for part in [*note.items, *note.quotes, *note.pii]:
        assert 0 <= part.start < part.end <= len(text)
        assert text[part.start : part.end] == part.text
    for span in note.pii:
        if span.status != "rejected" and len(span.text) >= 3 and not _in_placeholder(span.text):
            assert note.anonymised_text is not None
            # written again unflagged elsewhere is the only way a flag's text may remain
            assert span.text not in note.anonymised_text or text.count(span.text) > 1
