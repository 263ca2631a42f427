"""Every generic service and public body in the allow-list is never flagged, in a sentence."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.pii.lexicon import ALLOWLIST_FILE, _allowlist_pattern, allowlisted_spans, is_allowed
from nlp.pii.recognizers.location import LocationRecognizer
from nlp.pii.recognizers.organization import OrganizationRecognizer
from nlp.pii.recognizers.person import PersonRecognizer

ENTRIES = yaml.safe_load(ALLOWLIST_FILE.read_text(encoding="utf-8"))["exact"]
RECOGNIZERS = [PersonRecognizer(), LocationRecognizer(), OrganizationRecognizer()]


@pytest.mark.parametrize("name", ENTRIES)
def test_allowlisted_names_are_never_flagged(make_doc, name: str) -> None:
    assert is_allowed(name)
    for template in (
        "Vi tok kontakt med {} i fjor.",
        "{} svarte ikke på henvendelsen.",
        "Hun fikk hjelp fra {} og fastlegen.",
    ):
        text = template.format(name)
        doc = make_doc(text, [(name, "ORG")])
        for recognizer in RECOGNIZERS:
            spans = [text[r.start : r.end] for r in recognizer.find(doc)]
            assert not any(name in span or span in name for span in spans), (text, spans)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*ENTRIES[:40], "Kari", "NAV-kontoret", "İstanbul", "i", "-", "\n", "ß"]),
        max_size=12,
    ).map(" ".join)
)
def test_lower_case_scan_finds_what_the_case_blind_scan_finds(text: str) -> None:
    """``allowlisted_spans`` scans lower-cased text (faster); the spans are those of the
    case-insensitive pattern on the text itself."""
    expected = tuple(m.span() for m in _allowlist_pattern(True).finditer(text))
    assert allowlisted_spans(text) == expected
