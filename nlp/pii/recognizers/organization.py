"""ORGANIZATION: named institutions that narrow down who someone is.

NER ORG / GPE_ORG spans, plus patterns: named schools and kindergartens ("Haugerud skole",
"Solsikken barnehage", also typed in lower case: "hovdebygda ungdomsskule"), local units with a
place ("BUP Gjøvik", "DPS Aust-Agder", "barnevernet i Skien", "bvtj Ulstein", "nav bærum"),
named treatment centres and respite homes ("Borgestadklinikken", "Sykehuset Innlandet",
"Solbakken avlastingsbustad"), companies ("Bakeriet AS") and employers, also typed in lower case
with their place ("jobbar skift på felleskjøpet klepp"); since pii 1.8.0 also hospital wards
("post 3 på Lovisenberg"), group homes, farms and health centres ("Solhaug bofellesskap", "Lia
gård", "Mjøndalen legesenter"), North Sámi schools, clubs and their teams ("Kvam IL J17",
"Tørvikbygd skyttarlag"), national bodies' local units ("Blå Kors Eina", "SANKS Lakselv",
"Nord-Fron barnevern", "Habiliteringstenesta i Førde"), and the employer after "går turnus i"
or a role ("fagarbeider på Varanger Kraft"); since pii 1.9.0 any service unit named by its
place and a municipality as an employer ("rustjenesten i Ringsaker", "Stange kommune"), not a
postscript the model took for a name ("P.S. Kollegaen"); since pii 1.11.0 a service before
its place without "i" ("Bydel Alna", "Hjemmetjenesten Ottestad"), "Salten DPS", a ward's own
name ("avdeling Blåklokka"), not a law ("Helsepersonellova"); since pii 1.13.0 a grocery chain's
shop by its place ("Joker Gaupne"), a lower-case unit after its place ("meråker barnevern"),
respite homes, clubs and associations after a name ("Dalsveien avlastning", "Bardufoss
veteranforening"). Generic services and public bodies in
data/pii/allowlist.yaml are never flagged.
"""

from __future__ import annotations

import re
from itertools import chain

from presidio_analyzer import RecognizerResult
from spacy.tokens import Doc

from nlp.pii.doc_view import doc_text
from nlp.pii.lexicon import (
    EPONYM_NOUNS,
    NEVER_NAMES,
    is_acronym_compound,
    is_allowed,
    is_common_word,
    is_first_name,
    is_law,
    is_ordinary_word,
    is_place,
    is_role_noun,
    is_surname,
)
from nlp.pii.recognizers.spacy_base import (
    DocRecognizer,
    is_sentence_start,
    ner_spans,
)

