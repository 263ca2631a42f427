"""Header facts: theme, date, counts, services and the people who ran the meeting."""

from __future__ import annotations

import pytest

from nlp.schema import HeaderFacts
from nlp.structure.header import (
    FactLine,
    collect_header,
    parse_count,
    parse_date_line,
    parse_fact_line,
    parse_title_line,
)
from nlp.structure.lines import Line, split_lines


def _line(raw: str, start: int = 0) -> Line:
    return Line(start, start + len(raw), raw)


def _header(text: str) -> HeaderFacts:
    facts = [f for line in split_lines(text) if (fact := parse_fact_line(line)) for f in fact.all()]
    return collect_header(facts)


@pytest.mark.parametrize(
    ("raw", "field", "value"),
    [
        ("Kveldens tema: Utfordringer i skolen", "theme", "Utfordringer i skolen"),
        ("Tema: Samarbeid med barnevernet", "theme", "Samarbeid med barnevernet"),
        ("Dagens tema: Rus i familien", "theme", "Rus i familien"),
        (
            "Tema for kvelden: Overgangen til voksenpsykiatrien",
            "theme",
            "Overgangen til voksenpsykiatrien",
        ),
        ("Dato: 12.03.2024", "date", "12.03.2024"),
        ("Møtedato: 2024-03-12", "date", "2024-03-12"),
        ("Dato og sted: 12.03.2024, biblioteket", "date", "12.03.2024, biblioteket"),
        ("Sted: Biblioteket", "place", "Biblioteket"),
        ("Antall totalt: 14", "total", "14"),
        ("Antall fagpersoner: 6", "professionals", "6"),
        ("Antall deltakere: sju", "participants", "sju"),
        ("Ant. deltakere: 4", "participants", "4"),
        ("Antall pårørende: 5", "participants", "5"),
        ("Tal på deltakarar: ni", "participants", "ni"),
        ("Tal på fagpersonar: 3", "professionals", "3"),
        ("Representerte tjenester: NAV, BUP, DPS og PPT", "services", "NAV, BUP, DPS og PPT"),
        ("Representerte tenester: NAV, BUP", "services", "NAV, BUP"),
        ("ROM-leder: Kari Hansen", "rom_leader", "Kari Hansen"),
        ("ROM-leiar: Kari Hansen", "rom_leader", "Kari Hansen"),
        ("Møteleder: Liv Berg", "rom_leader", "Liv Berg"),
        ("Co-leder: Per Olsen", "co_leader", "Per Olsen"),
        ("Coleder: Per Olsen", "co_leader", "Per Olsen"),
        ("Referent: Ola Nordmann", "referent", "Ola Nordmann"),
        ("Ref.: Ola Nordmann", "referent", "Ola Nordmann"),
        ("Skrevet av: Ola Nordmann", "referent", "Ola Nordmann"),
        ("**Referent:** Ola Nordmann", "referent", "Ola Nordmann"),
        ("**Kveldens tema**: Psykisk helse", "theme", "Psykisk helse"),
        ("- Antall fagpersoner: 5", "professionals", "5"),
        ("Referent\tOla Nordmann", "referent", "Ola Nordmann"),
        ("Antall deltakere\t7", "participants", "7"),
        ("Referent – Ola Nordmann", "referent", "Ola Nordmann"),
        ("KVELDENS TEMA: Skolen", "theme", "Skolen"),
    ],
)
def test_fact_line_field_value_and_offset(raw: str, field: str, value: str) -> None:
    start = 100
    fact = parse_fact_line(_line(raw, start))
    assert fact is not None, f"{raw!r} not read as a fact line"
    assert fact.field == field
    assert fact.value == value
    # the offset points at the value in the note's text
    assert raw[fact.value_start - start :].startswith(value)


