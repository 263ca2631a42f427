"""parse_structure on small notes in every style referents write: sections, items and offsets."""

from __future__ import annotations

import re

import pytest

from nlp.structure.parser import Structure, parse_structure

# A plain sentence splitter standing in for spaCy: a sentence ends at . ! or ? before
# whitespace, or at a blank line; it may run over single line breaks (wrapped prose).
_SENTENCE = re.compile(r"\S(?:[^\n]|\n(?![ \t]*\n))*?(?:[.!?]+(?=\s|\Z)|(?=\n[ \t]*\n)|\Z)")


def sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _SENTENCE.finditer(text)]


def parse(text: str, spans: list[tuple[int, int]] | None = None) -> Structure:
    structure = parse_structure(text, sentences(text) if spans is None else spans)
    _check_offsets(text, structure)
    return structure


def _check_offsets(text: str, structure: Structure) -> None:
    """Every offset indexes the original text; items are trimmed and in order."""
    for item in structure.items:
        assert 0 <= item.start < item.end <= len(text)
        body = text[item.start : item.end]
        assert body == body.strip(), f"item not trimmed: {body!r}"
    starts = [i.start for i in structure.items]
    assert starts == sorted(starts)
    for section in structure.sections:
        assert 0 <= section.start <= section.end <= len(text)
        if section.heading is not None and section.heading_start is not None:
            assert section.heading in text[section.heading_start : section.start + 1]
    for before, after in zip(structure.sections, structure.sections[1:]):
        assert before.end == (
            after.heading_start if after.heading_start is not None else after.start
        )
    for fact in structure.facts:
        assert text[fact.value_start :].startswith(fact.value)


def items(text: str, structure: Structure) -> list[tuple[str, str]]:
    return [(i.section, text[i.start : i.end]) for i in structure.items]


def section_ids(structure: Structure) -> list[str]:
    return [s.id for s in structure.sections]


def boilerplate(text: str, structure: Structure) -> list[str]:
    return [text[a:b] for a, b in structure.boilerplate]


FULL = """Læringsnotat fra ROM-møte

Kveldens tema: Overgangen fra barn til voksen
Antall totalt: 12
Antall fagpersoner: 5
Antall deltakere: sju
Representerte tjenester: NAV, BUP, DPS og PPT
ROM-leder: Kari Hansen
Co-leder: Per Olsen
Referent: Ola Nordmann

Oppsummering av innledning deltaker
En mor fortalte om sønnen som ble utskrevet uten plan. Hun måtte selv ringe rundt.

Oppsummering av innledning fagperson
Fagpersonen fra DPS beskrev hvordan overgangen er organisert.

Eksempler på utfordringer og problemområder
- Lang ventetid hos BUP
- Ingen fikk informasjon om ansvarsgruppemøter

Eksempler på god praksis
- Fastlegen tok initiativ til samarbeid

Hva man ønsker mer av?
- Mer informasjon til pårørende

Hva trenger vi fra tjenestene som man ikke får nå og hvordan?
- En fast kontaktperson i kommunen

Nyttige råd/tips om tilgjengelige tjenester og tilbud
- Pårørendesenteret har gratis samtaler

Sitater som kan brukes i rapporter/høringer med mer
- «Vi ble aldri spurt», sa en far.

Fra ettermøtet: Hva tar fagpersonene med seg tilbake til egen arbeidsplass?
- Å spørre pårørende tidligere

Hvor og hvordan skal kunnskapen fra læringsnotatet deles?
- På personalmøtet i DPS

Forpliktende handlinger (hva, av hvem, hvordan)
- BUP inviterer til nytt møte i mai

Hva bør gjøres noe med på systemnivå (Voksne for Barn, politikere)
- Pårørende må få rett til informasjon
"""


