"""The note-level rules of the personal-data stage, on hand-made flags (no models needed)."""

from __future__ import annotations

import gc

import pytest
import spacy

from nlp.pii.doc_view import doc_text, share_doc_text
from nlp.pii.stage import Flag, PresidioPiiStage, _drop_header_facts
from nlp.structure.header import parse_fact_line
from nlp.structure.lines import split_lines
from tests.memory import containers_holding

HEADER = """LÆRINGSNOTAT ROM UNG

DATO: 21.02.2024
ROM-LEDER, CO-LEDER OG REFERENT: Per Olsen og Kari Dahl
STED: Hamar
Innledning ved Tone Berg om kveldens tema: ventetid
"""


LINES = [(line, parse_fact_line(line)) for line in split_lines(HEADER)]


def flag(text: str, surface: str, type_: str) -> Flag:
    start = text.index(surface)
    return Flag(start, start + len(surface), type_, 0.8, "test")


@pytest.mark.parametrize(
    "surface,type_",
    [
        ("CO-LEDER OG REFERENT", "ORGANIZATION"),  # a field label, whatever NER says
        ("ROM-LEDER", "PERSON"),
        ("Hamar", "LOCATION"),  # the meeting's place
        ("21.02.2024", "DATE"),  # the meeting's date
    ],
)
def test_header_labels_and_meeting_facts_are_dropped(surface: str, type_: str) -> None:
    assert _drop_header_facts(HEADER, LINES, [flag(HEADER, surface, type_)]) == []


@pytest.mark.parametrize("surface", ["Per Olsen", "Kari Dahl"])
def test_names_in_header_values_stay(surface: str) -> None:
    kept = flag(HEADER, surface, "PERSON")
    assert _drop_header_facts(HEADER, LINES, [kept]) == [kept]


def test_a_known_name_before_a_colon_stays() -> None:
    """Some field patterns match anywhere before the colon ("… om kveldens tema:"): a name
    there is still a name."""
    kept = flag(HEADER, "Tone Berg", "PERSON")
    assert _drop_header_facts(HEADER, LINES, [kept]) == [kept]


def test_the_doc_text_is_shared_only_when_it_is_the_parsed_text() -> None:
    nlp = spacy.blank("nb")
    text = "  Kari sa: «hei»  \n\nOla svarte. "
    doc = nlp(text)
    share_doc_text(doc, text)
    assert doc_text(doc) == doc.text == text
    for other in ("Kari sa noe annet", text + " ", text.replace("Ola", "Per")[:-1] + "x"):
        doc = nlp(text)
        share_doc_text(doc, other)
        assert doc_text(doc) == text


def _flagged_surfaces(
    stage: PresidioPiiStage, nlp: spacy.language.Language, body: str
) -> list[str]:
    text = f"Læringsnotat\n\nUtfordringer:\n- {body}\n"
    doc = nlp(text)
    return [text[f.start : f.end] for f in stage.flags(text, doc)]


