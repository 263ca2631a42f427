"""ORGANIZATION: named schools and kindergartens, local units with a place, institutions, NER."""

from __future__ import annotations

import pytest

from nlp.pii.recognizers.organization import OrganizationRecognizer

REC = OrganizationRecognizer()


def orgs(make_doc, text: str, ents=None) -> set[str]:
    doc = make_doc(text, ents)
    return {doc.text[r.start : r.end] for r in REC.find(doc)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gutten går på Haugerud skole.", "Haugerud skole"),
        ("Mentorordningen på Fjell u-skole hjalp.", "Fjell u-skole"),
        ("Hun gikk på Tusenfryd bhg i tre år.", "Tusenfryd bhg"),
        ("Hun begynte i Solsikken barnehage i fjor.", "Solsikken barnehage"),
        ("Vi fikk time hos BUP Gjøvik etter åtte måneder.", "BUP Gjøvik"),
        ("Han ble henvist til DPS Aust-Agder.", "DPS Aust-Agder"),
        ("Hun var innlagt på Borgestadklinikken i tolv uker.", "Borgestadklinikken"),
        ("Han ble skrevet ut fra Fjellheim behandlingssenter.", "Fjellheim behandlingssenter"),
        ("Han jobber i Bakeriet Nord AS.", "Bakeriet Nord AS"),
        ("Eleven går på Kuben videregående skole.", "Kuben videregående skole"),
        ("Saken ble sendt til barnevernet i Skien.", "barnevernet i Skien"),
        ("Da barneverntjenesten i Lier overtok omsorgen", "barneverntjenesten i Lier"),
        ("Fpers frå bvtj Ulstein fortalde om ny lov.", "bvtj Ulstein"),
        ("kontaktlæraren på hovdebygda ungdomsskule sende han vidare", "hovdebygda ungdomsskule"),
        ("no går ho på volda vidaregåande", "volda vidaregåande"),
        ("saksbehandleren fra barnevernet i bærum var ærlig", "barnevernet i bærum"),
        ("siv sender notatet til nav bærum og kommunen", "nav bærum"),
        ("Vår fortalte at FACT Stange kom hjem til dem.", "FACT Stange"),
        # a sports club, a hospital's short name where someone works or was admitted
        ("Ho spelar handball i Førde IL og trivst.", "Førde IL"),
        ("Hun jobber kveld som renholder på UNN.", "UNN"),
        ("kona hans ble innlagt på sus i februar", "sus"),
        ("Kristoffer Lund er fagperson, Nittedal barneverntjeneste.", "Nittedal barneverntjeneste"),
        # an employer typed in lower case with its place last
        ("far jobbar skift på felleskjøpet klepp og søv lite", "felleskjøpet klepp"),
        ("mor jobber deltid på coop extra voss", "coop extra voss"),
        (
            "Aleksandra jobbar natt som reinhaldar på Førde sentralsjukehus og",
            "Førde sentralsjukehus",
        ),
        ("- Stadig nye vaksne på Solbakken avlastingsbustad.", "Solbakken avlastingsbustad"),
        ("Even vart innlagd på Psykiatrisk klinikk Førde natt til", "Psykiatrisk klinikk Førde"),
        ("ingen bolig. han var innlagt på sanderud vinteren etterpå", "sanderud"),
        ("har hatt hjelpetiltak fra BV Stange i flere år", "BV Stange"),
        ("og spelar kornett i Fjærland skulemusikklag. Mor jobbar", "Fjærland skulemusikklag"),
        ("en sønn på 23 som sitter i varetekt på Ringerike fengsel.", "Ringerike fengsel"),
        ("miljøterapeut på Solbakken barne- og ungdomshjem", "Solbakken barne- og ungdomshjem"),
        # round 10: wards, clubs with a team, units after a place or with "i", group homes,
        # employers after "går turnus" or a role
        ("Han ble lagt inn på post 3 på Lovisenberg første gang.", "post 3 på Lovisenberg"),
        ("Han spelar handball på Kvam IL J17 og trenar.", "Kvam IL J17"),
        ("Er med i Tørvikbygd skyttarlag og trenar.", "Tørvikbygd skyttarlag"),
        ("Saksbehandleren i Nord-Fron barnevern sluttet.", "Nord-Fron barnevern"),
        ("Avsnittet om Habiliteringstenesta i Førde er fint.", "Habiliteringstenesta i Førde"),
        ("Minh har bodd på Solhaug bofellesskap i fem år.", "Solhaug bofellesskap"),
        ("Faren går turnus i Posten og fikk ikke fri.", "Posten"),
        ("| Sara H. | mor, fagarbeider på Varanger Kraft | (38) |", "Varanger Kraft"),
        # round 11: short school words, health centres, national bodies' local units, lower
        # case institutions and outreach teams
        ("Gutten går i forst. avd. Hanstad u.skole.", "Hanstad u.skole"),
        ("fastlegen, dr. Okonkwo at Mjøndalen legesenter, ringer", "Mjøndalen legesenter"),
        ("Hun ble skrevet ut fra Blå Kors Eina en fredag.", "Blå Kors Eina"),
        ("etter det har lærerne på bredtvet vgs sett på han", "bredtvet vgs"),
        ("broren ligger nå på skjelbreia behandlingssenter", "skjelbreia behandlingssenter"),
        ("god kontakt med utekontakten stovner, de tok han med", "utekontakten stovner"),
        # round 12: farms, North Sámi schools, SANKS with its place
        ("en erfaringskonsulent på Lia gård, Sol, var den", "Lia gård"),
        ("går andre året på Sámi joatkkaskuvla.", "Sámi joatkkaskuvla"),
        ("Ei av jentene låg inne på SANKS Lakselv i fjor.", "SANKS Lakselv"),
    ],
)
def test_finds_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Helsesykepleier på Ajer ungdomsskole tok kontakt samme uke.", "Ajer ungdomsskole"),
        ("Rektor på Sagatun skole ringte mor.", "Sagatun skole"),
        ("- Assistenten i Åsen barnehage var trygg og rolig.", "Åsen barnehage"),
        ("Miljøterapeuten på Fjellheim behandlingssenter ringte.", "Fjellheim behandlingssenter"),
    ],
)
def test_a_role_before_an_institution_is_not_part_of_it(make_doc, text: str, expected: str) -> None:
    found = orgs(make_doc, text)
    assert expected in found
    assert all(not f.startswith(text.lstrip("- ").split()[0]) for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Vi ringte BUP, DPS og NAV samme dag.",
        "Barnevernet kom på hjemmebesøk.",
        "Helsestasjonen og fastlegen samarbeidet godt.",
        "En skole bør ha en plan for dette.",
        "Pårørendeskolen var nyttig for mange.",
        "Voksne for Barn arrangerer ROM.",
        "Statsforvalteren og Bufdir ble nevnt som klageinstanser.",
        "han byrja på ny skule i haust, ein vanleg skule",
        "dei ønskjer seg ein annan barnehage",
        "mor jobber i kommunen og far på kjøkkenet",
        "han jobber på butikken i helgene",
        "hun var innlagt på sykehuset og på dps i tre uker",
        "Hun er sykepleier på Legevakten og saksbehandler på NAV.",
    ],
)
def test_generic_services_are_not_flagged(make_doc, text: str) -> None:
    assert orgs(make_doc, text) == set()


