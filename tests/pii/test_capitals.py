"""Lines typed in capitals read in sentence case (nlp/pii/capitals.py)."""

from __future__ import annotations

from nlp.pii.capitals import capital_lines, sentence_case, shadow_doc

TEXT = (
    "Referent: Odd-Bjørn Lie\n"
    "ROM-LEDER: GRETHE ASK\n"
    "1. MOR TIL SOL (6 ÅR). FAMILIEN BOR PÅ SKOLLENBORG OG SØKER OM BPA FRA NAV.\n"
    "2. DAG-HILDE HAR BURSDAG 9. MARS OG JOBBER PÅ DRAMMEN SYKEHUS.\n"
    "Kort linje\n"
)


def test_only_lines_typed_in_capitals_are_found() -> None:
    lines = [TEXT[a:b] for a, b in capital_lines(TEXT)]
    assert lines == [
        "ROM-LEDER: GRETHE ASK",
        "1. MOR TIL SOL (6 ÅR). FAMILIEN BOR PÅ SKOLLENBORG OG SØKER OM BPA FRA NAV.",
        "2. DAG-HILDE HAR BURSDAG 9. MARS OG JOBBER PÅ DRAMMEN SYKEHUS.",
    ]
    assert capital_lines("Ingen store bokstaver her, bare NAV og BUP.\n") == []
    # a title in capitals over a note in sentence case is read as it is
    note = "LÆRINGSNOTAT ROM PSYKISK HELSE\n" + "Vi snakket om ventetid og samarbeid. " * 20
    assert capital_lines(note) == []


def test_sentence_case_keeps_names_places_and_abbreviations() -> None:
    cased = sentence_case(TEXT, capital_lines(TEXT))
    assert len(cased) == len(TEXT)
    assert "Rom-leder: Grethe Ask\n" in cased
    assert "1. Mor til sol (6 år). Familien bor på Skollenborg og søker om BPA fra nav." in cased
    assert "2. Dag-Hilde har bursdag 9. mars og jobber på Drammen sykehus." in cased
    assert cased.startswith("Referent: Odd-Bjørn Lie\n")  # other lines are left as they are


def test_the_shadow_doc_has_the_parse_s_tokens(make_doc) -> None:
    doc = make_doc(TEXT, [("SKOLLENBORG", "LOC")])
    cased = sentence_case(TEXT, capital_lines(TEXT))
    shadow = shadow_doc(doc, cased)
    assert shadow is not None
    assert shadow.text == cased
    assert [t.idx for t in shadow] == [t.idx for t in doc]
    assert [e.text for e in shadow.ents] == ["Skollenborg"]