def test_full_template() -> None:
    structure = parse(FULL)
    assert section_ids(structure) == [
        "header",
        "intro_participant",
        "intro_professional",
        "challenges",
        "good_practice",
        "want_more",
        "needs_from_services",
        "tips",
        "quotes",
        "takeaways",
        "sharing",
        "commitments",
        "system_level",
    ]
    assert items(FULL, structure) == [
        ("intro_participant", "En mor fortalte om sønnen som ble utskrevet uten plan."),
        ("intro_participant", "Hun måtte selv ringe rundt."),
        ("intro_professional", "Fagpersonen fra DPS beskrev hvordan overgangen er organisert."),
        ("challenges", "Lang ventetid hos BUP"),
        ("challenges", "Ingen fikk informasjon om ansvarsgruppemøter"),
        ("good_practice", "Fastlegen tok initiativ til samarbeid"),
        ("want_more", "Mer informasjon til pårørende"),
        ("needs_from_services", "En fast kontaktperson i kommunen"),
        ("tips", "Pårørendesenteret har gratis samtaler"),
        ("quotes", "«Vi ble aldri spurt», sa en far."),
        ("takeaways", "Å spørre pårørende tidligere"),
        ("sharing", "På personalmøtet i DPS"),
        ("commitments", "BUP inviterer til nytt møte i mai"),
        ("system_level", "Pårørende må få rett til informasjon"),
    ]
    assert [i.bullet for i in structure.items][:3] == [False, False, False]
    assert all(i.bullet for i in structure.items[3:])
    header = structure.header
    assert header.theme == "Overgangen fra barn til voksen"
    assert (header.total, header.professionals, header.participants) == (12, 5, 7)
    assert header.services == ["NAV", "BUP", "DPS", "PPT"]
    assert (header.rom_leader, header.co_leader, header.referent) == (
        "Kari Hansen",
        "Per Olsen",
        "Ola Nordmann",
    )
    # no header line, title or name ended up as an item
    texts = " ".join(t for _, t in items(FULL, structure))
    for header_text in ("Kveldens tema", "Antall", "Kari Hansen", "Ola Nordmann", "Læringsnotat"):
        assert header_text not in texts


def test_template_header_date_is_collected() -> None:
    text = (
        "Kveldens tema: Skolen\nDato: 12.03.2024\nAntall deltakere: 6\n"
        "\nUtfordringer\n- Lang ventetid\n"
    )
    structure = parse(text)
    assert structure.header.date == "12.03.2024"


def test_partial_template_with_inline_heading_and_prose() -> None:
    text = (
        "Tema: Skolen og fravær\n"
        "\n"
        "Utfordringer: skolen ringte ikke hjem.\n"
        "- PPT brukte et halvt år på utredning\n"
        "\n"
        "Hva fungerte godt?\n"
        "Helsesykepleier fulgte opp jevnlig. Læreren sendte ukeplan.\n"
        "\n"
        "Ønsker\n"
        "- Kortere ventetid\n"
    )
    structure = parse(text)
    assert section_ids(structure) == ["challenges", "good_practice", "want_more"]
    assert structure.header.theme == "Skolen og fravær"
    assert items(text, structure) == [
        ("challenges", "skolen ringte ikke hjem."),
        ("challenges", "PPT brukte et halvt år på utredning"),
        ("good_practice", "Helsesykepleier fulgte opp jevnlig."),
        ("good_practice", "Læreren sendte ukeplan."),
        ("want_more", "Kortere ventetid"),
    ]


def test_prose_without_headings_uses_the_sentences() -> None:
    text = (
        "En far fortalte at han ventet i fire måneder på svar fra barnevernet. Det var tungt\n"
        "for hele familien.\n"
        "\n"
        "Fagpersonene sa at de har for lite tid. Flere ønsket et fast kontaktpunkt i kommunen.\n"
    )
    structure = parse(text)
    assert section_ids(structure) == ["unknown"]
    assert items(text, structure) == [
        ("unknown", "En far fortalte at han ventet i fire måneder på svar fra barnevernet."),
        ("unknown", "Det var tungt\nfor hele familien."),
        ("unknown", "Fagpersonene sa at de har for lite tid."),
        ("unknown", "Flere ønsket et fast kontaktpunkt i kommunen."),
    ]


def test_prose_wrapped_at_a_fixed_width_is_read_as_sentences_not_lines() -> None:
    text = (
        "Utfordringer\n"
        "Flere foreldre ventet lenge på time hos BUP, og at ingen\n"
        "ga beskjed om ventetiden. En mor sa at hun måtte\n"
        "ringe hver uke selv.\n"
        "\n"
        "Ønsker\n"
        "Fast kontaktperson\n"
        "raskere svar fra NAV\n"
        "tolk på alle møter\n"
    )
    assert items(text, parse(text)) == [
        (
            "challenges",
            "Flere foreldre ventet lenge på time hos BUP, og at ingen\nga beskjed om ventetiden.",
        ),
        ("challenges", "En mor sa at hun måtte\nringe hver uke selv."),
        ("want_more", "Fast kontaktperson"),  # a list without bullets stays a line per item
        ("want_more", "raskere svar fra NAV"),
        ("want_more", "tolk på alle møter"),
    ]


