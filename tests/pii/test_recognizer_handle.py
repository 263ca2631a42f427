"""HANDLE recognizer: social-media user names and profile links."""

from __future__ import annotations

import pytest

from nlp.pii.recognizers.handle import HandleRecognizer


@pytest.fixture(scope="module")
def recognizer() -> HandleRecognizer:
    return HandleRecognizer()


def spans(recognizer: HandleRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=["HANDLE"], nlp_artifacts=None)
    assert all(r.entity_type == "HANDLE" for r in results)
    return [text[r.start : r.end] for r in results]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hun har en TikTok-konto, @rose.tesfay.og.livet, der hun forteller.",
            "@rose.tesfay.og.livet",
        ),
        ("Anbefalte kontoen @unge_parorende_drammen (Bjørns konto).", "@unge_parorende_drammen"),
        ("Følg @Ola_98.", "@Ola_98"),
        (
            "Facebook-side, facebook.com/rahel.kulturmegler, der hun svarer",
            "facebook.com/rahel.kulturmegler",
        ),
        ("Se https://www.instagram.com/kari_h/ for bilder", "https://www.instagram.com/kari_h/"),
        ("på tiktok.com/@ola.nordmann.", "tiktok.com/@ola.nordmann"),
        ("Legg til snapchat.com/add/ola98 i dag", "snapchat.com/add/ola98"),
        ("anbefalte snap-gruppa til Ask (ask_b2007)", "ask_b2007"),
        ("Brukernavnet hans er ola98, sa mor.", "ola98"),
        ("insta: kari.hansen", "kari.hansen"),
        ("me kunne sende på snap: hodan.w99", "hodan.w99"),
        ("Dealerne kontakter ham på Snap (kriss.l02).", "kriss.l02"),
        ("Hodan lager en Snap-gruppe for alle, legg til hodan.xo i dag", "hodan.xo"),
        # an underscore between letters makes a user name without a network named near it
        ("gav meg lov til å skrive at ho heiter liv_i_lia der", "liv_i_lia"),
        # any word after a network's name and a colon, a personal blog's address
        ("Storm!! verdas beste memes 😂 discord: stormzyx", "stormzyx"),
        ("- Kiki, Snap: kikifjord", "kikifjord"),
        ("Ho skriv om dette på ingridsverden.blogg.no, og mange", "ingridsverden.blogg.no"),
        (
            "Les https://kari-nordmann.blogspot.com/2024/05/ der",
            "https://kari-nordmann.blogspot.com/2024/05/",
        ),
        # round 10: a capital inside and digits at the end, twitch links, a word after
        # "gamertag" or "brukeren", a channel's name in quote marks
        ("- «DagNatt99» – Dag, 14 år, går i 8B.", "DagNatt99"),
        ("streamar av og til på twitch.tv/dagnatt99.", "twitch.tv/dagnatt99"),
        ("Gamertag AskeladdenXX på PlayStation.", "AskeladdenXX"),
        ("han skrev til henne fra brukeren babakenan.", "babakenan"),
        ("Har YouTube-kanalen «Zosia i fjorden» der ho filmar.", "Zosia i fjorden"),
        ("han er mye på nett, discord Kr1ssy#0420. Mor", "Kr1ssy#0420"),
        ("Snap-gruppe for pårørende, legg til emir.k_hmr.", "emir.k_hmr"),
    ],
)
def test_handles(recognizer: HandleRecognizer, text: str, expected: str) -> None:
    assert spans(recognizer, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Send det til kari.hansen@kommune.no i dag.",
        "Hun bruker Snapchat og Instagram hver dag.",
        "Kostnaden var 2 @ 30 kr.",
        "Se nav.no/familie og helsenorge.no for mer.",
        "Kontoen på Facebook er f.eks. lukket.",
        "Vi har en konto på BUP7 sin side.",
        "Instagram-kontoen til skolen er nav.no",
        "En lone @ i teksten.",
        "Fyll inn ____ her og lagre som notat_2024.docx.",
        "Brukeren fortalte at det var vanskelig.",
        "Kontonummer 1234 56 78903 og org.nr 912 345 678.",
        'Podkasten "Ikke bare mitt problem" handler om unge pårørende.',
        "Har du snap: nei, sa han.",
        "Tid: 18.00 Sted: Hamar",
    ],
)
def test_not_handles(recognizer: HandleRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 13 (s01–s12, pii 1.9.0): a name, a dot and letters ending in digits
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spør han om å bli lagt til: tesfay.g07.", "tesfay.g07"),
        ("Jenta heter emma.sol04 der inne.", "emma.sol04"),
    ],
)
def test_round_13_dotted_names_with_digits(
    recognizer: HandleRecognizer, text: str, expected: str
) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize("text", ["Se kap.3 i rettleiaren.", "Ring kl.18 eller f.eks. i morgon."])
def test_round_13_dotted_abbreviations_with_digits(recognizer: HandleRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pappa (han heter «runestav76» på snap lol) ringer om natta", "runestav76"),
        ("Ho heiter mia2009 på insta.", "mia2009"),
    ],
)
def test_a_user_name_the_words_after_it_call_one(
    recognizer: HandleRecognizer, text: str, expected: str
) -> None:
    assert expected in spans(recognizer, text)


def test_round_20_a_handle_with_digits_before_its_dot(recognizer: HandleRecognizer) -> None:
    text = "Han har kontakt med mor på Snapchat (lib4n.n) hver kveld."
    assert spans(recognizer, text) == ["lib4n.n"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ask spelar Fortnite som askhaugen06, og det er der han pratar.", "askhaugen06"),
        ("Han er mye på Discord. Handle hans der er askeladd3n_, og det var greit.", "askeladd3n_"),
    ],
)
def test_round_22_user_names_in_games(
    recognizer: HandleRecognizer, text: str, expected: str
) -> None:
    assert expected in spans(recognizer, text)


# red-team round 24 (a01–a12)
def test_round_24_a_user_name_dictated_with_its_underscores(recognizer: HandleRecognizer) -> None:
    text = "på tiktok der ho heiter livsglede understrek liv og fekk meir hjelp"
    assert spans(recognizer, text) == ["livsglede understrek liv"]


def test_round_24_an_emoji_code_is_no_user_name(recognizer: HandleRecognizer) -> None:
    assert spans(recognizer, "Det må ikke inn\n    :rotating_light: 2\n") == []


# red-team round 26 (i01–i12)
def test_round_26_an_exported_record_s_keys_are_no_user_names(recognizer: HandleRecognizer) -> None:
    text = "mote:\n  antall_totalt: 11\n  co_leder: Sol\ndeltaker_1:\n  navn: Berit\n"
    assert spans(recognizer, text) == []


def test_round_26_a_user_name_opening_a_comment_stays(recognizer: HandleRecognizer) -> None:
    assert spans(recognizer, "Kommentarer:\nkaaaasper_04: lå på Sand i går\n") == ["kaaaasper_04"]
