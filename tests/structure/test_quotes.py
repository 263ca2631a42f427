"""Quotes: quote marks, lines under Sitater, dash speech; speakers; scare quotes and titles."""

from __future__ import annotations

import pytest

from nlp.structure.quotes import QuoteSpan, find_quotes


def found(text: str, quote_lines: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    quotes = find_quotes(text, quote_lines)
    for quote in quotes:
        assert isinstance(quote, QuoteSpan)
        assert 0 <= quote.start < quote.end <= len(text)
    return [(text[q.start : q.end], q.speaker) for q in quotes]


BODY = "Vi ble aldri spurt om noe"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"«{BODY}», sa en far.", "forelder"),
        (f'"{BODY}", sa en mor.', "forelder"),
        (f"”{BODY}”, sa en ungdom.", "ungdom"),
        (f"“{BODY}”, sa en fagperson.", "fagperson"),
        (f"‘{BODY}’, sa en pårørende.", "pårørende"),
        (f"„{BODY}“, sa en deltaker.", "deltaker"),
        (f"Hun sa: «{BODY}» og gikk.\n«{BODY}», fortalte en søster.", "pårørende"),
    ],
)
def test_quote_marks_and_span_without_marks(text: str, speaker: str) -> None:
    quotes = found(text)
    assert quotes, "no quote found"
    assert quotes[-1] == (BODY, speaker)
    for body, _ in quotes:
        assert not body.startswith(("«", '"', "”", "“", "‘", "„"))
        assert not body.endswith(("»", '"', "”", "“", "’"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # attribution after
        ("«Vi ble aldri spurt om noe», sa en far.", "forelder"),
        ("«Vi ble aldri spurt om noe», sa en mor.", "forelder"),
        ("«Vi ble aldri spurt om noe» – far", "forelder"),
        ("«Vi ble aldri spurt om noe» (fagperson, NAV)", "fagperson"),
        ("«Vi ble aldri spurt om noe», sa en ansatt i kommunen.", "fagperson"),
        ("«Vi ble aldri spurt om noe», sa en 16-åring.", "ungdom"),
        ("«Vi ble aldri spurt om noe», sa en søster.", "pårørende"),
        ("«Vi ble aldri spurt om noe», sa en deltaker.", "deltaker"),
        ("«Vi ble aldri spurt om noe», fortalte ei jente.", "ungdom"),
        # attribution before
        ("En far sa: «Vi ble aldri spurt om noe»", "forelder"),
        ("Ei mor sa: «Vi ble aldri spurt om noe»", "forelder"),
        ("En fagperson fra NAV sa: «Vi ble aldri spurt om noe»", "fagperson"),
        ("En ungdom fortalte: «Vi ble aldri spurt om noe»", "ungdom"),
        # pronoun resolved from the paragraph
        ("En mor fortalte. «Vi ble aldri spurt om noe», sa hun.", "forelder"),
        ("En far var sint. «Vi ble aldri spurt om noe», sa han.", "forelder"),
        ("En fagperson svarte på spørsmål. «Vi ble aldri spurt om noe», sa hun.", "fagperson"),
        # content when nobody is named
        ("«Som forelder ble jeg aldri spurt om noe.»", "forelder"),
        ("«Vi i tjenesten har for lite tid til hver familie.»", "fagperson"),
        ("«Som pårørende ble jeg aldri spurt om noe.»", "pårørende"),
    ],
)
def test_speaker_from_attribution_then_content(text: str, speaker: str) -> None:
    [(body, who)] = found(text)
    assert "sa " not in body and "–" not in body and "(" not in body
    assert who == speaker


@pytest.mark.parametrize(
    "text",
    [
        "En mor fortalte om sønnen. «Han fikk ikke hjelp før det var for sent», sa hun.",
        "En far snakket om datteren. «Hun fikk aldri en fast kontakt», sa han.",
    ],
)
def test_pronoun_attribution_skips_the_child_talked_about(text: str) -> None:
    [(_, who)] = found(text)
    assert who == "forelder"


@pytest.mark.parametrize(
    ("text", "body", "speaker"),
    [
        ("– Vi ble aldri spurt, sa en far.", "Vi ble aldri spurt", "forelder"),
        ("— Vi ble aldri spurt, sa en mor.", "Vi ble aldri spurt", "forelder"),
        ("- Ingen spurte oss, sa en ungdom.", "Ingen spurte oss", "ungdom"),
        ("– Hvorfor ringte ingen? spurte en far.", "Hvorfor ringte ingen", "forelder"),
        (
            "– Vi har for lite tid til familiene, sa en fagperson fra NAV.",
            "Vi har for lite tid til familiene",
            "fagperson",
        ),
    ],
)
def test_dash_speech_at_line_start(text: str, body: str, speaker: str) -> None:
    assert found(text) == [(body, speaker)]


def test_dash_speech_lines_one_after_another() -> None:
    text = "– Vi ble aldri spurt, sa en far.\n– Det var vondt å se på, sa en søster.\n"
    assert found(text) == [
        ("Vi ble aldri spurt", "forelder"),
        ("Det var vondt å se på", "pårørende"),
    ]