def test_prose_without_sentence_spans_is_one_item_per_paragraph() -> None:
    text = "Ventetiden var lang. Ingen ringte.\n\nSkolen var flink.\n"
    structure = parse(text, spans=[])
    assert items(text, structure) == [
        ("unknown", "Ventetiden var lang. Ingen ringte."),
        ("unknown", "Skolen var flink."),
    ]


def test_short_framing_sentence_ending_in_colon_is_not_an_item() -> None:
    text = "Utfordringer\nDeltakerne nevnte dette:\n- Lang ventetid\n- Lite informasjon\n"
    structure = parse(text)
    assert items(text, structure) == [
        ("challenges", "Lang ventetid"),
        ("challenges", "Lite informasjon"),
    ]


EMAIL = """Fra: Kari Hansen <kari.hansen@example.no>
Sendt: 12. mars 2024 21:04
Til: Ola Nordmann
Emne: Læringsnotat fra ROM 12. mars

Hei alle sammen,

Utfordringer
- Lang ventetid hos DPS
- Ingen tok kontakt etter utskriving

Ønsker
- Mer informasjon til pårørende

Mvh
Kari Hansen
Koordinator
Tlf 900 00 000

-----Opprinnelig melding-----
Fra: Per Olsen
Sendt: 11. mars 2024
Til: Kari Hansen
Emne: Notat

God praksis
- Helsestasjonen ringte hjem

Hilsen Per
"""


def test_forwarded_email_keeps_only_note_content() -> None:
    structure = parse(EMAIL)
    assert section_ids(structure) == ["challenges", "want_more", "good_practice"]
    assert items(EMAIL, structure) == [
        ("challenges", "Lang ventetid hos DPS"),
        ("challenges", "Ingen tok kontakt etter utskriving"),
        ("want_more", "Mer informasjon til pårørende"),
        ("good_practice", "Helsestasjonen ringte hjem"),
    ]
    skipped = boilerplate(EMAIL, structure)
    for line in (
        "Fra: Kari Hansen <kari.hansen@example.no>",
        "Emne: Læringsnotat fra ROM 12. mars",
        "Hei alle sammen,",
        "Mvh",
        "Kari Hansen",
        "Tlf 900 00 000",
        "-----Opprinnelig melding-----",
        "Fra: Per Olsen",
        "Hilsen Per",
    ):
        assert line in skipped
    item_text = " ".join(t for _, t in items(EMAIL, structure))
    for leaked in ("Kari", "Koordinator", "900", "Per", "Hei", "Emne"):
        assert leaked not in item_text


@pytest.mark.parametrize(
    "sign_off",
    ["Mvh Kari", "Med vennlig hilsen\nKari Hansen", "Hilsen Kari", "Venleg helsing\nKari"],
)
def test_signature_and_lines_after_it_are_not_items(sign_off: str) -> None:
    text = f"Utfordringer\n- Lang ventetid\n\n{sign_off}\nRådgiver i kommunen\n"
    structure = parse(text)
    assert items(text, structure) == [("challenges", "Lang ventetid")]


COVERING_MAIL_FIRST = """Hei Helge,
her er notatet fra i går. Kan du sende det videre?

Mvh Tove

ROM barnevern – foreldre med barn i fosterhjem
Tema: Hvordan blir foreldre møtt?
Til stede: 11 (5 fagpersoner, 6 foreldre)
ROM-leder: Tove Lindahl, co-leder: Arild Berg

Oppsummering
Innleder er en far som mistet omsorgen for tre år siden.

Hva fungerte ikke:
- Foreldrene fikk ikke kopi av vedtaket.

1) Det vi tar med oss
- Barneverntjenesten vil lage en rutine.

Takk for en fin kveld!
Tove
"""