def test_ner_org_is_kept_but_generic_names_are_dropped(make_doc) -> None:
    text = "Han fikk jobb i Equinor etter at NAV hjalp ham."
    found = orgs(make_doc, text, [("Equinor", "ORG"), ("NAV", "ORG")])
    assert found == {"Equinor"}


def test_an_eponym_before_a_diagnosis_is_no_institution(make_doc) -> None:
    text = "Datteren har Downs syndrom og går i barnehage."
    assert orgs(make_doc, text, [("Downs", "ORG")]) == set()


def test_a_model_span_ends_where_its_sentence_ends(make_doc) -> None:
    text = "Han jobber på Peppes på Torvbyen. Treneren har ikke spurt."
    found = orgs(make_doc, text, [("Torvbyen. Treneren", "ORG")])
    assert "Torvbyen" in found
    assert not any("Treneren" in f for f in found)


# red-team round 13 (s01–s12, pii 1.9.0): any service unit named by its place, a municipality
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Innledning fra en ruskonsulent i rustjenesten i Ringsaker, T.B.",
            "rustjenesten i Ringsaker",
        ),
        ("Han var innlagt på Ruspoliklinikken i Kirkenes i fjor.", "Ruspoliklinikken i Kirkenes"),
        ("Pårørendekoordinator\nPsykisk helse og rus, Stange kommune\n", "Stange kommune"),
    ],
)
def test_round_13_services_in_their_place(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Helsetjenesten i Norge er god.", []),
        ("P.S. Kollegaen min har brosjyrer.", [("P.S. Kollegaen", "ORG")]),  # a postscript
    ],
)
def test_round_13_not_institutions(make_doc, text: str, ents) -> None:
    assert orgs(make_doc, text, ents) == set()


