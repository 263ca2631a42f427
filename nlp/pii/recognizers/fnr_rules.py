"""Validity rules for Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer).

An identity number has 11 digits ``DDMMYY III K1 K2``: a birth date, a three-digit individual
number and two check digits.

* **fødselsnummer**: ``DD`` is the day (01–31), ``MM`` the month (01–12).
* **D-nummer**: 4 is added to the first digit, so the day part is 41–71.
* **H-nummer**: 4 is added to the third digit, so the month part is 41–52.

A number that is both (day 41–71 *and* month 41–52) is not valid. The date must exist: the
day must fit the month; 29 February is accepted when ``YY`` is divisible by 4 (the individual
number's old century coding is not checked, so that numbers issued under the new rules below and
synthetic-looking edge cases are not rejected — recall first).

Check digits, classic rule (numbers issued up to 2032)::

    k1 = 11 - (3·d1 + 7·d2 + 6·d3 + 1·d4 + 8·d5 + 9·d6 + 4·d7 + 5·d8 + 2·d9) mod 11
    k2 = 11 - (5·d1 + 4·d2 + 3·d3 + 2·d4 + 7·d5 + 6·d6 + 5·d7 + 4·d8 + 3·d9 + 2·k1) mod 11

where 11 becomes 0 and 10 (remainder 1) makes the number invalid.

Rules from 2032 — our understanding of Skatteetaten's announced change: the pool of individual
numbers runs out, so the first check digit is loosened. The weighted sum including k1,
``3·d1 + … + 2·d9 + 1·k1``, may leave remainder 0, 1, 2 or 3 modulo 11 (classic numbers are the
remainder-0 case). Equivalently, with ``c = (11 - S mod 11) mod 11`` the classic k1 before the
"10 is invalid" rule, k1 may be any of ``c, c+1, c+2, c+3`` (mod 11) that is a single digit
(a value of 10 is never a digit). The second check digit is computed from d1…d9 and k1 exactly
as before and must be valid. Every classic number is also valid under the new rule; this module
accepts both, because numbers of both generations will be in circulation. Changing any single
digit of a valid number always breaks k2 (all weights are non-zero modulo the prime 11).
"""

from __future__ import annotations

import calendar
from typing import Literal

Kind = Literal["fnr", "d", "h"]

K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _digits(text: str) -> list[int] | None:
    compact = "".join(c for c in text if c not in " \u00a0\u202f-\n.–")  # "140312 524 16"
    if len(compact) != 11 or not compact.isascii() or not compact.isdigit():
        return None
    return [int(c) for c in compact]


def classic_k1(first9: list[int] | str) -> int:
    """The classic first check digit *before* rejecting 10: a value 0–10."""
    digits = [int(d) for d in first9]
    return (11 - sum(w * d for w, d in zip(K1_WEIGHTS, digits)) % 11) % 11


def k2_for(first10: list[int] | str) -> int | None:
    """The second check digit for d1…d9 k1, or None when it would be 10 (no valid number)."""
    digits = [int(d) for d in first10]
    value = (11 - sum(w * d for w, d in zip(K2_WEIGHTS, digits)) % 11) % 11
    return None if value == 10 else value


def allowed_k1(first9: list[int] | str) -> tuple[int, ...]:
    """Every first check digit accepted for d1…d9 (classic value first, then the 2032 ones)."""
    c = classic_k1(first9)
    return tuple(v for v in ((c + i) % 11 for i in range(4)) if v != 10)


def checksum_ok(digits: list[int] | str, *, classic_only: bool = False) -> bool:
    """True when both check digits are valid (``classic_only``: k1 must be the classic value)."""
    d = [int(x) for x in digits]
    if len(d) != 11:
        return False
    c = classic_k1(d[:9])
    if classic_only:
        if c == 10 or d[9] != c:
            return False
    elif d[9] not in allowed_k1(d[:9]):
        return False
    return k2_for(d[:10]) == d[10]


def _date_kind(d: list[int]) -> Kind | None:
    day = d[0] * 10 + d[1]
    month = d[2] * 10 + d[3]
    year = d[4] * 10 + d[5]
    kind: Kind = "fnr"
    if day > 40:
        day -= 40
        kind = "d"
    if month > 40:
        if kind == "d":
            return None
        month -= 40
        kind = "h"
    if not 1 <= month <= 12 or day < 1:
        return None
    # 29 February: accept whenever YY can be a leap year in some century (2000 was one).
    days = calendar.monthrange(2000 + year if year % 4 == 0 else 2001, month)[1]
    if day > days:
        return None
    return kind


def kind(digits: str) -> Kind | None:
    """The kind of a valid number: "fnr", "d" (D-nummer) or "h" (H-nummer); else None.

    ``digits`` is the 11-digit number; one space or hyphen between the date part and the
    personal part ("140312 52416") is tolerated.
    """
    d = _digits(digits)
    if d is None:
        return None
    number_kind = _date_kind(d)
    if number_kind is None or not checksum_ok(d):
        return None
    return number_kind


def date_kind(digits: str) -> Kind | None:
    """The kind the first six digits give when they are a date, whatever the check digits."""
    d = _digits(digits)
    return None if d is None else _date_kind(d)


def is_valid_fnr(digits: str) -> bool:
    """True for a valid fødselsnummer, D-nummer or H-nummer (classic or 2032 check digits)."""
    return kind(digits) is not None