def test_a_signature_that_closes_the_covering_mail_does_not_swallow_the_note() -> None:
    structure = parse(COVERING_MAIL_FIRST)
    assert items(COVERING_MAIL_FIRST, structure) == [
        ("unknown", "Innleder er en far som mistet omsorgen for tre år siden."),
        ("challenges", "Foreldrene fikk ikke kopi av vedtaket."),
        ("takeaways", "Barneverntjenesten vil lage en rutine."),
    ]
    header = structure.header
    assert (header.total, header.professionals, header.participants) == (11, 5, 6)
    assert (header.rom_leader, header.co_leader) == ("Tove Lindahl", "Arild Berg")
    assert "Mvh Tove" in boilerplate(COVERING_MAIL_FIRST, structure)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Det fungerer ikke i praksis. «", "Vi har alt, men ingenting henger sammen», sa en far."),
        ("Hun fikk aldri svar fra NAV. –", " Jeg ringte hver uke, sa hun."),
        ('Ingen spurte oss. "', 'Vi var usynlige", sa mor.'),
    ],
)
def test_a_quote_mark_that_opens_the_next_sentence_goes_with_it(first: str, second: str) -> None:
    """spaCy may end a sentence after the mark that opens the next one."""
    text = f"Utfordringer\n{first}{second}\n"
    cut = len("Utfordringer\n") + len(first)
    spans = [(len("Utfordringer\n"), cut), (cut, len(text) - 1)]
    found = [t for _, t in items(text, parse(text, spans))]
    assert found == [first[:-1].strip(), (first[-1] + second).strip()]


def test_a_quote_on_the_quotes_heading_line_is_one_item() -> None:
    text = (
        "Sitater: «Vi søker ikke om luksus. Vi søker om å orke.» (mor)\n«Vi ser behovet.» (fag)\n"
    )
    assert items(text, parse(text)) == [
        ("quotes", "«Vi søker ikke om luksus. Vi søker om å orke.» (mor)"),
        ("quotes", "«Vi ser behovet.» (fag)"),
    ]


@pytest.mark.parametrize(
    ("first", "again"),
    [("Sitater", "Sitater"), ("Utfordringer", "Utfordringar"), ("Utfordringer", "Utfordringer")],
)
def test_a_short_heading_naming_the_section_it_is_in_is_a_heading(first: str, again: str) -> None:
    text = f"{first}\n«Lang ventetid.» (far)\n\n{again}\n«Vi ble aldri spurt.» (mor)\n"
    found = [t for _, t in items(text, parse(text))]
    assert found == ["«Lang ventetid.» (far)", "«Vi ble aldri spurt.» (mor)"]


def test_a_place_and_date_line_in_the_header_is_a_fact_not_an_item() -> None:
    text = (
        "Læringsnotat ROM Ung\nTromsø, 26.02.2025\nTema: Medvirkning\n\n"
        "Utfordringer\n- Ingen spurte.\n"
    )
    structure = parse(text)
    assert (structure.header.date, structure.header.place) == ("26.02.2025", "Tromsø")
    assert items(text, structure) == [("challenges", "Ingen spurte.")]


PROSE_OPENING = """Læringsnotat fra ROM-møte i Bodø

Temaet for kvelden var hvordan foreldre blir møtt av helsetjenestene. Vi var 15 til stede, 9 \
foreldre og 6 fagpersoner. Møtet ble ledet av Tone Bakkevik, og undertegnede skrev notat.

Innleder var en mor som fortalte om datteren. Det tok nesten et år før noen lyttet.
"""


def test_the_facts_a_prose_note_opens_with_are_header_facts_not_items() -> None:
    structure = parse(PROSE_OPENING)
    header = structure.header
    assert header.theme == "hvordan foreldre blir møtt av helsetjenestene"
    assert (header.total, header.participants, header.professionals) == (15, 9, 6)
    assert header.rom_leader == "Tone Bakkevik"
    assert [t for _, t in items(PROSE_OPENING, structure)] == [
        "Innleder var en mor som fortalte om datteren.",
        "Det tok nesten et år før noen lyttet.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi var mange som kjente oss igjen.",
        "Vi var 3 ganger hos fastlegen før noen lyttet.",
    ],
)
def test_story_sentences_in_a_prose_opening_stay_items(sentence: str) -> None:
    text = f"{sentence} Det tok lang tid.\n"
    found = [t for _, t in items(text, parse(text))]
    assert found[0] == sentence