def test_the_pii_stage_keeps_no_note_text_after_the_note_is_gone(
    blank_nb: spacy.language.Language,
) -> None:
    """A long-running service must not hold a note after its analysis: no cache, Doc or
    recognizer keeps the note's text (spaCy's string store keeps single words only)."""
    stage = PresidioPiiStage(blank_nb)
    first, second = "Kari Zyqvist fortalte at Røde Kors", "hjalp familien i Rjukan i fjor."
    surfaces = _flagged_surfaces(stage, blank_nb, " ".join([first, second]))
    assert "Kari Zyqvist" in surfaces  # the stage did its work
    gc.collect()
    assert containers_holding(" ".join([first, second])) == []


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        # a name that is also a word: only alone in brackets or opening a line before a verb
        ("Sol", "innl. (mor, Sol):\n- sol har to barn\n- «vi må slåss» (sol)\n", ["sol", "sol"]),
        ("Sol", "Sola skinte, og sol og vind hjalp.\nsolen kom fram\n", []),
        # a name that is no word: every lower-case mention
        ("Kari", "Kari sa det først.\nsenere sa kari det igjen", ["kari"]),
        ("Kari", "Kari sa det.\nkarite og kariere\n", []),
        # a sentence start before a verb, the speaker after a quote
        ("Sol", "Sol (16) kom. Då sa ho det. sol sa at det hjalp.\n«nei» – sol\n", ["sol", "sol"]),
        # a name typed in lower case that is also a word spreads only to a name's place
        (
            "vår",
            "ho og vår (ei venninne) kom.\ni vår var det ille. vår sa at det hjalp.\n",
            ["vår"],
        ),
    ],
)
def test_lower_case_mentions_of_a_flagged_name(name: str, text: str, found: list[str]) -> None:
    from nlp.pii.stage import _spread

    start = text.index(name)
    flags = [Flag(start, start + len(name), "PERSON", 0.85, "person")]
    spread = [text[f.start : f.end] for f in _spread(text, flags) if f.start != start]
    assert spread == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Dag (16) kom. Dag for dag ble han borte. Dag sa det.", ["Dag"]),
        ("Stein sa det. «Stein på stein», sa vi. Stein kom.", ["Stein"]),
        ("Mai (9) kom. Mai–juni er verst. Mai og juni er verst.", []),
    ],
)
def test_a_name_that_is_also_a_word_is_not_spread_to_the_word(text: str, found: list[str]) -> None:
    from nlp.pii.stage import _spread

    name = text.split()[0]
    flags = [Flag(0, len(name), "PERSON", 0.85, "person")]
    assert [text[f.start : f.end] for f in _spread(text, flags) if f.start != 0] == found


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        # a person's initials elsewhere in the note: "Randi S." as "RS", "K.H." as "KH", "k.h."
        ("Randi S.", "Randi S. kom.\n- RS: mor til gutt.\nRSA og BRS er ikke henne.", ["RS"]),
        ("K.H.", "K.H. kom. Kven er KH? Er det k.h. lenger nede?", ["KH", "k.h."]),
        # initials that are a service's acronym are not spread
        ("Berit Ulla Pedersen", "Berit Ulla Pedersen kom.\nBUP ringte.", []),
    ],
)
def test_initials_of_a_flagged_person_are_flagged(name: str, text: str, found: list[str]) -> None:
    from nlp.pii.stage import _spread

    flags = [Flag(0, len(name), "PERSON", 0.85, "person")]
    spread = [f for f in _spread(text, flags) if f.recognizer == "spread initials" and f.start]
    assert [text[f.start : f.end] for f in spread] == found


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        # a lower-case word-name opening a sentence before a past tense, or as a possessive
        (
            "storm",
            "storm (16) kom. storms far ruser seg. storm mistet jobben.",
            ["storms", "storm"],
        ),
        # a name no list knows, in lower case after a speech verb that ends the clause
        (
            "Nhung",
            "Nhung kom. «Han leser brevene under dyna», sa nhung. Vi sa nhung var fin.",
            ["nhung"],
        ),
        # a word-name in lower case opening a quote before a verb (red-team round 13)
        ("Ask", "Ask kom. «ask var den eneste som banket på.» Ei ask i hagen.", ["ask"]),
        # the given name of a flagged full name, in lower case, in a name's place only
        (
            "dag rasmussen",
            "dag rasmussen kom. dag delte sin historie. i dag delte vi mat.",
            ["dag"],
        ),
    ],
)
def test_word_names_spread_to_more_name_places(name: str, text: str, found: list[str]) -> None:
    from nlp.pii.stage import _spread

    flags = [Flag(0, len(name), "PERSON", 0.85, "person")]
    assert [text[f.start : f.end] for f in _spread(text, flags) if f.start != 0] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Vår (16) kom. Vår erfaring er god. Vår sender notatet. Fostermor Vår på Voss.", 2),
        ("Lykke (14) kom. Lykke til videre! Lykke sa det.", 1),
        ("Dag (40) kom. Dag 1 etter utskr.: ingen avtale. Dag 3: stengt. Dag sa det.", 1),
    ],
)
def test_vaar_and_lykke_as_words_are_not_spread(text: str, found: int) -> None:
    from nlp.pii.stage import _spread

    name = text.split()[0]
    flags = [Flag(0, len(name), "PERSON", 0.85, "person")]
    assert len([f for f in _spread(text, flags) if f.start != 0]) == found


