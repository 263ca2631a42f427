"""Hostile text for the structure parser and the quote finder: every span lies in the text,
start < end, and long or quote-heavy lines finish in linear-ish time."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.analyse import sentence_spans
from nlp.structure.parser import QUOTE_MARK, parse_structure
from nlp.structure.quotes import ATTRIBUTION_BEFORE, attribution_before, find_quotes

PIECES = [
    "«", "»", "“", "”", '"', "„", "‘", "’", " ", "  ", "\n", "\n\n", "\t", ". ", ",", ":", "!",
    "?", "–", "—", "-", "- ", "• ", "* ", "**", "# ", "1. ", "2) ", "a) ", "(mor)", "sa ", "mor",
    "far ", "fortalte ", "hun ", "kurset ", "Sitater", "Utfordringer", "God praksis", "Hei,",
    "Mvh", "Dato: 1.2.2024", "Referent: Kari", "Antall deltakere: 7", "ROM", "NAV", "æøå",
    "ÆØÅ", "\u00a0", "\u202e", "\u200b", "x", "Ord", "setning", "\x0c",
]  # fmt: skip
hostile_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def sentences_for(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Sentence spans as a parse gives them: consecutive, covering the text."""
    bounds = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return list(itertools.pairwise(bounds))


def check_structure(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    structure = parse_structure(text, sentences)
    n = len(text)
    assert structure.sections, "there is always a section"
    for section in structure.sections:
        assert 0 <= section.start <= section.end <= n
        if section.heading_start is not None:
            assert 0 <= section.heading_start <= section.start
    for item in structure.items:
        assert 0 <= item.start < item.end <= n
        assert text[item.start : item.end].strip() == text[item.start : item.end]
    for fact in structure.facts:
        assert 0 <= fact.value_start <= n
    for start, end in structure.boilerplate:
        assert 0 <= start <= end <= n
    return [
        (i.start, i.end)
        for i in structure.items
        if i.section == "quotes" and (i.bullet or QUOTE_MARK.search(text[i.start : i.end]))
    ]


def check_quotes(text: str, quote_lines: list[tuple[int, int]] | None) -> None:
    for quote in find_quotes(text, quote_lines):
        assert 0 <= quote.start < quote.end <= len(text), quote
        assert quote.speaker


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, cuts=st.lists(st.integers(0, 10_000), max_size=8))
def test_structure_and_quote_spans_lie_in_the_text(text: str, cuts: list[int]) -> None:
    quote_lines = check_structure(text, sentences_for(text, cuts))
    check_quotes(text, quote_lines)
    check_quotes(text, None)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), cuts=st.lists(st.integers(0, 1000), max_size=5))
def test_any_unicode_text(text: str, cuts: list[int]) -> None:
    quote_lines = check_structure(text, sentences_for(text, cuts))
    check_quotes(text, quote_lines)


@settings(max_examples=200, deadline=None)
@given(
    text=hostile_text,
    spans=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=5),
)
def test_quote_lines_in_any_order_and_overlapping(text: str, spans: list[tuple[int, int]]) -> None:
    n = len(text)
    lines = [(min(a, b) % (n + 1), max(a, b) % (n + 1)) for a, b in spans]
    check_quotes(text, [(min(a, b), max(a, b)) for a, b in lines])


@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(
        st.sampled_from(["sa", "la til", "mor ", " ", "\t", ":", ",", ".", "x" * 40, "hun "]),
        max_size=40,
    ).map("".join)
)
def test_attribution_search_finds_what_a_full_search_finds(before: str) -> None:
    full = ATTRIBUTION_BEFORE.search(before)
    fast = attribution_before(before)
    assert (full and (full.span(), full.group("who"))) == (
        fast and (fast.span(), fast.group("who"))
    )


LONG_LINES = {
    "one 1 MB line of words": "ord " * 262_144,
    "scare quotes on one line": "«a b» " * 50_000,
    "quotes with attribution on one line": "Hun sa «dette er en lang setning.» " * 8_000,
    "quote lines under Sitater": "Sitater\n" + "- «Jeg visste mer» – mor\n" * 12_000,
    "dashed speech": "– Dette var fint, sa mor.\n" * 11_000,
    "unclosed quote marks": "«" * 300_000,
    "bullets": "- punkt\n" * 37_500,
}


@pytest.mark.parametrize("name", list(LONG_LINES))
def test_long_and_quote_heavy_input_is_fast(name: str) -> None:
    """Each case took minutes before (quadratic in the line or in the number of quotes)."""
    text = LONG_LINES[name]
    started = time.perf_counter()
    quote_lines = check_structure(text, [(0, len(text))])
    check_quotes(text, quote_lines)
    assert time.perf_counter() - started < 20, "structure + quotes must stay near-linear"


@pytest.mark.parametrize(
    "line", ["- ------ – mor", "- ,,,,,,, (mor)", "- ...... – far", "- ?!?!?! , sa mor"]
)
def test_quote_line_of_only_punctuation_gives_no_empty_quote(line: str) -> None:
    """Regression: stripping the attribution left an empty (start == end) quote."""
    text = f"Sitater\n{line}\n"
    quote_lines = check_structure(text, [(0, len(text))])
    assert quote_lines, "the line is an item under Sitater"
    assert find_quotes(text, quote_lines) == []


def test_sentence_spans_without_a_sentencizer() -> None:
    from spacy.lang.nb import Norwegian

    doc = Norwegian()("Ingen setninger her")
    assert sentence_spans(doc) == [(0, len(doc.text))]
