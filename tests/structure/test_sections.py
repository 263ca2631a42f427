"""Section headings: which lines are headings and which template section each one names."""

from __future__ import annotations

import pytest

from nlp.structure.lines import Line
from nlp.structure.sections import heading_of, match_section


def _line(raw: str, start: int = 0) -> Line:
    return Line(start, start + len(raw), raw)


# The template's headings (learning-note.md), word for word.
TEMPLATE = [
    ("Oppsummering av innledning deltaker", "intro_participant"),
    ("Oppsummering av innledning fagperson", "intro_professional"),
    ("Eksempler på utfordringer og problemområder", "challenges"),
    ("Eksempler på god praksis", "good_practice"),
    ("Hva man ønsker mer av?", "want_more"),
    ("Hva trenger vi fra tjenestene som man ikke får nå og hvordan?", "needs_from_services"),
    ("Nyttige råd/tips om tilgjengelige tjenester og tilbud", "tips"),
    ("Sitater som kan brukes i rapporter/høringer med mer", "quotes"),
    (
        "Fra ettermøtet: Hva tar fagpersonene med seg tilbake til egen arbeidsplass?",
        "takeaways",
    ),
    ("Hvor og hvordan skal kunnskapen fra læringsnotatet deles?", "sharing"),
    ("Forpliktende handlinger (hva, av hvem, hvordan)", "commitments"),
    ("Hva bør gjøres noe med på systemnivå (Voksne for Barn, politikere)", "system_level"),
]

REWORDED = [
    ("Utfordringer", "challenges"),
    ("Utfordringer og problemområder", "challenges"),
    ("Negative erfaringer", "challenges"),
    ("God praksis", "good_practice"),
    ("Gode eksempler", "good_practice"),
    ("Det som fungerte godt", "good_practice"),
    ("Hva fungerte godt?", "good_practice"),
    ("Positive erfaringer", "good_practice"),
    ("Ønsker", "want_more"),
    ("Hva ønsker dere mer av?", "want_more"),
    ("Ønsker fra deltakerne", "want_more"),
    ("Behov fra tjenestene", "needs_from_services"),
    ("Tips og råd", "tips"),
    ("Nyttige tips", "tips"),
    ("Sitater", "quotes"),
    ("Sitat", "quotes"),
    ("Ettermøte", "takeaways"),
    ("Hva fagpersonene tar med seg", "takeaways"),
    ("Deling av læringsnotatet", "sharing"),
    ("Hvordan dele kunnskapen?", "sharing"),
    ("Forpliktelser", "commitments"),
    ("Veien videre", "commitments"),
    ("Systemnivå", "system_level"),
    ("Innledning fra pårørende", "intro_participant"),
    ("Deltakers historie", "intro_participant"),
    ("Fagpersonens innledning", "intro_professional"),
    ("Innledning ved fagperson fra BUP", "intro_professional"),
    ("Læringsnotat fra ROM-møte", "header"),
]

NUMBERED_AND_MARKED = [
    ("1. Utfordringer", "challenges"),
    ("1.1 Utfordringer", "challenges"),
    ("1.1\tUtfordringer", "challenges"),
    ("3) Utfordringer", "challenges"),
    ("IV. Utfordringer", "challenges"),
    ("V) Sitater", "quotes"),
    ("2. Eksempler på god praksis:", "good_practice"),
    ("UTFORDRINGER", "challenges"),
    ("HVA TRENGER VI FRA TJENESTENE?", "needs_from_services"),
    ("Utfordringer:", "challenges"),
    ("Veien videre:", "commitments"),
    ("## Utfordringer", "challenges"),
    ("### 7. Nyttige tips", "tips"),
    ("**Utfordringer**", "challenges"),
    ("**Utfordringer:**", "challenges"),
    ("**Fra ettermøtet:**", "takeaways"),
    ("__God praksis__", "good_practice"),
    ("Utfordr.:", "challenges"),
]