def test_table_columns_type_their_cells_and_the_header_row_is_no_data() -> None:
    from nlp.pii.tables import find_tables

    text = (
        "Deltakere\nNavn\tRolle\tBosted\nRandi S.\tmor\tHokksund\nask\tstefar\t–\n"
        "Zainab H.\tmor\tFjell\n\nRunde rundt bordet\nTabell\tuten\tkjente kolonner\n"
    )
    tables = find_tables(text)
    cells = [(text[c.start : c.end], c.type) for c in tables.cells]
    assert cells == [
        ("Randi S.", "PERSON"),
        ("Hokksund", "LOCATION"),
        ("ask", "PERSON"),
        ("Zainab H.", "PERSON"),
        ("Fjell", "LOCATION"),
    ]
    assert [text[a:b] for a, b in tables.headers] == ["Navn\tRolle\tBosted"]
    assert find_tables("Ingen tabell her.\n").cells == ()


@pytest.mark.parametrize(
    "text",
    [
        "Stad:\tFagernes\nDato:\t12. februar 2024\nTal på deltakarar:\t12\n",
        "**Sted:**\tHamar\nTema:\tSøsken\n",
    ],
)
def test_header_facts_pasted_with_tabs_are_no_table(text: str) -> None:
    from nlp.pii.tables import find_tables

    assert find_tables(text) == find_tables("")


def test_a_header_row_of_two_labels_with_colons_is_still_a_table() -> None:
    from nlp.pii.tables import find_tables

    text = "Navn:\tBosted:\nRandi S.\tHokksund\n"
    cells = [(text[c.start : c.end], c.type) for c in find_tables(text).cells]
    assert cells == [("Randi S.", "PERSON"), ("Hokksund", "LOCATION")]


def test_the_meeting_place_and_date_a_prose_opening_states_are_not_flagged() -> None:
    from nlp.pii.stage import _meeting_fact

    text = "Møtet vart halde på Sunde kyrkjelydshus onsdag 6. mars 2024 og leia av Ingrid Bjørk."
    place = (text.index("Sunde"), text.index(" onsdag"))
    date = (text.index("6. mars"), text.index(" og leia"))
    assert _meeting_fact(flag(text, "Sunde", "PERSON"), [place, date])
    assert _meeting_fact(flag(text, "onsdag 6. mars 2024", "DATE"), [place, date])
    assert not _meeting_fact(flag(text, "Ingrid Bjørk", "PERSON"), [place, date])


def test_markdown_tables_type_their_cells_too() -> None:
    from nlp.pii.tables import find_tables

    text = (
        "## Deltakere\n\n| Navn | Rolle | Kommune |\n|---|---|---|\n"
        "| Randi Lie | Fostermor | Gjerdrum |\n| Kristoffer Lund | Fagperson | – |\n\nTekst.\n"
    )
    tables = find_tables(text)
    cells = [(text[c.start : c.end], c.type) for c in tables.cells]
    assert cells == [
        ("Randi Lie", "PERSON"),
        ("Gjerdrum", "LOCATION"),
        ("Kristoffer Lund", "PERSON"),
    ]
    assert [text[a:b] for a, b in tables.headers] == ["| Navn | Rolle | Kommune |"]


def test_a_spreadsheet_export_split_by_semicolons_is_a_table_with_typed_contact_columns() -> None:
    from nlp.pii.tables import find_tables

    text = (
        "Deltakere:\nNavn;Rolle;Kommune;Telefon\nDag Strand;far;Gran;93412887\n"
        '"Ingeborg ""Bibbi"" Haugli";fagperson;;61 33 90 12\nbrukerrepresentant;;;\n'
        "eliassen storm;far;;9 7 7 0 4 1 2 3\n\nVi snakket om dette; det var fint.\n"
    )
    tables = find_tables(text)
    cells = [(text[c.start : c.end], c.type) for c in tables.cells]
    assert cells == [
        ("Dag Strand", "PERSON"),
        ("Gran", "LOCATION"),
        ("93412887", "PHONE"),
        ('"Ingeborg ""Bibbi"" Haugli"', "PERSON"),
        ("61 33 90 12", "PHONE"),
        ("eliassen storm", "PERSON"),  # a role in the names' column is no name
        ("9 7 7 0 4 1 2 3", "PHONE"),
    ]
    assert [text[a:b] for a, b in tables.headers] == ["Navn;Rolle;Kommune;Telefon"]


