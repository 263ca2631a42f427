"""A quote's signature line (nlp/pii/signatures.py)."""

from __future__ import annotations

import pytest

from nlp.pii.signatures import quote_signatures

TEXT = """«Jeg ble aldri spurt.»
– Sara, 16, Lillestrøm
– S., 14
– anonym, sytten år
– liv, 19, lørenskog
– mor, 45
- Vi møtes, 18
- Møtet varte, 3
"""


def test_who_their_age_and_place_are_flagged() -> None:
    found = [(p.type, TEXT[p.start : p.end]) for p in quote_signatures(TEXT)]
    assert found == [
        ("PERSON", "Sara"),
        ("AGE", "16"),
        ("LOCATION", "Lillestrøm"),
        ("PERSON", "S."),
        ("AGE", "14"),
        ("AGE", "sytten år"),  # the speaker is hidden, the age still narrows down who it is
        ("PERSON", "liv"),
        ("AGE", "19"),
        ("LOCATION", "lørenskog"),
        ("AGE", "45"),  # a role hides the name, not the age
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "5. «Det er bare overskyet.» ☁️ – Sol, sytten, Vennesla\n",
            [("PERSON", "Sol"), ("AGE", "sytten"), ("LOCATION", "Vennesla")],
        ),
        ("6. «Han er ni.» 😶 (Rojin, 10. klasse, Tangen skole)\n", [("PERSON", "Rojin")]),
        ("7. «Jeg vet ikke.» (en jente, 15)\n", []),
    ],
)
def test_a_signature_after_the_quote_on_its_line(text: str, expected: list) -> None:
    assert [(p.type, text[p.start : p.end]) for p in quote_signatures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Men ungene mine var barn hele tiden.» (Eir)\n", [("PERSON", "Eir")]),
        ("«Han dro fredag.» (FM Sol)\n", [("PERSON", "Sol")]),
        ("«Tre FH før 12.» (FF)\n", []),
        ("«Det var tungt.» (mor)\n", []),
    ],
)
def test_a_name_alone_in_brackets_after_a_quote(text: str, expected: list) -> None:
    assert [(p.type, text[p.start : p.end]) for p in quote_signatures(text)] == expected