# red-team round 14 (o01–o12, pii 1.10.0)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tjenester: NAV, rusteamet i Vestre Toten, DPS", "rusteamet i Vestre Toten"),
        ("Det som hjalp var Fyrlykta fritidsklubb.", "Fyrlykta fritidsklubb"),
        ("To av dem hadde bodd på Lyngbakken ungdomsbolig.", "Lyngbakken ungdomsbolig"),
    ],
)
def test_round_14_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


# red-team round 15 (k01–k12, pii 1.11.0)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hansen, Kari (Bydel Alna) holdt innledningen.", "Bydel Alna"),
        ("Hun er koordinator i koordinerende enhet i Bærum.", "koordinerende enhet i Bærum"),
        ("- Hjemmetjenesten Ottestad har innført fast primærkontakt.", "Hjemmetjenesten Ottestad"),
        ("Han har vært innlagt på Salten DPS to ganger.", "Salten DPS"),
        ("Hun flyttet til sykehjem, på skjermet avdeling Blåklokka.", "avdeling Blåklokka"),
    ],
)
def test_round_15_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Norges idrettsforbund bør ta et ansvar.", [("Norges idrettsforbund", "ORG")]),
        ("- Helsepersonellova seier at barn har rett.", [("Helsepersonellova", "ORG")]),
    ],
)
def test_round_15_not_institutions(make_doc, text: str, ents) -> None:
    assert orgs(make_doc, text, ents) == set()


# red-team round 16 (j01–j12, pii 1.12.0)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bashir Ahmadi, rådgiver i Søndre Land barneverntjeneste, fortalte.", "Søndre Land"),
        ("- Solund psykisk helseteneste kom heim til familien.", "Solund psykisk helseteneste"),
        (
            "Han var erfaringskonsulent i Stange kommunes rustjeneste.",
            "Stange kommunes rustjeneste",
        ),
        (
            "- Anne-Lise Dal (fysioterapeut, Barnehabiliteringen Gjøvik)",
            "Barnehabiliteringen Gjøvik",
        ),
        ("Han ble sendt rett til Havnelyset hospits i Storgata.", "Havnelyset hospits"),
        ("Jente, 14 år, bor i Dokka. Går på Dokka ungdomsskole.", "Dokka ungdomsskole"),
    ],
)
def test_round_16_institutions(make_doc, text: str, expected: str) -> None:
    found = orgs(make_doc, text)
    assert any(expected in org for org in found), found
    assert not any(". " in org for org in found)  # never across a sentence's end


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Eir, sykepleier ved DPS-poliklinikken, snakket.", []),  # an acronym's generic unit
        (
            "Notatet går til Voksne for Barn innen jul. Medlederen undersøker.",
            [("Voksne for Barn innen jul. Medlederen", "ORG")],
        ),
        ("- Norsk Epilepsiforbund har likepersoner.", [("Norsk Epilepsiforbund", "ORG")]),
    ],
)
def test_round_16_not_institutions(make_doc, text: str, ents) -> None:
    assert orgs(make_doc, text, ents) == set()


# red-team round 17 (h01–h12, pii 1.13.0)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Etter to uker ble Dag flyttet til post Ask.", "post Ask"),  # a ward named by a word
        ("Saksbehandler Berg fra meråker barnevern har jobbet lenge.", "meråker barnevern"),
        ("Ho som driv Joker Gaupne, Berit, veit kven gutane er.", "Joker Gaupne"),
        ("Han har avlastning på Dalsveien avlastning annenhver helg.", "Dalsveien avlastning"),
        ("Kontaktlæraren på Hafslo barneskule fekk vite det.", "Hafslo barneskule"),
        ("Søknaden lå hos Hjelpemiddelsentralen Innlandet i fire uker.", "Innlandet"),
    ],
)
def test_round_17_institutions(make_doc, text: str, expected: str) -> None:
    found = orgs(make_doc, text)
    assert any(expected in org for org in found), found


