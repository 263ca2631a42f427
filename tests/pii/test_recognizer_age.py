"""AGE recognizer: ages of persons (spans as in the age module's table); not thresholds,
ranges, durations or counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.pii.recognizers.age import AgeRecognizer


@pytest.fixture(scope="module")
def recognizer() -> AgeRecognizer:
    return AgeRecognizer()


def spans(recognizer: AgeRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=["AGE"], nlp_artifacts=None)
    assert all(r.entity_type == "AGE" for r in results)
    return [text[r.start : r.end] for r in results]


POSITIVES = [
    # red-team round 7: initials and placeholders as subjects, "i dag", a possessive before
    # "på", a first name before a bare number, capitals, a speaker's age after a quote
    ("Datteren AB (12) bor nå i fosterhjem.", "12"),
    ("[namn] (17) fortalde at faren drikk.", "17"),
    ("X er snart 19 og har ei mor som er sjuk.", "snart 19"),
    ("J. er sytten og går på vidaregåande.", "sytten"),
    ("Sol er i dag 7 år og går i andre klasse.", "7 år"),
    ("Hun fortalte om datteren sin på femten som har slutta å spise.", "femten"),
    ("Jenta er nå 16 ÅR og vil flytte hjem.", "16 ÅR"),
    ("- rune, far til tobias 15 som bor på institusjon.", "15"),
    ("- datter 13 år i fosterhjem i egersund", "13 år"),
    ("«Det tel.» – ask, 16\n", "16"),
    # red-team round 6: a hedge is part of the expression, a second predicate after "og",
    # halves, a lower-case name that is also a word before an appositive age
    ("Dag er far til Sol (snart 15) som bor i fosterhjem.", "snart 15"),
    ("Storm er snart sytten og prata mest.", "snart sytten"),
    ("ask (stefar, ca 40) kom sammen med kona.", "ca 40"),
    ("Liv bur i Askvoll, går på Dale ungdomsskule og er 14.", "14"),
    ("Dmytro, som har autisme og er fjorten, bor hjemme.", "fjorten"),
    ("Elias var 17 1/2 da han ble innlagt.", "17 1/2"),
    ("Ein gut på to og eit halvt år bur hjå dei.", "to og eit halvt år"),
    ("hilde er mor til storm, seksten år, og ei jente.", "seksten år"),
    # "på N": the number (and "år" if written), not "på" or the noun
    ("Gutten på 14 hadde ingen å snakke med.", "14"),
    ("Vi snakket med jenta på fjorten om skolen.", "fjorten"),
    ("Ein gut på fjorten år budde der.", "fjorten år"),
    ("Mathias, tenåringen på 15 som innledet, fortalte om faren.", "15"),
    # "var/er/ble på N" with a person as subject
    ("Det hadde vart siden han var på 2.", "2"),
    ("Sønnen, som den gang var på 9, har cerebral parese.", "9"),
    ("Da jenta var på fjorten, flyttet hun på hybel.", "fjorten"),
    # -åring nouns, with or without hyphen and article
    ("16-åringen fikk ikke hjelp i tide.", "16-åringen"),
    ("Vi møtte en 16-åring fra Gjøvik.", "16-åring"),
    ("Seksåringen ble hentet av barnevernet.", "Seksåringen"),
    ("Ho var ein tolvåring med mykje ansvar.", "tolvåring"),
    ("To 15-åringer ble tatt av politiet.", "15-åringer"),
    # decades: with "i"
    ("Moren er i 40-årene.", "i 40-årene"),
    ("Faren var i førtiårene da han døde.", "i førtiårene"),
    ("Ho er i tjueåra no.", "i tjueåra"),
    ("Han var i tenårene da det begynte.", "i tenårene"),
    # number + år (+ gammel) after an age cue
    ("Hun var fjorten år da hun flyttet.", "fjorten år"),
    ("Han var 14 år gammel.", "14 år gammel"),
    ("Barnet var tre måneder gammel da mora ble syk.", "tre måneder gammel"),
    ("Kari er 14 år.", "14 år"),
    ("Gutten som var 12 år, fikk ikke si noe.", "12 år"),
    ("Hun var ca. 14 år da det skjedde.", "ca. 14 år"),
    ("Hun var 12 år på den tiden.", "12 år"),
    # bare numbers after an age verb: the number only
    ("Da hun var 16, flyttet hun ut.", "16"),
    ("Sønnen var elleve da faren døde.", "elleve"),
    ("Ho var søtten då ho flytta heimanfrå.", "søtten"),
    ("Eg var tjueein og hadde to born.", "tjueein"),
    ("Da var hun 16.", "16"),
    ("Hun har fylt 18 nå, men får ikke hjelp.", "18"),
    ("Han fyller tjue i mai.", "fyller tjue i mai"),
    ("Vi gruer oss til sønnen fyller 18.", "18"),
    ("Da ungdommen var 16, flyttet han ut.", "16"),
    ("Når Ola fyller 18, mister han avlastningen.", "18"),
    ("Hun var bare to år da faren døde.", "to år"),
    ("Hun var ett år da de kom til Norge.", "ett år"),
    # appositive, parentheses, alder
    ("Kari (14) fortalte om skolen.", "14"),
    ("Jenta, 14 år, fortalte om mobbing.", "14 år"),
    ("Han ble syk i en alder av 14 år.", "14 år"),
    ("Han fikk diagnosen i 16 års alder.", "16 års alder"),
    ("Den 16-årige jenta ble ikke hørt.", "16-årige"),
    # an appositive that the bare number closes, in lower case, after a possessive, in brackets
    ("* frida, 15, går på ungdomsskolen.", "15"),
    ("* ungdom 2 (Bjørn Tuan Pham, 17): pappa har depresjon", "17"),
    ("- yngste (jonas, 6 år) har autisme.", "6 år"),
    ("Hun fortalte at sønnen hennes, 14 år, ble mobbet.", "14 år"),
    ("Barnevernet hentet sønnen, Mustafe (da 7 år), fra skolen.", "7 år"),
    # ages joined by "og", in brackets or before "gamle"; a name typed in lower case
    ("Dei har to fosterdøtrer, Mai og Linh (9 og 11 år).", "9 og 11 år"),
    (
        "Ein fosterfar fortalde om to søsken, 13 og 15 år gamle, som bur kvar for seg.",
        "13 og 15 år gamle",
    ),
    ("sol (16) fortalde om mora si", "16"),
    ("Hun sa opp jobben for å følge opp tolvåringen sin.", "tolvåringen"),
    # number words and more in brackets, a name in bold, nynorsk "gammal"
    ("- Lykke (femten) bor annenhver uke hos bestefaren.", "femten"),
    ("Camila, mor til Ask (9, CP og epilepsi), fortalde.", "9"),
    ("Sønnen **Stein** (34) har slitt lenge.", "34"),
    ("Ho kom frå Eritrea, tolv år gammal.", "tolv år gammal"),
    ("Dei venta på utgreiing av sonen Baran (fire og eit halvt).", "fire og eit halvt"),
    # red-team round 8: youth spellings, "typ", a bracket after the number, a birthday with a
    # date after it, "den gangen" between subject and verb, children counted before their ages
    ("- Kiki (sekstan, går på vidaregåande)", "sekstan"),
    ("kom frå Somalia da han var typ ni år", "ni år"),
    ("- eli, nesten 18 (skriv namnet med liten bokstav)", "nesten 18"),
    ("«Jonta skal fylle ti 3. februar, og han gler seg»", "ti"),
    ("og at hun den gangen var nitten. Hun jobber nå", "nitten"),
    ("Gutten 17 nå, ettervern usikkert.", "17"),
    ("har to søsken fra Stange, 7 og ni år. Storesøster går", "7 og ni år"),
    ("fosterfar til to søsken 9 og 13 år", "9 og 13 år"),
    ("- Vår (2008-modell lol) – insta", "2008-modell"),
    # round 9: a bracket after a quoted nickname, "faren til 16-åringen", "fyller 18 til jul"
    ("fosterbarnet «T.J.» (12 år, gutt) har bodd hos dem", "12 år"),
    ("Faren til 16-åringen fortalde at overgangen", "16-åringen"),
    ("har nå Kasper, som fyller 18 til jul. Hun var med", "18"),
    # round 10: dialect numbers and verbs, a birthday's month, decades with where in them,
    # one and a half, "snart N" closing an appositive, table cells
    ("Den eldste, hu Ronja, e fæmten og bur i fosterheim", "fæmten"),
    ("Han va sækstn da saka starta", "sækstn"),
    ("har budd på institusjon sidan ho va tolv.", "tolv"),
    ("«Han e bærre elleve år, han skjønne itj", "elleve år"),
    ("«Han var sytten første gang. Nå er det", "sytten"),
    ("Dag gruer seg, han blir 18 til sommeren", "18"),
    ("En far fortalte at Tobias ble tjue år i januar og går", "tjue år"),
    ("broren Minh, som er i midten av trettiårene, har bodd", "i midten av trettiårene"),
    ("«T.H. frå naustdal, i slutten av førtiåra, åleine»", "i slutten av førtiåra"),
    ("samboer til en i 40 åra, ville ikke si", "i 40 åra"),
    ("har lille Sol, halvannet år, som kom i fjor", "halvannet år"),
    ("samboeren har en datter på fire år i barnehagen.", "fire år"),
    ("men alle seier Zosia. Fyller 17 i mars. Har", "Fyller 17 i mars"),
    ("- Ronja frå Steinsdalen, snart 18. Har budd", "snart 18"),
    ("- jente 17 fra ilseng, bor hos mormor.", "17"),
    ("| Áilu G. | ungdom, selv i behandling | (16 år) |", "(16 år)"),
    ("| Sara H. | mor, fagarbeider | (38) |", "(38)"),
    # round 11: age and sex in a bracket, an age compared, two ages with "år" each
    ("1. RUNDE\n- mor (43/k) til barnet", "43"),
    ("lillebror Per, som er to år yngre enn Kari og bor hjemme.", "to år yngre"),
    # round 12: "knapt", the verb before its subject, a girl in dialect, an elided number,
    # a birthday's time after "fyller"
    ("har hatt han sidan han var knapt tre, sa ho", "knapt tre"),
    ("No er gutungen fjortan og går på skulen.", "fjortan"),
    ("har no ei lita tøs på to og eit halvt år.", "to og eit halvt år"),
    ("Ellevåringen satt i gangen og gråt.", "Ellevåringen"),
    ("den eldste, Kacper, fyller tolv rett etter påske, opplever", "tolv"),
]


@pytest.mark.parametrize("text,expected", POSITIVES)
def test_positive(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert spans(recognizer, text) == [expected]


def test_ages_joined_by_og(recognizer: AgeRecognizer) -> None:
    text = "Maria har to barn på 5 og 9 år."
    found = [text[r.start : r.end] for r in recognizer.analyze(text, entities=["AGE"])]
    assert found == ["5 og 9 år"]  # the children counted before them: one span for both


def test_two_ages(recognizer: AgeRecognizer) -> None:
    text = "Da Ola var elleve, var søstera 16-åring."
    assert spans(recognizer, text) == ["elleve", "16-åring"]


def test_strong_forms_score_higher(recognizer: AgeRecognizer) -> None:
    def score(text: str) -> float:
        (result,) = recognizer.analyze(text, entities=["AGE"], nlp_artifacts=None)
        return result.score

    assert score("16-åringen kom") > score("Hun var 16 år.") > score("Hun var 16.") >= 0.3


NEGATIVES = [
    "Vi har jobbet med dette i 20 år.",
    "Vi sa at han er 18 til slutt.",
    "Elevene i 3. klasse fikk besøk.",
    "Halvannet år senere kom hun.",
    "Rapporten, snart 300 sider, kom.",
    "De siste 20 årene har vi sett endring.",
    "Nå er ungdommene tretten på venteliste.",
    "Kari 14 dager senere kom svaret.",
    # a group or a count after "og er": no single person is the subject
    "Familien bor i Oslo og er 14 personer.",
    "Vi bor der og er 14.",
    # thresholds and ranges
    "Tilbudet gjelder barn over 18.",
    "Ungdom under 25 år får gratis hjelp.",
    "Fra 16 år kan man søke selv.",
    "Du kan få støtte opp til 23 år.",
    "Tilbud for ungdom mellom 16 og 18.",
    "18-årsgrensen er et problem for mange.",
    "Barnehage for barn 0–6 år.",
    "Det gjelder barn under 12.",
    "Ungdom 13–25 år kan delta.",
    "Tilbudet er for 16 år og eldre.",
    "Filmen er merket 18+.",
    "Rett fra fylte 16 år.",
    "Ettervern gis fram til de fyller 25 år.",
    "Dei har rett på hjelp til dei fyller 23.",
    "Hun var ikke over 18.",
    # rules for a role, not a person's age
    "Planleggingen skal starte senest når ungdommen er 16.",
    "Pleiepenger kan gis også etter at barnet har fylt 18.",
    "Overgangen burde planleggjast frå ungdommen er 16.",
    "Dersom pasienten er 16 år, kan han samtykke selv.",
    "Tilbudet gjelder til den unge fyller 23.",
    "Tilbudet gjelder alle 18-åringer.",
    "Vi lager tilbud til 16-åringer.",
    # durations
    "Hun jobbet der i fjorten år.",
    "Det skjedde for tre år siden.",
    "Vi sto to år på venteliste.",
    "Han jobbet i 20 år på fabrikken.",
    "Hun var to år på venteliste.",
    "Det er tre år siden hun flyttet.",
    "Det tok to år før hun fikk hjelp.",
    "Hun har vært 3 år i Norge.",
    "Han hadde 16 års erfaring fra feltet.",
    "Det var en treårig utdanning.",
    "De siste tiårene har mye endret seg.",
    "Hun skrev om 1990-årene.",
    # counts and other numbers
    "Vi var fem stykker i gruppa.",
    "Hun var to ganger innlagt.",
    "Hun er 1 av 3 som fikk hjelp.",
    "Klokka var 14.30 da de kom.",
    "Hun ble 3. i NM.",
    "Han var 100 prosent sikker.",
    "Han var en god far.",
    "De var tre søsken.",
    "Hun bar en sekk på 14 kilo.",
    "Det ble en ventetid på 3 år.",
    "Vi var på 3 møter med skolen.",
    "Det var på 2 av møtene at NAV kom.",
    "Hun var på 14 dager ferie.",
    "Hun var på 2 kurs i fjor.",
    "Rapporten, 3, ble lest høyt.",
    "Tilbudet gjelder barn mellom 6 og 12 år.",
    "Barna har fått 3 og 4 timer i uka.",
    "Han var typ glad for det.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(recognizer: AgeRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


HYPOTHESIS_RECOGNIZER = AgeRecognizer()
TOKENS = ["hun", "var", "16", "år", "gammel", "på", "gutten", "over", "i", "40-årene", "fjorten",
          "-åringen", ",", "(", ")", "og", "–", "."]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(TOKENS), max_size=14).map(" ".join),
        st.lists(st.sampled_from(TOKENS), max_size=14).map("".join),
    )
)
def test_any_text_spans_within_text(text: str) -> None:
    for result in HYPOTHESIS_RECOGNIZER.analyze(text, entities=["AGE"], nlp_artifacts=None):
        assert 0 <= result.start < result.end <= len(text)
        assert result.entity_type == "AGE"


# red-team round 13 (s01–s12, pii 1.9.0)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun ble innlagt da hun var 17 år og 3 mnd, etter flere uker.", "17 år og 3 mnd"),
        ("Han var to år og fem månader då dei flytta.", "to år og fem månader"),
        ("tvillingene på 6, og de tre minste, 2, 4 og 5 år.", "2, 4 og 5 år"),
        ("Co-leder: ingrid (selv ung pårørende, 19)", "19"),
    ],
)
def test_round_13_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        # counts after services, one of them a word a name list also holds ("Skole")
        "Representerte tjenester: barnevernet (3), BUP (1), familievernkontoret (1), skole (1)",
        "Hun har vært pårørende i 19 år.",
    ],
)
def test_round_13_not_ages(recognizer: AgeRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 14 (o01–o12, pii 1.10.0)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Då han var 22 månader, fekk dei endeleg ein diagnose.", "22 månader"),
        ("Sonen fyller 18 i mars.", "fyller 18 i mars"),  # still a birthday
    ],
)
def test_round_14_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Han var fire måneder på venteliste.",  # how long
        "Hun har hatt fire ulike kontaktpersoner på tre år.",  # how long, after a count
        "Dei har hatt sju ulike kontaktpersonar på fem år.",
        "• Bedre overgang når ungdom fyller 18.",  # a rule for anyone
        "- Ettervern også etter man fyller 18, ikke bare til over 18.",
    ],
)
def test_round_14_not_ages(recognizer: AgeRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 15 (k01–k12, pii 1.11.0): initials and a possessive before the age
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- M.H., 17, spiller håndball i Furuberget.", "17"),
        ("- o.j. (16) fra ottestad har følt seg isolert.", "16"),
        ("Sønnen hennes er seks og et halvt år, har Downs syndrom.", "seks og et halvt år"),
    ],
)
def test_round_15_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize("text", ["Boka hennes er 200 sider.", "Ønsket hennes er to ting."])
def test_round_15_not_ages(recognizer: AgeRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# an adult's age told roughly after an age verb (pii 1.11.0, round 15)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mor er over nitti og ble selv den som passet på.", "over nitti"),
        ("Far var godt over 80 da han døde.", "godt over 80"),
    ],
)
def test_an_adult_s_age_told_roughly(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Sønnen er over 18, så mor får ikke vite noe.",  # the law's age of majority
        "Når ungdommen er over 18, gjelder andre regler.",
        "Planen var tre måneder.",  # months after a thing, not a person
    ],
)
def test_thresholds_and_durations_told_with_over_or_months(
    recognizer: AgeRecognizer, text: str
) -> None:
    assert spans(recognizer, text) == []


# red-team round 16 (j01–j12, pii 1.12.0)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mohammed (محمد), 16, er registrert som Muhammad.", "16"),  # after a name in its script
        ("Hun har vært mammas tolk siden hun var ti: hos fastlegen og på NAV.", "ti"),
        ("«Jeg skulle ha et rom før hun fylte åtte.» – fostermor", "åtte"),
        ("Han ruset seg fra han var 17 til han var rundt 35.", "rundt 35"),
    ],
)
def test_round_16_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


def test_round_18_a_count_of_weekends_after_a_name_is_no_age(recognizer: AgeRecognizer) -> None:
    assert spans(recognizer, "Avlastningsboligen har gitt Halima to helger i måneden.") == []


# red-team round 19 (f01–f12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Dag Ivar Nystad, fisker fra Sandhornøya, snart 60: broren har psykose.", "snart 60"),
        ("Ahmad har en bror, Karim, på 29 år som bor alene.", "29 år"),
        ("«Je e sytti-ni år. Je kan itte køyre te byen.»", "sytti-ni år"),
    ],
)
def test_round_19_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Etter møtet, i Bodø, på tre år har tilbudet vokst.",  # no person between the commas
        "Punkt to: snart 60 prosent av plassene er borte.",
    ],
)
def test_round_19_not_ages(recognizer: AgeRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 20 (e01–e12): ages in youth's and dialect quotes
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sol går i 9B og er «15 snart», som hun sa selv.", "15 snart"),
        ("Selam, «ho på fjorten som alltid er sliten», passer søsknene.", "fjorten"),
        ("Han kom hit som tiåring og er «syttan i haust».", "syttan"),
        ("«Han va jo bærre tolv sjøl.»", "tolv"),
        ("Sol er «femten te sommern».", "femten"),
        ("Jeg har to barn, Storm som er tolv og Lykke som er sju nei åtte nå.", "sju"),
    ],
)
def test_round_20_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


def test_round_20_a_pronoun_on_a_span_of_years_is_no_age(recognizer: AgeRecognizer) -> None:
    text = "Faren sa at han på to år har hatt fem ulike kontaktpersoner."
    assert spans(recognizer, text) == []


# red-team round 21 (d01–d12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mor til T fortalte at sønnen fyller atten tredje juledag.", "atten"),
        ("Gutten, Kuba, var fem da han kom og er nå elleve.", "elleve"),
        ("Hun ble åtte 9. januar og synes det er urettferdig.", "åtte"),
        ("Storm begynte med hasj da han var femten komma så amfetamin", "femten"),
    ],
)
def test_round_21_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


def test_round_21_a_count_after_a_group_is_no_age(recognizer: AgeRecognizer) -> None:
    assert spans(recognizer, "Tilbudet gjelder alle og er 18 plasser.") == []


# red-team round 24 (a01–a12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mormor tok over et barnebarn på seks måneder uten hjelp.", "seks måneder"),
        ("De fikk en baby på 4 måneder i fosterhjem.", "4 måneder"),
        ("Hun kom i bursdagen til fireåringene 26.12. i fjor.", "fireåringene"),
        ("heilt til han fylte atten fjortande i femte to tusen og tjueto", "atten"),
    ],
)
def test_round_24_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text", ["Hun fikk en kontrakt på seks måneder.", "Det er et tilbud til 16-åringer."]
)
def test_round_24_not_ages(recognizer: AgeRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 25 (m01–m12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mor 1 er 46 år og har to barn.", "46 år"),
        ("Han sa at datteren, Ungdom 3, var tolv da han ble innlagt.", "tolv"),
        ("- Muhammad (far til Yasin, som er fjorten) har ventet på svar.", "fjorten"),
        ("Sara (hu e 15) starta kvelden så sterkt!!", "15"),
        ("Sak 3: Tvillinger, elleve år, Sol og Storm.", "elleve år"),
        ("Farmor til tvillingene (ni år) har hatt dem.", "ni år"),
    ],
)
def test_round_25_ages(recognizer: AgeRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Deltakere (4): Mor 1, Far 2, Ungdom 3, Mor 4",
        "Fagpersoner (5): Fagperson A (DPS), Fagperson B",
        "Han har vore fosterfar i snart tjue år saman med kona.",
    ],
)
def test_round_25_not_ages(recognizer: AgeRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# red-team round 26 (i01–i12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tre søsken hos dei: Ola 7, Kari 9 og vesle Per 2. Ola heiter Mini-Ola.", ["7", "9", "2"]),
        ("Brørne hennar, Yonas 12 og Dawit 15, bur i ein fosterheim.", ["12", "15"]),
        ("Ho var bere åtte år fyrste gongen ho måtte ringe.", ["åtte år"]),
    ],
)
def test_round_26_ages(recognizer: AgeRecognizer, text: str, expected: list[str]) -> None:
    assert all(age in spans(recognizer, text) for age in expected)


def test_round_26_numbers_after_rooms_and_places_are_no_ages(recognizer: AgeRecognizer) -> None:
    assert spans(recognizer, "Rom 3 og Rom 4 var opptatt. Oslo 3 og Bergen 2.") == []