def test_a_table_lined_up_by_spaces_types_its_cells_by_the_header_above_them() -> None:
    from nlp.pii.tables import find_tables

    text = (
        "Lista:\n\nnamn               alder      skule            kommune     kontakt\n"
        "Vår Eide Solheim   16         Hafstad vgs      sunnfjord   vaar.es(at)gmail.com\n"
        "Storm              fjorten    Selje skule      stad        mor: 9o2 11 4o5\n\n"
        "Det var fint.  Alle kom.  Takk.\n"
    )
    cells = [(text[c.start : c.end], c.type) for c in find_tables(text).cells]
    assert cells == [
        ("Vår Eide Solheim", "PERSON"),
        ("16", "AGE"),
        ("Hafstad vgs", "ORGANIZATION"),
        ("sunnfjord", "LOCATION"),
        ("Storm", "PERSON"),
        ("fjorten", "AGE"),
        ("Selje skule", "ORGANIZATION"),
        ("stad", "LOCATION"),
    ]


def test_a_case_timeline_s_case_worker_column_holds_names() -> None:
    from nlp.pii.tables import find_tables

    text = "dato\thendelse\tsaksbehandler\n01.03.2023\tSamtale på skolen\tkhaugen\n"
    cells = [(text[c.start : c.end], c.type) for c in find_tables(text).cells]
    assert cells == [("khaugen", "PERSON")]


def test_a_pdf_s_page_lines_hold_the_meeting_s_date_not_a_person_s() -> None:
    from nlp.pii.stage import _page_lines
    from nlp.structure.lines import split_lines

    text = (
        "Side 1 av 3 – Referent: Gro Ask – 04.03.2025\nROM Sunnfjord · læringsnotat 04.03.2025\n"
        "Tekst om Kari.\nROM Sunnfjord · læringsnotat 04.03.2025\nROM er bra.\n"
    )
    lines = split_lines(text)
    free = [text[a:b] for a, b in _page_lines(lines)]
    assert free == [
        "Side 1 av 3 – Referent: Gro Ask – 04.03.2025",
        "ROM Sunnfjord · læringsnotat 04.03.2025",
        "ROM Sunnfjord · læringsnotat 04.03.2025",
    ]


def test_initials_that_spell_an_everyday_abbreviation_are_not_spread() -> None:
    from nlp.pii.stage import _spread

    text = "Ola Kvam kom. Det var OK, sa han.\n- OK: sa ja.\n"
    flags = [Flag(0, 8, "PERSON", 0.85, "person")]
    assert not [f for f in _spread(text, flags) if f.recognizer == "spread initials"]


@pytest.mark.parametrize(
    ("text", "surface", "event"),
    [
        (">   Mor: Yasmin Haddad, f. 11.05.1989", "11.05.1989", True),
        ("som hun har hatt siden fødselen 2. august 2019.", "2. august 2019", True),
        ("Amina satt ferdig påkledd i gangen i en time 3. januar før de", "3. januar", True),
        ("- Kari sender notatet til deltakerne 3. mai.", "3. mai", False),
        ("Hun ble innlagt i fjor. Vi møtes igjen 4. juni.", "4. juni", False),
    ],
)
def test_a_date_in_an_agreed_action_is_kept_when_it_is_an_event_in_a_life(
    text: str, surface: str, event: bool
) -> None:
    from nlp.pii.stage import _event_date

    assert _event_date(text, flag(text, surface, "DATE")) is event


@pytest.mark.parametrize(
    ("text", "flagged", "found"),
    [
        # a flag over one half is widened over the whole word
        ("helsesøster på Ask sin skole, Sol-\nvang skole, som", "Sol", "Sol-\nvang"),
        ("innlagt på San-\nderud etter", "San", "San-\nderud"),
        # a broken word a name or place list knows is flagged on its own
        ("Møtet ble ledet av Ing-\nrid, som ønsket velkommen.", None, "Ing-\nrid"),
        ("jobber på Nortura i Brumund-\ndal når han", None, "Brumund-\ndal"),
    ],
)
def test_words_hyphenated_over_a_line_break(text: str, flagged: str | None, found: str) -> None:
    from nlp.pii.line_breaks import hyphen_breaks
    from nlp.pii.stage import _over_line_breaks

    flags = [flag(text, flagged, "PERSON")] if flagged else []
    out = _over_line_breaks(flags, hyphen_breaks(text))
    assert found in [text[f.start : f.end] for f in out]


