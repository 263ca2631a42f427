"""FNR recognizer and fnr_rules: generated valid numbers, near-misses, account/org numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.pii.recognizers.fnr import FnrRecognizer
from nlp.pii.recognizers.fnr_rules import checksum_ok, is_valid_fnr, kind

# -- a test-side builder, independent of fnr_rules ------------------------------------------

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check(digits: str, weights: tuple[int, ...]) -> int:
    """11 - weighted sum mod 11, with 11 -> 0 (10 means: no valid digit)."""
    return (11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11) % 11


def build(
    day: int, month: int, yy: int, individual: int, *, kind: str = "fnr", k1_shift: int = 0
) -> str | None:
    """An identity number with valid check digits, or None if this individual number has none.

    ``kind``: "fnr", "d" (day + 40) or "h" (month + 40). ``k1_shift`` 1–3 builds a number that
    is valid only under the 2032 rules (k1 = classic k1 + shift mod 11). Dates are not checked:
    impossible dates with valid check digits are built on purpose for negative tests.
    """
    dd = day + (40 if kind == "d" else 0)
    mm = month + (40 if kind == "h" else 0)
    first9 = f"{dd:02d}{mm:02d}{yy:02d}{individual:03d}"
    k1 = (_check(first9, W1) + k1_shift) % 11
    if k1 == 10:
        return None
    k2 = _check(first9 + str(k1), W2)
    if k2 == 10:
        return None
    return f"{first9}{k1}{k2}"


def valid_numbers(day: int, month: int, yy: int, *, kind: str = "fnr", k1_shift: int = 0, n=3):
    found = []
    for individual in range(0, 1000, 7):
        number = build(day, month, yy, individual, kind=kind, k1_shift=k1_shift)
        if number is not None:
            found.append(number)
        if len(found) == n:
            return found
    raise AssertionError("no valid number found")


FNR = valid_numbers(14, 3, 12) + valid_numbers(29, 2, 84) + valid_numbers(31, 12, 99, n=2)
D_NUMBERS = valid_numbers(5, 7, 90, kind="d") + valid_numbers(31, 1, 1, kind="d", n=1)
H_NUMBERS = valid_numbers(17, 5, 75, kind="h") + valid_numbers(1, 12, 3, kind="h", n=1)
NEW_RULE = [
    number
    for shift in (1, 2, 3)
    for number in valid_numbers(8, 9, 33, k1_shift=shift, n=2)
    if not checksum_ok(number, classic_only=True)
]
ALL_VALID = FNR + D_NUMBERS + H_NUMBERS + NEW_RULE


def one_off(number: str, position: int) -> str:
    digit = (int(number[position]) + 1) % 10
    return number[:position] + str(digit) + number[position + 1 :]


@pytest.fixture(scope="module")
def recognizer() -> FnrRecognizer:
    return FnrRecognizer()


def spans(recognizer: FnrRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=["FNR"], nlp_artifacts=None)
    assert all(r.entity_type == "FNR" for r in results)
    return [text[r.start : r.end] for r in results]


# -- fnr_rules ------------------------------------------------------------------------------


def test_builder_makes_numbers_of_every_kind() -> None:
    assert len(FNR) >= 8 and len(D_NUMBERS) >= 4 and len(H_NUMBERS) >= 4
    assert len(NEW_RULE) >= 3, "some 2032-rule numbers differ from classic ones"


@pytest.mark.parametrize("number", FNR)
def test_kind_fnr(number: str) -> None:
    assert kind(number) == "fnr"
    assert is_valid_fnr(number)


@pytest.mark.parametrize("number", D_NUMBERS)
def test_kind_d_number(number: str) -> None:
    assert kind(number) == "d"


@pytest.mark.parametrize("number", H_NUMBERS)
def test_kind_h_number(number: str) -> None:
    assert kind(number) == "h"


@pytest.mark.parametrize("number", NEW_RULE)
def test_2032_rule_numbers_are_valid(number: str) -> None:
    assert not checksum_ok(number, classic_only=True)
    assert is_valid_fnr(number)


def test_example_from_annotation_guide() -> None:
    assert kind("14031252416") == "fnr"
    assert kind("140312 52416") == "fnr"


@pytest.mark.parametrize("number", ALL_VALID)
@pytest.mark.parametrize("position", range(11))
def test_any_single_digit_change_is_invalid(number: str, position: int) -> None:
    assert not is_valid_fnr(one_off(number, position))


@pytest.mark.parametrize(
    "day,month,yy,kind_",
    [
        (32, 1, 80, "fnr"),  # no day 32
        (0, 5, 80, "fnr"),  # no day 0
        (12, 13, 80, "fnr"),  # no month 13
        (12, 0, 80, "fnr"),  # no month 0
        (30, 2, 80, "fnr"),  # no 30 February
        (29, 2, 81, "fnr"),  # 1981/2081 are not leap years
        (31, 4, 80, "fnr"),  # April has 30 days
        (32, 3, 80, "d"),  # D-nummer day 72
        (10, 13, 80, "h"),  # H-nummer month 53
    ],
)
def test_impossible_dates_are_invalid(day: int, month: int, yy: int, kind_: str) -> None:
    numbers = valid_numbers(day, month, yy, kind=kind_, n=3)
    assert all(kind(number) is None for number in numbers)


def test_both_d_and_h_is_invalid() -> None:
    d_number = valid_numbers(12, 5, 80, kind="d", n=1)[0]
    both = valid_numbers(52, 5, 80, kind="h", n=1)[0]  # day 52 (D) and month 45 (H)
    assert kind(d_number) == "d"
    assert kind(both) is None


@pytest.mark.parametrize("text", ["", "1403125241", "140312524160", "1403125241a", "١٤٠٣١٢٥٢٤١٦"])
def test_not_eleven_ascii_digits(text: str) -> None:
    assert kind(text) is None


# -- recognizer: positives ------------------------------------------------------------------

POSITIVES = [
    ("Fødselsnummeret hennes er {n}.", "{n}"),
    ("Mors fnr: {n}", "{n}"),
    ("Han oppga personnummeret {n} på skjemaet.", "{n}"),
    ("({n})", "{n}"),
    ("Skjemaet hadde {n} i feltet for barnet.", "{n}"),
    ("Fødselsnummer {d6} {d5} sto på brevet.", "{d6} {d5}"),
    ("Fnr.: {d6}\u00a0{d5}", "{d6}\u00a0{d5}"),
    ("Eleven sitt fødselsnummer ({d6}-{d5}) låg i mappa.", "{d6}-{d5}"),
    ("Nummeret {n}, som ho gav oss, var rett.", "{n}"),
    ("- fnr {n}\n- tlf 99 88 77 66", "{n}"),
    ("fnr {d6} {d3} {d2} på lista", "{d6} {d3} {d2}"),
    ("fødselsnummeret til Storm, {d6}\n{d5}, i eit brev", "{d6}\n{d5}"),
    ("fødselsnummeret hans, {d4} {d2b} {d5}, godt synlig", "{d4} {d2b} {d5}"),
]


def _fill(template: str, number: str) -> str:
    return template.format(
        n=number,
        d6=number[:6],
        d5=number[6:],
        d3=number[6:9],
        d2=number[9:],
        d4=number[:4],
        d2b=number[4:6],
    )


POSITIVE_CASES = [
    pytest.param(_fill(text, number), _fill(span, number), id=f"{i}-{number}")
    for i, (text, span) in enumerate(POSITIVES)
    for number in (FNR[0], D_NUMBERS[0], H_NUMBERS[0], NEW_RULE[0])
] + [
    pytest.param("Fødselsnummeret var 140312 52416.", "140312 52416", id="annotation-example"),
    pytest.param(
        f"D-nummeret hans er {D_NUMBERS[1]} og moras er {FNR[1]}.",
        D_NUMBERS[1],
        id="two-numbers-first",
    ),
    pytest.param(f"Kontonummer og fødselsnummer: {FNR[2]}", FNR[2], id="id-word-nearer-than-konto"),
]


@pytest.mark.parametrize("text,expected", POSITIVE_CASES)
def test_positive(recognizer: FnrRecognizer, text: str, expected: str) -> None:
    assert expected in spans(recognizer, text)


def test_two_numbers_both_found(recognizer: FnrRecognizer) -> None:
    text = f"D-nummeret hans er {D_NUMBERS[1]} og moras er {FNR[1]}."
    assert spans(recognizer, text) == [D_NUMBERS[1], FNR[1]]


def test_score_and_context(recognizer: FnrRecognizer) -> None:
    result = recognizer.analyze(f"fnr {FNR[0]}", entities=["FNR"], nlp_artifacts=None)[0]
    assert result.score == pytest.approx(0.8)
    assert "fødselsnummer" in recognizer.context
    assert recognizer.supported_language == "nb"
    assert recognizer.supported_entities == ["FNR"]


def test_other_entities_not_asked(recognizer: FnrRecognizer) -> None:
    assert recognizer.analyze(f"fnr {FNR[0]}", entities=["PHONE"], nlp_artifacts=None) == []


# -- recognizer: negatives ------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        *(one_off(n, p) for n, p in [(FNR[0], 10), (D_NUMBERS[0], 4), (H_NUMBERS[0], 9)]),
        one_off(NEW_RULE[0], 9),
        "030593 47185",  # made up for a form: the date holds, the check digits do not
    ],
)
def test_a_number_with_wrong_check_digits_is_flagged_lower(
    recognizer: FnrRecognizer, number: str
) -> None:
    """A fødselsnummer typed one digit wrong still tells who someone is: flagged when its first
    six digits are a date, below a valid one (the engine's context words raise it)."""
    assert kind(number) is None
    text = f"Fødselsnummeret er {number}."
    found = recognizer.analyze(text, entities=["FNR"], nlp_artifacts=None)
    assert [(text[r.start : r.end], r.score) for r in found] == [(number, pytest.approx(0.5))]


NEGATIVES = [
    pytest.param(f"fnr {valid_numbers(30, 2, 80, n=1)[0]}", id="30-february"),
    pytest.param(f"fnr {valid_numbers(12, 13, 80, n=1)[0]}", id="month-13"),
    pytest.param("Kontonummeret er 1234.56.78903.", id="account-dots"),
    pytest.param("Pengene går til 1234 56 78903.", id="account-4-2-5"),
    pytest.param(f"Kontonummer {FNR[0]}", id="kontonummer"),
    pytest.param(f"kontonr. {FNR[1]}", id="kontonr"),
    pytest.param(f"Hun ga oss bankkontoen sin, {FNR[2]}.", id="bankkonto"),
    pytest.param(f"org.nr {FNR[3]}", id="org.nr"),
    pytest.param(f"Organisasjonsnummeret til firmaet er {D_NUMBERS[0]}.", id="org-nummer"),
    pytest.param(f"Sjekk konto nummer {H_NUMBERS[0]}", id="konto-nummer-split"),
    pytest.param(f"Referansen var {FNR[0]}7 i systemet.", id="longer-run-after"),
    pytest.param(f"Referansen var 9{FNR[0]} i systemet.", id="longer-run-before"),
    pytest.param(f"Kode 12 {FNR[0]} i systemet.", id="digit-group-before"),
    pytest.param(f"Beløpet {FNR[0]},50 kroner.", id="decimal"),
    pytest.param("Ring 99 88 77 66 eller 412 34 567.", id="phones"),
    pytest.param("Hun ble født 14.03.2012 på Gjøvik.", id="date"),
    pytest.param("Saksnummer 2021/12345678.", id="case-number"),
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(recognizer: FnrRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


# -- robustness -----------------------------------------------------------------------------

HYPOTHESIS_RECOGNIZER = FnrRecognizer()
TOKENS = ["fnr", "konto", "org.nr", " ", "-", ".", "\u00a0", "\n", *ALL_VALID[:4], "12", "0"]


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet="0123456789 .-/,\u00a0"),
        st.lists(st.sampled_from(TOKENS), max_size=12).map("".join),
    )
)
def test_any_text_spans_within_text(text: str) -> None:
    for result in HYPOTHESIS_RECOGNIZER.analyze(text, entities=["FNR"], nlp_artifacts=None):
        assert 0 <= result.start < result.end <= len(text)
        assert result.entity_type == "FNR"
        assert is_valid_fnr(text[result.start : result.end])