NYNORSK = [
    ("Døme på utfordringar", "challenges"),
    ("Kva ønskjer ein meir av?", "want_more"),
    ("Kva treng vi frå tenestene som ein ikkje får no?", "needs_from_services"),
    ("Frå ettermøtet", "takeaways"),
    ("Innleiing frå deltakar", "intro_participant"),
    ("Innleiing frå fagperson", "intro_professional"),
    ("Gode døme", "good_practice"),
    ("Kva har fungert godt?", "good_practice"),
    ("Kva fungerer bra?", "good_practice"),
    ("Sitat frå deltakarane", "quotes"),
    ("Korleis skal kunnskapen delast?", "sharing"),
    ("Forpliktande handlingar", "commitments"),
    ("Kva bør gjerast på systemnivå?", "system_level"),
    ("Det som ikkje fungerar", "challenges"),
    ("Innleiing frå pårørande", "intro_participant"),
]
# introductions named by who gave them, questions about them, and terse good-practice headings
INTRODUCTIONS = [
    ("Innledning fra mor:", "intro_participant"),
    ("Innledning fra en far", "intro_participant"),
    ("Hva fortalte forelderen som innledet?", "intro_participant"),
    ("Hvem innledet, og hva ble sagt?", "intro_participant"),
    ("Innledning fra fagperson (mor til to)", "intro_professional"),
    ("Bra:", "good_practice"),
    ("Dette var bra", "good_practice"),
]

HEADINGS = TEMPLATE + REWORDED + NUMBERED_AND_MARKED + NYNORSK + INTRODUCTIONS


@pytest.mark.parametrize(("heading", "section"), HEADINGS)
def test_heading_maps_to_its_section(heading: str, section: str) -> None:
    assert match_section(heading) == section


@pytest.mark.parametrize(("heading", "section"), HEADINGS)
def test_heading_line_is_recognised_as_whole_line(heading: str, section: str) -> None:
    found = heading_of(_line(heading, start=50))
    assert found is not None, f"{heading!r} not seen as a heading"
    title, content_start, inline = found
    assert inline is None, "a bare heading has no inline content"
    assert content_start == 50 + len(heading), "content starts after the heading line"
    assert match_section(title) == section


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Innl. fagp.:", "intro_professional"),
        ("Innl. deltaker:", "intro_participant"),
        ("Hva fungerte bra?", "good_practice"),
        ("Kva tek fagpersonane med seg tilbake?", "takeaways"),
    ],
)
def test_abbreviated_and_past_tense_headings(heading: str, section: str) -> None:
    assert match_section(heading) == section
    assert heading_of(_line(heading)) is not None


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Deltakerne fortalte", "intro_participant"),
        ("HVA SA DELTAKERNE?", "intro_participant"),
        ("Ungdommenes erfaringer:", "intro_participant"),
        ("Kort om innledningene", "intro_participant"),
        ("I. Deltakerens historie", "intro_participant"),
        ("Fra fagpersonen", "intro_professional"),
        ("HVA SA FAGPERSONENE?", "intro_professional"),
        ("Barnevernet innledet:", "intro_professional"),
        ("Hva fungerte", "good_practice"),
        ("Kva fungerte", "good_practice"),
        ("Dette fungerte godt", "good_practice"),
        ("Hva var bra?", "good_practice"),
        ("Hva fungerte ikke:", "challenges"),
        ("Hva fungerte ikke så bra", "challenges"),
        ("Innspill", "want_more"),
        ("Innspill fra ungdommene:", "want_more"),
        ("Forslag til forbedring", "want_more"),
        ("HVA KAN BLI BEDRE?", "want_more"),
        ("Læringspunkter", "takeaways"),
        ("Det vi tar med oss", "takeaways"),
        ("Foreldrene sa blant annet:", "quotes"),
        ("Vidare arbeid", "commitments"),
        ("Hva gjør vi nå?", "commitments"),
        ("Hvem får notatet?", "sharing"),
        ("Saker for Voksne for Barn:", "system_level"),
    ],
)
def test_reworded_headings(heading: str, section: str) -> None:
    """Headings referents write in their own words name the template's section."""
    found = heading_of(_line(heading))
    assert found is not None
    assert match_section(found[0]) == section


@pytest.mark.parametrize("heading", ["Oppsummering", "Bakgrunn:", "Eventuelt"])
def test_generic_headings_open_a_section_of_their_own(heading: str) -> None:
    found = heading_of(_line(heading))
    assert found is not None
    assert match_section(found[0]) is None


