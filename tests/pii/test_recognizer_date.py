"""DATE recognizer: Norwegian dates tied to events; months, years, times and ordinals are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.pii.recognizers.date import DateRecognizer


@pytest.fixture(scope="module")
def recognizer() -> DateRecognizer:
    return DateRecognizer()


def spans(recognizer: DateRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=["DATE"], nlp_artifacts=None)
    assert all(r.entity_type == "DATE" for r in results)
    return [text[r.start : r.end] for r in results]


POSITIVES = [
    # red-team round 10: a holiday with its year, dialect "12. i tredje", US and compact dates,
    # years of birth in brackets, school years
    ("bodd i fosterhjem siden 2. juledag 2022.", "2. juledag 2022"),
    ("lagt inn på blakstad 2. påskedag i fjor etter", "2. påskedag i fjor"),
    ("midt i nattskiftet, den 12. i tredje i fjor.", "12. i tredje i fjor"),
    ("Asks bursdag 4/27/2012 ble feiret", "4/27/2012"),
    ("ingen vet om samværet 241224 blir noe av", "241224"),
    ("mor til Ánte (f. 2009), bor i", "f. 2009"),  # with its word since pii 1.11.0
    ("farfar til Niillas (født -52)", "født -52"),
    ("Skoleåret 2019/20 kom Elif.", "Skoleåret 2019/20"),
    ("ny rullestol siden 3. juledag. NAV svarer", "3. juledag"),
    ("Han var på opphald ved senteret i veke 38 i fjor.", "veke 38 i fjor"),
    ("Han kom på St. Hans i fjor og er 7.", "St. Hans i fjor"),
    ("har sittet på Ila siden skjærtorsdag i fjor.", "skjærtorsdag i fjor"),
    ("Faren hans fikk dommen fredag 13.12 og soner nå.", "fredag 13.12"),  # with its weekday
    # red-team round 7: a day as an ordinal word, a year of birth, a weekday's abbreviation
    ("ble lagt inn tredje mai to tusen og tjueto etter", "tredje mai to tusen og tjueto"),
    ("funnet natt til niende februar i år etter", "natt til niende februar i år"),
    ("Mai, som er fødd i 2011, har Angelman syndrom.", "fødd i 2011"),
    ("begge akuttplassert fre 3/2 etter bekymringsmelding", "3/2"),
    # red-team round 6: "i fjor" or a strong word anchors a date without a year; one-dot
    # dates in a range; a month and year after an event in a life
    ("RS: mor til gutt, akuttplassert 3/10 i fjor.", "3/10"),
    ("Han ble utskrevet 20.2 i år.", "20.2"),
    ("Dei kom frå Eritrea saman med mora i august 2017.", "august 2017"),
    ("Hun ble innlagt 3. mars.", "3. mars"),
    ("Gutten ble skrevet ut 3. mars 2021 uten oppfølging.", "3. mars 2021"),
    ("Det skjedde den 14. oktober i fjor.", "14. oktober i fjor"),
    ("Jenta er født 12.05.2009 på Gjøvik.", "12.05.2009"),
    ("Han døde 12.5.09, like før jul.", "12.5.09"),
    ("Vedtaket kom 12/5-09.", "12/5-09"),
    ("Innleggelse 2009-05-12 ifølge journalen.", "2009-05-12"),
    ("Det var mandag 3. mars at politiet kom.", "mandag 3. mars"),
    ("Ho vart innlagd måndag den 3. mars.", "måndag den 3. mars"),
    ("Mora døydde 21. november 2019.", "21. november 2019"),
    ("Dei flytta 1. august i fjor.", "1. august i fjor"),
    ("Brevet er datert 3. jan. 2020.", "3. jan. 2020"),
    ("Hun ble født 17. mai.", "17. mai"),
    ("Vi fikk svar den 12/5, etter flere måneder.", "12/5"),
    ("Han ble skrevet ut den 12.5. uten plan.", "12.5."),
    ("Barnevernet kom 12-05-2009.", "12-05-2009"),
    ("Saken startet 3 september 2018.", "3 september 2018"),
    ("Timen var fredag 14. februar.", "fredag 14. februar"),
    ("Han ble operert 29. februar 2020.", "29. februar 2020"),
    ("Ho fekk diagnosen 2. desember i fjor.", "2. desember i fjor"),
    ("Sonen har vore i beredskapsheim sidan 14/2.", "14/2"),
    ("Ein fosterson vart akuttplassert 2. juledag.", "2. juledag"),
    ("Hun ble innlagt første påskedag.", "første påskedag"),
    ("Det første samværet uten tilsyn var lille julaften i fjor.", "lille julaften i fjor"),
    ("Senest da mora ble lagt inn på nyttårsaften, måtte hun tolke.", "nyttårsaften"),
    # red-team round 8: a night or day before the date, a season with "i fjor", a week after an
    # event, a two-digit year after an abbreviated month, "sist" before a short date
    ("tvangsinnlagt etter en psykose natt til 2. juledag. Han", "natt til 2. juledag"),
    ("som ble innlagt dagen etter 17. mai 2023. Han hadde", "dagen etter 17. mai 2023"),
    ("innlagt to ganger, sist i påska i fjor, og", "i påska i fjor"),
    # round 9: seasons with a year, a month and a short year, a birthday, "til august 2020"
    ("flyttet til Idd utenfor Halden i påsken 2019, da", "i påsken 2019"),
    ("- våren 2022: første innleggelse", "våren 2022"),
    ("- mars -23: utskrevet til en hybel", "mars -23"),
    ("- Natt til 1. nyttårsdag: overdose", "Natt til 1. nyttårsdag"),
    ("- På 17-årsdagen hans ble Ask hentet", "17-årsdagen hans"),
    ("bodde i Hirtshals til august 2020, da de flyttet", "august 2020"),
    ("innlagt to ganger, sist fra andre juledag. Hun", "andre juledag"),
    ("Han ble skrevet ut i uke 12, uten at kommunen var varslet", "uke 12"),
    ("bur i fosterheim i bremanger sidan 1. aug 23", "1. aug 23"),
    ("samvær 4 g/år, sist 02.03. Ville ikke si mer.", "02.03."),
    ("Det kom 3. mai 12 deltakere.", "3. mai"),  # no two-digit year after a full month
]


@pytest.mark.parametrize("text,expected", POSITIVES)
def test_positive(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert spans(recognizer, text) == [expected]


def test_two_dates(recognizer: DateRecognizer) -> None:
    text = "Innlagt fra 12/5 til 14/5 og igjen 3. juni."
    assert spans(recognizer, text) == ["12/5", "14/5", "3. juni"]


def test_year_raises_score(recognizer: DateRecognizer) -> None:
    (with_year,) = recognizer.analyze("3. mars 2021", entities=["DATE"], nlp_artifacts=None)
    (without,) = recognizer.analyze("3. mars", entities=["DATE"], nlp_artifacts=None)
    assert with_year.score > without.score >= 0.3
    assert {"født", "innlagt", "døde"} <= set(recognizer.context)


NEGATIVES = [
    "Kontonummer 241224 er feil.",
    "[14.03.24, 21:04] Amund H.: Runden var fin.",
    "14.03.2024, 21:04 - Tone: Takk for i kveld.",
    "Haugen, Tone-Lill\t14.3.2024, 17:56:03\t14.3.2024, 20:04:51\t2 t 8 min",
    "Beløpet var 150000 kroner.",
    "Vi delte dem i tredje runde.",
    "Det var 12/27/20 på skjemaet.",
    "Neste møte er i uke 12.",
    "Vi snakket om jula og påska.",
    "Det var 20-årsdagen for loven.",
    "Vi møtes til våren.",
    "Den andre mai-dagen var det fint vær.",
    "Loven ble endret i mars 2022.",
    "Andelen gikk fra 2.5 til 3.5 prosent.",
    "Hun fikk 3/10 poeng på prøven.",
    "Hun ble innlagt i mars.",
    "Det skjedde i mars 2021.",
    "De flyttet i 2019.",
    "Prosjektet varte fra 2019–2021.",
    "Møtet startet kl. 14.30.",
    "Vi møttes 14:30 på kontoret.",
    "Møtet var kl 12.05.",
    "Hun gikk i 3. klasse.",
    "Han begynte i 2. trinn.",
    "Vi gikk i tog 1. mai.",
    "Barna feiret 17. mai sammen.",
    "Legevakten er åpen 24/7.",
    "Omtrent 2/3 av barna fikk tilbud.",
    "Se punkt 1.2.10 i veilederen.",
    "Versjon 3.1.10 av skjemaet.",
    "Hun sa det var 31. april, men det finnes ikke.",
    "Datoen 12.13.2009 er feil.",
    "Saksnr. 21/12345 gjelder barnet.",
    "Det kostet 12.500 kroner.",
    "Han var innlagt i 2. juledag-helga.",
    "Vi møtes igjen 2. juledag.",
    "Vi feiret julaften hjemme.",
    "Etter 2/3 av tida gav dei opp.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(recognizer: DateRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


HYPOTHESIS_RECOGNIZER = DateRecognizer()
TOKENS = ["3.", "mars", "12", "/", "-", ".", "2009", "den", "i fjor", "mandag", "født", " ", "05"]


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet="0123456789 ./-:'"),
        st.lists(st.sampled_from(TOKENS), max_size=14).map(" ".join),
        st.lists(st.sampled_from(TOKENS), max_size=14).map("".join),
    )
)
def test_any_text_spans_within_text(text: str) -> None:
    for result in HYPOTHESIS_RECOGNIZER.analyze(text, entities=["DATE"], nlp_artifacts=None):
        assert 0 <= result.start < result.end <= len(text)
        assert result.entity_type == "DATE"


def test_one_dot_dates_in_a_range(recognizer: DateRecognizer) -> None:
    assert spans(recognizer, "Han var innlagt fra 5.1 til 20.2 i år.") == ["5.1", "20.2"]


# red-team round 14 (o01–o12, pii 1.10.0): a year opening a line of someone's timeline
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Historikk:\n- 2016: første bekymringsmelding fra helsestasjonen.\n", "2016"),
        ("- august 2017: begynner i barnehagen.\n", "august 2017"),
        ("våren 2021: flyttet til fosterhjem.\n", "våren 2021"),
    ],
)
def test_round_14_timeline_years(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text", ["Tiltaket starta i 2016: det var godt.", "Se rapporten (2019: s. 4).", "Kl. 2016:"]
)
def test_round_14_years_that_open_no_timeline_line(recognizer: DateRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 15 (k01–k12, pii 1.11.0): a range of days, a birth year with its word
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klasseturen til Kristiansand 3.–6. juni.", "3.–6. juni"),
        ("Far, født 1938, og mor bodde i byen.", "født 1938"),
    ],
)
def test_round_15_dates(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Datteren fylte år 12.01 og mor fikk ikke se henne.", "12.01"),
        ("Han fyller år 3/5.", "3/5"),
    ],
)
def test_a_birthday_without_a_year(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


# red-team round 16 (j01–j12, pii 1.12.0)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kacper var innlagt fra 14. til 28. oktober 2022.", "14. til 28. oktober 2022"),
        ("Vi kan møte mandag 18/3 kl. 14.00 hvis det passer.", "mandag 18/3"),
        ("Hun snakket med behandleren før utskrivningen i oktober 2023.", "oktober 2023"),
    ],
)
def test_round_16_dates(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


def test_round_18_two_days_joined_by_og(recognizer: DateRecognizer) -> None:
    text = "Fylkesnemnda behandlet saken den 14. og 15. mars 2023."
    assert "14. og 15. mars 2023" in spans(recognizer, text)


# red-team round 19 (f01–f12): hospital minutes give admissions and discharges as day/month
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Innl. Brattli 3/1, utskr. 5/1 etter to døgn.", ["3/1", "5/1"]),
        ("Ny innl. (tvang), overført Fjellro 24/1, utskr. 28.2.24.", ["24/1", "28.2.24"]),
        ("Innlagt 12/3 og skrevet ut etter ei veke.", ["12/3"]),
    ],
)
def test_admissions_and_discharges_by_day_and_month(
    recognizer: DateRecognizer, text: str, expected: list[str]
) -> None:
    assert spans(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vi leste Boka 3/4 ferdig før møtet.",  # a fraction after a name
        "Han svarte på 3/4 av spørsmålene i Skjemaet.",
        "Overført 3/4 av timene til Bydelen.",  # an event word, but no name between
    ],
)
def test_fractions_are_no_admission_dates(recognizer: DateRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 20 (e01–e12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Det var natt til andre\njuledag 2023, og familien bodde på Rognan.",
            "andre\njuledag 2023",
        ),
        ("Tredje juledag samme år ble datteren plassert.", "Tredje juledag samme år"),
        ("Det var ikke tolk på ansvarsgruppemøtet 1/9, og skolen snakket om ham.", "1/9"),
        ("b) Innlagt Tyrifjord beh.senter 3/11, skrevet ut etter fire døgn.", "3/11"),
    ],
)
def test_round_20_dates(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert any(expected in span for span in spans(recognizer, text))


@pytest.mark.parametrize("text", ["Vi har åpent andre juledag.", "Etter møtet 1/9 av barna."])
def test_round_20_not_dates(recognizer: DateRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 21 (d01–d12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sønnen fyller atten tredje juledag.", "tredje juledag"),
        ("| uke 38 | Frivillig innlagt | Tiller DPS |", "uke 38"),
        ("9/2 ble han funnet bevisstløs på plassen.", "9/2"),
        ("Vi har hatt individuell plan siden mars 2021.", "mars 2021"),
        ("De har vært fosterhjem for en polsk gutt siden august 2019.", "august 2019"),
    ],
)
def test_round_21_dates(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "2/3 av barna ble med på turen.",
        "Tilbudet har vært stengt siden mars 2021.",
        "| uke 14 | Ferie | – |",
    ],
)
def test_round_21_not_dates(recognizer: DateRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 22 (c01–c12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gutten ble hentet på skolen 3/11 for snart tre år siden.", "3/11"),
        ("Sist skjedde det 3/11, og han satt på toget.", "3/11"),
        ("- Siste samvær 11.01.: BM møtte ruset.", "11.01."),
        ("Hun fortalte om akuttplasseringen tredje juledag og om skolen.", "tredje juledag"),
        ("Han kan prøveløslates 18. august neste år dersom søknaden går.", "18. august neste år"),
        ("FH for Sol, f. 03.02.12, siden aug. 2020.", "aug. 2020"),
    ],
)
def test_round_22_dates(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Den første jula: tredje juledag fant de ham på Bystranda.", "tredje juledag"),
        ("Selam, på besøk tredje juledag, såg han.", "tredje juledag"),
    ],
)
def test_round_23_holidays_told_by_what_happened(
    recognizer: DateRecognizer, text: str, expected: str
) -> None:
    assert expected in spans(recognizer, text)


# red-team round 24 (a01–a12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "han fylte atten fjortande i femte to tusen og tjueto og då",
            "fjortande i femte to tusen og tjueto",
        ),
        ("ho var innlagd frå første i tredje og tor fekk ikkje vite", "første i tredje"),
        ("Han ble innlagt den andre i femte i fjor.", "andre i femte i fjor"),
        ("familien fekk beskjed om samvær julaftan 2021 berre to dagar før", "julaftan 2021"),
        ("etter fødselen i februar i fjor fikk familien plass", "februar i fjor"),
    ],
)
def test_round_24_dates(recognizer: DateRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "De første i tredje klasse fikk mer hjelp.",
        "Noen andre i tredje fikk ikke det.",
        "Møtet ble holdt i februar i fjor.",
    ],
)
def test_round_24_not_dates(recognizer: DateRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


def test_round_25_an_absence_s_last_day(recognizer: DateRecognizer) -> None:
    assert spans(recognizer, "Jeg er på kurs til og med 15.03. Ved hastesaker ring.") == ["15.03."]
    assert spans(recognizer, "Åpent fra 9 til og med 15.") == []


def test_round_26_christmas_eve_in_dialect(recognizer: DateRecognizer) -> None:
    assert spans(recognizer, "Jolafta 2001 sat ho og veslebror i bilen.") == ["Jolafta 2001"]