NER_LABELS = {"ORG", "GPE_ORG"}
# a capitalised word, or a short abbreviation ("St. Olavs"); a full stop ends a longer word's
# sentence ("… i Dokka. Går på Dokka ungdomsskole" is no school named "Dokka. Går på Dokka")
_NAME = r"(?:[A-ZÆØÅ][a-zæøåA-ZÆØÅ]{0,2}\.|[A-ZÆØÅ](?:[\wæøåÆØÅ'’-]|\.(?=[\wæøåÆØÅ]))*)"
_NAMES = rf"{_NAME}(?:[ \t]+(?:{_NAME}|og|i|på|for))*?"
SCHOOL = re.compile(
    rf"\b{_NAMES}[ \t]+(?:barne-[ \t]+og[ \t]+ungdomsskole|barneskole|ungdomsskole|ungdomsskule|"
    # as they are often misspelt ("Nordlande ungdomskole")
    r"ungdomskole|ungdomskule|barneskule|"
    r"videregående(?:[ \t]+skole)?|vidaregåande(?:[ \t]+skule)?|skole|skule|friskole|barnehage|"
    r"barnehagen|naturbarnehage|SFO|AKS|folkehøgskole|oppvekstsenter|barnehjem|"
    r"behandlingssenter|rehabiliteringssenter|aktivitetssenter|psykiatrisenter|"
    r"avlastningsbustad|"
    r"lokalmedisinske[ \t]+senter|ferjekai|ferjekaien|kunstgras|kunstgraset|grendehus|"
    r"samfunnshus|bedehus|idrettsplass|idrettsplassen|stadion|"
    r"senter|klinikk|sykehus|sjukehus|institusjon|"
    r"fengsel|sentralsykehus|sentralsjukehus|avlastningsbolig|avlastingsbustad|avlastningshjem|"
    r"avlastingsheim|barne-[ \t]+og[ \t]+ungdomshjem|barne-[ \t]+og[ \t]+ungdomsheim|"
    r"vgs|VGS|vgs\.|u-skole|u-skule|b-skole|b-skule|u\.skole|u\.skule|b\.skole|b\.skule|bhg|bhg\.|"
    r"legesenter|legekontor|helsesenter|gård|gard|"
    # North Sámi: school, upper secondary, lower secondary, kindergarten
    r"skuvla|joatkkaskuvla|nuoraidskuvla|mánáidgárdi|"
    r"hospital|Hospital|sjukeheim|sykehjem|omsorgssenter|"
    r"ungdomshjem|ungdomsheim|omsorgssenter|bo- og behandlingssenter|behandlingshjem|"
    r"bofellesskap|bufellesskap|omsorgsbolig|omsorgsbustad|dagsenter|arbeidssenter|"
    r"fritidsklubb|ungdomsklubb|ungdomsbolig|ungdomsbustad|barnebolig|barnebustad|hospits|"
    r"barneskule|avlastning|avlasting|rusbehandling|handball|håndball|fotball|veteranforening)\b"
)
COMPOUND_INSTITUTION = re.compile(
    r"\b[A-ZÆØÅ][\wæøå-]{2,}?(skolen|skulen|barnehagen|klinikken|klinikk|senteret|senter|"
    r"sykehus|sykehuset|sjukehus|sjukehuset|hjemmet|heimen|tunet|gården|garden|stiftelsen|"
    r"institusjonen|behandlingssenter|ungdomshjem|avdelingen)\b"
)
# a hospital's department with the hospital after a comma ("Barneklinikken, post 3, Haukeland",
# "Barnenevrologisk poliklinikk, Haukeland", "BUP-klinikken, Haukeland")
DEPARTMENT_AT = re.compile(
    r"\b[A-ZÆØÅ][\wæøå-]*?(?:[ \t]+[a-zæøå]+?)?"
    r"(?:klinikken|klinikk|poliklinikken|poliklinikk|avdelingen|avdeling|senteret)"
    r"(?:,[ \t]+post[ \t]+[0-9]{1,2}[A-Za-z]?)?,[ \t]+(?P<hospital>[A-ZÆØÅ][\wæøå-]+)\b"
)
# a school named in English ("International School of Stavanger", "British International
# School")
ENGLISH_SCHOOL = re.compile(
    r"\b(?:[A-Z][a-z]+[ \t]+){1,3}School(?:[ \t]+of[ \t]+[A-ZÆØÅ][\wæøå-]+)?\b"
)
UNIT_WITH_PLACE = re.compile(
    r"\b(?:BUP|DPS|PPT|NAV|Nav|VO|ABUP|BUPA|FACT|F-ACT|ACT-team|FACT-team|ACT|BV|Barnevernet|barnevernet|"
    r"[Bb]arnevernt?s?tj?enest(?:en|a)|[Bb]vtj\.?|[Bb]arnevernvakt(?:en|a)|Helsestasjonen|helsestasjonen|Legevakten|legevakten|legevakta|"
    r"Familievernkontoret|familievernkontoret|[Hh]abiliteringstjenesten|[Hh]abiliteringstenesta|"
    r"[Hh]abiliteringstenesten|[Hh]abiliteringa|[Hh]abiliteringen|"
    r"Sykehuset|Sjukehuset|sykehuset|sjukehuset|Ungdomsklinikken|Akuttpsykiatrisk|"
    r"Psykiatrisk[ \t]+(?:senter|klinikk|poliklinikk|avdeling)|Kommunen|kommunen|Rusteamet|"
    r"rusteamet|Tjenestekontoret|Blå[ \t]Kors|Tyrili|Kirkens[ \t]Bymisjon|Frelsesarmeen|SANKS)"
    r"(?:[ \t]+(?:i|på|for))?[ \t]+(?:[A-ZÆØÅ][\wæøå]*(?:-[A-ZÆØÅ]?[\wæøå]+)*)"
    r"(?:[ \t]+(?:og|i)[ \t]+[A-ZÆØÅ][\wæøå-]+)?"
    r"(?:[ \t]+(?:sentrum|nord|sør|øst|vest)\b)?"  # "ACT-team Bergen sentrum"
)
_EMPLOYED = (
    r"\b(?:jobb(?:en)?|jobber|jobbar|jobbet|jobba|arbeider|arbeidar|jobben sin|deltidsjobb|"
    r"går[ \t]+(?:turnus|skift|nattskift)|gjekk[ \t]+(?:turnus|skift)|gikk[ \t]+(?:turnus|skift)|"
    r"sommerjobb|sommarjobb|ekstrajobb|deltidsstilling|ansatt|tilsett|lærling|"
    r"lærlingplass|lærlingeplass|læreplass|lærlingplassen|læreplassen|praksisplass|"
    r"praksisplassen|arbeidstrening|arbeidspraksis)"
    r"(?:[ \t]+(?:sin|si|sitt|skift|turnus|deltid|fulltid|natt|helg|ekstra))?"
    r"(?:[ \t]+som[ \t]+[^\W\d_]+)?"  # "jobbar natt som reinhaldar på …"
    r"[ \t]+(?:på|i|hos|ved)[ \t]+"
)
EMPLOYER = re.compile(
    _EMPLOYED + r"(?P<name>[A-ZÆØÅ][\wæøå'’.&-]*(?:[ \t]+(?:[A-ZÆØÅ0-9][\wæøå'’.&-]*))*)"
)
# an employer typed in lower case with its place last ("jobbar skift på felleskjøpet klepp")
LOWER_EMPLOYER = re.compile(
    _EMPLOYED + r"(?P<name>[a-zæøå][\wæøå'’&-]*(?:[ \t]+[a-zæøå][\wæøå'’&-]*){0,2})"
    r"[ \t]+(?P<place>[a-zæøå][a-zæøå-]{3,})\b"
)
# a school typed in lower case ("hovdebygda ungdomsskule"): the name must be no ordinary word
LOWER_SCHOOL = re.compile(
    r"(?:\b(?P<at>(?i:på|ved|til|fra|frå))[ \t]+)?"
    r"\b(?P<name>[a-zæøå][a-zæøå-]{2,})[ \t]+(?:barneskole|barneskule|ungdomsskole|ungdomsskule|"
    r"skole|skule|videregående|vidaregåande|vgs|barnehage|bhg|behandlingssenter|klinikken|"
    r"klinikk|bofellesskap|bufellesskap|psykiatrisenter|psykiatrisenteret|rusklinikk|"
    r"behandlingsheim|behandlingshjem)\b"
)
# a local unit typed in lower case with its place ("barnevernet i bærum", "nav bærum")
LOWER_UNIT = re.compile(
    r"\b(?:bup|dps|nav|ppt|bvtj|bv|bydel|barnevernet|barnevernt?s?tj?enest(?:en|a)|utekontakten"
    r"|utekontakt)"
    r"(?:[ \t]+(?:i|på))?"
    r"[ \t]+(?P<place>[a-zæøå][a-zæøå-]{2,})\b"
)
# a local unit after its place, both typed in lower case ("meråker barnevern", "os bup")
LOWER_PLACE_UNIT = re.compile(
    r"\b(?P<place>[a-zæøå][a-zæøå-]{1,})[ \t]+"
    r"(?:barnevern|barnevernet|barnevernt?s?tj?enest(?:en|a)?|bv|bvtj|bup|dps|ppt|kommune)\b"
)
# where someone was admitted, typed in lower case ("han var innlagt på sanderud"): a word no
# list knows
LOWER_ADMITTED = re.compile(
    r"\b(?:innlagt|innlagd|tvangsinnlagt|tvangsinnlagd|lagt[ \t]+inn|lagd[ \t]+inn)"
    r"[ \t]+(?:på|ved)[ \t]+(?P<name>[a-zæøå][a-zæøå-]{3,})\b"
    # its kind of place after it is part of the name ("innlagd på solli dps")
    r"(?:[ \t]+(?:dps|bup|sjukehus|sykehus|sjukehuset|sykehuset|klinikk|klinikken)\b)?"
)
# a ward of a named hospital ("lagt inn på post 3 på Lovisenberg", "avd. 3B ved Sandviken")
WARD = re.compile(
    r"\b(?:post|avdeling|avd\.|seksjon|sengepost)[ \t]+[0-9]{1,2}[A-Za-z]?[ \t]+(?:på|ved)[ \t]+"
    r"[A-ZÆØÅ][\wæøå-]+(?:[ \t]+[A-ZÆØÅ][\wæøå-]+)?"
    # a ward's own name ("skjermet avdeling Blåklokka", "post Solsikken")
    r"|\b(?:[Aa]vdeling|[Aa]vd\.|[Pp]ost|[Ss]engepost)[ \t]+[A-ZÆØÅ][a-zæøå]{2,}\b"
)
# where someone in a role works ("mor, fagarbeider på Varanger Kraft"): the capitalised name
# after a role noun and "på", "hos", "ved"
ROLE_AT = re.compile(
    r"\b(?P<role>[^\W\d_]{5,})[ \t]+(?:på|hos|ved)[ \t]+"
    r"(?P<name>[A-ZÆØÅ][\wæøå'’&-]*(?:[ \t]+[A-ZÆØÅ][\wæøå'’&-]*){0,2})"
)
COMPANY = re.compile(rf"\b{_NAMES}[ \t]+(?:AS|ASA|SA|DA|BA|AB|ApS|Oy|GmbH|Ltd)\b")
# a local business by its trade ("Kvalvær Sjømat", "Tomrefjord Stål", "Bleie Frukt og Sider"),
# where someone works, and a ferry by its name ("MF Herand")
BUSINESS = re.compile(
    rf"\b{_NAMES}[ \t]+(?:Sjømat|Seafood|Fisk|Fiskeri|Fiskeindustri|Havbruk|Laks|Mek|Mekaniske"
    r"|Verft|Verksted|Stål|Bygg|Transport|Taxi|Maskin|Elektro|Rør|Regnskap|Eiendom|Frukt"
    r"|Bakeri|Handel|Kraft|Sag|Trelast|Entreprenør)\b(?:[ \t]+og[ \t]+[A-ZÆØÅ][\wæøå]+)?"
    r"|\b(?:MF|MS|M/S|M/F)[ \t]+[A-ZÆØÅ][\wæøå-]+"
)
# a local unit named by its place first ("Nittedal barneverntjeneste", "Time barnevernteneste"):
# the unit is found first, then the capitalised word before it
# a grocery chain's shop named by its place ("Joker Gaupne", "Kiwi Heiane"): where someone
# works or is known
CHAIN_SHOP = re.compile(
    r"\b(?:Joker|Kiwi|Rema[ \t]1000|Rema|Coop[ \t](?:Extra|Prix|Mega|Marked|Obs)|Extra|Spar"
    r"|Bunnpris|Meny|Europris)[ \t]+(?P<place>[A-ZÆØÅ][\wæøå-]+)"
)
UNIT_AFTER_PLACE = re.compile(
    r"[ \t](?:barnevernt?s?tjeneste(?:n)?|barnevernt?s?teneste(?:n|a)?|barnevern|familievernkontor|"
    r"helsestasjon|legevakt|PPT|NAV-kontor|DPS|BUP|psykisk[ \t]+helset[je]?enest[ea]n?|"
    r"rustjeneste(?:n)?|rusteneste(?:n|a)?)\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:Søndre|Nordre|Vestre|Østre|Austre|Nord|Sør|Øvre|Nedre|Indre|Ytre)[ \t]+)?"
    r"[A-ZÆØÅ][\wæøå-]+$"
)
# any service unit named by its place ("rustjenesten i Ringsaker", "Ruspoliklinikken i
# Kirkenes", "utekontakten i Lier", "tingretten i Levanger") and a municipality as an employer
# ("Stange kommune"): the place is checked
SERVICE_IN_PLACE = re.compile(
    r"(?<![\w-])(?:[\wæøå-]{2,}?(?:tjenesten|tjenestene|tenesta|tenestene|tenesten|poliklinikken"
    r"|poliklinikk|klinikken|teamet|kontoret|avdelingen|avdelinga|seksjonen|senteret|sentret"
    r"|habiliteringen|habiliteringa|sentralen|kontakten|retten|bustaden|boligen|kafeen|kaféen"
    r"|treffet|klubben)"
    r"|[Kk]oordinerende[ \t]+enhet|[Kk]oordinerande[ \t]+eining|[Hh]jemmesykepleien"
    r"|[Hh]eimesjukepleia|[Hh]eimetenesta|[Bb]ydel)"
    # whom the unit serves ("Habiliteringstjenesten for barn og unge i Hammerfest")
    r"(?:[ \t]+for[ \t]+(?:barn|born|unge|ungdom|voksne|vaksne)"
    r"(?:[ \t]+og[ \t]+(?:unge|ungdom|familier|familiar))?)?"
    r"(?:[ \t]+(?:i|på))?[ \t]+(?:bydel[ \t]+)?"
    r"(?P<place>(?:(?:Vestre|Østre|Austre|Nordre|Søndre|Nord|Sør|Øvre"
    r"|Nedre|Indre|Ytre)[ \t]+)?[A-ZÆØÅ][\wæøå]+(?:-[A-ZÆØÅ][\wæøå]+)?)(?![\wæøå-])"
    r"|(?<![\w-])(?P<municipality>[A-ZÆØÅ][\wæøå]+(?:-[A-ZÆØÅ][\wæøå]+)?)[ \t]+"
    r"(?:kommune|fylkeskommune|bydel|kommunes[ \t]+[\wæøå]+(?:tjeneste|teneste)(?:n|a)?)"
    r"(?![\wæøå-])"
)
# an institution's ward or department after its name ("Ringerike fengsel, avdeling C")
_WARD_AFTER = re.compile(r",?[ \t]+(?:avdeling|avd\.|post)[ \t]+[A-ZÆØÅ0-9][\wæøå]{0,15}\b")
# "psykisk helse- og rustjenesten i Lier": a unit named by two services, the first cut short
_FIRST_SERVICE = re.compile(r"(?:[\wæøå]+[ \t]+)?[\wæøå]+-[ \t]+og[ \t]+$")
# a sports club ("Førde IL", "Trosvik IF", "Brann BK"): where a child plays narrows down who
CLUB = re.compile(
    rf"\b{_NAMES}[ \t]+(?:IL|IF|FK|BK|SK|IK|HK|TIF|Turn|Idrettslag|idrettslag|[Bb]allklubb|"
    r"[Ff]otballklubb|[Hh]åndballklubb|[Hh]andballklubb|[Ss]kulemusikklag|[Ss]kolemusikkorps|"
    r"[Mm]usikklag|[Mm]usikkorps|[Ss]kulekorps|[Ss]kolekorps|[Kk]orps|[Ss]kyttarlag|[Ss]kytterlag"
    r"|[Ss]eilforening|[Rr]oklubb|[Ss]vømmeklubb|[Ss]kiklubb|[Tt]urnforening|[Kk]latreklubb)"
    r"(?:[ \t]+[GJ][0-9]{2})?\b"  # a team by age: "Kvam IL J17"
)
# a named group after its group noun ("bandet Rustfri", "kyrkjekoret Vårsong", "UL Fjellrosa"),
# a fishing boat someone works on ("sjarken Nordbris") and a team by its age class ("Storhamar
# J15"): where a child plays or sings narrows down who
GROUP = re.compile(
    r"\b(?P<noun>[Bb]andet|[Kk]oret|[Kk]yrkjekoret|[Kk]irkekoret|[Gg]ospelkoret|[Bb]arnekoret"
    r"|[Kk]orpset|[Ss]peidergruppa|[Ss]peidergruppen|[Tt]eatergruppa|[Tt]eatergruppen"
    r"|[Ff]ritidsklubben|[Uu]ngdomsklubben|[Uu]ngdomslaget|UL|[Ss]jarken|[Tt]råleren|[Bb]åten"
    r"|[Ff]iskebåten|Masjid|[Mm]oskeen|[Mm]enigheten|[Kk]yrkjelyden"
    # a home or kindergarten by its own name ("Avlastningsboligen Solstua", "barnehage,
    # Kløverenga,")
    r"|[Aa]vlastningsboligen|[Aa]vlastingsbustaden|[Aa]vlastningshjemmet|[Aa]vlastingsheimen"
    r"|[Bb]ofellesskapet|[Bb]ufellesskapet|[Oo]msorgsboligen|[Bb]arnehagen|[Bb]arnehage,"
    r"|[Uu]ngdomshjemmet|[Uu]ngdomsheimen|[Ii]nstitusjonen)"
    r"[ \t]+(?P<name>[A-ZÆØÅ][\wæøå-]+(?:[ \t]+[A-ZÆØÅ][\wæøå-]+)?)"
)
TEAM = re.compile(r"\b[A-ZÆØÅ][\wæøå-]+[ \t]+[GJ](?:1[0-9]|[6-9])\b")
_AGE_CLASS = re.compile(r"[ \t][GJ](?:1[0-9]|[6-9])\b")  # most notes have none: scan only then
# a hospital by its short name where someone was admitted or works ("innlagt på sus", "på UNN")
HOSPITAL = re.compile(
    r"\b(?:på|ved|til|fra|frå)[ \t]+(?P<name>UNN|SUS|OUS|AHUS|Ahus|NLSH|SSHF|HUS|SiV|SØ|"
    r"unn|sus|ous|ahus)\b(?![-/])"
)
PATTERNS = (
    (SCHOOL, "named school or kindergarten"),
    (COMPOUND_INSTITUTION, "named institution"),
    (UNIT_WITH_PLACE, "local unit with a place"),
    (COMPANY, "company"),
    (BUSINESS, "local business"),
    (CLUB, "sports club"),
    (WARD, "a hospital's ward"),
    (ENGLISH_SCHOOL, "a school named in English"),
)
_FUNCTION_WORDS = frozenset(
    [
        "en",
        "ei",
        "et",
        "ein",
        "eit",
        "at",
        "den",
        "det",
        "denne",
        "dette",
        "ny",
        "nye",
        "vår",
        "hans",
        "hennes",
        "sin",
        "si",
        "sitt",
        "egen",
        "eiga",
        "ingen",
        "samme",
        "same",
        "annen",
        "anna",
        "hver",
        "kvar",
        "alle",
        "først",
        "etter",
        "før",
        "på",
        "i",
        "til",
        "fra",
        "frå",
        "om",
        "og",
        "men",
        "ved",
        "under",
        "over",
        "mot",
        "som",
        "når",
        "da",
        "så",
        "videregående",
        "vidaregåande",
        "lokal",
        "lokale",
        "kommunal",
        "kommunale",
        "privat",
        "private",
        "offentlig",
        "offentleg",
        "vanlig",
        "vanleg",
        "spesial",
    ]
)
# the words ``_NAMES`` lets inside an institution's name
_CONNECTORS = frozenset({"og", "i", "på", "for"})
_LEADING_CAPITAL_WORDS = frozenset(
    {
        "Vi",
        "De",
        "Han",
        "Hun",
        "Ho",
        "Det",
        "Den",
        "Eg",
        "Jeg",
        "Mitt",
        "Min",
        "Vår",
        "Hennes",
        "Hans",
        "Etter",
        "Før",
        "På",
        "I",
        "Fra",
        "Frå",
        "Til",
        "Ved",
        "Om",
    }
)


