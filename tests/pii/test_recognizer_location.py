"""LOCATION: gazetteer places, short or ordinary-word names only in place context, NER."""

from __future__ import annotations

import pytest

from nlp.pii.recognizers.location import LocationRecognizer

REC = LocationRecognizer()


def places(make_doc, text: str, ents=None) -> set[str]:
    doc = make_doc(text, ents)
    return {doc.text[r.start : r.end] for r in REC.find(doc)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Familien bodde i Gjøvik i mange år.", "Gjøvik"),
        ("De flyttet til Kristiansand da gutten var liten.", "Kristiansand"),
        ("Hun vokste opp i Ås.", "Ås"),
        ("En fosterfar (Geir-Arne Hansen-Mørk, Os) fortalte om samværet.", "Os"),
        ("Vi kom fra Bø i Telemark.", "Bø"),
        ("Han jobber på Moss sykehus, og bor i Moss.", "Moss"),
        ("Familien kom fra Eritrea for ti år siden.", "Eritrea"),
        ("Hun har sommerjobb på Nesoddtangen.", "Nesoddtangen"),
        ("Bestemor bor i Vik.", "Vik"),
        ("Vi var på hytta i Lofoten.", "Lofoten"),
        # typed in lower case, with a preposition, a local unit or an institution
        ("ho budde då hjå besteforeldra sine på hareid", "hareid"),
        ("gruppa for unge pårørande på bup volda", "volda"),
        ("mora har vore innlagt på ålesund sjukehus", "ålesund"),
        # places no list knows, typed in lower case: foreign letters, or where someone lives
        ("moren hennes ringer hver dag fra gdańsk og spør", "gdańsk"),
        ("faren bor nå alene på hommersåk", "hommersåk"),
        ("han vokste opp på ganddal med en far som drakk", "ganddal"),
        ("datter 13 år i fosterhjem i egersund", "egersund"),
    ],
)
def test_finds_places(make_doc, text: str, expected: str) -> None:
    assert expected in places(make_doc, text)


@pytest.mark.parametrize(
    "text",
    [
        "Båten lå i en vik ved sjøen.",
        "Det vokste mose på taket.",
        "Vi gikk på ski hele vinteren.",
        "Os og Ås er fine steder, sa ingen.",
        "NAV svarte ikke på søknaden.",
        "Det kom en SMS fra skolen.",
        "Vi må bli flinkere til å lytte.",
        "pappaen hans bur i stranda no",  # a common word typed in lower case
        "hareid og volda er nemnt i ein rapport",  # no place context
        "hun bor på hybel og han bodde på institusjon",  # ordinary words where one lives
        "Send notatet til ROM-leder innen fredag.",
    ],
)
def test_not_places(make_doc, text: str) -> None:
    assert places(make_doc, text) == set()


# red-team round 13 (s01–s12, pii 1.9.0): a place no list knows, typed in lower case where
# someone lives, that ends like a place name although its parts are words
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sindre vaks opp i fosterheim nede i straumsvika før han flytta.", "straumsvika"),
        ("Trude bur i hellevik og er mor til ei jente.", "hellevik"),
    ],
)
def test_round_13_lower_case_places_where_someone_lives(make_doc, text: str, expected: str) -> None:
    assert expected in places(make_doc, text)


@pytest.mark.parametrize(
    "text", ["Dei bur på bygda no.", "Han bur i dalen.", "Ho bur nede i byen."]
)
def test_round_13_ordinary_places_where_someone_lives(make_doc, text: str) -> None:
    assert places(make_doc, text) == set()


# red-team round 14 (o01–o12, pii 1.10.0): where the person signing lives, after the age
@pytest.mark.parametrize(
    ("text", "expected"),
    [("Helsing Ask, 15 år, Førde\n", "Førde"), ("«Ingen spurte meg.» – Jonas, 16, Moss\n", "Moss")],
)
def test_round_14_place_after_a_signature_s_age(make_doc, text: str, expected: str) -> None:
    assert expected in places(make_doc, text)


@pytest.mark.parametrize(
    "text", ["De møttes ved T-banen på Mortensrud.", "Vi ses mest på FaceTime."]
)
def test_round_14_transport_and_apps_are_no_places(make_doc, text: str) -> None:
    assert not places(make_doc, text) & {"T-banen", "FaceTime"}


# red-team round 24 (a01–a12): a street without a house number
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ikke parker langs Holsandveien, den er privat.", "Holsandveien"),
        ("Hun bor i Kirkegata nå.", "Kirkegata"),
        ("Holsandveien er smal om vinteren.", "Holsandveien"),
    ],
)
def test_round_24_streets(make_doc, text: str, expected: str) -> None:
    assert expected in places(make_doc, text)


def test_round_24_a_word_ending_like_a_street_opening_a_sentence(make_doc) -> None:
    assert "Omveien" not in places(make_doc, "Omveien tok lang tid.")


def test_round_24_an_event_after_a_place_preposition_is_no_place(make_doc) -> None:
    assert places(make_doc, "Skolen tar spørsmålet med til Torsdagsmøtet.") == set()


def test_round_26_a_hyphenated_place_in_lower_case(make_doc) -> None:
    assert "nord-aurdal" in places(
        make_doc, "Han er ruskonsulent i nord-aurdal og har vore det lenge."
    )