def test_dash_speech_after_a_heading_and_colon() -> None:
    text = "Sitat fra kvelden: – Han ble voksen på papiret, men ikke i hodet, sa moren.\n"
    assert found(text) == [("Han ble voksen på papiret, men ikke i hodet", "forelder")]


@pytest.mark.parametrize(
    ("who", "speaker"), [("faren", "forelder"), ("en fagperson", "fagperson"), ("han", None)]
)
def test_dash_speech_inside_a_paragraph(who: str, speaker: str | None) -> None:
    text = (
        "Sønnen ble innlagt med psykose. – Det var første gang noen spurte oss "
        f"hvordan vi hadde det, sa {who}. Etterpå ble det bedre."
    )
    quotes = found(text)
    assert [body for body, _ in quotes] == [
        "Det var første gang noen spurte oss hvordan vi hadde det"
    ]
    if speaker:
        assert quotes[0][1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Familien deltok på de såkalte «ansvarsgruppemøtene» hvert halvår.",
        "Hun gikk på kurset «Foreldre i rus» i fjor.",
        "Vi fikk brosjyren «Når mor eller far er syk» på helsestasjonen.",
        "Vi lastet ned appen «Sterk og klar» sammen.",
        "Tilbudet heter «Pårørendeskolen» og er gratis.",
        'Prosjektet "Sammen om barna" er nytt.',
        "Det var «kaos» hjemme.",
        "Vi var «heldige» som fikk plass.",
        'Han fikk "hjelp" etter et år.',
        "Det ble kalt «god nok» omsorg.",
        "Skolen var «helt» fraværende.",
    ],
)
def test_scare_quotes_titles_and_single_words_are_not_quotes(text: str) -> None:
    assert found(text) == []


def test_title_and_real_quote_in_one_paragraph() -> None:
    text = (
        "Hun gikk på kurset «Foreldre i rus» i fjor. «Det var første gang jeg ble sett», sa en mor."
    )
    assert found(text) == [("Det var første gang jeg ble sett", "forelder")]


def test_nested_quote_is_kept_inside_the_outer_one() -> None:
    text = '«Han sa "nei" til meg hver gang jeg spurte», sa en mor.'
    assert found(text) == [('Han sa "nei" til meg hver gang jeg spurte', "forelder")]


def test_quote_marks_do_not_pair_across_lines() -> None:
    assert found("«Vi ble aldri spurt.\nDet var vondt», sa en far.") == []


def _lines_after_heading(text: str) -> list[tuple[int, int]]:
    spans, pos = [], text.index("\n") + 1
    for line in text[pos:].split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def test_lines_under_sitater_are_quotes_without_attribution() -> None:
    text = (
        "Sitater\n"
        "Vi ble aldri spurt om noe – far\n"
        "Det hjalp at læreren ringte hjem (fagperson, skole)\n"
        "Jeg ble sett for første gang, sa en mor.\n"
        "Ingen visste hvem som hadde ansvaret\n"
    )
    assert found(text, _lines_after_heading(text)) == [
        ("Vi ble aldri spurt om noe", "forelder"),
        ("Det hjalp at læreren ringte hjem", "fagperson"),
        ("Jeg ble sett for første gang", "forelder"),
        # nobody named: the note's most-mentioned participant role
        ("Ingen visste hvem som hadde ansvaret", "forelder"),
    ]


def test_quote_line_with_marks_is_not_counted_twice() -> None:
    text = "Sitater\n«Vi ble aldri spurt», sa en far.\n"
    assert found(text, _lines_after_heading(text)) == [("Vi ble aldri spurt", "forelder")]


def test_short_line_under_sitater_is_a_quote_even_without_marks() -> None:
    text = "Sitater\n«Endelig»\n"
    assert found(text, _lines_after_heading(text)) == [("Endelig", "ukjent")]


def test_unknown_speaker_falls_back_to_notes_main_role() -> None:
    text = (
        "Flere foreldre fortalte om lang ventetid. En mor og en far kom sammen.\n"
        "«Det tok et år før noen ringte oss tilbake.»\n"
    )
    [(body, speaker)] = found(text)
    assert body == "Det tok et år før noen ringte oss tilbake."
    assert speaker == "forelder"


def test_no_role_anywhere_gives_ukjent() -> None:
    assert found("«Det tok et år før noen ringte tilbake.»") == [
        ("Det tok et år før noen ringte tilbake.", "ukjent")
    ]


def test_quotes_are_sorted_by_position() -> None:
    text = "– Først dette, sa en far.\n«Så dette her også», sa en mor.\n"
    quotes = find_quotes(text)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert [text[q.start : q.end] for q in quotes] == ["Først dette", "Så dette her også"]


def test_the_evenings_theme_in_quote_marks_is_no_quote() -> None:
    import spacy

    from nlp.analyse import build_note
    from nlp.readers import read_text

    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    read = read_text(
        "Kveldens tema: «Å bli hørt i egen sak»\nDato: 3.4.2025\n\nUtfordringer\n"
        "- Mor sa: «Ingen spurte meg om noe.»\n"
    )
    note, _structure = build_note(read, nlp(read.text))
    assert note.header.theme == "«Å bli hørt i egen sak»"
    assert [q.text for q in note.quotes] == ["Ingen spurte meg om noe."]