# institution nouns that are also activities ("Mer avlastning i ferier", "Mykje fotball")
_ACTIVITY_NOUNS = frozenset(
    {"avlastning", "avlasting", "rusbehandling", "handball", "håndball", "fotball"}
)


# verbs that stand before "skole"/"skule" ("byter skule", "begynner skole")
_VERBS_BEFORE_SCHOOL = frozenset(
    {"byter", "bytter", "byte", "bytte", "byttet", "bytta", "begynner", "byrjar", "starter",
     "startar", "slutter", "sluttar", "skifter", "skiftar", "mister", "mistar"}
)  # fmt: skip


def _ordinary_before_noun(text: str) -> bool:
    """One ordinary word before a noun that is also an activity, and no place ("Mer
    avlastning"; not "Solbakken avlastning", "Lade behandlingssenter")."""
    words = text.split()
    return (
        len(words) == 2
        and words[1].lower() in _ACTIVITY_NOUNS
        and is_common_word(words[0])
        and not is_place(words[0])
        and (not is_surname(words[0]) or words[0].lower() in _AMOUNTS)  # "Meir avlasting"
    )


# words of amount before an activity noun ("Meir avlasting", "Mindre rusbehandling")
_AMOUNTS = frozenset({"mer", "meir", "mere", "mindre", "minder", "litt", "nok", "ingen"})