@pytest.mark.parametrize(
    ("raw", "facts"),
    [
        (
            "Møteleder: Trine Aasen. Referent: Ola Berg.",
            [("rom_leader", "Trine Aasen"), ("referent", "Ola Berg.")],
        ),
        (
            "ROM-leder: Kari Hansen, co-leder: Per Olsen",
            [("rom_leader", "Kari Hansen"), ("co_leader", "Per Olsen")],
        ),
        (
            "Dato: 3.4.2026 kl. 18:00, sted: Gjøvik",
            [("date", "3.4.2026 kl. 18:00"), ("place", "Gjøvik")],
        ),
        (
            "Antall deltakere: 7; antall fagpersoner: 4",
            [("participants", "7"), ("professionals", "4")],
        ),
        (
            "**ROM-leder:** Håkon Ulvestad · **Referent:** Berit Nyland",
            [("rom_leader", "Håkon Ulvestad"), ("referent", "Berit Nyland")],
        ),
        ("Tjenester: NAV, BUP og PPT", [("services", "NAV, BUP og PPT")]),
        (
            "Tema: Medvirkning. 13 totalt. Representerte tjenester: NAV. Referent: Jo Li.",
            [
                ("theme", "Medvirkning. 13 totalt"),
                ("services", "NAV"),
                ("referent", "Jo Li."),
            ],
        ),
        (
            "ROM-leder: Marte Sørli | Co-leder: Ola Rustad",
            [("rom_leader", "Marte Sørli"), ("co_leader", "Ola Rustad")],
        ),
        ("Dato og sted: 12.03.2024, biblioteket", [("date", "12.03.2024, biblioteket")]),
        ("Tema: Barn som pårørende: hva nå?", [("theme", "Barn som pårørende: hva nå?")]),
    ],
)
def test_several_facts_on_one_line(raw: str, facts: list[tuple[str, str]]) -> None:
    start = 40
    fact = parse_fact_line(_line(raw, start))
    assert fact is not None
    assert [(f.field, f.value) for f in fact.all()] == facts
    for part in fact.all():
        assert raw[part.value_start - start :].startswith(part.value)


def test_the_place_line_may_hold_the_date() -> None:
    header = _header("Sted: Lillestrøm, 5. desember 2024\n")
    assert (header.place, header.date) == ("Lillestrøm", "5. desember 2024")


def test_a_header_line_with_two_people_fills_both_fields() -> None:
    header = _header("Tema: Skolen\nMøteleder: Trine Aasen. Referent: Ola Berg.\n")
    assert header.rom_leader == "Trine Aasen"
    assert header.referent == "Ola Berg"


@pytest.mark.parametrize(
    "raw",
    [
        "Utfordringer: lang ventetid",
        "Vi hadde et godt møte.",
        "Mor sa: dette var fint",
        "- Lang ventetid hos BUP",
        "Eksempler på god praksis",
        "",
        "Hei alle sammen,",
        "Temaet var «Når barnet flyttar inn – dei første månadene», og Ragnhild opna.",
        'Vi kalte kvelden "Søsken - de glemte" og startet med en runde.',
    ],
)
def test_non_fact_lines(raw: str) -> None:
    assert parse_fact_line(_line(raw)) is None


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        ("hvor/når: Sandnes ungdomshus, torsdag 7. mars 2024, kl 18–21", "7. mars 2024"),
        ("Møte: Oslo, 5. november 2024", "5. november 2024"),
        ("Tid og stad: 4. mars 2025, Førde", "4. mars 2025"),
    ],
)
def test_labels_for_the_meetings_time_and_place_give_its_date(raw: str, date: str) -> None:
    assert _header(raw + "\n").date == date


@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("14", 14),
        ("8 (hvorav 2 fedre)", 8),
        ("ca. 10", 10),
        ("sju", 7),
        ("Sju", 7),
        ("syv", 7),
        ("tolv", 12),
        ("fem stk", 5),
        ("ni.", 9),
        ("Elleve deltakere", 11),
        ("tjue", 20),
        ("ein", 1),
        ("mange", None),
        ("", None),
    ],
)
def test_counts_as_digits_and_words(value: str, count: int | None) -> None:
    assert parse_count(value) == count


FULL_HEADER = """Læringsnotat ROM psykisk helse og rus
Kveldens tema: Overgangen fra barn til voksen
Dato: tirsdag 12. mars 2024 kl. 18
Sted: Biblioteket
Antall totalt: tolv
Antall fagpersoner: 5
Antall deltakere: sju
Representerte tjenester: NAV, BUP, DPS og PPT
ROM-leder: Kari Hansen
Co-leder: Per Olsen
Ref.: Ola Nordmann
"""


def test_collect_full_header() -> None:
    header = _header(FULL_HEADER)
    assert header == HeaderFacts(
        theme="Overgangen fra barn til voksen",
        date="12. mars 2024",
        place="Biblioteket",
        total=12,
        professionals=5,
        participants=7,
        services=["NAV", "BUP", "DPS", "PPT"],
        rom_leader="Kari Hansen",
        co_leader="Per Olsen",
        referent="Ola Nordmann",
    )


