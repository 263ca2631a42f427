"""Errors a user of the service's command line can act on (one Norwegian line, exit code 2)."""

from __future__ import annotations

from nlp.errors import RomnotatError


class ServiceError(RomnotatError):
    """Bad configuration or arguments: ``romnotat.cli.main`` prints it on one line, exit 2."""