def test_an_ordinary_word_hyphenated_over_a_line_break_is_not_flagged() -> None:
    from nlp.pii.line_breaks import hyphen_breaks
    from nlp.pii.stage import _over_line_breaks

    text = "Hun ringte barne-\nvernet og tretti-\nfem andre."
    assert _over_line_breaks([], hyphen_breaks(text)) == []


def test_two_places_joined_by_i_are_one() -> None:
    from nlp.pii.stage import _joined_places

    text = "Foreldrepar frå Sande i Sunnfjord. Dei bur i Førde."
    flags = [flag(text, "Sande", "LOCATION"), flag(text, "Sunnfjord", "LOCATION")]
    flags.append(flag(text, "Førde", "LOCATION"))
    assert [text[f.start : f.end] for f in _joined_places(text, flags)] == [
        "Sande i Sunnfjord",
        "Førde",
    ]


def test_lower_case_mentions_of_a_flagged_place_that_is_no_word_are_spread() -> None:
    from nlp.pii.stage import _spread

    text = "Hellevik ligg ved sjøen. Trude bur i hellevik. Mange bur ved ein helle."
    flags = [Flag(0, 8, "LOCATION", 0.85, "location")]
    assert [text[f.start : f.end] for f in _spread(text, flags) if f.start != 0] == ["hellevik"]


def test_a_flag_ending_in_a_word_hyphenated_over_a_line_is_widened_over_it() -> None:
    from nlp.pii.line_breaks import hyphen_breaks
    from nlp.pii.stage import _over_line_breaks

    text = "Saksbehandleren, Ingrid Hau-\ngen, var i permisjon."
    start = text.index("Ingrid")
    flags = [Flag(start, text.index("-\n") + 1, "PERSON", 0.85, "person")]
    widened = _over_line_breaks(flags, hyphen_breaks(text))
    assert any(text[f.start : f.end] == "Ingrid Hau-\ngen" for f in widened)


@pytest.mark.parametrize(
    ("text", "word", "ordinary"),
    [
        ("Per i dag har familien ikke fått noe.", "Per", True),
        ("Per sa at han ikke ble hørt.", "Per", False),
        ("Nok en gang ble det understreket.", "Nok", True),
        ("Lykkes vi med dette, blir det lettere.", "Lykkes", True),
        ("Lykkes mor kom også.", "Lykkes", False),
    ],
)
def test_round_20_a_name_that_is_also_a_word_used_as_the_word(
    text: str, word: str, ordinary: bool
) -> None:
    from nlp.pii.stage import _ordinary_use

    start = text.index(word)
    assert _ordinary_use(text, start, start + len(word)) is ordinary


def test_a_report_s_heading_for_one_meeting_holds_its_place_and_date() -> None:
    text = "Halvårsrapport\n\n3.1 ROM barnevern – Bodø, 7. februar 2024\nTema: samvær\n"
    lines = [(line, parse_fact_line(line)) for line in split_lines(text)]
    flags = [flag(text, "Bodø", "LOCATION"), flag(text, "7. februar 2024", "DATE")]
    assert _drop_header_facts(text, lines, flags, header_end=0) == []


def test_a_place_after_a_place_and_i_read_as_an_institution_is_joined() -> None:
    from nlp.pii.stage import _joined_places

    text = "Han tok bussen til mora i Nes i Ådal, uten medisiner."
    flags = [flag(text, "Nes", "LOCATION"), flag(text, "Ådal", "ORGANIZATION")]
    assert [(text[f.start : f.end], f.type) for f in _joined_places(text, flags)] == [
        ("Nes i Ådal", "LOCATION")
    ]


@pytest.mark.parametrize(
    ("text", "ordinary"),
    [("Dag 3 ringte en sykepleier.", True), ("Dag 3 år eldre enn Eli.", False)],
)
def test_a_day_counted_after_dag(text: str, ordinary: bool) -> None:
    from nlp.pii.stage import _ordinary_use

    assert _ordinary_use(text, 0, 3) is ordinary