def test_collect_nynorsk_markdown_and_tab_header() -> None:
    text = (
        "**Tema for kvelden:** Fosterheim og skule\n"
        "Dato\t03.10.2023\n"
        "Tal på deltakarar: ni\n"
        "Tal på fagpersonar:\tfire\n"
        "Representerte tenester: barnevernet; helsestasjonen / PPT\n"
        "**ROM-leiar:** Kari Hansen\n"
        "Møteleder – Liv Berg\n"
        "Referent\tOla Nordmann\n"
    )
    header = _header(text)
    assert header.theme == "Fosterheim og skule"
    assert header.date == "03.10.2023"
    assert header.participants == 9
    assert header.professionals == 4
    assert header.services == ["barnevernet", "helsestasjonen", "PPT"]
    assert header.rom_leader == "Kari Hansen", "the first leader line wins"
    assert header.referent == "Ola Nordmann"


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("12.03.2024", "12.03.2024"),
        ("12.3.24", "12.3.24"),
        ("2024-03-12", "2024-03-12"),
        ("Tirsdag 12. mars 2024 kl. 18-21", "12. mars 2024"),
        ("12. mars", "12. mars"),
        ("12.03.2024, biblioteket", "12.03.2024"),
        ("i vår", "i vår"),  # no date in it: kept as written
    ],
)
def test_date_is_extracted_from_the_value(value: str, date: str) -> None:
    assert collect_header([FactLine("date", value, 0)]).date == date


def test_first_count_wins_and_empty_values_are_skipped() -> None:
    header = collect_header(
        [
            FactLine("participants", "", 0),
            FactLine("participants", "7", 10),
            FactLine("participants", "9", 20),
            FactLine("referent", "", 30),
            FactLine("referent", "Ola", 40),
        ]
    )
    assert header.participants == 7
    assert header.referent == "Ola"


def test_missing_facts_stay_empty() -> None:
    header = _header("Kveldens tema: Skolen\n")
    assert header.theme == "Skolen"
    assert header.total is None and header.participants is None and header.professionals is None
    assert header.services == []
    assert header.rom_leader is None and header.referent is None


def test_service_with_og_in_its_name_stays_whole() -> None:
    header = _header("Representerte tjenester: NAV, rus- og psykiatritjenesten, BUP\n")
    assert header.services == ["NAV", "rus- og psykiatritjenesten", "BUP"]


@pytest.mark.parametrize(
    ("line", "theme", "counts", "date"),
    [
        (
            "Tema: Søsken av barn med funksjonsnedsettelser, 14 til stede (6 fagpersoner og 8 "
            "deltakere). Dato 2.10.2024.",
            "Søsken av barn med funksjonsnedsettelser",
            (14, 6, 8),
            "2.10.2024",
        ),
        (
            "Tema: Medvirkning i egen barnevernssak. 9 ungdommer og 4 fagpersoner deltok, "
            "13 i alt.",
            "Medvirkning i egen barnevernssak",
            (13, 4, 9),
            None,
        ),
        ("Tema: Rus, psykisk helse og skole", "Rus, psykisk helse og skole", (None,) * 3, None),
        ("Tema: Barn som pårørende: hva nå?", "Barn som pårørende: hva nå?", (None,) * 3, None),
    ],
)
def test_a_theme_line_that_goes_on_gives_the_theme_and_the_facts_after_it(
    line: str, theme: str, counts: tuple[int | None, ...], date: str | None
) -> None:
    header = _header(line + "\n")
    assert header.theme == theme
    assert (header.total, header.professionals, header.participants) == counts
    assert header.date == date


@pytest.mark.parametrize(
    ("value", "counts"),
    [
        ("15 totalt – 6 fagpersoner og 9 deltakere", (15, 6, 9)),
        ("16 personer, 6 fagpersoner og 10 deltakere", (16, 6, 10)),
        ("11 (4 fagpersoner, 7 foreldre)", (11, 4, 7)),
        ("15 (fagpersoner 6, deltakere 9)", (15, 6, 9)),
        ("6 foreldre og fem fagpersoner (totalt 11)", (11, 5, 6)),
        ("14", (14, None, None)),
        ("en mor, to fedre og fire fagpersoner", (None, 4, None)),
    ],
)
def test_attendance_lines_give_every_count(value: str, counts: tuple[int | None, ...]) -> None:
    for key in ("Antall", "Til stede", "Tal"):
        header = _header(f"{key}: {value}\n")
        assert (header.total, header.professionals, header.participants) == counts, key


