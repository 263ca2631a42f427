"""ADDRESS recognizer: street + number (+ postcode), postcode + place; not years or counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.pii.recognizers.address import AddressRecognizer


@pytest.fixture(scope="module")
def recognizer() -> AddressRecognizer:
    return AddressRecognizer()


def spans(recognizer: AddressRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=["ADDRESS"], nlp_artifacts=None)
    assert all(r.entity_type == "ADDRESS" for r in results)
    return [text[r.start : r.end] for r in results]


POSITIVES = [
    ("og adressa Skeivegen 14, 6843 Skei i Jølster. I same", "Skeivegen 14, 6843 Skei i Jølster"),
    ("Familien bor i Kirkegata 4.", "Kirkegata 4"),
    (
        "neste treff hjemme hos jørn? bjørgevegen 14,2640 vinstra. avklares",
        "bjørgevegen 14,2640 vinstra",
    ),
    ("Hun flyttet til Storgata 12B i fjor.", "Storgata 12B"),
    ("Kontoret ligger i Øvre Slottsgate 3.", "Øvre Slottsgate 3"),
    ("Han vokste opp i Hans Nielsen Hauges gate 20 i Oslo.", "Hans Nielsen Hauges gate 20"),
    ("Adresse: Fjellvegen 7 A, 2815 Gjøvik", "Fjellvegen 7 A, 2815 Gjøvik"),
    ("Ho budde i Storgata 12, 2815 Gjøvik, med mora.", "Storgata 12, 2815 Gjøvik"),
    ("Postadressen er 2815 Gjøvik.", "2815 Gjøvik"),
    ("Brevet var adressert til 0150 OSLO.", "0150 OSLO"),
    ("Han bodde på N-5003 Bergen en periode.", "N-5003 Bergen"),
    ("I Kong Oscars gate 5 bodde de i to år.", "Kong Oscars gate 5"),
    ("Hun hadde leilighet i Storgt. 12 på den tiden.", "Storgt. 12"),
    ("Skjemaet sa STORGATA 12.", "STORGATA 12"),
    ("Besøksadresse St. Olavs gate 5, 7012 Trondheim.", "St. Olavs gate 5, 7012 Trondheim"),
    ("Han oppga adressen storgata 12 uten stor forbokstav.", "storgata 12"),
    ("Dei flytta til Skoleveien 3 H0201.", "Skoleveien 3 H0201"),
    ("Familien bodde i Kirkeveien 4–6 før brannen.", "Kirkeveien 4–6"),
    ("Mormor bur i Solbakken 14 på Toten.", "Solbakken 14"),
    ("Ho bur no i 8622 Mo i Rana.", "8622 Mo i Rana"),
    ("Han har adresse Eikeveien 3, N-2815 Gjøvik.", "Eikeveien 3, N-2815 Gjøvik"),
    ("Vi møtte henne ved Torget 2 på Hamar.", "Torget 2"),
    ("Kontoret ligger i Lille Grensen 5, 0159 Oslo.", "Lille Grensen 5, 0159 Oslo"),
    ("Hun bor i Fru Ingers vei 2.", "Fru Ingers vei 2"),
]


def test_street_and_postcode_on_two_lines(recognizer: AddressRecognizer) -> None:
    text = "Adresse:\nLille Grensen 5\n0159 Oslo"
    assert spans(recognizer, text) == ["Lille Grensen 5", "0159 Oslo"]


@pytest.mark.parametrize("text,expected", POSITIVES)
def test_positive(recognizer: AddressRecognizer, text: str, expected: str) -> None:
    assert spans(recognizer, text) == [expected]


def test_scores(recognizer: AddressRecognizer) -> None:
    def score(text: str) -> float:
        (result,) = recognizer.analyze(text, entities=["ADDRESS"], nlp_artifacts=None)
        return result.score

    assert score("Storgata 12, 2815 Gjøvik") > score("Storgata 12") > score("storgata 12")
    assert score("Hun bor i 2815 Gjøvik.") >= 0.3
    assert 0.3 <= score("Rapport 2021 Kari") < score("Hun bor i 2815 Gjøvik.")


NEGATIVES = [
    "Hun gikk langs Storgata 12,5 meter fra skolen.",
    "I 2019 Hun flyttet, sa hun.",
    "Høsten 2020 Kari begynte på ny skole.",
    "Det står i Kapittel 3 i veilederen.",
    "Hun betalte kr 2500 Hun fikk ingenting igjen.",
    "Barna Julia 3 og Emma 5 var med.",
    "Hun bodde i Italia 3 år.",
    "Vi gikk Solbakken 2 ganger.",
    "Torget 2. klasse var ei god tid.",
    "Skoleveien er 3 km lang.",
    "Hun gikk skoleveien 2 ganger om dagen.",
    "Det kostet 12 500 kroner.",
    "Hun fikk barnehageplass 3 måneder senere.",
    "Vi leste Side 1234 Hun hadde skrevet.",
    "Hun bor i Storgata.",
    "Han flyttet til Gjøvik i 2019.",
    "Foreldrene var over 18 år.",
    "Boka kom ut i 1995 Oslo, sa hun.",
    "Det var 40 % som svarte.",
    "Fra 2015 Kari har vært alene.",
    "Prosjekt i 26 kommuner 2007 - 2014 Målgruppe: barn.",
    "Kari Haugen 3 ganger i uka.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(recognizer: AddressRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


HYPOTHESIS_RECOGNIZER = AddressRecognizer()
TOKENS = ["Storgata", "gate", "Kong", "12", "2815", "Gjøvik", ",", " ", "N-", "B", "år", "i", "."]


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(TOKENS), max_size=14).map(" ".join),
        st.lists(st.sampled_from(TOKENS), max_size=14).map("".join),
    )
)
def test_any_text_spans_within_text(text: str) -> None:
    for result in HYPOTHESIS_RECOGNIZER.analyze(text, entities=["ADDRESS"], nlp_artifacts=None):
        assert 0 <= result.start < result.end <= len(text)
        assert result.entity_type == "ADDRESS"


# red-team round 19 (f01–f12): housing estates' streets
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Han bor hos fosterforeldrene i Lerkeflata 12 på Ranheim.", "Lerkeflata 12"),
        ("Leiligheten i Bjørnsletta 7 på Harestua.", "Bjørnsletta 7"),
        ("Adressa er Granlunden 4B.", "Granlunden 4B"),
    ],
)
def test_round_19_estate_streets(recognizer: AddressRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


def test_round_21_a_street_ending_in_berget_with_a_flat_number() -> None:
    from nlp.pii.recognizers.address import AddressRecognizer

    text = "Veilederen kom hjem til dem i Tokerudberget 12, H0302 i stedet for å kalle dem inn."
    found = [text[r.start : r.end] for r in AddressRecognizer().analyze(text, ["ADDRESS"])]
    assert found == ["Tokerudberget 12, H0302"]


def test_round_26_a_street_ending_in_hagen(recognizer: AddressRecognizer) -> None:
    text = "Ambulansen køyrde først til Hofsethagen 17 i staden for Hofsethagen 7."
    assert spans(recognizer, text) == ["Hofsethagen 17", "Hofsethagen 7"]
