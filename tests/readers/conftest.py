"""Shared checks for reader refusals."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.errors import InputError

SECRET = "HEMMELIG-NAVN-Kari-Nordmann"


def _check(error: BaseException) -> None:
    assert isinstance(error, InputError)
    text = str(error)
    assert error.message.strip(), "a refusal says what is wrong"
    assert error.hint.strip(), "a refusal says what to do"
    assert "\n" not in text, "one line"
    assert SECRET not in text and "Kari" not in text, "no note text in messages"


@pytest.fixture
def check_error() -> Callable[[BaseException], None]:
    return _check