@pytest.mark.parametrize(
    ("raw", "date", "place"),
    [
        ("Tromsø, 26.02.2025", "26.02.2025", "Tromsø"),
        ("Møte 11. juni 2024, kl. 17–20", "11. juni 2024", None),
        ("Bodø, 3. mars 2025.", "3. mars 2025", "Bodø"),
        ("Mandag 3. mars", "3. mars", None),
        ("Det var 12. mars.", None, None),
        ("Lang ventetid 3. mars", None, None),
    ],
)
def test_a_header_line_of_place_and_date(raw: str, date: str | None, place: str | None) -> None:
    facts = {f.field: f for f in parse_date_line(_line(raw, 7))}
    assert (facts["date"].value if "date" in facts else None) == date
    assert (facts["place"].value if "place" in facts else None) == place
    for fact in facts.values():
        assert raw[fact.value_start - 7 :].startswith(fact.value)


@pytest.mark.parametrize(
    ("title", "place", "date"),
    [
        ("ROM psykisk helse og rus, Hamar", "Hamar", None),
        ("Læringsnotat ROM Ung – Førde", "Førde", None),
        ("Læringsnotat fra ROM-møte i Bodø 27. januar 2025", "Bodø", "27. januar 2025"),
        ("Læringsnotat ROM tilrettelagte tjenester, Molde 10.10.2024", "Molde", "10.10.2024"),
        ("ROM barnevern – foreldre med barn i fosterhjem", None, None),
        ("LÆRINGSNOTAT ROM – psykisk helse og rus", None, None),
        ("Læringsnotat – ROM Ung", None, None),
        ("ROM-møte på Voss 5/3", "Voss", "5/3"),
        ("LÆRINGSNOTAT ROM UNG – FØRDE", "FØRDE", None),
        ("LÆRINGSNOTAT – ROM UNG", None, None),
        ("Læringsnotat ROM Ung, 12/11-2024", None, "12/11-2024"),
    ],
)
def test_the_title_gives_the_meetings_place_and_date(
    title: str, place: str | None, date: str | None
) -> None:
    facts = {f.field: f.value for f in parse_title_line(_line(title))}
    assert (facts.get("title_place"), facts.get("title_date")) == (place, date)


def test_the_headers_own_place_and_date_win_over_the_titles() -> None:
    title = parse_title_line(_line("Læringsnotat fra ROM-møte i Bodø 27. januar 2025"))
    own = [FactLine("place", "Fauske", 0), FactLine("date", "28.01.2025", 0)]
    header = collect_header([*title, *own])
    assert (header.place, header.date) == ("Fauske", "28.01.2025")
    assert (collect_header(title).place, collect_header(title).date) == ("Bodø", "27. januar 2025")


@pytest.mark.parametrize(
    ("raw", "facts"),
    [
        (
            "ROM-leder Kari Hansen, referent Ola Berg",
            [("rom_leader", "Kari Hansen"), ("referent", "Ola Berg")],
        ),
        ("Møteleder Ingrid Sæther.", [("rom_leader", "Ingrid Sæther")]),
        (
            "- Co-leder Amina Warsame og referent Jan van der Berg",
            [("co_leader", "Amina Warsame"), ("referent", "Jan van der Berg")],
        ),
        ("ROM-leiar Synnøve Lid · referent Per Å. Vik", None),  # an initial with a stop: no
    ],
)
def test_people_named_without_colons(raw: str, facts: list[tuple[str, str]] | None) -> None:
    fact = parse_fact_line(_line(raw, 12))
    if facts is None:
        assert fact is None
        return
    assert fact is not None
    assert [(f.field, f.value) for f in fact.all()] == facts
    for part in fact.all():
        assert raw[part.value_start - 12 :].startswith(part.value)


@pytest.mark.parametrize(
    "raw",
    [
        "Møteleder Kari ønsket alle velkommen.",
        "Referent skriver notatet etter møtet.",
        "ROM-leder Kari Hansen og mor til Ola",
        "Leder Per Olsen",  # a plain "leder" is too common a word without a colon
    ],
)
def test_sentences_about_the_people_are_not_facts(raw: str) -> None:
    assert parse_fact_line(_line(raw)) is None