QUOTED_REPLY = """Hei igjen, beklager, glemte vedlegget. Limer inn teksten her i stedet.

> Læringsnotat ROM tilrettelagte tjenester, Molde
> Tema: Overgang til voksenhabilitering
> ROM-leder: Trine Aure
>
> Innledning
> ----------
> En far fortalte om datteren som ble myndig i fjor.
>
> Utfordringer
> ----------
> - Ingen informerte om vergemål.
> - Dagtilbudet var ikke klart.
"""


def test_a_note_quoted_in_a_mail_reply_is_read_without_the_quote_marks() -> None:
    structure = parse(QUOTED_REPLY)
    assert (structure.header.rom_leader, structure.header.place) == ("Trine Aure", "Molde")
    assert items(QUOTED_REPLY, structure) == [
        ("intro_participant", "En far fortalte om datteren som ble myndig i fjor."),
        ("challenges", "Ingen informerte om vergemål."),
        ("challenges", "Dagtilbudet var ikke klart."),
    ]


def test_the_date_in_a_forwarded_mail_header_is_not_the_meeting_date() -> None:
    text = (
        "Fra: Tove Lindahl <tove@example.no>\nDato: fre. 6. des. 2024 kl. 13:02\n"
        "Emne: Notat fra ROM\n\nTema: Skolen\nDato: 5.12.2024\n\nUtfordringer\n- Lang ventetid\n"
    )
    structure = parse(text)
    assert structure.header.date == "5.12.2024"
    assert "Dato: fre. 6. des. 2024 kl. 13:02" in boilerplate(text, structure)


def test_a_numbered_heading_right_after_the_header_is_a_heading() -> None:
    text = "Tema: Skolen\nDato: 3.4.2026\n\n1) Innledning deltaker\nEn mor fortalte om skolen.\n"
    structure = parse(text)
    assert section_ids(structure) == ["intro_participant"]
    assert items(text, structure) == [("intro_participant", "En mor fortalte om skolen.")]


def test_terse_minutes_split_after_abbreviation() -> None:
    text = "Utfordringer\nVentet på BUP i 8 mnd. Veileder byttet tre ganger. Ingen plan.\n"
    body = text.index("Ventet")
    second = text.index("Ingen")
    # spaCy does not split after "mnd." in terse notes: one sentence runs over it
    spans = [(body, second - 1), (second, len(text) - 1)]
    structure = parse(text, spans)
    assert items(text, structure) == [
        ("challenges", "Ventet på BUP i 8 mnd."),
        ("challenges", "Veileder byttet tre ganger."),
        ("challenges", "Ingen plan."),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Ventet ca. 3 uker på svar.", "Fikk tilbud om f.eks. BUP og DPS.", "Time kl. 8 hver uke."],
)
def test_abbreviation_inside_a_sentence_does_not_split_it(sentence: str) -> None:
    text = f"Utfordringer\n{sentence}\n"
    start = text.index(sentence)
    structure = parse(text, [(start, start + len(sentence))])
    assert items(text, structure) == [("challenges", sentence)]


def test_word_paste_with_tab_bullets_and_decimal_numbering() -> None:
    text = (
        "1.1\tUtfordringer\n"
        "•\tLang ventetid hos BUP\n"
        "o\tSærlig for barn under 12\n"
        "•\tSkolen varslet ikke foreldrene\n"
        "1.2\tGod praksis\n"
        "•\tHelsesykepleier fulgte opp\n"
    )
    structure = parse(text)
    assert section_ids(structure) == ["challenges", "good_practice"]
    assert items(text, structure) == [
        ("challenges", "Lang ventetid hos BUP"),
        ("challenges", "Særlig for barn under 12"),
        ("challenges", "Skolen varslet ikke foreldrene"),
        ("good_practice", "Helsesykepleier fulgte opp"),
    ]
    assert all(i.bullet for i in structure.items)