def _ordinary_before_trade(text: str) -> bool:
    """Only ordinary words before a trade ("Fersk Fisk", "God Handel"), no place or name."""
    first = text.split()[0]
    return is_common_word(first) and not (is_place(first) or is_surname(first))


def _allowed_then_lower_case(text: str) -> bool:
    """An allow-listed name the model ran on into ordinary words ("Voksne for Barn innen jul")."""
    words = text.split()
    return any(
        is_allowed(" ".join(words[:k])) and all(w.islower() for w in words[k:])
        for k in range(1, len(words))
    )


_SENTENCE_INSIDE = re.compile(r"(?<=[a-zæøå]{3})\.[ \t]+(?=[A-ZÆØÅ])")
_DOTTED = re.compile(r"(?:[A-Za-zÆØÅæøå]\.){2,3}")


def _abbreviation_and_words(text: str) -> bool:
    """A dotted abbreviation ("P.S.", "f.eks.") and otherwise only ordinary words."""
    words = text.split()
    dotted = [w for w in words if _DOTTED.fullmatch(w)]
    return bool(dotted) and all(_DOTTED.fullmatch(w) or is_ordinary_word(w) for w in words)


def _is_role_or_word(word: str) -> bool:
    return is_ordinary_word(word) or is_role_noun(word)


