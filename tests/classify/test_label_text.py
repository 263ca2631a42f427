"""The label model's views of an item: start/end and punctuation markers, nynorsk function words
mapped to bokmål, negation scope, stems."""

from __future__ import annotations

import pytest

from nlp.classify.label_text import (
    NEGATION_SCOPE,
    label_features,
    label_view,
    names_something,
    stem_view,
)
from nlp.classify.models import forget_texts
from tests.memory import containers_holding


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Flere møter", "xxbos flere møter xxeos"),
        (
            "Hvorfor kan ikke NAV bare ringe?",
            "xxbos hvorfor kan ikke neg_nav neg_bare neg_ringe xxq xxeos",
        ),
        ("Tips: søk tidlig!", "xxbos tips xxcolon søk tidlig xxexcl xxeos"),
        ("[NAVN 1] fikk hjelp", "xxbos personnavn fikk hjelp xxeos xxnamed"),
        ("", "xxbos xxeos"),
    ],
)
def test_label_view(text: str, expected: str) -> None:
    assert label_view(text) == expected


@pytest.mark.parametrize(
    "text,named",
    [
        ("Han bodde i egen leilighet på Raufoss, og hun merket det", True),
        ("Etter en natt der Eirik sto ute på balkongen", True),
        ("Sist gong vart han lagd inn på DPS Nordfjord", True),
        ("Mor til [NAVN 2] fortalte om skolen", True),
        ("Flytta frå [STED] i fjor", True),
        ("Hun gikk på [SKOLE/INSTITUSJON 1]", True),
        # acronyms, sentence starts, quotes and list marks are not names
        ("BUP ser på ventetid ift. pårørendesaker", False),
        ("Vi ventet. Det var lenge.", False),
        ("Mor sa: «Ingen ringte oss»", False),
        ("«Vi har ikke lov til å fortelle.» (fagperson, DPS)", False),
        ("- Ønsker mer informasjon", False),
        ("Er det noen som spør? Nei.", False),
        ("[DATO] kom brevet", False),
        ("", False),
    ],
)
def test_names_something(text: str, named: bool) -> None:
    assert names_something(text) is named
    assert (label_view(text).split()[-1] == "xxnamed") is named
    assert (stem_view(text).split()[-1] == "xxnamed") is named


@pytest.mark.parametrize(
    "nynorsk,bokmal",
    [
        ("Fleire faste møte", "Flere faste møte"),
        ("Det var ikkje nokon som spurde", "Det var ikke noen som spurde"),
        ("Kvifor kan ikkje kommunen berre ringje?", "Hvorfor kan ikke kommunen bare ringje?"),
        ("Meir informasjon utan venting", "Mer informasjon uten venting"),
    ],
)
def test_nynorsk_function_words_meet_their_bokmal_form(nynorsk: str, bokmal: str) -> None:
    assert label_view(nynorsk) == label_view(bokmal)


def test_negation_scope_is_three_words() -> None:
    words = label_view("Vi ble aldri spurt om hva vi så hjemme").split()
    marked = [w for w in words if w.startswith("neg_")]
    assert marked == ["neg_spurt", "neg_om", "neg_hva"] and len(marked) == NEGATION_SCOPE
    # a second negation restarts the scope; a marker ends it
    again = label_view("ingen ringte ikke en gang").split()
    assert again == ["xxbos", "ingen", "neg_ringte", "ikke", "neg_en", "neg_gang", "xxeos"]


@pytest.mark.parametrize(
    "a,b",
    [("ventetiden var lang", "ventetider var lang"), ("samarbeidet", "samarbeid")],
)
def test_stems_join_inflected_forms(a: str, b: str) -> None:
    assert stem_view(a) == stem_view(b)


def test_stem_view_keeps_markers_and_negation_words() -> None:
    view = stem_view("Ingen ventelister?").split()
    assert view[0] == "xxbos" and view[1] == "ingen" and view[-2:] == ["xxq", "xxeos"]
    assert view[2].startswith("neg_ventelist")


def test_no_item_text_is_kept() -> None:
    """Stems are cached one word at a time; once the labeller's ``forget_texts`` has run (after
    every prediction), no whole item text stays in the process."""
    text = " ".join(["Kari Zyqvist", "ventet to år på BUP i Rjukan."])
    assert "~bup" in label_features(text)
    forget_texts()
    assert containers_holding(text) == []


def test_label_features_are_word_and_stem_uni_and_bigrams() -> None:
    features = label_features("Ventetidene var lange")
    assert features[:5] == ["xxbos", "ventetidene", "var", "lange", "xxeos"]
    assert "ventetidene var" in features and "lange xxeos" in features
    stems = [f for f in features if f.startswith("~") and " " not in f]
    assert stems == ["~" + s for s in stem_view("Ventetidene var lange").split()]
    assert f"{stems[1]} {stems[2][1:]}" in features
    assert len(features) == 2 * (5 + 4)