@pytest.mark.parametrize(
    ("text", "first", "second", "type_", "joined"),
    [
        ("Han flytta ut til Sállan/Sørøya i vår.", "Sállan", None, "LOCATION", "Sállan/Sørøya"),
        ("Ho kjem frå Unjárga/Nesseby.", "Unjárga", None, "LOCATION", "Unjárga/Nesseby"),
        ("Tolken, Sidi ould Ahmedou, er dyktig.", "Sidi", "Ahmedou", "PERSON", "Sidi ould Ahmedou"),
    ],
)
def test_names_in_two_languages_or_with_a_particle_are_one(
    text: str, first: str, second: str | None, type_: str, joined: str
) -> None:
    from nlp.pii.stage import _joined_places

    flags = [flag(text, first, type_)] + ([flag(text, second, type_)] if second else [])
    assert [text[f.start : f.end] for f in _joined_places(text, flags)] == [joined]


def test_initials_before_a_slash_are_not_widened() -> None:
    from nlp.pii.stage import _joined_places

    text = "Referenten (K.H./T.L.) skreiv."
    flags = [flag(text, "K.H.", "PERSON")]
    assert [text[f.start : f.end] for f in _joined_places(text, flags)] == ["K.H."]


# red-team round 24 (a01–a12)
@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        # a word-name in lower case after "mor til", and opening a clause before a verb
        (
            "ask",
            "ask kom. ho er mor til ask som er nitten. ho sa at ask byrja å røyke.",
            ["ask", "ask"],
        ),
        ("sol", "sol kom.\nsol heiter eigentleg solveig. det var sol i dag.", ["sol"]),
        # a nickname's quote marks are no part of it, and a name spreads into a compound
        (
            "Per-Olav «Pelle» Nyheim",
            "Per-Olav «Pelle» Nyheim\n- «Pelle-metoden»: ringe.",
            ["Pelle"],
        ),
    ],
)
def test_round_24_names_spread_to_more_places(name: str, text: str, found: list[str]) -> None:
    from nlp.pii.stage import _spread

    flags = [Flag(0, len(name), "PERSON", 0.85, "person")]
    spread = _spread(text, flags)
    assert [text[f.start : f.end] for f in spread if f.start >= len(name)] == found


def test_round_24_a_role_read_as_a_name_is_not_spread_into_a_clause() -> None:
    from nlp.pii.stage import _spread

    text = "Bussjåføren Arne kom.\n- Bonden og bussjåføren vart nemnde."
    flags = [Flag(0, 16, "PERSON", 0.85, "person")]
    assert "bussjåføren" not in [text[f.start : f.end] for f in _spread(text, flags)]


@pytest.mark.parametrize(
    ("text", "word", "ordinary"),
    [
        ("Hun fikk diagnosen Wilsons sykdom som 19-åring.", "Wilsons", True),
        ("Han har Downs syndrom.", "Downs", True),
        ("Karis sykdom er alvorlig.", "Karis", False),
    ],
)
def test_round_24_a_doctor_s_name_in_a_disease(text: str, word: str, ordinary: bool) -> None:
    from nlp.pii.stage import _ordinary_use

    start = text.index(word)
    assert _ordinary_use(text, start, start + len(word)) is ordinary


def test_round_24_a_chat_export_s_emoji_codes_and_reactions() -> None:
    from nlp.pii.stage import _no_data_spans

    text = "Tonje skrev.\n    :heart: 4  :+1: 2\nKl. 10:30: møte. Se :white_check_mark: her."
    assert [text[a:b].strip() for a, b in _no_data_spans(text)] == [
        ":heart: 4  :+1: 2",
        ":heart:",
        ":+1:",
        ":white_check_mark:",
    ]


def test_round_24_a_name_in_capitals_in_a_header_label_stays() -> None:
    text = "NAMN PÅ LEIAR: GUNN BERIT LI\n"
    lines = [(line, parse_fact_line(line)) for line in split_lines(text)]
    kept = _drop_header_facts(text, lines, [flag(text, "GUNN BERIT LI", "PERSON")])
    assert [text[f.start : f.end] for f in kept] == ["GUNN BERIT LI"]


def test_round_24_word_s_note_of_a_formatting_change_holds_no_data() -> None:
    from nlp.pii.stage import _no_data_spans

    text = "Randi Haugland\nFormatert: Skrift: 11 pt, Fet\n\n1. Innledning"
    assert [text[a:b] for a, b in _no_data_spans(text)] == ["Formatert: Skrift: 11 pt, Fet"]