def test_one_person_in_two_roles() -> None:
    fact = parse_fact_line(_line("ROM-leder/referent: Kari Hansen"))
    assert fact is not None
    assert [(f.field, f.value) for f in fact.all()] == [
        ("rom_leader", "Kari Hansen"),
        ("referent", "Kari Hansen"),
    ]
    header = _header("ROM-leder/referent: Kari Hansen\n")
    assert (header.rom_leader, header.referent) == ("Kari Hansen", "Kari Hansen")
    dates = parse_fact_line(_line("Dato/sted: 12.03, Hamar"))
    assert dates is not None and [f.field for f in dates.all()] == ["date"]


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        (
            "ROM-leder/co-leder: Kari Hansen / Per Olsen",
            [("rom_leader", "Kari Hansen"), ("co_leader", "Per Olsen")],
        ),
        (
            "ROM-leiar/referent: Kari Hansen og Ola Berg. Co-leiar: Per Olsen",
            [("rom_leader", "Kari Hansen"), ("referent", "Ola Berg"), ("co_leader", "Per Olsen")],
        ),
        (
            "Ledere: Kari Hansen (ROM-leder) og Per Olsen (co-leder)",
            [("rom_leader", "Kari Hansen"), ("co_leader", "Per Olsen")],
        ),
        (
            "Møteledere: Amina Warsame (co-leder), Jan van der Berg (møteleder)",
            [("co_leader", "Amina Warsame"), ("rom_leader", "Jan van der Berg")],
        ),
        ("ROM-leder: Kari Hansen (BUP)", [("rom_leader", "Kari Hansen (BUP)")]),
        (  # three names for two roles: which is which is unknown, so each role gets them all
            "ROM-leder/co-leder: Kari, Per og Ola",
            [("rom_leader", "Kari, Per og Ola"), ("co_leader", "Kari, Per og Ola")],
        ),
    ],
)
def test_a_name_for_each_role(raw: str, people: list[tuple[str, str]]) -> None:
    fact = parse_fact_line(_line(raw, start=7))
    assert fact is not None
    assert [(f.field, f.value) for f in fact.all()] == people
    for f in fact.all():
        assert raw[f.value_start - 7 :].startswith(f.value)


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("Dato: 18.09.2024, Kongsvinger\n", "Kongsvinger", "18.09.2024"),
        ("Dato: 3. mars 2025 kl. 18:00 – Nord-Odal\n", "Nord-Odal", "3. mars 2025"),
        ("Dato: 18.09.2024, Kongsvinger\nSted: Vinger hotell\n", "Vinger hotell", "18.09.2024"),
        ("Dato og sted: 12.03.2024, biblioteket\n", None, "12.03.2024"),
    ],
)
def test_a_place_after_the_date(text: str, place: str | None, date: str) -> None:
    header = _header(text)
    assert (header.place, header.date) == (place, date)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Tal deltakarar totalt: 10\nTal fagpersonar: 3\n", (10, 3, None)),
        ("Antall deltakere totalt: 12\n", (12, None, None)),
        ("Til stede: 15 (6 fagpersonar, 9 pårørande)\n", (15, 6, 9)),
    ],
)
def test_a_total_named_after_the_participants(
    text: str, counts: tuple[int | None, int | None, int | None]
) -> None:
    header = _header(text)
    assert (header.total, header.professionals, header.participants) == counts


@pytest.mark.parametrize(
    ("text", "counts", "services"),
    [
        (
            "Ungdomar: 7\nFagpersonar (3): BUP, PPT og skulen\n",
            (None, 3, 7),
            ["BUP", "PPT", "skulen"],
        ),
        ("Foreldre: 5\nFagpersoner: 4\n", (None, 4, 5), []),
        ("Antall deltakere (9): foreldre og besteforeldre\n", (None, None, 9), []),
    ],
)
def test_counts_in_brackets_and_groups_counted(
    text: str, counts: tuple[int | None, ...], services: list[str]
) -> None:
    header = _header(text)
    assert (header.total, header.professionals, header.participants) == counts
    assert header.services == services


def test_a_group_without_a_count_is_no_fact() -> None:
    assert parse_fact_line(_line("Foreldre: ønsket mer informasjon om rettigheter")) is None