def test_multi_line_bullets_are_joined() -> None:
    text = (
        "Utfordringer\n"
        "- Det tok lang tid før noen\n"
        "  tok kontakt med familien\n"
        "- Skolen visste ikke om\n"
        "diagnosen før i åttende klasse\n"
        "- Ventetid.\n"
        "Mor var sliten.\n"
    )
    structure = parse(text)
    assert items(text, structure) == [
        ("challenges", "Det tok lang tid før noen\n  tok kontakt med familien"),
        ("challenges", "Skolen visste ikke om\ndiagnosen før i åttende klasse"),
        ("challenges", "Ventetid."),
        ("challenges", "Mor var sliten."),
    ]
    assert [i.bullet for i in structure.items] == [True, True, True, False]


@pytest.mark.parametrize("marker", ["-", "*", "•", "–", "1.", "2)", "a)"])
def test_bullet_markers(marker: str) -> None:
    text = (
        f"Eksempler på god praksis\n{marker} Fastlegen ringte hjem\n"
        f"{marker} Læreren sendte ukeplan\n"
    )
    structure = parse(text)
    assert items(text, structure) == [
        ("good_practice", "Fastlegen ringte hjem"),
        ("good_practice", "Læreren sendte ukeplan"),
    ]


def test_bullet_naming_a_section_is_an_item_not_a_heading() -> None:
    text = "Ønsker\n- Utfordringer med skolen må tas opp\n- Gode eksempler bør deles\n"
    structure = parse(text)
    assert section_ids(structure) == ["want_more"]
    assert items(text, structure) == [
        ("want_more", "Utfordringer med skolen må tas opp"),
        ("want_more", "Gode eksempler bør deles"),
    ]


def test_numbered_items_with_section_keywords_stay_items() -> None:
    text = (
        "Hva man ønsker mer av?\n"
        "1. Bedre oppfølging etter utskriving\n"
        "2. Mer informasjon om tilbud\n"
        "3. Et godt samarbeid med skolen\n"
    )
    structure = parse(text)
    assert section_ids(structure) == ["want_more"]
    assert items(text, structure) == [
        ("want_more", "Bedre oppfølging etter utskriving"),
        ("want_more", "Mer informasjon om tilbud"),
        ("want_more", "Et godt samarbeid med skolen"),
    ]


def test_unbulleted_item_lines_with_keywords_stay_items() -> None:
    text = (
        "Utfordringer\nLang ventetid hos BUP\nProblemer med å få svar fra NAV\nSkolen ringte ikke\n"
    )
    structure = parse(text)
    assert items(text, structure) == [
        ("challenges", "Lang ventetid hos BUP"),
        ("challenges", "Problemer med å få svar fra NAV"),
        ("challenges", "Skolen ringte ikke"),
    ]


NYNORSK = """Tal på deltakarar: ni
Tal på fagpersonar: 3

Døme på utfordringar
- Ein far fekk ikkje vite noko
- Lang ventetid

Kva ønskjer ein meir av?
- Meir samarbeid

Kva treng vi frå tenestene som ein ikkje får no?
- Ein fast kontaktperson

Frå ettermøtet
- Spørje pårørande tidlegare

Venleg helsing
Kari
"""


def test_nynorsk_note() -> None:
    structure = parse(NYNORSK)
    assert section_ids(structure) == [
        "challenges",
        "want_more",
        "needs_from_services",
        "takeaways",
    ]
    assert (structure.header.participants, structure.header.professionals) == (9, 3)
    assert items(NYNORSK, structure) == [
        ("challenges", "Ein far fekk ikkje vite noko"),
        ("challenges", "Lang ventetid"),
        ("want_more", "Meir samarbeid"),
        ("needs_from_services", "Ein fast kontaktperson"),
        ("takeaways", "Spørje pårørande tidlegare"),
    ]


MARKDOWN = """# Læringsnotat

**Kveldens tema:** Rus i familien
**Referent:** Ola Nordmann

## Utfordringer
* Lang ventetid
* Lite informasjon

## 2. Eksempler på god praksis
- Fastlegen ringte

**Sitater**
- «Vi ble ikke hørt», sa en mor.

**Ønsker:** flere møteplasser for ungdom
"""


def test_markdown_note() -> None:
    structure = parse(MARKDOWN)
    assert section_ids(structure) == [
        "header",
        "challenges",
        "good_practice",
        "quotes",
        "want_more",
    ]
    assert structure.header.theme == "Rus i familien"
    assert structure.header.referent == "Ola Nordmann"
    assert items(MARKDOWN, structure) == [
        ("challenges", "Lang ventetid"),
        ("challenges", "Lite informasjon"),
        ("good_practice", "Fastlegen ringte"),
        ("quotes", "«Vi ble ikke hørt», sa en mor."),
        ("want_more", "flere møteplasser for ungdom"),
    ]
    assert "**" not in " ".join(t for _, t in items(MARKDOWN, structure))


