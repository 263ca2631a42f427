"""Errors a user can act on. Messages are in Norwegian bokmål and never contain note text."""

from __future__ import annotations


class RomnotatError(Exception):
    """Base class: ``message`` says what went wrong, ``hint`` what to do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class InputError(RomnotatError):
    """The input cannot be read: empty, too large, wrong format, corrupt, wrong encoding."""


class ModelUnavailableError(RomnotatError):
    """No Norwegian pipeline or classifier is available and none can be built."""