class OrganizationRecognizer(DocRecognizer):
    ENTITY = "ORGANIZATION"
    NAME = "organization"

    def _find(self, doc: Doc) -> list[RecognizerResult]:
        base = self.config.score
        results: list[RecognizerResult] = []
        for ent, start, end, text in ner_spans(doc, NER_LABELS):
            if ent.end < len(doc) and doc[ent.end].lower_ in EPONYM_NOUNS:
                continue  # "Downs syndrom": a diagnosis
            if _abbreviation_and_words(text):
                continue  # "P.S. Kollegaen min": a postscript the model took for a name
            if is_law(text) or is_acronym_compound(text):
                continue  # "Helsepersonellova": a law; "DPS-poliklinikken": a generic unit
            cut = _SENTENCE_INSIDE.search(text)
            if cut is not None:  # "Voksne for Barn innen jul. Medlederen": one sentence only
                text, end = text[: cut.start()], start + cut.start()
            if (
                ent.end - ent.start == 1
                and is_common_word(text)
                and not (is_place(text) or is_first_name(text) or is_surname(text))
                and (
                    is_sentence_start(doc[ent.start])
                    or not any(c.isalpha() for c in doc[ent.start - 1].text)
                )
            ):
                # "18.05 Runde", "«Barnets beste»", "Referentens oppsummering": a word opening
                # a line, a title or an agenda's point (not "kjører buss for Ruter")
                continue
            if text and not (is_allowed(text) or _allowed_then_lower_case(text)):
                results.append(self.result(start, end, base - 0.1, "NER ORG/GPE_ORG"))
        for match in EMPLOYER.finditer(doc_text(doc)):
            start, end = match.span("name")
            name = doc_text(doc)[start:end].rstrip(".")
            if not is_allowed(name) and name.lower() not in NEVER_NAMES:
                results.append(self.result(start, start + len(name), base - 0.1, "employer"))
        for pattern, why in PATTERNS:
            if pattern is ENGLISH_SCHOOL and "School" not in doc_text(doc):
                continue  # the pattern starts at every capitalised word
            for match in pattern.finditer(doc_text(doc)):
                start, end = match.span()
                start = self._skip_function_words(doc_text(doc), start, end, pattern is SCHOOL)
                text = doc_text(doc)[start:end]
                if pattern is SCHOOL and " " not in text.strip():
                    continue  # only the generic word is left ("skole")
                if pattern is SCHOOL and _ordinary_before_noun(text):
                    continue  # "Mer avlastning i ferier": an ordinary word, then the noun
                if pattern is BUSINESS and _ordinary_before_trade(text):
                    continue  # "Fersk Fisk"
                if pattern is COMPOUND_INSTITUTION and (
                    self._generic_compound(text) or is_acronym_compound(text)
                ):
                    continue  # "Boligkontoret", "DPS-poliklinikken": a generic unit
                if end - start > 2 and not is_allowed(text):
                    ward = _WARD_AFTER.match(doc_text(doc), end)
                    if ward is not None:  # "Ringerike fengsel, avdeling C"
                        end = ward.end()
                    results.append(self.result(start, end, base, why))
        results += self._units_after_places(doc_text(doc))
        departments = (
            DEPARTMENT_AT.finditer(doc_text(doc))
            if any(w in doc_text(doc) for w in ("klinikk", "avdeling", "senteret"))
            else ()
        )
        for match in departments:
            hospital = match.group("hospital")
            if is_place(hospital) and not is_allowed(hospital):
                results.append(self.result(*match.span(), base - 0.1, "a hospital's department"))
        for match in CHAIN_SHOP.finditer(doc_text(doc)):
            if is_place(match.group("place")) and not is_allowed(match.group("place")):
                results.append(self.result(*match.span(), base - 0.1, "a chain's shop"))
        for match in SERVICE_IN_PLACE.finditer(doc_text(doc)):
            place = match.group("place") or match.group("municipality")
            last = place.split()[-1]
            if (
                (
                    is_place(place)
                    or is_place(last)
                    or is_place(last.split("-")[-1])  # "Nord-Karmøy"
                    or (  # "på Sjoa", not a street with its number ("i Solbakkveien 7")
                        not (is_common_word(last) or is_ordinary_word(last))
                        and not doc_text(doc)[match.end() : match.end() + 2].strip()[:1].isdigit()
                    )
                )
                and not is_allowed(place)
            ):
                start = match.start()
                first = _FIRST_SERVICE.search(doc_text(doc), max(0, start - 40), start)
                if first is not None:
                    start = first.start()
                results.append(
                    self.result(start, match.end(), base - 0.1, "a service in its place")
                )
        for match in ROLE_AT.finditer(doc_text(doc)):
            name = match.group("name")
            if is_role_noun(match.group("role")) and not (
                is_allowed(name)
                or name.lower() in NEVER_NAMES
                or is_common_word(name)
                or is_acronym_compound(name)  # "sykepleier ved DPS-poliklinikken"
            ):
                results.append(self.result(*match.span("name"), base - 0.2, "a role's employer"))
        for match in GROUP.finditer(doc_text(doc)):
            if is_allowed(match.group("name")) or match.group("name").lower() in NEVER_NAMES:
                continue
            # a capitalised noun is part of the name ("UL Fjellrosa", "Fritidsklubben Boksen")
            span = match.span() if match.group("noun")[0].isupper() else match.span("name")
            results.append(self.result(*span, base - 0.15, "a named group"))
        if _AGE_CLASS.search(doc_text(doc)):
            for match in TEAM.finditer(doc_text(doc)):
                if not is_allowed(match.group().split()[0]):
                    results.append(self.result(*match.span(), base - 0.15, "a team"))
        for match in HOSPITAL.finditer(doc_text(doc)):
            results.append(self.result(*match.span("name"), base - 0.1, "hospital's short name"))
        note = doc_text(doc)
        for match in chain(LOWER_UNIT.finditer(note), LOWER_PLACE_UNIT.finditer(note)):
            place = match.group("place")  # "bup volda", "meråker barnevern"
            # a place that is also a word only right after the unit ("bup førde", not
            # "barnevernet i vik" or "vik barnevern")
            right_after = match.re is LOWER_UNIT and match.group().count(" ") == 1
            if is_place(place.capitalize()) and (right_after or not is_common_word(place)):
                results.append(self.result(*match.span(), base - 0.2, "local unit in lower case"))
        for match in LOWER_ADMITTED.finditer(doc_text(doc)):
            name = match.group("name")
            if not (is_ordinary_word(name) or is_allowed(name) or name in _FUNCTION_WORDS):
                start = match.start("name")
                results.append(self.result(start, match.end(), base - 0.2, "admitted to, lower"))
        for match in LOWER_EMPLOYER.finditer(doc_text(doc)):
            place = match.group("place")
            if is_place(place.capitalize()) and not is_common_word(place):
                start, end = match.start("name"), match.end("place")
                results.append(self.result(start, end, base - 0.2, "employer in lower case"))
        for match in LOWER_SCHOOL.finditer(doc_text(doc)):
            name = match.group("name")
            if name in _FUNCTION_WORDS or name in _VERBS_BEFORE_SCHOOL:
                continue  # not "når dei byter skule"
            # "bredtvet vgs"; a place that is also a word only where the school is:
            # "på fjell ungdomsskole", "ved jar skole"
            if (len(name) > 3 and not is_common_word(name)) or (
                match.group("at") and is_place(name.capitalize())
            ):
                start = match.start("name")
                results.append(self.result(start, match.end(), base - 0.2, "school in lower case"))
        return results

    def _units_after_places(self, text: str) -> list[RecognizerResult]:
        """ "Nittedal barneverntjeneste": a capitalised place word before a local unit (not "At
        barneverntjenesten spør …")."""
        found = []
        for unit in UNIT_AFTER_PLACE.finditer(text):
            place = _PLACE_BEFORE.search(text, max(0, unit.start() - 40), unit.start())
            if place is None:
                continue
            word = place.group()
            if is_common_word(word) and not is_place(word):
                continue
            found.append(
                self.result(
                    place.start(), unit.end(), self.config.score, "local unit after its place"
                )
            )
        return found

    @staticmethod
    def _generic_compound(word: str) -> bool:
        """ "Pårørandeskulen", "Boligkontoret": a common word plus an institution noun."""
        match = COMPOUND_INSTITUTION.match(word)
        suffix = match.group(1) if match else ""
        head = word[: len(word) - len(suffix)].rstrip("-")
        # "Fosterheimen": the whole word is a word the lists know
        return (
            not head
            or is_common_word(head)
            or is_common_word(head.rstrip("s"))
            or is_common_word(word)
        )

    @staticmethod
    def _skip_function_words(text: str, start: int, end: int, common_too: bool) -> int:
        """Drop leading ordinary words a capitalised match may start with ("En skole" -> ""), and
        a sentence's first word before "på", "i" … ("Helsesykepleier på Ajer ungdomsskole" ->
        "Ajer ungdomsskole": the role is not the institution)."""
        words = text[start:end].split(" ")
        while len(words) >= 2 and (
            words[0] in _LEADING_CAPITAL_WORDS
            or (common_too and words[0].lower() in _FUNCTION_WORDS)
            or (common_too and words[1] in _CONNECTORS and _is_role_or_word(words[0]))
        ):
            start += len(words[0]) + 1
            words = words[1:]
        return start