@pytest.mark.parametrize(
    "raw",
    [
        # items written without a full stop, worded like a reworded heading
        "Foreldrene sa at de ikke ble hørt",
        "Samarbeidet fungerte ikke",
        "Deltakerne fortalte om lang ventetid",
        "Forslag om faste kontaktpersoner",
        # a sentence over 160 characters with a section's keyword before its colon
        "Foreldrene beskrev avlastningstilbudet som godt når det fungerer, men sårbart: når en "
        "ansatt slutter, faller tilbudet bort i flere måneder og familiene står alene igjen.",
    ],
)
def test_items_worded_like_headings_stay_items(raw: str) -> None:
    assert heading_of(_line(raw)) is None


def test_a_long_paragraph_after_a_heading_and_colon_is_its_content() -> None:
    raw = "Innledning deltaker: " + "En mor fortalte om mange år med kamp for avlastning. " * 4
    found = heading_of(_line(raw))
    assert found is not None
    assert found[0] == "Innledning deltaker" and found[2] == len("Innledning deltaker:")


@pytest.mark.parametrize(
    ("raw", "section", "heading", "content"),
    [
        ("Utfordringer: lang ventetid", "challenges", "Utfordringer", " lang ventetid"),
        ("Utfordr.: lang ventetid", "challenges", "Utfordr.", " lang ventetid"),
        ("God praksis: fastlegen ringte", "good_practice", "God praksis", " fastlegen ringte"),
        ("Sitater: «Vi ble aldri spurt»", "quotes", "Sitater", " «Vi ble aldri spurt»"),
        (
            "Sitater: «Vi søker om å orke.» (mor)",
            "quotes",
            "Sitater",
            " «Vi søker om å orke.» (mor)",
        ),
        ("1. Utfordringer: lang ventetid", "challenges", "1. Utfordringer", " lang ventetid"),
        ("**Utfordringer:** lang ventetid", "challenges", "Utfordringer:", " lang ventetid"),
        ("**Ønsker**: kortere ventetid", "want_more", "Ønsker", " kortere ventetid"),
    ],
)
def test_inline_content_after_heading(raw: str, section: str, heading: str, content: str) -> None:
    start = 10
    found = heading_of(_line(raw, start))
    assert found is not None
    title, content_start, inline = found
    assert title.strip() == heading
    assert match_section(title) == section
    assert inline == content_start
    assert raw[content_start - start :].strip() == content.strip()


@pytest.mark.parametrize(
    "raw",
    [
        "Vi snakket om mange utfordringer i skolen i kveld.",
        "Foreldrene opplevde mange utfordringer i møte med skolen.",
        "Hun fikk gode råd fra helsesykepleier.",
        "Det var mange positive erfaringer med BUP i fjor.",
        "Mor fortalte om problemer med NAV.",
        "Takk for et godt møte!",
        "Mange foreldre hadde problemer med å få time hos fastlegen i kommunen",
        "Antall deltakere: 7",
        "ROM-leder: Kari Hansen",
        "Referent: Ola Nordmann",
        "Hei alle sammen,",
        "Mvh Kari",
        "",
        "   ",
        "Hva skjer videre?",
        "x" * 200,
    ],
)
def test_ordinary_lines_are_not_headings(raw: str) -> None:
    assert heading_of(_line(raw)) is None


def test_theme_fact_line_is_not_a_heading() -> None:
    assert heading_of(_line("Kveldens tema: Utfordringer i skolen")) is None


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "***", "## ", "Kveldens tema", "Antall deltakere", "Hei", "Lorem ipsum dolor"],
)
def test_unknown_or_empty_text_names_no_section(raw: str) -> None:
    assert match_section(raw) is None


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        # the most specific keyword wins when a heading mentions two sections
        ("Utfordringer og ønsker", "challenges"),
        ("Sitater om utfordringer", "quotes"),
        ("Fra ettermøtet: god praksis vi tar med oss", "takeaways"),
        ("Innledning fra deltaker om utfordringer", "intro_participant"),
    ],
)
def test_first_keyword_decides_mixed_headings(heading: str, section: str) -> None:
    assert match_section(heading) == section