@pytest.mark.parametrize(
    "text",
    [
        "- Mer avlastning i ferier, og faste avlastere.",
        "- Foreningen for Muskelsyke har likepersoner.",
    ],
)
def test_round_17_not_institutions(make_doc, text: str) -> None:
    assert not any(w in org for org in orgs(make_doc, text) for w in ("Mer", "Muskelsyke"))


# red-team round 18 (g01–g06, pii 1.14.0): verbs before "skule" are no school names
@pytest.mark.parametrize(
    "text",
    ["Eit overgangsmøte når eit fosterbarn byter skule eller barnehage.", "Han begynner skole."],
)
def test_round_18_verbs_before_school(make_doc, text: str) -> None:
    assert orgs(make_doc, text) == set()


# red-team round 19 (f01–f12): a place that is also a word names a school where the school is
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("På fjell ungdomsskole spurte ingen hvorfor han sov.", "fjell ungdomsskole"),
        ("Ho har gått på jar skole sidan august.", "jar skole"),
        ("Han går på bredtvet vgs.", "bredtvet vgs"),
    ],
)
def test_round_19_lower_case_schools(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


@pytest.mark.parametrize(
    "text",
    [
        "Han fikk plass på ny skole etter jul.",
        "Dei gjekk på same skule, men fjell skule var stengd.",  # no preposition before "fjell"
        "Det var godt å komme til samme barnehage.",
    ],
)
def test_round_19_words_before_a_school_are_no_names(make_doc, text: str) -> None:
    assert orgs(make_doc, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Kvalvær Sjømat lot sonen jobbe halv dag i tre uker.", "Kvalvær Sjømat"),
        ("Ho og mannen driv Bleie Frukt og Sider saman.", "Bleie Frukt og Sider"),
        ("Eirik er maskinist på MF Herand.", "MF Herand"),
    ],
)
def test_round_19_local_businesses(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


def test_a_trade_after_an_ordinary_word_is_no_business(make_doc) -> None:
    assert orgs(make_doc, "Vi kjøpte Fersk Fisk på torget.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ask fra utekontakten i Lier fortalte om kveldene.", "utekontakten i Lier"),
        ("Saken ble prøvd i tingretten i Levanger.", "tingretten i Levanger"),
        (
            "- Päivi – fysioterapeut – Habiliteringstjenesten for barn og unge i Hammerfest",
            "Habiliteringstjenesten for barn og unge i Hammerfest",
        ),
        ("Camilla Vik (FACT-teamet Nord-Karmøy) kom.", "FACT-teamet Nord-Karmøy"),
        ("Og avlastningsbustaden på Sjoa har plass.", "avlastningsbustaden på Sjoa"),
    ],
)
def test_round_19_units_in_their_place(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


def test_a_unit_in_a_street_leaves_the_address_to_its_recognizer(make_doc) -> None:
    text = "- Avlastningsboligen i Solbakkveien 7, 1341 Slependen tar imot besøk."
    assert not any("Solbakkveien" in org for org in orgs(make_doc, text))


# red-team round 20 (e01–e12): named groups, boats, teams and units named by two services
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kuba spiller bass i bandet Rustfri.", "Rustfri"),
        ("Selam syng i kyrkjekoret Vårsong kvar veke.", "Vårsong"),
        ("UL Fjellrosa har ein fast torsdagsklubb.", "UL Fjellrosa"),
        ("Han er mannskap på sjarken Nordbris.", "Nordbris"),
        ("Det er håndballen på Storhamar J15 som holder henne oppe.", "Storhamar J15"),
        (
            "Dilan, sykepleier i psykisk helse- og rustjenesten i Lier, snakket.",
            "psykisk helse- og rustjenesten i Lier",
        ),
        ("| Pårørendekafeen på Strømsø | siste onsdag |", "Pårørendekafeen på Strømsø"),
        (
            "Lykke går på Kvannhagen aktivitetssenter fire dagar i veka.",
            "Kvannhagen aktivitetssenter",
        ),
    ],
)
def test_round_20_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("18.05 Runden\n- Navn og hvorfor man kom.", [("Runden", "ORG")]),
        ("Hun holdt innlegget «Barnets beste i praksis».", [("Barnets", "ORG")]),
    ],
)
def test_round_20_a_word_opening_a_line_or_title_is_no_institution(
    make_doc, text: str, ents
) -> None:
    assert orgs(make_doc, text, ents) == set()


