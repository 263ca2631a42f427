"""Names a flagged name or a family word links to (nlp/pii/name_links.py)."""

from __future__ import annotations

import pytest

from nlp.pii.name_links import links, misspelt


def found(text: str, people: list[str]) -> list[str]:
    spans = [(text.index(p), text.index(p) + len(p)) for p in people]
    return [text[k.start : k.end] for k in links(text, spans)]


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        # a list that begins or ends with a flagged name, in the note's own case
        ("-kari,ola og per. de bor i fåberg", ["kari"], ["ola", "per"]),
        ("Sol og Dag kom sammen.", ["Sol"], ["Dag"]),
        ("- Liv-Tone / Kari Berg fortalte", ["Kari Berg"], ["Liv-Tone"]),
        ("-liv-tone og kona kom", [], []),
        # a name owning a family member, a name joined to a family or case word
        ("- Per sin bror (i 30-åra) har vore besøksheim", [], ["Per"]),
        ("Tores mor ringte", [], ["Tores"]),
        ("Søsken blir gløymde. Hansen-ungane fekk ikkje vite noko.", [], ["Hansen"]),
        ("Det var mormor-Else som satte seg ned. Han sier «Ola-pappa».", [], ["Else", "Ola"]),
        ("- Ask sin mormor tar det meste.", [], ["Ask"]),
        ("Snap. lykke sin biologiske far har funne henne.", [], ["lykke"]),
        ("Kari-saka var den verste.", [], ["Kari"]),
    ],
)
def test_linked_names(text: str, people: list[str], expected: list[str]) -> None:
    assert found(text, people) == expected


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Kari og mor kom, og det kostet 400 per måned.", ["Kari"]),
        ("rom-leiar: brita ulvestad, co: jonas sæbø.", ["brita ulvestad", "jonas sæbø"]),
        ("ahmed kom alene. kona hans, hodan, ble innlagt", ["ahmed", "hodan"]),
        ("Går ho på vidaregåande?\nJa, Mariia er 16.", ["Mariia"]),
        ("Barnevernets mor og Kommunens far", []),
        ("Ola og Per-Erik kom", ["Ola", "Per-Erik"]),
    ],
)
def test_words_that_are_no_linked_names(text: str, people: list[str]) -> None:
    assert found(text, people) == []


def test_a_foreign_name_written_without_its_marks() -> None:
    text = "- Marit Härkönen (står som Harkonen på deltakerlista) er beredskapshjem."
    found = [text[k.start : k.end] for k in misspelt(text, ["Marit Härkönen"])]
    assert found == ["Harkonen"]


def test_other_spellings_of_a_flagged_name() -> None:
    text = (
        "- Amina Yusuf (står som «Aamina Yuusuf» på navnelappen).\n"
        "-ingird og svein kom. ingrid sa det. Hansen og Hansa. Han pakket bamsen."
    )
    names = ["Amina Yusuf", "ingrid", "Hansen", "Bamse"]
    found = [text[k.start : k.end] for k in misspelt(text, names)]
    # "Hansa" is an ordinary word; "bamsen" in lower case is no spelling of "Bamse"
    assert found == ["Aamina", "Yuusuf", "ingird"]


def test_initials_or_a_name_in_brackets_after_a_role() -> None:
    text = "- mor (AH): 2 barn. far (T.) sender. BV-leder (Kjersti) kom. Møte (NAV), plan (A)."
    assert found(text, []) == ["AH", "T.", "Kjersti"]


def test_a_genitive_with_an_apostrophe() -> None:
    assert found("Ho fekk vite det frå Lars' bror, ikkje frå sjukehuset.", []) == ["Lars'"]


@pytest.mark.parametrize(
    ("text", "name", "initials"),
    [
        ("Referent: Tor-Arne Lien (tal)\n", "Tor-Arne Lien", "tal"),
        ("Vi snakket med Kari Hansen (KH) etterpå.", "Kari Hansen", "KH"),
    ],
)
def test_a_name_s_own_initials_in_brackets_after_it(text: str, name: str, initials: str) -> None:
    from nlp.pii.name_links import own_initials

    start = text.index(name)
    found = own_initials(text, [(start, start + len(name))])
    assert [text[f.start : f.end] for f in found] == [initials]


def test_a_service_in_brackets_after_a_name_is_no_initials() -> None:
    from nlp.pii.name_links import own_initials

    text = "Per Olsen (PPT) kom."
    assert own_initials(text, [(0, 9)]) == []


# red-team round 24 (a01–a12)
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("3. «Hos mormor får ho vere barnebarn,» sa ho.", []),  # a preposition opening a quote
        ("- Lykkes pappa har vært rusavhengig.", ["Lykkes"]),  # a word-name's genitive stays
    ],
)
def test_round_24_a_genitive_opening_a_sentence(text: str, found: list[str]) -> None:
    assert [text[k.start : k.end] for k in links(text, [])] == found


def test_round_25_a_nickname_no_list_knows_owning_a_family_member() -> None:
    text = "- Jonken sin mamma (Hanne Brekke, lærer) kom."
    assert [text[k.start : k.end] for k in links(text, [])] == ["Jonken"]


# red-team round 26 (i01–i12)
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("| Mor K.¹ | «Gutten ble voksen altfor tidlig.» |", ["K."]),
        ("- Fastlegen til Far T., Ngozi Okafor, spurte.", ["T."]),
        ("| Ungdom M.⁴ | «Det verste var å late som.» |", ["M."]),
        ("«Da sov jeg», sa mor X.", []),  # the name left out
    ],
)
def test_round_26_an_initial_after_a_role(text: str, found: list[str]) -> None:
    assert [text[k.start : k.end] for k in links(text, [])] == found