def test_quote_lines_under_sitater_are_one_item_each() -> None:
    text = (
        "Sitater\n"
        "«Vi ble aldri spurt», sa en far.\n"
        "«Skolen ringte aldri», sa en mor.\n"
        "- Det hjalp at noen lyttet\n"
    )
    structure = parse(text)
    assert items(text, structure) == [
        ("quotes", "«Vi ble aldri spurt», sa en far."),
        ("quotes", "«Skolen ringte aldri», sa en mor."),
        ("quotes", "Det hjalp at noen lyttet"),
    ]


def test_offsets_survive_leading_text_and_crlf_free_input() -> None:
    text = "\n\n   \nUtfordringer\n\n   - Lang ventetid   \n\n"
    structure = parse(text)
    [item] = structure.items
    assert text[item.start : item.end] == "Lang ventetid"
    assert item.start == text.index("Lang")


def test_empty_note_is_one_unknown_section_without_items() -> None:
    structure = parse("")
    assert section_ids(structure) == ["unknown"]
    assert structure.items == []


def test_a_sentence_may_end_in_a_number() -> None:
    text = (
        "Innledning deltaker\n"
        "Faren ble innlagt høsten 2023. Barna fikk ikke vite noe. Møtet var 3. april i Hamar. "
        "Han ble 18.\tNAV-veilederen kom. Vi møttes 3. Januar hos BUP.\n"
    )
    body = text.index("Faren")
    found = [t for _, t in items(text, parse(text, [(body, len(text) - 1)]))]
    assert found == [
        "Faren ble innlagt høsten 2023.",
        "Barna fikk ikke vite noe. Møtet var 3. april i Hamar. Han ble 18.",
        "NAV-veilederen kom. Vi møttes 3. Januar hos BUP.",
    ]


def test_the_older_message_below_a_reply_is_not_the_note() -> None:
    text = (
        "Utfordringer\n- Lang ventetid\n\nGod praksis\n- Fast kontakt\n\nMvh\nEspen\n\n"
        "-----Opprinnelig melding-----\nFra: Gunnhild\nHei Espen!\n"
        "Har du mulighet til å sende notatet før fredag?\nGunnhild\n"
    )
    structure = parse(text)
    assert items(text, structure) == [
        ("challenges", "Lang ventetid"),
        ("good_practice", "Fast kontakt"),
    ]
    assert "Har du mulighet til å sende notatet før fredag?" in boilerplate(text, structure)


@pytest.mark.parametrize(
    ("sentence", "place", "date", "leader"),
    [
        (
            "Møtet vart halde på Sunde kyrkjelydshus onsdag 6. mars 2024 og leia av Ingrid "
            "Bjørk, som har vore ROM-leiar i fleire år.",
            "Sunde kyrkjelydshus",
            "6. mars 2024",
            "Ingrid Bjørk",
        ),
        (
            "Møtet ble holdt på Frivilligsentralen i Hamar 12.03.2024, og det ble ledet av "
            "Kari Hansen.",
            "Frivilligsentralen i Hamar",
            "12.03.2024",
            "Kari Hansen",
        ),
        ("Kvelden ble arrangert i Kulturhuset.", "Kulturhuset", None, None),
    ],
)
def test_a_prose_opening_names_the_meetings_place_date_and_leader(
    sentence: str, place: str, date: str | None, leader: str | None
) -> None:
    text = f"Læringsnotat ROM barnevern\n\n{sentence}\n\nEi mor fortalde om sonen.\n"
    start = text.index(sentence)
    last = text.index("Ei mor")
    # spaCy keeps "6. mars" inside the sentence, where the stand-in splitter would cut it
    spans = [(0, 26), (start, start + len(sentence)), (last, len(text) - 1)]
    structure = parse(text, spans)
    header = structure.header
    assert (header.place, header.date, header.rom_leader) == (place, date, leader)
    assert [t for _, t in items(text, structure)] == ["Ei mor fortalde om sonen."]