# red-team round 21 (d01–d12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Avlastningsboligen Solstua lar barna ta med egne ting.", "Avlastningsboligen Solstua"),
        ("Eirs barnehage, Kløverenga, har vært et trygt sted.", "Kløverenga"),
        (
            "Representerte tjenester: barneverntjenesten i bydel Alna, Bufetat.",
            "barneverntjenesten i bydel Alna",
        ),
        ("Hun er spesialspl. i ACT-team Bergen sentrum.", "ACT-team Bergen sentrum"),
        ("Han jobber turnus på Valdres lokalmedisinske senter.", "Valdres lokalmedisinske senter"),
        ("Jeg jobber annenhver uke for Nordlys Catering AB.", "Nordlys Catering AB"),
        ("Kvinnegruppa i Masjid Al-Furqan har hatt infomøte.", "Masjid Al-Furqan"),
    ],
)
def test_round_21_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


# red-team round 22 (c01–c12): places and institutions by their facility
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dag soner nå på Ringerike fengsel, avdeling C, og kan søke.",
            "Ringerike fengsel, avdeling C",
        ),
        ("Han tek ferja frå Hjelmevik ferjekai kvar morgon.", "Hjelmevik ferjekai"),
        ("Det er vanskeleg å kome seg på trening på Bakkebø kunstgras.", "Bakkebø kunstgras"),
        ("Faren var innlagd på Eidsbotn psykiatrisenter frå 12/6.", "Eidsbotn psykiatrisenter"),
    ],
)
def test_round_22_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Han har plass i jollegruppa i Vågsbygd Seilforening.", "Vågsbygd Seilforening"),
        (
            "Liv mistar plassen på Solbakken avlastningsbustad frå 1.8.",
            "Solbakken avlastningsbustad",
        ),
    ],
)
def test_round_23_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


# red-team round 24 (a01–a12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ho ringde bup førde mange gonger", "bup førde"),
        ("ho var innlagd på solli dps frå mars", "solli dps"),
        ("ask har lærlingplass på Førde Bil no", "Førde Bil"),
        ("trude frå nordfjord psykiatrisenter fortalde", "nordfjord psykiatrisenter"),
    ],
)
def test_round_24_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


def test_round_24_a_word_after_a_unit_and_a_preposition_is_no_place(make_doc) -> None:
    assert orgs(make_doc, "barnevernet i vik sa nei, og nav sa ja") == set()


@pytest.mark.parametrize(
    "text",
    [
        "- Fosterheimen har skrive til tenesta tre gonger.",
        "- Meir avlasting. Familien har hatt éi avlastingshelg.",
    ],
)
def test_round_24_ordinary_words_opening_a_bullet(make_doc, text: str) -> None:
    assert orgs(make_doc, text) == set()


# red-team round 25 (m01–m12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hun gikk på International School of Stavanger til hun var 15.",
            "International School of Stavanger",
        ),
        ("Mor fortalte om overgangen til Nordlande ungdomskole i høst.", "Nordlande ungdomskole"),
    ],
)
def test_round_25_institutions(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)


# red-team round 26 (i01–i12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Han lå tre uker på Barneklinikken, post 3, Haukeland, i 2019.",
            "Barneklinikken, post 3, Haukeland",
        ),
        (
            "Overlege fra Barnenevrologisk poliklinikk, Haukeland, fortalte.",
            "Barnenevrologisk poliklinikk, Haukeland",
        ),
        ("Etter innleggelsen på BUP-klinikken, Haukeland, i januar.", "BUP-klinikken, Haukeland"),
    ],
)
def test_round_26_a_hospital_s_department(make_doc, text: str, expected: str) -> None:
    assert expected in orgs(make_doc, text)
