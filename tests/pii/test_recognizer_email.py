"""EMAIL recognizer: addresses in note sentences; mentions and fragments are not addresses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.pii.recognizers.email import EmailRecognizer


@pytest.fixture(scope="module")
def recognizer() -> EmailRecognizer:
    return EmailRecognizer()


def spans(recognizer: EmailRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=["EMAIL"], nlp_artifacts=None)
    assert all(r.entity_type == "EMAIL" for r in results)
    return [text[r.start : r.end] for r in results]


POSITIVES = [
    ("sendes til ingrid.moe(a)lillehammer.kommune.no, hun", "ingrid.moe(a)lillehammer.kommune.no"),
    ("Skriv til kari[@]kommune.no", "kari[@]kommune.no"),
    ("el siri.mette87@gmial,com (skrev feil?)", "siri.mette87@gmial,com"),
    ("1 t 45 min\tlykke.oyen_gmail.com#EXT#\n", "lykke.oyen_gmail.com#EXT#"),
    ("Send referatet til kari.hansen@kommune.no.", "kari.hansen@kommune.no"),
    ("Faren skrev fra ola_n@gmail.com i går.", "ola_n@gmail.com"),
    ("E-post: kåre.ås@helse-bergen.no", "kåre.ås@helse-bergen.no"),
    ("Ho nåast på bjørg.ødegård@nav.no.", "bjørg.ødegård@nav.no"),
    ("Kontakt post@bup.sykehuset-innlandet.no for time.", "post@bup.sykehuset-innlandet.no"),
    ("Mailen kom fra a.b+rom@gmail.com.", "a.b+rom@gmail.com"),
    ("(kari.nordmann@outlook.com)", "kari.nordmann@outlook.com"),
    ("«Skriv til meg på lise98@hotmail.no», sa hun.", "lise98@hotmail.no"),
    ("Adressen <per-olav@skole.gjovik.kommune.no> var feil.", "per-olav@skole.gjovik.kommune.no"),
    ("Mailadressa er STINE.BERG@FIRMA.NO, med store bokstavar.", "STINE.BERG@FIRMA.NO"),
    ("Hun svarte fra jobbmailen, kari@bedrift.com, seint.", "kari@bedrift.com"),
    ("Ta kontakt: ola.nordmann@uio.no eller på telefon.", "ola.nordmann@uio.no"),
    ("Skriv til kari (at) kommune.no om du vil.", "kari (at) kommune.no"),
    ("Hun oppga kari[at]kommune.no på skjemaet.", "kari[at]kommune.no"),
    ("E-post: vaar.solberg at romleder dot no\n", "vaar.solberg at romleder dot no"),
    ("skriv til kari at kommune punktum no", "kari at kommune punktum no"),
    ("Send til ola.h at gmail.com.", "ola.h at gmail.com"),
    ("Han skrev adressen som ola @ gmail.com.", "ola @ gmail.com"),
    ("- e-post: mor.til.emma@online.no\n- tlf: 99887766", "mor.til.emma@online.no"),
]


@pytest.mark.parametrize("text,expected", POSITIVES)
def test_positive(recognizer: EmailRecognizer, text: str, expected: str) -> None:
    assert spans(recognizer, text) == [expected]


def test_two_addresses(recognizer: EmailRecognizer) -> None:
    text = "Kopi til kari@nav.no og ola@nav.no."
    assert spans(recognizer, text) == ["kari@nav.no", "ola@nav.no"]


def test_written_out_scores_lower(recognizer: EmailRecognizer) -> None:
    (plain,) = recognizer.analyze("kari@kommune.no", entities=["EMAIL"], nlp_artifacts=None)
    (written,) = recognizer.analyze("kari (at) kommune.no", entities=["EMAIL"])
    assert plain.score == pytest.approx(0.95)
    assert 0.3 <= written.score < plain.score


NEGATIVES = [
    "Han sa at nav.no har informasjon.",
    "Det er klart at barnevernet dot ikke",
    "Følg oss på @voksnefor_barn på Instagram.",
    "Hun tagget @kari_h i innlegget.",
    "Skriv navn@ og resten av adressen senere.",
    "Feltet «e-post» var fylt ut med bare navn@.",
    "Adressen kari@kommune manglet domene.",
    "Vi møttes @ Gjøvik bibliotek.",
    "Det kostet 2 @ 30 kr per stykk.",
    "Hun sa at nav.no var nyttig.",
    "Se www.vfb.no for mer informasjon.",
    "Mailen kom fra @ og ikke fra en person.",
    "Hun skrev «@» i stedet for navnet.",
    "Brukernavnet er kari.hansen på alle plattformer.",
    "Hun sa at hun ville sende det på mail.",
    "Emnefeltet var «Re: time hos BUP».",
    "Kl. 10@huset var det møte.",
    "Han skrev bare hans@ på lappen.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(recognizer: EmailRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


HYPOTHESIS_RECOGNIZER = EmailRecognizer()
TOKENS = ["kari", "@", ".", "no", "æ", "-", "_", " ", "(at)", "[at]", "kommune", "+", "..", "@@"]


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(TOKENS), max_size=14).map("".join),
    )
)
def test_any_text_spans_within_text(text: str) -> None:
    for result in HYPOTHESIS_RECOGNIZER.analyze(text, entities=["EMAIL"], nlp_artifacts=None):
        assert 0 <= result.start < result.end <= len(text)
        assert result.entity_type == "EMAIL"


def test_round_21_an_address_dictated_word_by_word() -> None:
    from nlp.pii.recognizers.email import EmailRecognizer

    text = "og e-post henning punktum aas krøllalfa gmail punktum com ny linje"
    found = [text[r.start : r.end] for r in EmailRecognizer().analyze(text, ["EMAIL"])]
    assert found == ["henning punktum aas krøllalfa gmail punktum com"]
